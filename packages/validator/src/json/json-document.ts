import * as jsonc from 'jsonc-parser';
import { LineIndex, type TextPosition, type TextRange } from './line-index.js';
import { locateEach, placesByPointer, type PointerLocation } from './locate.js';
import { decodeSegment, parsePointer, toPointer, valueAtPointer } from './pointer.js';
import { MAX_JSON_DEPTH, offsetPastDepth } from '@connector-alm/core';
import { skipString, skipValue, skipWhitespace } from './scan.js';
import { commaRemovals, namesIndexLoosely, parseTrailingCommaSlips } from './trailing-commas.js';
import { objectMembersWithin } from './value-depth.js';
import { findOverlongKey, screenedMembers } from './key-length.js';
import {
  diagnoseAndRepair,
  MAX_ISSUES,
  MAX_SLIPS,
  unlistedSyntaxIssue,
  type SyntaxEdits,
} from './syntax/diagnosis.js';
import type { RepairedText } from '../text/text-edits.js';
import type { JsonSyntaxIssue } from './syntax/syntax-issue.js';
import { unexpectedCharacters } from './syntax/unexpected-character.js';
import { longKeyIssue, tooLargeToRepairIssue, trailingCommaIssue } from './document-issues.js';
import { MAX_REPAIRED_CHARACTERS, parseRepaired } from './repaired-parse.js';
import { findColons, type Colons } from './colons.js';
import { findDuplicateKeys, mayHaveDuplicateKeys, type DuplicateKey } from './duplicate-keys.js';

/** Characters of a text: `length` of them from `offset`. */
export interface TextSpan {
  offset: number;
  length: number;
}

/**
 * A JSON file as text and value. The value comes from JSON.parse when the text is strict JSON;
 * otherwise from JSON.parse of the text with the edits made that its syntax issues name (see
 * `parseRepaired`), or, when those do not make it strict JSON, from jsonc-parser's error-tolerant
 * parse, so that one missing comma does not hide every other problem of the file. Positions are
 * computed only for the pointers that findings name, always in the text as written.
 */
export class JsonDocument {
  readonly text: string;
  readonly hadBom: boolean;
  /** The parsed value; undefined when nothing could be recovered (empty, or too deep). */
  readonly value: unknown;
  readonly syntaxIssues: readonly JsonSyntaxIssue[];
  readonly tooDeep: boolean;
  /**
   * JSON.parse read the text as written. Not the same as `isStrictJson`: strict JSON too deep or
   * with a key too long is refused all the same.
   */
  readonly parsedStrictly: boolean;
  /**
   * Object members in the value read as written or with its trailing commas blanked, for the
   * duplicate-key screen; -1 when not screened.
   */
  private members: number;
  private repeatedKeys: readonly DuplicateKey[] | undefined;
  private scannedKeys = false;
  private colonsOfText: Colons | undefined;
  private readonly lines: LineIndex;
  private tree: jsonc.Node | undefined;
  /** The text with its trailing commas blanked, when they are its only syntax errors and were read so. */
  private commaFreeText: string | undefined;
  /** The text with its syntax issues' edits made, when the value was read from it. */
  private repaired: RepairedText | undefined;
  /** What reading found of the syntax issues' edits (see syntaxRepair): trailing commas alone, or … */
  private trailingCommas: readonly number[] | undefined;
  /** … the diagnosis of other text. */
  private diagnosis: SyntaxEdits | undefined;
  private repairedLines: LineIndex | undefined;
  private readonly asciiText: boolean;

