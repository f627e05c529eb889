import { unlistedMessage } from '../../model/unlisted-message.js';
import { LineIndex } from '../line-index.js';
import type { Token } from './token.js';
import { TokenStream } from './tokens.js';
import { applyEdits, removal, type TextEdit } from '../../text/text-edits.js';
import { extraCloserCandidates, laidOutStrictly, type ExtraCloser } from './extra-closer-by-layout.js';
import { Walk } from './walk.js';
import { repairCompletingText } from './repairs-by-whole-text.js';
import { closerWeighedByLayout } from './lost-closer-by-layout.js';
import type { Repair } from './walk-state.js';
import type { JsonSyntaxIssue } from './syntax-issue.js';
import {
  findMergeMarkers,
  firstSideEdits,
  leftoverMarkerIssue,
  mergeConflictIssue,
} from '../../text/merge-conflicts.js';

// What is wrong with text that JSON.parse refused, said as the edit that fixes it. jsonc-parser's
// own errors name the token where it got stuck, which is often not where the slip is: a missing '}'
// read as "remove the trailing comma" (Icon Horse's swagger), followed by errors that only follow
// from its recovery. Here the text is walked with a stack of the open brackets; at each token that
// does not fit, the repairs that could explain it (a missing comma, a missing closer, an extra
// closer, a stray token) are each tried on the tokens that follow, and the one that lets the walk
// go furthest is reported and applied. What is reported after it is then independent of it.
//
// The walk is walk.ts; the repairs it weighs are in bracket-repairs.ts, separator-repairs.ts,
// value-repairs.ts and file-end-repairs.ts, and the walk's state they share is walk-state.ts.

/**
 * The issues, and the edits that fix them: those of every repair the walk made (the ones left
 * unsaid because they follow from an earlier issue included) and of every token read with a
 * problem. `edits` is undefined when an issue names no single edit (a value is missing: "add it"),
 * the walk stopped before the end of the text, or the text has more than MAX_SLIPS slips.
 */
export interface SyntaxRepair {
  /**
   * The first MAX_ISSUES issues, then one more: past MAX_SLIPS, that the text is refused; else, past
   * MAX_ISSUES, how many are not listed (`unlistedSyntaxIssue`).
   */
  issues: JsonSyntaxIssue[];
  edits: TextEdit[] | undefined;
  /**
   * Where `edits` is undefined, the offset of the first issue that names no single edit (or where
   * the walk stopped), for `validate --fix` to say which; else undefined.
   */
  unfixedAt: number | undefined;
  /** How many issues the text has (counted to MAX_SLIPS + 1), said or not. */
  slips: number;
  /** More than MAX_SLIPS slips: the walk stopped there, and the text is not read (see `tooManySlips`). */
  refused: boolean;
  /**
   * The offset of the text's first unresolved merge conflict, when it has one: `edits` then read it as
   * each conflict's first side has it, which `validate --fix` must not write (the side is the maker's
   * choice).
   */
  mergeConflictAt?: number;
  /**
   * The offset of the issue that says the text was cut off, when it was: it ends with more left open
   * than a slip leaves (several brackets, or one after a ',' or a key, or a string with brackets
   * beyond the root's open). The value read of it lacks what was lost, so nothing is judged of it
   * (JsonDocument): each missing operation, definition and section would be a finding of its own.
   */
  cutOffAt?: number;
  /**
   * Where the text after the top-level value starts, when the walk stopped there: the value read ends
   * before it, so a member written there (GIPHY's x-ms-connector-metadata, after the root's closing
   * brace) is not in it (JsonDocument.unreadFrom).
   */
  unreadFrom?: number;
}

/** A repair without its issues: what `validate --fix` reads of it (fix/json-fix.ts). */
export type SyntaxEdits = Omit<SyntaxRepair, 'issues'>;

/**
 * The most JSON syntax errors listed for a file, whichever way it is read (this diagnosis, or the
 * trailing commas alone: json-document.ts); one more finding counts the rest. The maker fixes these
 * first, and the file is usually another notation when there are more.
 */
export const MAX_ISSUES = 20;

