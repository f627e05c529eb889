import path from 'node:path';
import { slashSeparated } from '@connector-alm/core';
import { matchedMessage, type Finding } from '../model/finding.js';
import { hasEveryPart, partsAsShown, shownTexts, type ProblemParts } from '../model/problem-parts.js';
import { boundedMessage, type BoundedMessage } from '../text/message-length.js';
import type { ListingScope } from '../model/unlisted-message.js';

/**
 * Marks each finding of a connector as `new` or `existing`, by looking for it among the findings of
 * the same connector at the base. Lines shift with every edit, so findings are matched by what they
 * say and where in the document they are: first on rule, connector-relative file, JSON pointer and
 * message; the findings left over then on rule, file and message alone (text files have no
 * pointer, and an inserted array entry shifts the pointers after it). The message is the one
 * without the lines of the problem's other places (`matchedMessage`), and findings whose messages
 * cannot tell their problems apart (GEN-SECRETS masks the secret) match only with the same
 * `identity`. Each base finding matches at most one current finding, so a problem that now occurs
 * twice counts once as new. A finding of a problem of parts (model/problem-parts.ts: the operations
 * a readme does not list) is matched on the problem without them, and is new only with a part that
 * the base's finding did not have; its message then ends with the parts it added, and, where the
 * base's finding had parts it has not, new or existing, with those the change fixed (`partsFixed`).
 */
export function markBaseline(current: readonly Finding[], base: readonly Finding[]): Finding[] {
  return compareWithBaseline(current, base).findings;
}

/**
 * The current findings marked as `markBaseline` marks them, and the base findings that none of them
 * matched: the problems the change fixed (`validate --base` counts them, "7 fixed since the base").
 * `placeKept` tells whether a base finding's place (its file and pointer) is in the current version
 * still; without it, every base finding's place counts as gone, and findings that say the same match
 * wherever they are.
 * A base finding of a listing settled by its cap (`cappedListingsNotGrown`) is not counted fixed
 * while the listing still has findings now: the base's unlisted findings are unknown, so which of
 * its problems are gone cannot be told; a listing with no finding left now is fixed whole.
 */
export function compareWithBaseline(
  current: readonly Finding[],
  base: readonly Finding[],
  placeKept: (baseFinding: Finding) => boolean = () => false,
): { findings: Finding[]; fixed: Finding[] } {
  const settled = cappedListingsNotGrown(current, base);
  const exact = new BaseFindings(base, exactKey);
  // Each current finding with the base finding it matched; `existing` without one when its capped
  // listing is settled.
  const marked = current.map((finding) =>
    settledByCap(finding, settled) ? { finding, existing: true } : matchedWith(finding, exact.take(finding)),
  );
  // Only base findings no current one matched exactly may match loosely: first those at the same
  // place but for the array entries on the way (an entry inserted before it shifted the pointer),
  // then those whose place the current version no longer has (a path renamed, a property moved).
  // A base finding whose place is still there, its problem gone from it, is no match for the same
  // message elsewhere: that is a problem fixed there and one made here (upstream, a string/binary
  // property fixed in one definition and written in a new one read as the same finding).
  const loose = new BaseFindings(exact.untaken(), looseKey);
  const byPlace = marked.map((entry) =>
    entry.existing
      ? entry
      : matchedWith(entry.finding, loose.take(entry.finding, samePlaceBut(entry.finding))),
  );
  const matched = byPlace.map((entry) =>
    entry.existing
      ? entry
      : matchedWith(
          entry.finding,
          loose.take(entry.finding, (candidate) => !placeKept(candidate)),
        ),
  );
  // Then a new finding of parts is told against the base's finding of its problem that lacked some,
  // among those no finding took, and takes it where they share the most parts (see takeGrown).
  const grown = loose.takeGrown(matched.filter((entry) => !entry.existing).map((entry) => entry.finding));
  const findings = matched.map(({ finding, existing, base }): Finding => {
    if (existing) return withPartsFixed({ ...finding, baseline: 'existing' }, base);
    const told = grown.get(finding);
    if (told === undefined) return { ...finding, baseline: 'new' };
    if (told.base === undefined) return withPartsAdded(finding, told.added);
    const had = told.base.parts!;
    const fixed = fixedParts(finding, told.base);
    const ambiguous = shownAlike(finding.parts!, told.added, had, fixed);
    return withFixedNamed(withPartsAdded(finding, told.added, ambiguous), had, fixed, ambiguous);
  });
  const listedNow = new Set(
    current.flatMap((finding) => LISTING_SCOPES.map((per) => listingKey(finding, per))),
  );
  const fixed = loose.untaken().filter((finding) => !unknownUnderCap(finding, settled, listedNow));
  return { findings, fixed };
}