  private constructor(text: string, hadBom: boolean, asciiText: boolean) {
    this.text = text;
    this.hadBom = hadBom;
    this.asciiText = asciiText;
    this.lines = new LineIndex(text);
    const issues: JsonSyntaxIssue[] = [];
    // Strict JSON is parsed first (JSON.parse is not recursive) and its depth measured on the value;
    // other text is measured on the text, since the tolerant parser is recursive.
    let value: unknown;
    let strict = true;
    try {
      value = JSON.parse(text);
    } catch {
      strict = false;
    }
    this.parsedStrictly = strict;
    // Keys are counted as written, strict or not (key-length.ts); the parsed value holds them decoded,
    // so its walk only screens them: a value it refuses is decided by the scans of the text.
    const screened = strict ? screenedMembers(text, value) : -1;
    // The bracket that opens the level past the limit, where the finding goes, or else the key past
    // the length limit. The value keeps no place, so strict JSON is scanned for them only when the
    // screen refused it: too deep or with a long key, which is rare.
    const tooDeepAt = strict && screened !== -1 ? -1 : offsetPastDepth(text, MAX_JSON_DEPTH);
    const longKey = tooDeepAt !== -1 || (strict && screened !== -1) ? undefined : findOverlongKey(text);
    // Keys the screen refused and the scan read: counted again, without the screen.
    const members =
      strict && screened === -1 && tooDeepAt === -1 && longKey === undefined
        ? objectMembersWithin(value, MAX_JSON_DEPTH)
        : screened;
    // Strict JSON too deep for the walk is always found by the depth scan; `tooDeep` only guards
    // against the scan disagreeing with it.
    this.tooDeep = tooDeepAt !== -1 || (strict && members === -1 && longKey === undefined);
    this.members = members;
    if (this.tooDeep) {
      issues.push({
        message: `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep; it cannot be a valid connector file.`,
        offset: Math.max(tooDeepAt, 0),
        length: 1,
      });
      this.value = undefined;
    } else if (longKey !== undefined) {
      issues.push(longKeyIssue(longKey));
      this.value = undefined;
    } else if (!strict && text.trim() === '') {
      issues.push({ message: 'The file is empty.', offset: 0, length: 0 });
      this.value = undefined;
    } else if (strict) {
      this.value = value;
    } else if (text.length > MAX_REPAIRED_CHARACTERS) {
      const diagnosis = diagnoseAndRepair(text, unexpectedCharacters, this.lines);
      issues.push(...diagnosis.issues);
      // Text of too many slips says so already; one refusal is enough.
      if (!diagnosis.refused) issues.push(tooLargeToRepairIssue(text));
      this.value = undefined;
    } else {
      const slips = parseTrailingCommaSlips(text, MAX_SLIPS);
      if (slips) {
        // Listed as the diagnosis lists slips: the first MAX_ISSUES, then a count of the rest.
        for (const comma of slips.commas.slice(0, MAX_ISSUES)) {
          // Only JSON whitespace lies between such a comma and its bracket.
          issues.push(trailingCommaIssue(comma, text.charAt(skipWhitespace(text, comma + 1))));
        }
        const unlisted = slips.commas.length - MAX_ISSUES;
        if (unlisted > 0) issues.push(unlistedSyntaxIssue(unlisted, slips.commas[MAX_ISSUES]!));
        this.commaFreeText = slips.blanked;
        this.trailingCommas = slips.commas;
        this.value = slips.value;
        // The blanked text is strict JSON with every offset the original's: its repeated keys are
        // found as exactly as in strict text, so that a stray comma does not hide them for a rerun.
        this.members = objectMembersWithin(slips.value, MAX_JSON_DEPTH);
      } else {
        const read = parseRepaired(text, issues, this.lines);
        // Text cut off holds no value to judge: read as far as it goes, every operation, definition
        // and section lost was a finding of its own, and a breaking change against its base.
        this.value = read.diagnosis.cutOffAt === undefined ? read.value : undefined;
        this.repaired = read.repaired;
        this.diagnosis = read.diagnosis;
      }
    }
    this.syntaxIssues = issues;
  }

  /**
   * `asciiText`: the caller knows the text is ASCII (the loader checks the file's bytes natively,
   * which is much cheaper than scanning the text); see `stringsAreAscii`.
   */
  static parse(text: string, options: { asciiText?: boolean } = {}): JsonDocument {
    const hadBom = text.charCodeAt(0) === 0xfeff;
    return new JsonDocument(hadBom ? text.slice(1) : text, hadBom, options.asciiText === true);
  }

  /**
   * The ignored occurrences of keys that an object repeats (JSON readers keep the last one). Found
   * when first asked for: the cheap screen first, so that nearly every document skips the exact scan.
   * Text whose only syntax errors are trailing commas is scanned with them blanked, strict JSON.
   * Text with other syntax errors is not scanned: the tolerant parser's recovery makes repeats of its
   * own (a missing '}' merges two parameters into one object in Icon Horse's swagger), which would
   * only mislead; GEN-JSON-PARSE speaks for that text. Nor is text too deep to have a value.
   */
  get duplicateKeys(): readonly DuplicateKey[] {
    if (this.repeatedKeys === undefined) {
      this.scannedKeys = this.members !== -1 && mayHaveDuplicateKeys(this.colons.afterQuote, this.members);
      this.repeatedKeys = this.scannedKeys
        ? findDuplicateKeys(this.commaFreeText ?? this.text)
        : NO_DUPLICATE_KEYS;
    }
    return this.repeatedKeys;
  }

