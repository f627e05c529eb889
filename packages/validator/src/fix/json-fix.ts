import { MAX_JSON_DEPTH } from '@connector-alm/core';
import { JsonDocument } from '../json/json-document.js';
import { LineIndex } from '../json/line-index.js';
import { diagnoseAndRepair, MAX_SLIPS } from '../json/syntax/diagnosis.js';
import { applyEdits, type TextEdit } from '../text/text-edits.js';
import { MAX_REPAIRED_CHARACTERS } from '../json/repaired-parse.js';
import type { JsonFile } from '../loader/connector-folder.js';
import { writtenEdits } from './written-edits.js';
import { trailingCommaRepair } from '../json/trailing-commas.js';

// What `validate --fix` makes of a JSON file's text: the text with the edits made that its
// GEN-JSON-PARSE findings name, when every one of them names its edit and no other. Pure: the file is read and
// written elsewhere (write-fixed-file.ts).

/** The text is strict JSON already: nothing to fix. */
export interface JsonAlreadyStrict {
  outcome: 'strict';
}

export interface JsonFixed {
  outcome: 'fixed';
  /** The whole new text, its byte-order mark kept when it had one. */
  text: string;
  /** The syntax issues fixed: as many as the GEN-JSON-PARSE findings of the text, or more past the 20 listed. */
  slips: number;
}

export interface JsonNotFixed {
  outcome: 'not-fixed';
  /** Why, said to the maker: what to do instead. */
  reason: string;
}

export type JsonFix = JsonAlreadyStrict | JsonFixed | JsonNotFixed;

/** The diagnosis names each character only in its messages, which are not written. */
const unnamed = (): string => '';

/**
 * The fix of a JSON file's text, as `validate` reads it (a leading byte-order mark is no part of
 * the JSON, and the edits' offsets count from after it). The fixed text parses to the value the
 * loader read through the same edits, so the rules report the file as they did, but for its slips.
 */
export function fixJsonText(text: string): JsonFix {
  return fixJsonDocument(JsonDocument.parse(text));
}

/**
 * `fixJsonText` of a document's text, from what reading it found: whether JSON.parse read it, whether
 * it is too deep, and the edits its issues name (`syntaxRepair`), which are not diagnosed again.
 */
function fixJsonDocument(document: JsonDocument): JsonFix {
  const plan = repairPlan(document);
  if (!('repaired' in plan)) return plan;
  // The tidied edits are made if they give the same value; the diagnosis's own otherwise.
  const json = document.text;
  const tidied = applyEdits(json, writtenEdits(json, plan.edits))?.text;
  const fixed =
    tidied !== undefined && sameValue(tidied, JSON.stringify(plan.value)) ? tidied : plan.repaired;
  return { outcome: 'fixed', text: (document.hadBom ? '\ufeff' : '') + fixed, slips: plan.slips };
}

/** The edits `validate --fix` makes of a document, which make strict JSON of it. */
interface RepairPlan {
  edits: readonly TextEdit[];
  /** The text with the diagnosis's edits made, strict JSON. */
  repaired: string;
  value: unknown;
  slips: number;
}

/**
 * The edits `validate --fix` would make of a document, or why it makes none. Whether a file is fixed
 * is decided here; which text is written (the edits tidied, or as the diagnosis made them) is
 * `fixJsonDocument`'s, which the rules' question (`fixEditsFile`) does not need: tidying the edits,
 * parsing that text too and comparing the two values as JSON.stringify writes them took most of
 * GEN-JSON-PARSE's time on the corpus.
 */
