import { changeStanding } from '../diff/change-standing.js';
import type { Severity } from '../model/finding.js';
import { groupsInFirstOrder } from './first-order-groups.js';

/** What folding reads of a change: summary-changes.ts's ConnectorChange, which imports this file. */
export interface FoldableChange {
  breaking: boolean;
  severity?: Severity;
  operationId?: string;
  valuePath?: string;
  file?: string;
  side?: 'old' | 'new';
  finding?: unknown;
}

/** What a ValuePath reads with its operation taken out: `operation/{operationId}/responses`. */
const OPERATION_PLACEHOLDER = '{operationId}';

/** One bullet of a rule's changes: a change, or the same change made in several operations. */
export type ChangeItem<ConnectorChange extends FoldableChange> =
  | { readonly kind: 'one'; readonly change: ConnectorChange; readonly said: string }
  | {
      readonly kind: 'fold';
      /** In the order they came, each with an operation: the bullet names each. */
      readonly changes: readonly ConnectorChange[];
      readonly said: string;
      /** The ValuePath of every one, its operation as OPERATION_PLACEHOLDER; undefined when they have none. */
      readonly valuePath: string | undefined;
    };

/**
 * A rule's changes as the summary lists them: the non-breaking changes that say the same of several
 * operations, in the same file, fold into one bullet where the first of them stands. HiveCPQ added a
 * 500 response to each of its 144 operations: that read as 144 bullets of "Changed: responses 500
 * (added)", between which its 22 new output fields and 12 new operations had to be picked out.
 *
 * Breaking changes and warnings are never folded: each is a finding on its own line, that the reviewer
 * decides on or that the maker puts right one by one. `said[i]` is what the bullet says of `changes[i]`.
 */
export function foldChanges<ConnectorChange extends FoldableChange>(
  changes: readonly ConnectorChange[],
  said: readonly string[],
): ChangeItem<ConnectorChange>[] {
  const indexes = changes.map((_, index) => index);
  return groupsInFirstOrder(indexes, (index) => foldKey(changes[index]!, said[index]!)).map((group) => {
    const first = group[0]!;
    return group.length === 1
      ? { kind: 'one', change: changes[first]!, said: said[first]! }
      : {
          kind: 'fold',
          changes: group.map((index) => changes[index]!),
          said: said[first]!,
          valuePath: operationPattern(changes[first]!),
        };
  });
}

/**
 * What a change must share with another to fold with it: message, ValuePath but for the operation,
 * version and file. Undefined for a change that is never folded: one that breaks, warns or is a
 * finding, or that names no operation.
 */
function foldKey(change: FoldableChange, said: string): string | undefined {
  if (changeStanding(change) !== 'other' || change.finding || change.operationId === undefined)
    return undefined;
  const valuePath = operationPattern(change);
  // A ValuePath that does not start with the change's operation names something the others' do not.
  if (change.valuePath !== undefined && valuePath === undefined) return undefined;
  return [said, valuePath ?? '', change.side ?? '', change.file ?? ''].join('\u0000');
}

/** The change's ValuePath with its operation as OPERATION_PLACEHOLDER; undefined when it has none there. */
function operationPattern(change: FoldableChange): string | undefined {
  const prefix = `operation/${change.operationId}`;
  const path = change.valuePath;
  if (path === undefined || (path !== prefix && !path.startsWith(`${prefix}/`))) return undefined;
  return `operation/${OPERATION_PLACEHOLDER}${path.slice(prefix.length)}`;
}

/** The changes a bullet lists. */
export function itemChanges<ConnectorChange extends FoldableChange>(
  item: ChangeItem<ConnectorChange>,
): readonly ConnectorChange[] {
  return item.kind === 'one' ? [item.change] : item.changes;
}