  /**
   * What the duplicate-key screen and GEN-SECRETS need to know of the text's colons, found in one
   * shared search when first asked for (see `findColons`).
   */
  get colons(): Colons {
    return (this.colonsOfText ??= findColons(this.text));
  }

  /** Whether finding `duplicateKeys` took the exact scan: the screen could not rule repeats out. */
  get keysScanned(): boolean {
    return this.duplicateKeys.length > 0 || this.scannedKeys;
  }

  get isStrictJson(): boolean {
    return this.syntaxIssues.length === 0;
  }

  /**
   * The edits that the syntax issues name, as reading the text found them: its trailing commas' removal,
   * or the diagnosis's. `validate --fix` (and GEN-JSON-PARSE, which says whether it would fix the
   * file) makes them, without diagnosing the text a second time. Undefined where the text was read
   * without a repair: strict JSON, too deep, a key too long, empty, too large to repair.
   */
  get syntaxRepair(): SyntaxEdits | undefined {
    return this.trailingCommas ? commaRemovals(this.text, this.trailingCommas) : this.diagnosis;
  }

  /**
   * Where text after the top-level value starts, which reading left out of `value` (GEN-JSON-PARSE
   * says "There is more text after the end of the JSON value"); undefined when the value was read
   * to the end of the text.
   */
  get unreadFrom(): number | undefined {
    return this.diagnosis?.unreadFrom;
  }

  /**
   * True when no string of the value can hold a character above U+007F: the text is known to be
   * ASCII and has no `\u` escape. Rules that look for such characters skip the whole document then,
   * instead of testing each of its strings. False when not known.
   */
  get stringsAreAscii(): boolean {
    return this.asciiText && !this.text.includes('\\u');
  }

  position(offset: number): TextPosition {
    return this.lines.position(offset);
  }

  range(offset: number, length: number): TextRange {
    return this.lines.range(offset, offset + Math.max(length, 0));
  }

  /** The positions of two offsets, `end` usually on the line of `start`. */
  rangeBetween(start: number, end: number): TextRange {
    return this.lines.range(start, end);
  }

  /** Locates many pointers at once (one pass over the text). */
  locateAll(pointers: Iterable<string>): Map<string, PointerLocation> {
    const list = [...pointers];
    return placesByPointer(list, this.locateEach(list));
  }

  /** The place of each pointer, in the list's order (one pass over the text for all of them). */
  locateEach(pointers: readonly string[]): PointerLocation[] {
    if (this.isStrictJson) {
      return locateEach(this.text, pointers, this.duplicateKeys.length > 0, this.lines);
    }
    if (this.repaired) return this.locateInRepaired(this.repaired, pointers);
    // Trailing commas alone were read blanked; any other text that the repair could not read goes
    // to the tolerant tree.
    const blanked = this.commaFreeText;
    if (blanked !== undefined && !pointers.some(namesIndexLoosely)) {
      // What the tolerant tree would answer: its last key wins, and a missing place has length 1.
      return locateEach(blanked, pointers, true, this.lines, 1);
    }
    return pointers.map((pointer) => this.locateInTree(pointer));
  }

  locate(pointer: string): PointerLocation {
    return this.locateAll([pointer]).get(pointer)!;
  }

  /**
   * The offset of the last character of the value at `pointer` (its closing bracket, or a scalar's
   * last character), where `locate` finds its start; undefined when it is not there. The line of a
   * member's value end is the one whose trailing comma a deletion of the member after it took away.
   * `where`: the place `locate` gave for `pointer`, when the caller has it (located with others).
   */
  valueEnd(pointer: string, where: PointerLocation = this.locate(pointer)): number | undefined {
    if (!where.resolved) return undefined;
    // Text read as written or with its trailing commas blanked is scanned from that start, the way
    // the locator reads it; other text is read from the tree that located it.
    const text = this.isStrictJson
      ? this.text
      : this.repaired || namesIndexLoosely(pointer)
        ? undefined
        : this.commaFreeText;
    if (text === undefined) return this.valueEndInTree(pointer);
    const end = skipValue(text, this.valueStart(text, pointer, where.offset), this.lines);
    return end === -1 ? undefined : end - 1;
  }

