import { plural } from '@connector-alm/core';
import { changeStanding, STANDING_RANK } from '../diff/change-standing.js';
import { CANONICAL_NAMES } from '../loader/connector-folder.js';
import type { Finding, Severity } from '../model/finding.js';
import { escapeMarkdown, inlineCode } from './markdown.js';
import type { SummaryBudget } from './summary-budget.js';
import { findingPlace, type SourceUrl } from './summary-place.js';
import { foldChanges, itemChanges, type ChangeItem } from './summary-change-folds.js';
import { ruleDocUrl } from './tool-info.js';

/** One change between a connector's base version and the PR's, as the diff engine reports it. */
export interface ConnectorChange {
  ruleId: string;
  breaking: boolean;
  /** The change rule's level (Change.severity): a warning that breaks nothing is listed apart. */
  severity?: Severity;
  message: string;
  operationId?: string;
  /**
   * Microsoft's ValuePath: the only place that names the field of a field-level change (an output
   * deleted from a shared definition reads the same for every operation but for it).
   */
  valuePath?: string;
  file?: string;
  line?: number;
  /**
   * Which version `file` and `line` are in: `old` for a part the change deleted, where `file` is named
   * `<commit>:<repository path>` (as the diff names the base version's files).
   */
  side?: 'old' | 'new';
  /**
   * The finding validation reported the change as (its BRK-* changes: ConnectorDiff.reportedAs). Its
   * line gives the finding's severity and its place at the commit under review, and the findings by
   * rule leave it out: the change is listed once.
   */
  finding?: Finding;
  /** What to do instead, as `message` ends with it (Change.advice): said once for a rule's changes. */
  advice?: string;
}

/** The changes of one connector against its base version, and their certification classification. */
export interface ConnectorChanges {
  connector: string;
  /**
   * Where the connector's folder was in the base version, when the change renamed it: as the
   * repository names it (from its root, with '/'), as git reported the rename.
   */
  renamedFrom?: string;
  /** The change deleted the connector (its one change says so): `connector` is where it was. */
  deleted?: boolean;
  /** The change added the connector: the base has no version of it, so `changes` is empty. */
  added?: boolean;
  /** An added connector whose folder the base has, without a swagger: no connector to compare with. */
  baseHadNoSwagger?: boolean;
  changes: readonly ConnectorChange[];
  /** e.g. `no change`, `minor update`, `major update`, `breaking`. */
  classification: string;
}

/** The findings that the changes section lists, each with its change. */
export function findingsOfChanges(changeSets: readonly ConnectorChanges[]): Set<Finding> {
  return new Set(
    changeSets.flatMap((set) => set.changes.flatMap((change) => (change.finding ? [change.finding] : []))),
  );
}

/**
 * The section of the changes against the base branch: per connector, breaking changes first, then the
 * warnings (changeStanding), then the rest. A change left out for the size limit that is a finding
 * counts among the findings left out too: the summary holds it nowhere else.
 */
