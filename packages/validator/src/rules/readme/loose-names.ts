import { isAsciiDigit, isAsciiLower, isAsciiUpper } from '../../text/ascii-codes.js';

/**
 * The names a person reads as an operation's, though they are not its summary or operationId as
 * written: README-OPS-MATCH's corpus findings were mostly readmes that list operations so
 * (Carbon Intensity's "### Generation" for GetGeneration, Ordnance Survey's "`Find`" for "Find
 * Operation", "Get a company" for "Get Company", "Operation 3 Create an invitee" for "Create A
 * Invitee").
 *
 * A name's key is its words, lower case, without what a reader skips: articles, a list number or
 * "Operation 3" before it, a "Trigger:" or "Action -" before it, and marks such as "(deprecated)",
 * "(Preview)" or "(Trigger)". Keys are compared whole (a Set lookup each), never searched in one
 * another: an operation of another name ("Delete a task" where there is only "Get a task") keeps its
 * own key.
 *
 * A version after the name ("V2", "_v1", "(v2)") is left out only where the other name has none:
 * "Create Invoice" lists "Create Invoice V2", and "Create Invoice V1" does not. So a listed name
 * gives its entries (listedEntries), an operation's name the keys looked up among them (pushLookupKeys),
 * and they meet where a reader takes the names for one.
 */
export function listedEntries(text: string): string[] {
  return entriesOf(wordsOf(text));
}

/** Articles: "Get a company" and "Get Company" are the same operation to a reader. */
const ARTICLES = new Set(['a', 'an', 'the']);
/** A last word that names what the thing is, not which: "Find Operation", "Create forecast job". */
const KIND_WORDS = new Set(['operation', 'event', 'job']);
/** A first word that names what the thing is: Krozu PM's "Action Add Checklist to Card". */
const ROLE_WORDS = new Set(['action', 'trigger']);
const VERSION = /^v\d+$/;

/** Marks in brackets that say how the operation is offered, not which it is. */
const MARKS = /[([]\s*(?:deprecated|preview|trigger|action|beta|legacy|obsolete)\s*[)\]]/gi;
/** A version in brackets: "(v2)", "[V1.1]". */
const VERSION_MARK = /[([]\s*(v\d+(?:\.\d+)?)\s*[)\]]/gi;
/** A numbering before the name: "2. Stream Generate Content", "Operation 3 Create an invitee". */
const NUMBERING = /^\s*(?:operation\s*)?\d+\s*[.):\-–—]?\s+/i;

/** A name's words, and the version after them ('' when it has none). */
export interface Words {
  words: string[];
  version: string;
}

/**
 * A name's words, lower case, without what a reader skips (see above), and its version: "Action -
 * Get the TimeCardByID (deprecated) V2" has the words get, time, card, by, id and the version v2.
 */
export function wordsOf(text: string): Words {
  const words: string[] = [];
  let version = '';
  let unmarked = text;
  // Both kinds of mark open with a bracket, which most names do not have: the two replaces then
  // change nothing, and are not run.
  if (text.includes('(') || text.includes('[')) {
    unmarked = text.replace(MARKS, ' ').replace(VERSION_MARK, (_mark, written: string) => {
      version = written.toLowerCase().replace(/[^a-z0-9]/g, '');
      return ' ';
    });
  }
  pushWords(unmarked.replace(NUMBERING, ''), words);
  if (words.length > 1 && ROLE_WORDS.has(words[0]!)) words.shift();
  if (words.length > 1 && VERSION.test(words[words.length - 1]!)) version ||= words.pop()!;
  return { words, version };
}

/**
 * Pushes the words of `text`, lower case: its runs of ASCII letters and digits but articles, each
 * cut where an identifier's next word starts (see identifierWordStarts). Articles are words written
 * apart: "PdfA" (PDF4me) is no "Pdf" and an article.
 *
 * One pass over the characters: the split on other characters and the two replaces per run that
 * this does the work of were README-OPS-MATCH's largest cost (wordsOf was 4% of a one-thread corpus
 * run's samples, more than any other function but JSON.parse), as every operation's summary,
 * operationId and path segments are read into words.
 */
function pushWords(text: string, words: string[]): void {
  const end = text.length;
  let start = 0;
  while (start < end) {
    while (start < end && !isAsciiLetterOrDigit(text.charCodeAt(start))) start++;
    if (start === end) return;
    let runEnd = start + 1;
    while (runEnd < end && isAsciiLetterOrDigit(text.charCodeAt(runEnd))) runEnd++;
    if (runEnd - start > MAX_ARTICLE_LENGTH || !ARTICLES.has(text.slice(start, runEnd).toLowerCase())) {
      let wordStart = start;
      for (let at = start + 1; at < runEnd; at++) {
        if (!identifierWordStarts(text, at)) continue;
        words.push(text.slice(wordStart, at).toLowerCase());
        wordStart = at;
      }
      words.push(text.slice(wordStart, runEnd).toLowerCase());
    }
    start = runEnd;
  }
}

const MAX_ARTICLE_LENGTH = 3;