/**
 * Past this many slips the text is refused. Each is diagnosed and repaired (those past MAX_ISSUES
 * too, so that `validate --fix` makes them all), which a text of millions of slips (`,,` repeated
 * over 64 MB) made take minutes and gigabytes. The 373 connectors of the corpus have at most 2; a
 * file with thousands is not a connector file with slips but another notation, or a hostile one.
 */
export const MAX_SLIPS = 1000;

export function diagnoseSyntax(
  text: string,
  describeCharacters: (characters: readonly number[]) => string,
  lines: LineIndex = new LineIndex(text),
): JsonSyntaxIssue[] {
  return diagnoseAndRepair(text, describeCharacters, lines).issues;
}

/**
 * The diagnosis of a file that holds nothing but merge-conflict markers and blanks once its
 * conflicts are read by their first sides. A complete conflict says so itself (mergeConflictIssue);
 * leftover markers alone (`<<<<<<< HEAD` and nothing else) are said to leave the file empty, at its
 * start, which --fix then names as the finding it cannot repair.
 */
function nothingBesideMarkers(conflictSaysEmpty: boolean): SyntaxRepair {
  if (conflictSaysEmpty) return { issues: [], edits: undefined, unfixedAt: 0, slips: 0, refused: false };
  const issue = {
    message: 'Without its merge-conflict markers the file is empty: it holds no JSON value. Write the value.',
    offset: 0,
    length: 0,
  };
  return { issues: [issue], edits: undefined, unfixedAt: 0, slips: 1, refused: false };
}

/** `diagnoseSyntax`, with the edits that its issues name (see `SyntaxRepair`). */
export function diagnoseAndRepair(
  text: string,
  describeCharacters: (characters: readonly number[]) => string,
  lines: LineIndex = new LineIndex(text),
): SyntaxRepair {
  const { conflicts, leftovers } = findMergeMarkers(text);
  if (conflicts.length === 0 && leftovers.length === 0)
    return diagnoseAfterExtraClosers(text, describeCharacters, lines, 0);
  const removed = leftovers.map((marker) => leftoverMarkerIssue(text, marker));
  // Blanking keeps offsets and lines: the rest's issues and edits hold for the text as written.
  const reading = [
    ...conflicts.flatMap((conflict) => firstSideEdits(text, conflict)),
    ...removed.map(({ edit }) => edit),
  ];
  const firstSides = applyEdits(text, reading)!.text;
  // Nothing left to read (an add/add conflict whose first side is empty): the walk of blanks said
  // "The file ends before undefined is closed".
  const empty = firstSides.trim() === '';
  const said = [
    ...conflicts.map((conflict) => mergeConflictIssue(conflict, empty)),
    ...removed.map(({ issue }) => issue),
  ];
  // The file ends inside a conflict (`{"a": 1` before one whose first side is empty and whose other
  // holds the '}'): the first side read leaves brackets open, which follows from the side, and
  // "add '}'" would be wrong advice once the other is kept.
  const last = conflicts.at(-1);
  const endsInConflict = last !== undefined && text.slice(last.end).trim() === '';
  const rest = empty
    ? nothingBesideMarkers(conflicts.length > 0)
    : diagnoseAfterExtraClosers(firstSides, describeCharacters, lines, 0, endsInConflict);
  return withIssuesBefore(said, reading, conflicts[0]?.start, rest);
}

/**
 * The diagnosis of a text read without some of its slips (`rest`: without its merge-conflict
 * markers, or without a closer one too many) with those slips' issues (`said`) before their place,
 * listed to MAX_ISSUES in all as any issues are, and the edits that read them (`reading`) before its
 * own. `mergeConflictAt`: the first complete conflict's, if any.
 */
function withIssuesBefore(
  said: JsonSyntaxIssue[],
  reading: TextEdit[],
  mergeConflictAt: number | undefined,
  rest: SyntaxRepair,
): SyntaxRepair {
  // The rest's last issue is its refusal or its count of the unlisted, which stays last.
  const closing = rest.refused || rest.issues.at(-1)?.unlisted !== undefined ? rest.issues.at(-1) : undefined;
  const listed = [...said, ...rest.issues.slice(0, closing ? -1 : undefined)].sort(
    (a, b) => a.offset - b.offset,
  );
  const issues = listed.slice(0, MAX_ISSUES);
  const slips = rest.slips + said.length;
  if (closing && rest.refused) issues.push(closing);
  else if (slips > issues.length) {
    const firstUnlisted = Math.min(listed[MAX_ISSUES]?.offset ?? Infinity, closing?.offset ?? Infinity);
    issues.push(unlistedSyntaxIssue(slips - issues.length, firstUnlisted));
  }
  return {
    ...rest,
    issues,
    slips,
    edits: rest.edits && [...reading, ...rest.edits],
    ...(mergeConflictAt === undefined ? {} : { mergeConflictAt }),
  };
}

