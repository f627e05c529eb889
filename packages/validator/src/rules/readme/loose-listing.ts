import type { RuleContext } from '../../model/rule.js';
import { asString } from '../../swagger/json-values.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import {
  isVersionLeftOut,
  listedEntries,
  operationKeys,
  pathKeys,
  unversionedNames,
  type OperationKeys,
} from './loose-names.js';

/**
 * Whether a Supported Operations section lists an operation, or a heading names one, by a name a
 * person reads as the operation's (loose-names.ts). Asked only of what is not found by its summary
 * or operationId, and each part built when first asked: most sections need none of it.
 */
export class LooseListing {
  private listed: ReadonlySet<string> | undefined;
  /** The operations' keys (operationKeys), built when first asked. */
  private index: OperationIndex | undefined;
  /**
   * Each operation's keys, made once: `lists` asks for those of each operation the sections miss,
   * and the index is built of every operation's: the keys of the 160 operations Morta's readme does
   * not list were made twice.
   */
  private readonly keys = new Map<OperationInfo, OperationKeys>();
  /** Each path's keys (pathKeys), made once: an API's operations share their paths. */
  private readonly pathKeys = new Map<string, readonly string[]>();
  constructor(
    private readonly context: RuleContext,
    /** The entries of the names the sections list (listedKeys), read when first asked. */
    private readonly listedNames: () => ReadonlySet<string>,
  ) {}

  /** Whether the sections list the operation by one of its own keys, or a shared key only it has. */
  lists(operation: OperationInfo): boolean {
    this.listed ??= this.listedNames();
    const listed = this.listed;
    if (listed.size === 0) return false;
    const { own, shared } = this.keysOf(operation);
    if (own.some((key) => listed.has(key) && !this.namesHiddenVersion(key, own))) return true;
    // The index (every operation's keys) only for a shared key the sections list: most operations
    // asked about have none, and 58 of the 131 corpus readmes that built it built it for nothing.
    return shared.some((key) => listed.has(key) && this.operationIndex().operationsWith.get(key) === 1);
  }

  /**
   * Whether the listed `key`, an operation's name without its version, is the name of an operation
   * users do not see (Zoho Calendar's "### Get Event list" is its deprecated, internal "Get Event
   * list (deprecated)", not its "Get event list (V2)"): the heading documents the old version.
   */
  private namesHiddenVersion(key: string, own: readonly string[]): boolean {
    return isVersionLeftOut(key, own) && this.operationIndex().hiddenNames.has(key);
  }

  /** Whether a heading names one operation or more by a key of theirs: then it is no stale one. */
  names(headingText: string): boolean {
    const { operationsWith } = this.operationIndex();
    return listedEntries(headingText).some((entry) => operationsWith.has(entry));
  }

  /**
   * Whether a heading names an operation by its own name, summary or operationId: a short name or
   * a path ("### Projects" for FetchProjects in Toggl Plan) may be a group's.
   */
  namesOwn(headingText: string): boolean {
    const { ownKeys } = this.operationIndex();
    return listedEntries(headingText).some((entry) => ownKeys.has(entry));
  }

  private operationIndex(): OperationIndex {
    if (this.index) return this.index;
    const index: OperationIndex = {
      operationsWith: new Map(),
      ownKeys: new Set(),
      hiddenNames: new Set(),
    };
    const { operationsWith, ownKeys, hiddenNames } = index;
    const count = (key: string) => operationsWith.set(key, (operationsWith.get(key) ?? 0) + 1);
    for (const operation of this.context.swagger?.operations ?? []) {
      const { own, shared } = this.keysOf(operation);
      if (operation.isInternal || operation.isDeprecated) {
        for (const name of unversionedNames(own)) hiddenNames.add(name);
      }
      // Each key counted once per operation: its summary and its operationId mostly have the same
      // short name. Its first place in the two short lists tells it, not a Set of their copy per
      // operation (that Set and copy were two thirds of the index's time).
      for (let at = 0; at < own.length; at++) {
        const key = own[at]!;
        ownKeys.add(key);
        if (own.indexOf(key) === at) count(key);
      }
      for (let at = 0; at < shared.length; at++) {
        const key = shared[at]!;
        if (shared.indexOf(key) === at && !own.includes(key)) count(key);
      }
    }
    return (this.index = index);
  }

  private keysOf(operation: OperationInfo): OperationKeys {
    let keys = this.keys.get(operation);
    if (keys === undefined) {
      let ofPath = this.pathKeys.get(operation.path);
      if (ofPath === undefined) this.pathKeys.set(operation.path, (ofPath = pathKeys(operation.path)));
      keys = operationKeys(asString(operation.operation.summary), operation.operationId, ofPath);
      this.keys.set(operation, keys);
    }
    return keys;
  }
}

interface OperationIndex {
  /** Every key of every operation, each with how many operations have it. */
  operationsWith: Map<string, number>;
  /** Every operation's own keys (OperationKeys.own): names of one operation, not of a group. */
  ownKeys: Set<string>;
  /** The names without a version (unversionedNames) of the operations users do not see. */
  hiddenNames: Set<string>;
}
