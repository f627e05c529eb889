import type { OperationInfo } from '../../swagger/operation-info.js';

/**
 * The names a person reads as an operation's, though they are not its summary or operationId as
 * written: README-OPS-MATCH's corpus findings were mostly readmes that list operations so
 * (Carbon Intensity's "### Generation" for GetGeneration, Ordnance Survey's "`Find`" for "Find
 * Operation", "Get a company" for "Get Company", "Operation 3 Create an invitee" for "Create A
 * Invitee").
 *
 * A name's key is its words, lower case, without what a reader skips: articles, a list number or
 * "Operation 3" before it, a "Trigger:" or "Action -" before it, marks such as "(deprecated)",
 * "(Preview)" or "(Trigger)", and a version after it ("V2", "_v1"). Keys are compared whole (a Set
 * lookup each), never searched in one another: an operation of another name ("Delete a task" where
 * there is only "Get a task") keeps its own key.
 */
export function looseKey(text: string): string {
  return keyOf(wordsOf(text));
}

/** Articles: "Get a company" and "Get Company" are the same operation to a reader. */
const ARTICLES = new Set(['a', 'an', 'the']);
/** A last word that names what the thing is, not which: "Find Operation", "Create forecast job". */
const KIND_WORDS = new Set(['operation', 'event', 'job']);
/** A first word that names what the thing is: Krozu PM's "Action Add Checklist to Card". */
const ROLE_WORDS = new Set(['action', 'trigger']);
const VERSION = /^v\d+$/;

/** Marks in brackets that say how the operation is offered, not which it is. */
const MARKS = /[([]\s*(?:deprecated|preview|trigger|action|beta|legacy|obsolete|v\d+(?:\.\d+)?)\s*[)\]]/gi;
/** A numbering before the name: "2. Stream Generate Content", "Operation 3 Create an invitee". */
const NUMBERING = /^\s*(?:operation\s*)?\d+\s*[.):\-–—]?\s+/i;

function wordsOf(text: string): string[] {
  const words: string[] = [];
  // Articles are words written apart: "PdfA" (PDF4me) is no "Pdf" and an article.
  for (const written of text
    .replace(MARKS, ' ')
    .replace(NUMBERING, '')
    .split(/[^A-Za-z0-9]+/)) {
    if (written === '' || ARTICLES.has(written.toLowerCase())) continue;
    // Identifier parts as words: GetIntensityFactors, TimeAndBillingAccountDetailsByID, ExcelSetCell.
    const parts = written.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2');
    for (const part of parts.toLowerCase().split(' ')) words.push(part);
  }
  if (words.length > 1 && ROLE_WORDS.has(words[0]!)) words.shift();
  if (words.length > 1 && VERSION.test(words[words.length - 1]!)) words.pop();
  return words;
}

function keyOf(words: readonly string[]): string {
  return words.join('');
}

/** The keys of one operation's names. */
export interface OperationKeys {
  /** Its summary's and operationId's: the operation's own. */
  own: string[];
  /**
   * Short names and its path, which several operations can share ("ProjectRestrictionRebillings"
   * for its Get, Put, Post and Delete operations, "PDF" for "Sign PDF" and "Compress PDF"): a heading
   * with one is no stale operation, but lists an operation only where no other has it.
   */
  shared: string[];
}

/**
 * The keys an operation is listed under: its summary's and its operationId's, each also without its
 * first word (a short name: "Generation" for GetGeneration, "Set Cell" for ExcelSetCell,
 * "TimeAndBillingEntryAccounts" for GetTimeAndBillingEntryAccounts), and its path's words without
 * parameters and versions (Carbon Intensity's "Regional England" for `/regional/england`).
 * */
export function operationKeys(summary: string | undefined, operation: OperationInfo): OperationKeys {
  const own: string[] = [];
  const shared: string[] = [];
  for (const name of [summary, operation.operationId]) {
    if (!name) continue;
    const words = wordsOf(name);
    own.push(keyOf(words));
    // Without a last word that says what it is: "Find" for "Find Operation". Only the operation's
    // name loses it, so that "Create Job" stays another operation than "Create Event".
    if (words.length > 1 && KIND_WORDS.has(words[words.length - 1]!)) own.push(keyOf(words.slice(0, -1)));
    if (words.length > 1) shared.push(keyOf(words.slice(1)));
  }
  const path = pathWords(operation.path);
  // One word is no path a heading names: Toggl Plan's "### Tasks" groups operations on
  // `/api/v5/{workspace_id}/tasks`, and would list them all.
  if (path.length > 1) shared.push(keyOf(path));
  return { own: own.filter(isKey), shared: shared.filter(isKey) };
}

function isKey(key: string): boolean {
  return key !== '';
}

function pathWords(path: string): string[] {
  const words: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment.includes('{')) continue;
    for (const word of wordsOf(segment)) if (!VERSION.test(word) && word !== 'api') words.push(word);
  }
  return words;
}