/**
 * `diagnoseAndRepair` of a text that `extraClosersSeen` closers one too many were already removed
 * from (`extraClosers` diagnoses the text again without each one it finds, to at most MAX_ISSUES).
 */
function diagnoseAfterExtraClosers(
  text: string,
  describeCharacters: (characters: readonly number[]) => string,
  lines: LineIndex,
  extraClosersSeen: number,
  /** The file's end lies in a merge conflict: brackets left open there are not said. */
  endsInConflict = false,
  /** How many more readings without a closer one too many `extraClosers` may make. */
  extraCloserTrials = { left: MAX_EXTRA_CLOSER_TRIALS },
): SyntaxRepair {
  const tokens = new TokenStream(text, describeCharacters);
  const walk = new Walk(tokens, (offset) => lines.position(offset).line, text);
  const issues: JsonSyntaxIssue[] = [];
  let slips = 0;
  let lastIssueOffset = -1;
  /** The offset of the last issue said of a token as it was read (a string left open), if it was last. */
  let lastTokenIssueOffset = -1;
  let firstUnlistedOffset = -1;
  const say = (issue: JsonSyntaxIssue) => {
    slips++;
    lastIssueOffset = issue.offset;
    lastTokenIssueOffset = -1;
    if (issues.length < MAX_ISSUES) issues.push(issue);
    else if (firstUnlistedOffset === -1) firstUnlistedOffset = issue.offset;
  };
  let edits: TextEdit[] | undefined = [];
  /** Where in `edits` the edit that replaces text at an offset is. */
  const replacing = new Map<number, number>();
  let unfixedAt: number | undefined;
  const edit = (fix: TextEdit | undefined) => {
    // The issue just said is the one that names no edit.
    if (fix === undefined && edits !== undefined) unfixedAt = lastIssueOffset;
    if (fix === undefined) edits = undefined;
    if (edits === undefined || fix === undefined) return;
    // A later repair of the same text reads it again, and its edit is the one made: a ';' read as
    // the ',' between values is removed as a trailing comma once the value after it is removed.
    const earlier = fix.length > 0 ? replacing.get(fix.offset) : undefined;
    if (earlier !== undefined && edits[earlier]!.length <= fix.length) edits[earlier] = fix;
    else {
      if (fix.length > 0) replacing.set(fix.offset, edits.length);
      edits.push(fix);
    }
  };
  let repairsHere = 0;
  let lastIndex = -1;
  let finished = false;
  let cutOffAt: number | undefined;
  let unreadFrom: number | undefined;
  while (slips <= MAX_SLIPS) {
    // The main walk never goes back further than the token before the one it reads.
    tokens.forgetBefore(walk.index - 1);
    const token = tokens.at(walk.index)!;
    const outcome = walk.feed();
    if (
      outcome !== 'accepted' &&
      outcome !== 'done' &&
      token.kind === 'end' &&
      endsInsideUnclosedToken(walk)
    ) {
      // A string left open with a bracket beyond the root's open: cut off inside the value.
      if (!endsInConflict && openBrackets(walk) > 1) cutOffAt = lastIssueOffset;
      break;
    }
    if (outcome === 'done') {
      finished = true;
      break;
    }
    if (outcome === 'accepted') {
      if (walk.problem) {
        say(walk.problem);
        lastTokenIssueOffset = walk.problem.offset;
        edit(walk.fix);
      }
      continue;
    }
    repairsHere = walk.index === lastIndex ? repairsHere + 1 : 0;
    lastIndex = walk.index;
    const chosen =
      repairsHere > 3
        ? skipToken(walk, token)
        : ((slips === 0 ? repairCompletingText(walk, outcome) : undefined) ?? bestRepair(walk, outcome));
    // Once an edit is not written, no other is (all or none): no need to doubt more.
    const repair = (edits !== undefined && closerWeighedByLayout(walk, chosen)) || chosen;
    // A repair at the place of a token's issue just said follows from it (a string left open ends
    // its line, and the key on the next line then lacks the comma that the string's closing quote
    // goes before). One at the place of another repair is a slip of its own, said too, since its
    // edit is made.
    const followsFromToken = lastTokenIssueOffset === repair.issue.offset;
    const followsFromConflict = endsInConflict && repair.fileEndsOpen === true;
    if (!followsFromToken && !followsFromConflict) say(repair.issue);
    if (repair.cutOff && !followsFromConflict) cutOffAt = repair.issue.offset;
    if (repair.leavesTextUnread) unreadFrom = repair.issue.offset;
    edit(repair.fix);
    if (repair.commaFix) edit(repair.commaFix);
    repair.apply(walk);
    if (walk.stopped) {
      // Only an unclosed bracket at the end stops the walk with an edit that completes the text.
      finished =
        (repair.fix !== undefined && tokens.at(walk.index)?.kind === 'end') || repair.completesText === true;
      break;
    }
  }
  if (walk.stopped && !finished && slips === 1 && walk.top.open === '' && walk.top.place === 'end') {
    // The only slip is text after the top-level value: a closer one too many earlier in the file?
    const extra = extraClosers(text, walk, describeCharacters, lines, extraClosersSeen, extraCloserTrials);
    if (extra) return extra;
  }
  if (slips > MAX_SLIPS) {
    issues.push(tooManySlips(lastIssueOffset));
    return { issues, edits: undefined, unfixedAt: lastIssueOffset, slips, refused: true };
  }
  if (cutOffAt !== undefined) slips -= withoutCutToken(issues, cutOffAt, text);
  // Listed by place, as the maker reads the file: a repair may be found after a token past it (the
  // comma before `}` is seen to trail once the value after it was read as one too many).
  issues.sort((a, b) => a.offset - b.offset);
  if (slips > issues.length) issues.push(unlistedSyntaxIssue(slips - issues.length, firstUnlistedOffset));
  if (!finished) unfixedAt ??= lastIssueOffset;
  return {
    issues,
    edits: finished ? edits : undefined,
    unfixedAt,
    slips,
    refused: false,
    ...(cutOffAt === undefined ? {} : { cutOffAt }),
    ...(unreadFrom === undefined ? {} : { unreadFrom }),
  };
}