/**
 * Which base findings `finding` may match in the loose pass's first round: one at its pointer but for
 * the array indices on the way, or any, for a finding of parts (its pointer is its first part's,
 * which moves as parts are fixed) or without a pointer (a readme's).
 */
function samePlaceBut(finding: Finding): (candidate: Finding) => boolean {
  if (finding.parts !== undefined || finding.pointer === undefined) return () => true;
  const shape = pointerShape(finding.pointer);
  return (candidate) => candidate.pointer === undefined || pointerShape(candidate.pointer) === shape;
}

/**
 * A pointer with its array indices blanked: `/paths/~1a/get/parameters/#`. A numeric key (a response
 * code) is blanked too: a pointer alone cannot tell it from an index.
 */
function pointerShape(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/#');
}

/**
 * The message with a note of the baseline after it, as a sentence of its own: Microsoft's
 * SWG-PATH-PARTIAL-DUP message ends with its list of paths, no full stop.
 */
function withNote(message: string, note: string): BoundedMessage {
  return boundedMessage(`${message}${/[.!?]$/.test(message) ? '' : '.'} ${note}`);
}

/** A current finding, existing when it matched a base finding (`base`), whose parts it may have fewer of. */
function matchedWith(
  finding: Finding,
  base: Finding | undefined,
): { finding: Finding; existing: boolean; base?: Finding } {
  return { finding, existing: base !== undefined, base };
}

/**
 * A new finding of a problem the base had with other parts, naming the parts it added: of twelve
 * operations a readme does not list, the one this change added, which the message alone did not
 * tell from the eleven the base already missed.
 */
function withPartsAdded(
  finding: Finding,
  added: readonly string[],
  ambiguous?: ReadonlySet<string>,
): Finding {
  const told = partsAsShown(finding.parts!, added, ambiguous);
  return {
    ...finding,
    message: withNote(finding.message, `New since the base: ${told}.`),
    baseline: 'new',
  };
}

/**
 * A finding of a problem whose base finding had parts it has not (`partsFixed`), naming them: a
 * readme that now lists five of the twelve operations it missed made progress, which the count of
 * findings fixed, the problem still there, did not show. Existing, or new with parts it added.
 */
function withPartsFixed(finding: Finding, base: Finding | undefined): Finding {
  if (base?.parts === undefined) return finding;
  return withFixedNamed(finding, base.parts, fixedParts(finding, base));
}

/** `finding` with the parts `fixed` of the base's finding (whose parts were `had`) named, if any. */
function withFixedNamed(
  finding: Finding,
  had: ProblemParts,
  fixed: readonly string[],
  ambiguous?: ReadonlySet<string>,
): Finding {
  if (fixed.length === 0) return finding;
  const told = partsAsShown(had, fixed, ambiguous);
  return {
    ...finding,
    message: withNote(finding.message, `Fixed since the base: ${told}.`),
    partsFixed: fixed,
  };
}

/** The parts of `base`'s problem that `finding` has not: those the change fixed. */
function fixedParts(finding: Finding, base: Finding): string[] {
  const had = base.parts;
  if (finding.parts === undefined || had === undefined) return [];
  const now = new Set(finding.parts.names);
  return had.names.filter((name) => !now.has(name));
}

/** The texts that name a part added and a part fixed alike, which the notes then tell apart by name. */
function shownAlike(
  parts: ProblemParts,
  added: readonly string[],
  had: ProblemParts,
  fixed: readonly string[],
): ReadonlySet<string> {
  const addedTexts = new Set(shownTexts(parts, added));
  return new Set(shownTexts(had, fixed).filter((text) => addedTexts.has(text)));
}

/**
 * The base findings a current finding may match, by a key of both, each matched at most once. A
 * finding of a problem of parts matches only one that had every part it has (`hasEveryPart`): the
 * problem is the same while parts are fixed, and new once the branch adds one.
 */
class BaseFindings {
  private readonly byKey = new Map<string, Finding[]>();
  private readonly taken = new Set<Finding>();

  constructor(
    private readonly findings: readonly Finding[],
    private readonly key: (finding: Finding) => string,
  ) {
    for (const finding of findings) {
      const key = this.key(finding);
      const same = this.byKey.get(key);
      if (same) same.push(finding);
      else this.byKey.set(key, [finding]);
    }
  }

