import type { RuleContext } from '../../model/rule.js';
import { asString } from '../../swagger/json-values.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import {
  ANY_VERSION,
  isVersionLeftOut,
  listedEntries,
  operationKeys,
  pathKeys,
  type OperationKeys,
} from './loose-names.js';

/**
 * Whether a Supported Operations section lists an operation, or a heading names one, by a name a
 * person reads as the operation's (loose-names.ts). Asked only of what is not found by its summary
 * or operationId, and each part built when first asked: most sections need none of it.
 *
 * A question about a key reads the keys of only the operations that may have it (candidatesFor):
 * every key is made of the letters and digits of the operation's summary, operationId and path, so
 * an operation whose names lack one of the key's letters has no such key. The keys of every
 * operation, counted in an index for each readme that asked (71 a corpus run, 1,421 operations),
 * were README-OPS-MATCH's largest cost, a quarter of its profile, most of it hashing the fresh keys
 * into the index. With this and the same test in `lists`, a pass of the rule over the corpus takes
 * 41-43 ms instead of 45-47 (first quartile of 60, interleaved with the index in one process).
 */
export class LooseListing {
  private listed: ReadonlySet<string> | undefined;
  /** The letters of the listed names (keyLetters), each once. */
  private listedLetters: number[] | undefined;
  /** The operations, with the letters of their names (lettersOf), made when first asked. */
  private letters: { operations: readonly OperationInfo[]; masks: Uint32Array } | undefined;
  /**
   * Each operation's keys, made once: `lists` asks for those of each operation the sections miss,
   * and the questions about a key for those of the operations that may have it.
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
    // Its keys only where a listed name's letters are all among its names': most operations the
    // sections miss by summary and operationId are not listed at all (Morta's 160 of 161).
    this.listedLetters ??= [...new Set([...listed].map(keyLetters))];
    const letters = operationLetters(operation);
    if (!this.listedLetters.some((needed) => (letters & needed) === needed)) return false;
    const { own, shared } = this.keysOf(operation);
    if (own.some((key) => listed.has(key) && !this.namesHiddenVersion(key, own))) return true;
    // Other operations' keys only for a shared key the sections list: most operations asked about
    // have none.
    return shared.some((key) => listed.has(key) && this.operationsWith(key, 2) === 1);
  }

  /**
   * Whether the listed `key`, an operation's name without its version, is the name of an operation
   * users do not see (Zoho Calendar's "### Get Event list" is its deprecated, internal "Get Event
   * list (deprecated)", not its "Get event list (V2)"): the heading documents the old version.
   */
  private namesHiddenVersion(key: string, own: readonly string[]): boolean {
    if (!isVersionLeftOut(key, own)) return false;
    // The key is the name without a version of an operation that has none: its own keys have the
    // key's any-version entry ("geteventlist v*" of "Get Event list (deprecated)").
    const unversioned = key + ANY_VERSION;
    return this.candidatesFor(key).some(
      (operation) =>
        (operation.isInternal || operation.isDeprecated) && this.keysOf(operation).own.includes(unversioned),
    );
  }

  /** Whether a heading names one operation or more by a key of theirs: then it is no stale one. */
  names(headingText: string): boolean {
    return listedEntries(headingText).some((entry) => this.operationsWith(entry, 1) > 0);
  }

  /**
   * Whether a heading names an operation by its own name, summary or operationId: a short name or
   * a path ("### Projects" for FetchProjects in Toggl Plan) may be a group's.
   */
  namesOwn(headingText: string): boolean {
    return listedEntries(headingText).some((entry) =>
      this.candidatesFor(entry).some((operation) => this.keysOf(operation).own.includes(entry)),
    );
  }

  /** How many operations have `key` among their keys, own or shared; counted up to `limit`. */
  private operationsWith(key: string, limit: number): number {
    let count = 0;
    for (const operation of this.candidatesFor(key)) {
      const { own, shared } = this.keysOf(operation);
      if ((own.includes(key) || shared.includes(key)) && ++count === limit) break;
    }
    return count;
  }

  /**
   * The operations that may have `key`: those whose summary, operationId and path have every letter
   * and digit of its name (the key up to its version, after a space).
   */
  private candidatesFor(key: string): OperationInfo[] {
    this.letters ??= lettersByOperation(this.context.swagger?.operations ?? []);
    const { operations, masks } = this.letters;
    const needed = keyLetters(key);
    const candidates: OperationInfo[] = [];
    for (let index = 0; index < operations.length; index++) {
      if ((masks[index]! & needed) === needed) candidates.push(operations[index]!);
    }
    return candidates;
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

/** Each operation, with the letters of its names (operationLetters). */
function lettersByOperation(operations: readonly OperationInfo[]): {
  operations: readonly OperationInfo[];
  masks: Uint32Array;
} {
  const masks = new Uint32Array(operations.length);
  for (let index = 0; index < operations.length; index++) masks[index] = operationLetters(operations[index]!);
  return { operations, masks };
}

/** The letters (lettersOf) of an operation's summary, operationId and path: those of all its keys. */
function operationLetters(operation: OperationInfo): number {
  return namesLetters(asString(operation.operation.summary), operation.operationId, operation.path);
}

/** The letters (lettersOf) of the names an operation's keys are made of (operationKeys, pathKeys). */
export function namesLetters(
  summary: string | undefined,
  operationId: string | undefined,
  path: string,
): number {
  let letters = lettersOf(path, 0, path.length);
  if (summary) letters |= lettersOf(summary, 0, summary.length);
  if (operationId) letters |= lettersOf(operationId, 0, operationId.length);
  return letters >>> 0;
}

/** The letters (lettersOf) of a key's name: the key up to its version, after a space. */
export function keyLetters(key: string): number {
  const space = key.indexOf(' ');
  return lettersOf(key, 0, space === -1 ? key.length : space);
}

/**
 * The ASCII letters and digits of text[from, to), as bits: one per letter whatever its case, digits
 * sharing six. A key's words are runs of them (loose-names.ts), lower-cased: an operation has a key
 * only if the bits of the key's name are all among those of its names.
 */
function lettersOf(text: string, from: number, to: number): number {
  let bits = 0;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    const lower = code | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) bits |= 1 << (lower - 0x61);
    else if (code >= 0x30 && code <= 0x39) bits |= 1 << (26 + ((code - 0x30) % 6));
  }
  return bits >>> 0;
}