/**
 * Removes from `issues` those of the token a cut-off text ends in (not the cut's own, at `cutOffAt`):
 * a word or number half written (`tr` of `true`, `-` of `-1`) is what was cut, not a slip of its
 * own, and the cut's issue says what to do. Returns how many it removed.
 */
function withoutCutToken(issues: JsonSyntaxIssue[], cutOffAt: number, text: string): number {
  const contentEnd = text.trimEnd().length;
  const before = issues.length;
  for (let index = issues.length - 1; index >= 0; index--) {
    const issue = issues[index]!;
    if (issue.offset !== cutOffAt && issue.offset + issue.length >= contentEnd) issues.splice(index, 1);
  }
  return before - issues.length;
}

/**
 * How many times, in all, a text is diagnosed again without a closer one too many
 * (`extraClosers`): each closer weighed is one more reading of the whole text, and a wrong one may
 * lead to others before the layout refuses it. As many as the closers said at most, the bound before
 * closers ending a line were weighed too: a swagger of 800 KB with 21 such slips that the layout
 * leaves unexplained took 1.1 s to read either way (twice as many took 1.9 s).
 */
const MAX_EXTRA_CLOSER_TRIALS = MAX_ISSUES;

/**
 * The closers one too many that explain text after the top-level value, found by the indentation
 * (extra-closer-by-layout.ts), each as its issue and its removal; undefined unless the text without
 * them all is strict JSON laid out consistently (`laidOutStrictly`). Where one closer's removal
 * leaves such a text, it is said when every other that does leaves the same value (else which is
 * meant is the maker's to say). Else, at most MAX_ISSUES: the text is diagnosed again without each
 * closer weighed in turn, to find the next, until one reading explains the whole text.
 */