  /**
   * Matches `finding` with a base finding not matched yet, if one says the same, and returns that one.
   * The last such one: those left are then the first in the base's order, which the fixed findings
   * were before parts.
   */
  take(finding: Finding, accepts: (candidate: Finding) => boolean = () => true): Finding | undefined {
    const same = this.byKey.get(this.key(finding));
    if (!same) return undefined;
    for (let index = same.length - 1; index >= 0; index--) {
      const candidate = same[index]!;
      if (!hasEveryPart(candidate.parts, finding.parts) || !accepts(candidate)) continue;
      same.splice(index, 1);
      this.taken.add(candidate);
      return candidate;
    }
    return undefined;
  }

  /**
   * For the findings of parts that `take` matched with none, the parts each has that the base's
   * finding of its problem lacked: of the base findings that share parts with it, the one that shares
   * the most (the last of those). None for a finding that shares no part with any (every part is new,
   * as the message says, and the base finding is fixed) or whose base finding lacked none of its parts.
   * A base finding told so is taken by the finding that shares the most parts with it (the first on a
   * tie): the problem grew, and where the branch also fixed some of its parts (README-OPS-MATCH's
   * operations, one now listed and one added unlisted), it is not fixed, only those parts: that
   * finding is new and fixed in part (`base`), not one new and one fixed, which listed the base
   * finding, every part still missing but one, among the fixed. Taken in the findings' order, a base
   * finding would go to the first that shares any part: in upstream's 7c2cd17a, a schema sharing two
   * properties with a base tree took it from the schema sharing nine.
   */
  takeGrown(findings: readonly Finding[]): Map<Finding, { added: readonly string[]; base?: Finding }> {
    const bests = new Map<Finding, { base: Finding; had: ReadonlySet<string>; shared: number }>();
    for (const finding of findings) {
      const best = this.sharingMost(finding);
      if (best) bests.set(finding, best);
    }
    // Each base finding goes to the finding that shares the most parts with it.
    const winners = new Map<Finding, Finding>();
    for (const [finding, { base, shared }] of bests) {
      const winner = winners.get(base);
      if (winner === undefined || bests.get(winner)!.shared < shared) winners.set(base, finding);
    }
    const told = new Map<Finding, { added: readonly string[]; base?: Finding }>();
    for (const [finding, { base, had, shared }] of bests) {
      const added = finding.parts!.names.filter((name) => !had.has(name));
      const wins = winners.get(base) === finding;
      // With no part the base lacked (`take` matches such a finding first), the base finding is taken,
      // as before parts were told, when the finding kept every part of it.
      if (wins && (added.length > 0 || shared === had.size)) this.takeFinding(base);
      if (added.length > 0) told.set(finding, wins ? { added, base } : { added });
    }
    return told;
  }

  /** Of the untaken base findings of `finding`'s problem, the one sharing the most parts with it (the last of those). */
  private sharingMost(
    finding: Finding,
  ): { base: Finding; had: ReadonlySet<string>; shared: number } | undefined {
    if (finding.parts === undefined) return undefined;
    const now = new Set(finding.parts.names);
    let best: { base: Finding; had: ReadonlySet<string>; shared: number } | undefined;
    for (const base of this.byKey.get(this.key(finding)) ?? []) {
      const names = base.parts?.names;
      if (names === undefined) continue;
      const had = new Set(names);
      let shared = 0;
      for (const name of had) if (now.has(name)) shared++;
      if (!best || shared >= best.shared) best = { base, had, shared };
    }
    return best && best.shared > 0 ? best : undefined;
  }

  private takeFinding(base: Finding): void {
    const same = this.byKey.get(this.key(base))!;
    same.splice(same.indexOf(base), 1);
    this.taken.add(base);
  }

  /** The base findings no current finding matched, in the base's order. */
  untaken(): Finding[] {
    return this.findings.filter((finding) => !this.taken.has(finding));
  }
}

/**
 * Whether a base finding's fate cannot be told: its listing was capped at the base, is settled
 * (`settledByCap` marks every finding of it existing) and still has findings now. As there, a listing
 * of a file settles only the finding that counts the rest: the listed ones are matched on their place.
 */
function unknownUnderCap(
  finding: Finding,
  settled: ReadonlySet<string>,
  listedNow: ReadonlySet<string>,
): boolean {
  const ofConnector = listingKey(finding, 'connector');
  if (settled.has(ofConnector) && listedNow.has(ofConnector)) return true;
  const ofFile = listingKey(finding, 'file');
  return finding.unlisted?.per === 'file' && settled.has(ofFile) && listedNow.has(ofFile);
}

const LISTING_SCOPES: readonly ListingScope[] = ['connector', 'file'];