/**
 * Whether a word starts at `at` of an identifier (a run of letters and digits): a capital after a
 * small letter or a digit ("Get|Intensity", "Excel2|Set|Cell"), or a capital followed by a small
 * letter after a capital ("PDF|Convert"; "DetailsBy|ID" keeps "ID"). The same cuts as the two
 * replaces `/([a-z0-9])([A-Z])/g` and `/([A-Z])([A-Z][a-z])/g`, whose matches never overlap. The
 * character after the run is no small letter: it needs no test of the run's end.
 */
function identifierWordStarts(text: string, at: number): boolean {
  if (!isAsciiUpper(text.charCodeAt(at))) return false;
  const before = text.charCodeAt(at - 1);
  if (isAsciiLower(before) || isAsciiDigit(before)) return true;
  return isAsciiUpper(before) && isAsciiLower(text.charCodeAt(at + 1));
}

function isAsciiLetterOrDigit(code: number): boolean {
  return isAsciiLower(code) || isAsciiUpper(code) || isAsciiDigit(code);
}

/** What a name without a version is looked up as, where a versioned one lists it. */
export const ANY_VERSION = ' v*';

/**
 * A listed name's entries: its words with its version, and that it has some version; a name
 * without one, its words.
 */
function entriesOf({ words, version }: Words): string[] {
  const key = keyOf(words);
  if (key === '') return [];
  return version === '' ? [key] : [`${key} ${version}`, key + ANY_VERSION];
}

/**
 * The entries that list an operation's name: with a version, the same version or none; without
 * one, no version or any. Pushed onto `keys`: an operation's keys are made of up to seven names.
 */
function pushLookupKeys(key: string, version: string, keys: string[]): void {
  if (key === '') return;
  if (version === '') keys.push(key, key + ANY_VERSION);
  else keys.push(`${key} ${version}`, key);
}

/**
 * Whether `key`, one of an operation's own keys (operationKeys), is its name with its version left
 * out: "geteventlist" of "Get event list (V2)", not of "Get Event list (deprecated)", which has none.
 */
export function isVersionLeftOut(key: string, own: readonly string[]): boolean {
  // An entry of a version has a space ("geteventlist v2"); a name without one has its any-version
  // entry beside it.
  return !key.includes(' ') && !own.includes(key + ANY_VERSION);
}

/**
 * The words from `start` to `end` run together. A loop, not `slice` and `join`: an array and a join
 * for each of an operation's up to seven names were most of what its keys cost.
 */
function keyOf(words: readonly string[], start = 0, end = words.length): string {
  let key = '';
  for (let index = start; index < end; index++) key += words[index]!;
  return key;
}

/** The keys an operation is looked up under (pushLookupKeys), for each of its names. */
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
 * "TimeAndBillingEntryAccounts" for GetTimeAndBillingEntryAccounts), and its path's (`pathKeys`, made
 * once per path by the caller: an API's Get, Update and Delete share theirs).
 */
export function operationKeys(
  summary: string | undefined,
  operationId: string | undefined,
  pathKeys: readonly string[],
): OperationKeys {
  const own: string[] = [];
  const shared: string[] = [];
  const summaryWords = summary ? wordsOf(summary) : undefined;
  const operationIdWords = operationId ? wordsOf(operationId) : undefined;
  // A version is the operation's, whichever name says it: "Get a task V2" with the operationId
  // GetTask is version 2, and no "Get a task V1" lists it.
  const version = summaryWords?.version || operationIdWords?.version || '';
  if (summaryWords) pushNameKeys(summaryWords.words, version, own, shared);
  if (operationIdWords) pushNameKeys(operationIdWords.words, version, own, shared);
  for (const key of pathKeys) shared.push(key);
  return { own, shared };
}

/** Pushes the keys of one of an operation's names (see operationKeys) onto its own and shared keys. */
function pushNameKeys(words: readonly string[], version: string, own: string[], shared: string[]): void {
  const count = words.length;
  pushLookupKeys(keyOf(words), version, own);
  if (count <= 1) return;
  // Without a last word that says what it is: "Find" for "Find Operation". Only the operation's
  // name loses it, so that "Create Job" stays another operation than "Create Event".
  if (KIND_WORDS.has(words[count - 1]!)) pushLookupKeys(keyOf(words, 0, count - 1), version, own);
  pushLookupKeys(keyOf(words, 1), version, shared);
}

/**
 * The keys of a path's words, without parameters and versions (Carbon Intensity's "Regional
 * England" for `/regional/england`), looked up without a version. None for one word: that is no
 * path a heading names (Toggl Plan's "### Tasks" groups operations on `/api/v5/{workspace_id}/tasks`,
 * and would list them all).
 */
export function pathKeys(path: string): string[] {
  const words = pathWords(path);
  const keys: string[] = [];
  if (words.length > 1) pushLookupKeys(keyOf(words), '', keys);
  return keys;
}

function pathWords(path: string): string[] {
  const words: string[] = [];
  for (let start = 0; start <= path.length;) {
    let end = path.indexOf('/', start);
    if (end === -1) end = path.length;
    const segment = path.slice(start, end);
    start = end + 1;
    if (segment === '' || segment.includes('{')) continue;
    for (const word of wordsOf(segment).words) if (!VERSION.test(word) && word !== 'api') words.push(word);
  }
  return words;
}