function extraClosers(
  text: string,
  walk: Walk,
  describeCharacters: (characters: readonly number[]) => string,
  lines: LineIndex,
  seen: number,
  trials: { left: number },
): SyntaxRepair | undefined {
  const candidates = extraCloserCandidates(text, walk.closes);
  if (candidates.length === 0 || seen >= MAX_ISSUES) return undefined;
  const repair = (issues: JsonSyntaxIssue[], edits: TextEdit[]): SyntaxRepair => ({
    issues,
    edits,
    unfixedAt: undefined,
    slips: issues.length,
    refused: false,
  });
  // The removal blanks the closer: offsets and lines stay those of the text.
  const without = (extra: ExtraCloser) => applyEdits(text, [extra.fix])!.text;
  const alone = candidates.filter((extra) => laidOutStrictly(without(extra)));
  if (alone.length > 0) {
    const value = JSON.stringify(JSON.parse(without(alone[0]!)));
    const same = alone.every((extra) => JSON.stringify(JSON.parse(without(extra))) === value);
    return same ? repair([alone[0]!.issue], [alone[0]!.fix]) : undefined;
  }
  for (const extra of candidates) {
    if (trials.left-- <= 0) return undefined;
    const rest = diagnoseAfterExtraClosers(
      without(extra),
      describeCharacters,
      lines,
      seen + 1,
      false,
      trials,
    );
    if (!rest.edits || rest.slips !== rest.issues.length) continue;
    const edits = [extra.fix, ...rest.edits];
    // Listed to MAX_ISSUES in all with the closer's, and the rest counted, as any issues are.
    if (laidOutStrictly(applyEdits(text, edits)?.text ?? ''))
      return withIssuesBefore([extra.issue], [extra.fix], undefined, rest);
  }
  return undefined;
}

/**
 * The one issue that stands for the `count` syntax errors past the first MAX_ISSUES, at the first of
 * them, worded as the finding that stands for a rule's unlisted findings (finding-cap.ts), which says
 * that the count is of the file.
 */
export function unlistedSyntaxIssue(count: number, offset: number): JsonSyntaxIssue {
  return {
    message: `${unlistedSyntaxMessage(count, 'finding')} Fix the ones listed and check again.`,
    offset,
    length: 1,
    unlisted: count,
  };
}

/** "5 more findings of this rule are not listed: a file lists at most 20 JSON syntax errors." */
export function unlistedSyntaxMessage(count: number, noun: 'finding' | 'change'): string {
  return unlistedMessage(count, noun, `${MAX_ISSUES} JSON syntax errors`);
}

/** The issue that refuses a text of more than MAX_SLIPS slips, at the first slip past the limit. */
function tooManySlips(offset: number): JsonSyntaxIssue {
  const limit = MAX_SLIPS.toLocaleString('en-US');
  return {
    message: `The file has more than ${limit} JSON syntax errors (the first ${MAX_ISSUES} are listed), so it is not checked further and \`validate --fix\` does not repair it: this tool reads at most ${limit}. Is it JSON at all? Fix the errors, or write the file as strict JSON.`,
    offset,
    length: 1,
  };
}

/**
 * The file ends inside a string or a '/*' comment: that is already said, and the open brackets
 * follow from it. The walk is at the 'end' token.
 */
function endsInsideUnclosedToken(walk: Walk): boolean {
  return walk.tokens.at(walk.index - 1)?.unclosedAtEnd === true;
}

/** How many brackets are open where the walk is. */
function openBrackets(walk: Walk): number {
  return walk.stack.filter((frame) => frame.open !== '').length;
}

function bestRepair(walk: Walk, repairs: Repair[]): Repair {
  let best = repairs[0]!;
  let bestScore = -1;
  for (const repair of repairs) {
    const trial = walk.clone();
    repair.apply(trial);
    const score = trial.stopped ? 0 : trial.tryAhead();
    if (score > bestScore) {
      best = repair;
      bestScore = score;
    }
  }
  return best;
}

function skipToken(walk: Walk, token: Token): Repair {
  return {
    issue: { message: walk.unexpected(token), offset: token.offset, length: token.end - token.offset },
    apply: (w) => w.index++,
    fix: removal(walk.text, token.offset, token.end - token.offset),
  };
}
