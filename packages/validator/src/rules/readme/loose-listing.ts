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
  /**
   * Every operation's keys, counted (OperationIndex): built once the questions about a key have read
   * every operation's letters INDEX_AFTER times, so that a readme of many headings and a swagger of
   * many operations take time in proportion to both, not to their product (20,000 headings "Get item
   * N" and 20,000 operations: validate took 38 s without it, 17.9 s before the letters).
   */
  private index: OperationIndex | undefined;
  /** How many questions read every operation's letters, up to INDEX_AFTER. */
  private questions = 0;
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
    // Not where many names are listed: each operation asked about would go through them all.
    this.listedLetters ??= listed.size > MAX_LISTED_LETTERS ? [] : [...new Set([...listed].map(keyLetters))];
    if (this.listedLetters.length > 0) {
      const letters = operationLetters(operation);
      if (!this.listedLetters.some((needed) => (letters & needed) === needed)) return false;
    }
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
    if (this.indexed()) return this.index!.hiddenNames.has(key);
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
      this.indexed()
        ? this.index!.ownKeys.has(entry)
        : this.candidatesFor(entry).some((operation) => this.keysOf(operation).own.includes(entry)),
    );
  }

  /** How many operations have `key` among their keys, own or shared; counted up to `limit`. */
  private operationsWith(key: string, limit: number): number {
    if (this.indexed()) return Math.min(this.index!.operationsWith.get(key) ?? 0, limit);
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

  /** Whether the questions are answered from the index: once they have asked INDEX_AFTER times. */
  private indexed(): boolean {
    if (this.index !== undefined) return true;
    if (++this.questions <= INDEX_AFTER) return false;
    const index: OperationIndex = { operationsWith: new Map(), ownKeys: new Set(), hiddenNames: new Set() };
    const { operationsWith, ownKeys, hiddenNames } = index;
    const count = (key: string) => operationsWith.set(key, (operationsWith.get(key) ?? 0) + 1);
    for (const operation of this.context.swagger?.operations ?? []) {
      const { own, shared } = this.keysOf(operation);
      // Each key counted once per operation: its summary and its operationId mostly have the same
      // short name.
      for (let at = 0; at < own.length; at++) {
        const key = own[at]!;
        ownKeys.add(key);
        if (own.indexOf(key) === at) count(key);
        // The names without a version of the operations users do not see (namesHiddenVersion).
        if ((operation.isInternal || operation.isDeprecated) && key.endsWith(ANY_VERSION)) {
          hiddenNames.add(key.slice(0, -ANY_VERSION.length));
        }
      }
      for (let at = 0; at < shared.length; at++) {
        const key = shared[at]!;
        if (shared.indexOf(key) === at && !own.includes(key)) count(key);
      }
    }
    this.index = index;
    return true;
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

/** The questions about a key that read every operation's letters before the index is built. */
const INDEX_AFTER = 64;
/** The listed names whose letters `lists` compares an operation's with: beyond, it reads its keys. */
const MAX_LISTED_LETTERS = 256;

interface OperationIndex {
  /** Every key of every operation, each with how many operations have it. */
  operationsWith: Map<string, number>;
  /** Every operation's own keys (OperationKeys.own): names of one operation, not of a group. */
  ownKeys: Set<string>;
  /** The own names without a version of the operations users do not see. */
  hiddenNames: Set<string>;
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
