import type { Change } from './change.js';
import type { EarlierChange } from './earlier-changes.js';

/**
 * Earlier changes of one group (rule, place, operation and ValuePath) built and compared with a
 * change before its group is indexed by message. Most changes like an earlier one repeat the first.
 */
export const MAX_COMPARED = 32;

/**
 * Whether a breaking change repeats an earlier one: has its dedupe key. The earlier changes of its
 * group (earlier-changes.ts) are built one at a time, up to the first with its key. A group whose
 * messages never match (1,000 parameters named alike up to the cut, each reaching a field by a
 * different number of ValuePaths, so that each says another count) compared each change with every
 * earlier one: past MAX_COMPARED, the group keeps the messages of its changes instead, for each
 * later change to be looked up in. Its changes are few for a list (one ValuePath, one place): the
 * messages kept are those of changes the lists hold already, never one per change offered.
 */
export class RepeatCheck {
  /** Per group indexed (groupKey), the messages of its changes so far. */
  private readonly groups = new Map<string, Set<string>>();

  constructor(private readonly build: (earlier: EarlierChange) => Change | undefined) {}

  /**
   * Whether `change` has the key of one of `like`, earlier changes of its group. `complete`: they
   * are all of the group's earlier changes, so that past MAX_COMPARED the group may be indexed.
   */
  repeats(change: Change, like: Iterable<EarlierChange>, complete: boolean): boolean {
    const indexed = this.groups.size > 0 ? this.groups.get(groupKey(change)) : undefined;
    if (indexed) return this.lookUp(indexed, change.message);
    const key = dedupeKey(change);
    const compared: Change[] = [];
    const earlier = like[Symbol.iterator]();
    for (let next = earlier.next(); !next.done; next = earlier.next()) {
      const built = this.build(next.value);
      if (built === undefined) continue;
      if (dedupeKey(built) === key) return true;
      if (complete && compared.push(built) >= MAX_COMPARED) {
        const messages = new Set<string>();
        const group = groupKey(change);
        const add = (other: Change) => {
          if (groupKey(other) === group) messages.add(other.message);
        };
        compared.forEach(add);
        for (let rest = earlier.next(); !rest.done; rest = earlier.next()) {
          const other = this.build(rest.value);
          if (other !== undefined) add(other);
        }
        this.groups.set(group, messages);
        return this.lookUp(messages, change.message);
      }
    }
    return false;
  }

  /** Whether a change of the group has `message`; the change asked about is one from now on. */
  private lookUp(messages: Set<string>, message: string): boolean {
    return messages.size === messages.add(message).size;
  }
}

/**
 * A shared definition reached from several operations gives one breaking change per operation, as
 * Microsoft reports them (each names its operation); non-breaking ones are listed once per place.
 * The place is the line and column too: syntax errors all have the file's root as their pointer.
 */
export function dedupeKey(change: Change): string {
  return change.breaking
    ? `${groupKey(change)}\u0000${change.message}`
    : [...placeOf(change), change.message, change.impact].join('\u0000');
}

/** A breaking change's dedupe key but its message: the changes it may repeat are of this group. */
function groupKey(change: Change): string {
  return [...placeOf(change), change.operationId, change.valuePath].join('\u0000');
}

function placeOf(change: Change): unknown[] {
  return [change.ruleId, change.side, change.file, change.pointer, change.line, change.column];
}