function repairPlan(document: JsonDocument): JsonAlreadyStrict | JsonNotFixed | RepairPlan {
  const json = document.text;
  if (document.parsedStrictly) return { outcome: 'strict' };
  if (json.trim() === '') return notFixed('the file is empty; there is nothing to fix.');
  if (json.length > MAX_REPAIRED_CHARACTERS) {
    return notFixed(
      `it has more than ${MAX_REPAIRED_CHARACTERS.toLocaleString('en-US')} characters, more than this tool repairs; write it as strict JSON.`,
    );
  }
  // Text that JSON.parse refused was measured on the text (offsetPastDepth) as it was read.
  if (document.tooDeep) {
    return notFixed(`it is nested more than ${MAX_JSON_DEPTH} levels deep, which no edit of a slip fixes.`);
  }
  // Trailing commas alone, the commonest slip, are repaired as the diagnosis would, without it. Text
  // read without a repair (a key too long) is diagnosed here.
  const { slips, edits, unfixedAt, refused, mergeConflictAt } =
    document.syntaxRepair ??
    trailingCommaRepair(json, MAX_SLIPS) ??
    diagnoseAndRepair(json, unnamed, new LineIndex(json));
  if (refused) {
    return notFixed(
      `it has more than ${MAX_SLIPS.toLocaleString('en-US')} JSON syntax errors, more than this tool repairs; write it as strict JSON.`,
    );
  }
  if (mergeConflictAt !== undefined) {
    // Said before any other slip: which side is meant is the maker's choice, and no edit guesses it.
    return notFixed(
      `it has an unresolved merge conflict at line ${document.position(mergeConflictAt).line}, and --fix does not choose a side; keep the one you mean and remove the markers, then run validate --fix again for the others.`,
    );
  }
  if (edits === undefined) {
    // A missing value ("add it"), text after the end of the value, a string left open at the end.
    return notFixed(
      `the GEN-JSON-PARSE finding at line ${document.position(unfixedAt ?? 0).line} names no single edit that fixes it, and --fix makes the edits of a file all or none; make that one by hand, then run validate --fix again for the others.`,
    );
  }
  const choice = edits.find((edit) => edit.oneOfTwo === true);
  if (choice !== undefined) {
    // The rules read the file through one of the two, but written, a guess could change a value the
    // maker meant (a postal code's leading zero, a ratio written 3/4).
    return notFixed(
      `the GEN-JSON-PARSE finding at line ${document.position(choice.offset).line} names two edits, which only you can choose between; make the one you mean, then run validate --fix again for the others.`,
    );
  }
  const doubted = edits.find((edit) => edit.againstLayout === true);
  if (doubted !== undefined) {
    return notFixed(
      `the GEN-JSON-PARSE finding at line ${document.position(doubted.offset).line} adds a closer where the indentation says it may belong elsewhere, and --fix does not move members between objects on a guess; add it where it belongs, then run validate --fix again for the others.`,
    );
  }
  const removal = edits.find((edit) => edit.removesWords === true);
  if (removal !== undefined) {
    return notFixed(
      `the GEN-JSON-PARSE finding at line ${document.position(removal.offset).line} removes text you typed, and --fix deletes none on a guess; remove it, or complete what it starts, then run validate --fix again for the others.`,
    );
  }
  const repaired = repairedValue(json, edits);
  if (repaired === undefined) {
    return notFixed(
      'the edits that the GEN-JSON-PARSE findings name still leave it invalid; make them by hand.',
    );
  }
  return { edits, repaired: repaired.text, value: repaired.value, slips };
}

/**
 * What `validate --fix` makes of a JSON file as the loader read it: undefined for a file it leaves
 * alone without a word (unread, or strict JSON already), else the fix of its text. The text of a
 * file that is not UTF-8 holds U+FFFD for its bad bytes, which written back would be lost.
 */
export function fixJsonFileText(file: JsonFile): { read: string; fix: JsonFix } | undefined {
  const document = file.document;
  // A file that could not be read says why under its own rule (GEN-SYMLINK, GEN-UNREADABLE, …).
  if (document === undefined || document.isStrictJson) return undefined;
  const read = (document.hadBom ? '\ufeff' : '') + document.text;
  if (file.issues.some((issue) => issue.ruleId === 'GEN-ENCODING')) {
    return { read, fix: notFixed('it is not valid UTF-8 (GEN-ENCODING); save it as UTF-8 first.') };
  }
  if (savedAsUtf16(file)) {
    return { read, fix: notFixed('it is saved as UTF-16 (GEN-BINARY); save it as UTF-8 first.') };
  }
  return { read, fix: fixJsonDocument(document) };
}

/**
 * A file read though GEN-BINARY reports it is the text of one saved as UTF-16 (binary data is not
 * read): --fix leaves it alone, since written back as UTF-8 it would change more than its slips.
 */
export function savedAsUtf16(file: JsonFile): boolean {
  return file.document !== undefined && file.issues.some((issue) => issue.ruleId === 'GEN-BINARY');
}

function notFixed(reason: string): JsonNotFixed {
  return { outcome: 'not-fixed', reason };
}

/** The text the diagnosis's edits make, and its value; undefined when that is still no JSON. */
function repairedValue(
  text: string,
  edits: readonly TextEdit[],
): { text: string; value: unknown } | undefined {
  const repaired = applyEdits(text, edits);
  if (repaired === undefined) return undefined;
  try {
    return { text: repaired.text, value: JSON.parse(repaired.text) as unknown };
  } catch {
    return undefined;
  }
}

function sameValue(text: string, value: string): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === value;
  } catch {
    return false;
  }
}

/**
 * Whether `validate --fix` edits the file's keys and values: it is read, valid UTF-8, and strict JSON
 * or made so by the edits its GEN-JSON-PARSE findings name. Judged by the text alone, not by whether
 * this process may write the file: findings that say --fix makes an edit do not change with file modes.
 */
export function fixEditsFile(file: JsonFile | undefined): boolean {
  if (file?.document === undefined) return false;
  let edits = editedByFix.get(file);
  if (edits === undefined) {
    edits =
      !file.issues.some((issue) => issue.ruleId === 'GEN-ENCODING') &&
      !savedAsUtf16(file) &&
      (file.document.isStrictJson || 'repaired' in repairPlan(file.document));
    editedByFix.set(file, edits);
  }
  return edits;
}

/**
 * fixEditsFile's answer for each file as loaded. Rules ask it for every report that names a fix: a
 * swagger with a trailing comma and 3,000 labels ending in a period had its repair made and parsed
 * 3,000 times (40 s to validate).
 */
const editedByFix = new WeakMap<JsonFile, boolean>();