export function writeChanges(
  budget: SummaryBudget,
  changeSets: readonly ConnectorChanges[],
  places: ChangePlaces,
  docs: string,
  omitted: { changes: number; findings: number },
): void {
  budget.add('### Changes against the base branch', '');
  const unaltered = changeSets.filter(isUnaltered);
  const altered = changeSets.filter((set) => !isUnaltered(set));
  // Not "no connector changed": a pull request that only adds an intro.md changes its folder, and
  // the connector is checked, but the comparison reads none of that.
  if (altered.length === 0)
    budget.add(
      "No checked connector's swagger, apiProperties.json, readme, script or icon differs from the base.",
      '',
    );
  for (const set of altered) {
    const breaking = set.changes.filter((change) => change.breaking).length;
    const warnings = set.changes.filter((change) => changeStanding(change) === 'warning').length;
    budget.add(
      `**${escapeMarkdown(places.shown(set.connector))}**` +
        (set.renamedFrom ? ` (renamed from ${escapeMarkdown(set.renamedFrom)})` : '') +
        (set.deleted ? ' (deleted)' : '') +
        // A reviewer must not read a new connector as one the pull request left alone.
        (set.added
          ? set.baseHadNoSwagger
            ? ` (new): the base version has no ${CANONICAL_NAMES.swagger}, so no connector to compare with`
            : ' (new): no version at the base to compare with'
          : `: ${escapeMarkdown(set.classification)}`) +
        (set.changes.length === 0
          ? ''
          : ` (${breaking} breaking, ${warnings > 0 ? `${plural(warnings, 'warning')}, ` : ''}${set.changes.length - breaking - warnings} non-breaking)`),
      '',
    );
    const groups = adviceGroups(set.changes).map((group) => ({
      ...group,
      items: foldChanges(group.changes, group.said),
    }));
    // In the order they are listed: a fold lists later changes where the first of them stands.
    const listed = groups.flatMap((group) => group.items.flatMap(itemChanges));
    let index = 0;
    for (const group of groups) {
      for (const [inGroup, item] of group.items.entries()) {
        const line =
          item.kind === 'one'
            ? changeLine(item.change, item.said, places, docs)
            : foldedLine(item, places, docs);
        // The advice goes with the group's first change, so that a summary cut short never shows it alone.
        const lines = inGroup === 0 && group.advice ? [adviceLine(group, docs), line] : [line];
        if (!budget.add(...lines)) {
          const rest = listed.slice(index);
          omitted.changes += rest.length;
          omitted.findings += rest.filter((left) => left.finding).length;
          break;
        }
        index += itemChanges(item).length;
      }
      if (budget.isClosed) break;
    }
    if (listed.length > 0) budget.add('');
  }
  // Named, so that a reviewer does not wonder why a folder the pull request changed is not listed:
  // one that re-saved 19 connectors with other line endings and changed one listed that one alone.
  if (altered.length > 0 && unaltered.length > 0)
    budget.add(
      `No change in the swagger, apiProperties.json, readme, script or icon of ${plural(unaltered.length, 'other connector')} (formatting and line endings aside): ${unaltered.map((set) => escapeMarkdown(places.shown(set.connector))).join(', ')}.`,
      '',
    );
}

/** A connector compared with its base version and found the same, as the comparison reads it. */
function isUnaltered(set: ConnectorChanges): boolean {
  return set.changes.length === 0 && !set.added && !set.deleted && set.renamedFrom === undefined;
}

/** Changes of one rule that end with the same advice, said once before them when there are several. */
interface AdviceGroup {
  readonly ruleId: string;
  readonly changes: ConnectorChange[];
  /** Each change's message without the advice, when the group says it once. */
  readonly said: string[];
  readonly advice?: string;
}

/**
 * The changes in groups of one rule and advice, breaking ones first (they are what the reviewer has
 * to decide on), then the warnings (what the reviewer will ask to be put right), each group where its
 * first change stands and in the changes' order: ten deleted operations read as one list under their
 * advice, not ten times "Deprecate it instead …". A group of one change, or of changes without advice,
 * keeps each message whole; so does a message cut to the length limit, which may not end with its advice.
 */