  /**
   * Where the value at `pointer` is written, in a document that is strict JSON: its first character
   * and its length, for `validate --fix` to write another value there. Undefined when it is not there,
   * or the document is not strict JSON. `where`: the place `locate` gave for `pointer`.
   */
  valueSpan(pointer: string, where: PointerLocation = this.locate(pointer)): TextSpan | undefined {
    if (!this.isStrictJson || !where.resolved) return undefined;
    const start = this.valueStart(this.text, pointer, where.offset);
    const end = skipValue(this.text, start, this.lines);
    return end === -1 ? undefined : { offset: start, length: end - start };
  }

  /** The start of the value at `pointer` located at `at`: a member is located at its key, its value starts after the colon. */
  private valueStart(text: string, pointer: string, at: number): number {
    const segments = parsePointer(pointer);
    if (segments.length > 0 && !Array.isArray(valueAtPointer(this.value, toPointer(segments.slice(0, -1))))) {
      return skipWhitespace(text, skipWhitespace(text, skipString(text, at)) + 1);
    }
    return at;
  }

  /**
   * Text read repaired: the places in the repaired text, taken back to the text as written (a key
   * the repair put in quotes is placed as it is written, without them). Pointers that name an index
   * loosely go to the tree of the repaired text, as they go to the tolerant tree otherwise.
   */
  private locateInRepaired(repaired: RepairedText, pointers: readonly string[]): PointerLocation[] {
    const places = pointers.some(namesIndexLoosely)
      ? pointers.map((pointer) => this.locateInTree(pointer, repaired.text))
      : locateEach(repaired.text, pointers, true, (this.repairedLines ??= new LineIndex(repaired.text)), 1);
    return places.map((place) => {
      const offset = repaired.originalOffset(place.offset);
      const end = repaired.originalOffset(place.offset + place.length);
      return { offset, length: Math.max(end - offset, 1), resolved: place.resolved };
    });
  }

  /** Text with syntax errors: positions come from jsonc-parser's tolerant tree (of `text`). */
  private locateInTree(pointer: string, text = this.text): PointerLocation {
    const { node, found } = this.treeNode(pointer, text);
    if (!node) return { offset: 0, length: 1, resolved: false };
    if (!found) return { offset: keyOffset(node), length: 1, resolved: false };
    const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    return { offset: keyOffset(node), length: key?.length ?? 1, resolved: true };
  }

  /** `valueEnd` in the tree that `locateEach` reads such text from: the repaired text's, else the text's. */
  private valueEndInTree(pointer: string): number | undefined {
    const repaired = this.repaired;
    const { node, found } = this.treeNode(pointer, repaired?.text ?? this.text);
    if (!node || !found) return undefined;
    const end = node.offset + node.length - 1;
    return repaired ? repaired.originalOffset(end) : end;
  }

  /** The node at `pointer` in the tree of `text`, else (`found` false) the deepest one on its way. */
  private treeNode(pointer: string, text: string): { node: jsonc.Node | undefined; found: boolean } {
    if (this.tooDeep) return { node: undefined, found: false };
    this.tree ??= jsonc.parseTree(text, [], { allowTrailingComma: true }) ?? undefined;
    let node: jsonc.Node | undefined = this.tree;
    if (!node) return { node: undefined, found: false };
    // Not parsePointer: text that is no pointer is answered here too (see namesIndexLoosely).
    const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(decodeSegment);
    for (const segment of segments) {
      const current: jsonc.Node = node;
      const next: jsonc.Node | undefined =
        current.type === 'array' ? current.children?.[Number(segment)] : keptMember(current, segment);
      if (!next) return { node: current, found: false };
      node = next;
    }
    return { node, found: true };
  }
}

/** The value of an object node's member `key`: the last one when the key repeats, as JSON readers keep. */
function keptMember(object: jsonc.Node, key: string): jsonc.Node | undefined {
  const properties = object.children ?? [];
  for (let index = properties.length - 1; index >= 0; index--) {
    const property = properties[index]!;
    if (property.children?.[0]?.value === key) return property.children[1];
  }
  return undefined;
}

const NO_DUPLICATE_KEYS: readonly DuplicateKey[] = Object.freeze([]);

/** A property's value is reported at its key, which is the line a person looks for. */
function keyOffset(node: jsonc.Node): number {
  if (node.parent?.type === 'property') return node.parent.offset;
  return node.offset;
}