/**
 * The listings that were capped at the base (see finding-cap.ts) and are no more now: a rule's findings
 * of the connector, or, for a rule that lists a file's at most (GEN-JSON-PARSE, 20 syntax errors a
 * file), its findings of one file. The base's unlisted findings are unknown, so a finding listed now
 * may be one of them: fixing one of 1,500 placeholder lines lists the 1,001st, and changes the count
 * of the finding that stands for the rest. Matched one by one, both were "new" though the change made
 * nothing worse; so a capped listing whose total did not grow is settled (`settledByCap`). One whose
 * total grew is matched as any other, and the finding that counts the rest, its count changed, is
 * new: it says by how many. A listing capped per file settles that file alone: errors in another file
 * are matched one by one, however many the capped file lost.
 */
function cappedListingsNotGrown(current: readonly Finding[], base: readonly Finding[]): Set<string> {
  const before = listingTotals(base);
  const now = listingTotals(current);
  const settled = new Set<string>();
  for (const [key, total] of before) {
    if (total.capped && (now.get(key)?.count ?? 0) <= total.count) settled.add(key);
  }
  return settled;
}

/**
 * Whether a finding is existing because its listing is settled (`cappedListingsNotGrown`). A listing
 * of the connector settles all its findings: their problems are told by what they say, and the
 * 1,001st listed now may be one the base counted. A listing of a file (GEN-JSON-PARSE) settles only
 * the finding that counts the rest: its listed errors are matched on their place (`identity`), as
 * `diff` matches them (diff/shared-syntax-errors.ts), so that a trailing comma fixed and another made
 * among the listed ones is new in both, not existing here and breaking there. An error listed now
 * that the base counted is new in both: neither knows the base's unlisted errors.
 */
function settledByCap(finding: Finding, settled: ReadonlySet<string>): boolean {
  if (settled.has(listingKey(finding, 'connector'))) return true;
  return finding.unlisted?.per === 'file' && settled.has(listingKey(finding, 'file'));
}

/**
 * Per listing, of the connector and of each file: how many findings the rule reported there, those a
 * capped finding counts included (its `unlisted`), and whether a finding counted the rest of that
 * listing.
 */
function listingTotals(findings: readonly Finding[]): Map<string, { count: number; capped: boolean }> {
  const totals = new Map<string, { count: number; capped: boolean }>();
  for (const finding of findings) {
    for (const per of LISTING_SCOPES) {
      const key = listingKey(finding, per);
      const total = totals.get(key) ?? { count: 0, capped: false };
      total.count += finding.unlisted?.count ?? 1;
      if (finding.unlisted?.per === per) total.capped = true;
      totals.set(key, total);
    }
  }
  return totals;
}

/** The listing a finding is of: its rule's for the connector, or for its file. */
function listingKey(finding: Finding, per: ListingScope): string {
  return per === 'connector' ? finding.ruleId : `${finding.ruleId}\u0000${relativeFile(finding)}`;
}

/** All findings `existing`: for connectors the change did not touch. */
export function markAllExisting(findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => ({ ...finding, baseline: 'existing' }));
}

/** All findings `new`: for connectors absent at the base. */
export function markAllNew(findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => ({ ...finding, baseline: 'new' }));
}

function exactKey(finding: Finding): string {
  return [problemKey(finding), relativeFile(finding), finding.pointer ?? '', finding.identity ?? ''].join(
    '\u0000',
  );
}

function looseKey(finding: Finding): string {
  return [problemKey(finding), relativeFile(finding), finding.identity ?? ''].join('\u0000');
}

/**
 * What the finding says, by which rule: as twin rules of two profiles both say it, where it has that
 * (`matchedAs`), so that a connector moved to another tree keeps the problems it still has.
 */
function problemKey(finding: Finding): string {
  return finding.matchedAs ?? `${finding.ruleId}\u0000${normalizedMessage(finding)}`;
}

/**
 * The file relative to its connector folder, so that a base version checked out elsewhere compares
 * equal; in lower case, as connector files are read whatever the case of their names: a swagger
 * renamed apiDefinition.Swagger.json is the same file, and every one of its findings was "new" and
 * every one of the base's "fixed".
 */
export function relativeFile(finding: Finding): string {
  return slashSeparated(path.relative(finding.connector, finding.file)).toLowerCase();
}

/** Messages that quote the connector's own path would differ between the two checkouts. */
function normalizedMessage(finding: Finding): string {
  const message = matchedMessage(finding);
  return finding.connector && finding.connector !== '.'
    ? message.split(finding.connector).join('<connector>')
    : message;
}