function adviceGroups(changes: readonly ConnectorChange[]): AdviceGroup[] {
  const ordered = [...changes].sort(
    (a, b) => STANDING_RANK[changeStanding(a)] - STANDING_RANK[changeStanding(b)],
  );
  const groups = new Map<string, { ruleId: string; changes: ConnectorChange[]; advice?: string }>();
  for (const change of ordered) {
    const advice =
      change.advice !== undefined && change.message.endsWith(` ${change.advice}`) ? change.advice : undefined;
    const key = `${changeStanding(change)}\u0000${change.ruleId}\u0000${advice ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { ruleId: change.ruleId, changes: [], advice };
      groups.set(key, group);
    }
    group.changes.push(change);
  }
  return [...groups.values()].map(({ ruleId, changes: grouped, advice }) =>
    advice !== undefined && grouped.length > 1
      ? {
          ruleId,
          changes: grouped,
          said: grouped.map((change) => change.message.slice(0, -advice.length - 1)),
          advice,
        }
      : { ruleId, changes: grouped, said: grouped.map((change) => change.message) },
  );
}

/** What to do about a group's changes, said once before them. */
function adviceLine(group: AdviceGroup, docs: string): string {
  const rule = `[${inlineCode(group.ruleId)}](${ruleDocUrl(group.ruleId, docs)})`;
  return `- 💡 For the ${group.changes.length} ${rule} changes below: ${escapeMarkdown(group.advice!)}`;
}

/** Where the changes' places link to, and how their files are named. */
export interface ChangePlaces {
  /** The commit under review's lines (the findings', and the changes' on the new version). */
  readonly sourceUrl?: SourceUrl;
  /** The base version's lines, for a part a change deleted: its file named `<commit>:<path>`. */
  readonly baseSourceUrl?: SourceUrl;
  readonly shown: (file: string) => string;
}

/** Each standing's marker: a warning breaks nothing, but is no "non-breaking" change to skip over. */
const CHANGE_MARKERS = {
  breaking: '💥 **breaking**',
  warning: '⚠️ **warning**',
  other: '➕ non-breaking',
} as const;

function changeLine(change: ConnectorChange, message: string, places: ChangePlaces, docs: string): string {
  const kind = CHANGE_MARKERS[changeStanding(change)];
  const operation = change.operationId ? ` ${inlineCode(change.operationId)}` : '';
  // As the text report and the annotations end the message: which field, in Microsoft's words.
  const valuePath = change.valuePath ? ` ValuePath: ${inlineCode(change.valuePath)}` : '';
  // Linked like the findings' rules: the reference says what the change breaks and what to do instead.
  const rule = `[${inlineCode(change.ruleId)}](${ruleDocUrl(change.ruleId, docs)})`;
  return `- ${kind} ${rule}${operation}: ${escapeMarkdown(message)}${valuePath}${changePlace(change, places)}`;
}

/**
 * Where the change is, in parentheses: a change that is a finding says the finding's severity, its
 * rule when that is not the change's, and its place (its line at the commit under review, where the
 * annotation is), and for a deletion where it was in the base version; any other change its own
 * place. Each is linked to its line, at the commit under review or at the base commit, when there is
 * an address for it.
 */
function changePlace(change: ConnectorChange, places: ChangePlaces): string {
  const at = changeLocation(change, places);
  if (change.finding) {
    const inBase = at !== undefined && change.side === 'old' ? `; in the base version ${at}` : '';
    // A finding of another rule (REPO-REQUIRED-FILES for a deleted apiProperties.json) is named: the
    // annotation on that place names it, and the findings by rule leave it out.
    const rule = change.finding.ruleId === change.ruleId ? '' : `${inlineCode(change.finding.ruleId)} `;
    return ` (${change.finding.severity} ${rule}${findingPlace(change.finding, places.sourceUrl, places.shown)}${inBase})`;
  }
  return at === undefined ? '' : ` (${at})`;
}

/**
 * The bullet of a change made alike in several operations: said once, with the ValuePath that each
 * has but for its operation, then each operation linked to its line. They share the file and the
 * version (summary-change-folds.ts), which the bullet names once.
 */
function foldedLine(
  item: Extract<ChangeItem<ConnectorChange>, { kind: 'fold' }>,
  places: ChangePlaces,
  docs: string,
): string {
  const first = item.changes[0]!;
  const rule = `[${inlineCode(first.ruleId)}](${ruleDocUrl(first.ruleId, docs)})`;
  const valuePath = item.valuePath ? ` ValuePath: ${inlineCode(item.valuePath)}` : '';
  const file = first.file
    ? `${escapeMarkdown(first.side === 'old' ? first.file : places.shown(first.file))}: `
    : '';
  const operations = item.changes.map((change) => {
    const name = inlineCode(change.operationId!);
    if (!change.file || change.line === undefined) return name;
    const url = (change.side === 'old' ? places.baseSourceUrl : places.sourceUrl)?.(change.file, change.line);
    return `${name} ${url ? `[line ${change.line}](${url})` : `line ${change.line}`}`;
  });
  // Counted by name: an operationId that two places declare is one operation to the reader.
  const named = new Set(item.changes.map((change) => change.operationId)).size;
  return `- ${CHANGE_MARKERS.other} ${rule} in ${plural(named, 'operation')}: ${escapeMarkdown(item.said)}${valuePath} (${file}${operations.join(', ')})`;
}

/** The change's `file:line` as markdown, linked to that line when there is an address for it. */
function changeLocation(change: ConnectorChange, places: ChangePlaces): string | undefined {
  if (!change.file) return undefined;
  // The base version's files are named from the repository already, with their commit.
  const file = change.side === 'old' ? change.file : places.shown(change.file);
  const text = escapeMarkdown(change.line === undefined ? file : `${file}:${change.line}`);
  if (change.line === undefined) return text;
  const url = (change.side === 'old' ? places.baseSourceUrl : places.sourceUrl)?.(change.file, change.line);
  return url ? `[${text}](${url})` : text;
}
