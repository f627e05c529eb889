import type { Finding, Severity } from '../model/finding.js';
import { plural } from '@connector-alm/core';
import { PULL_REQUEST_RULE_IDS } from '../repository/rules/index.js';
import { repositoryPath, shownFindingPath, type PathBase } from './artifact-path.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/**
 * One GitHub Actions annotation: the properties of `core.error/warning/notice(message, properties)`.
 * It has a file and lines only when the finding is on a file of the repository (see toAnnotations).
 */
export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  /** Only for one-line ranges: GitHub ignores columns when an annotation spans lines. */
  startColumn?: number;
  endColumn?: number;
}

export interface AnnotationSelection {
  /** The annotations to write, in report order. */
  annotations: Annotation[];
  /** How many findings of each level did not fit. */
  omitted: Record<AnnotationLevel, number>;
}

/**
 * GitHub shows at most 10 error and 10 warning annotations per step (and drops the rest silently),
 * so the defaults keep that many of each.
 */
export const GITHUB_ANNOTATION_LIMIT = 10;

export interface AnnotationOptions extends PathBase {
  /** The most annotations of each level: one number for all, or per level (default 10). */
  maxPerSeverity?: number | Partial<Record<AnnotationLevel, number>>;
  /**
   * Whether a repository path (from the root, with '/') names a file, not a folder. Without it, only
   * a finding on its connector folder itself counts as one on a folder.
   */
  isFile?: (repositoryPath: string) => boolean;
  /**
   * For a pull request whose merge commit was validated: the line of the pull request's head that a
   * line of `file` (a finding's) is on, or undefined when the head has no such line (the base branch
   * changed it since). GitHub shows a pull request's annotations on its head's files, so a line counted
   * in the merge commit pointed elsewhere wherever the base had changed the file above it. A finding on
   * a line the head does not have is annotated on its file without a line, its text saying where it is.
   */
  headLine?: (file: string, line: number) => number | undefined;
}

const LEVEL_OF: Record<Severity, AnnotationLevel> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Chooses the findings worth an annotation and says how many were left out. Within each level, in
 * this order (rankByImportance): a file that does not parse (GEN-JSON-PARSE), as nothing else in it
 * was checked; a problem of the pull request as a whole (REPO-ONE-PER-PR, its title, its branch) once,
 * though it is reported on each connector, its text saying on how many more; then the findings new
 * since the base on a line of a file, the new ones on a folder, and last those the base already had.
 * Before, the pull request's problem repeated per connector took nine of the ten slots and the lines
 * the pull request changed got none. Within each of these, one finding per rule before a second of any
 * rule, so that ten annotations show ten different problems rather than ten times the same one, taken
 * from the connectors in turn, so that each connector of a pull request gets its share; ties keep report
 * order. The job summary carries every finding, the SARIF log every one that code scanning stores
 * (sarif-limits.ts).
 * The message of a finding the base version already had ends in "(existing)", as in the text report
 * and the job summary: on the pull request page it must not read as the change's fault.
 * GitHub shows an annotation only on a file of the repository: one naming a folder (REPO-ONE-PER-PR,
 * REPO-FOLDER-NAME, a nested folder REPO-EXTRA-FILES reports) or a path outside the repository showed
 * nowhere. Such an annotation has no file and no line, and its text begins with the path instead (one
 * outside the repository by its absolute path).
 */
export function toAnnotations(
  findings: readonly Finding[],
  options: AnnotationOptions = {},
): AnnotationSelection {
  const omitted: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const chosen = new Set<Finding>();
  const onFile = (finding: Finding): boolean => {
    const file = repositoryPath(finding.file, options);
    return file !== undefined && isOnFile(finding, file, options);
  };
  const { repeated, alsoOn } = pullRequestRepeats(findings, onFile);
  for (const level of ['error', 'warning', 'notice'] as const) {
    const ofLevel = findings.filter((finding) => LEVEL_OF[finding.severity] === level);
    const limit = limitFor(level, options.maxPerSeverity);
    const ranked = rankByImportance(
      ofLevel.filter((finding) => !repeated.has(finding)),
      (finding) => tierOf(finding, onFile(finding)),
    );
    const kept = ranked.slice(0, limit);
    for (const finding of kept) chosen.add(finding);
    omitted[level] = ofLevel.length - kept.length;
  }
  const annotations = findings
    .filter((finding) => chosen.has(finding))
    .map((finding) => toAnnotation(finding, options, alsoOn.get(finding)));
  return { annotations, omitted };
}

/** The parse error of a file: nothing else in it was checked, so it is the first thing to fix. */
const PARSE_RULE_ID = 'GEN-JSON-PARSE';

/** The order of the kinds of findings in the annotations (toAnnotations): lower first. */
function tierOf(finding: Finding, onFile: boolean): number {
  if (finding.baseline === 'existing') return 4;
  if (finding.ruleId === PARSE_RULE_ID) return 0;
  if (PULL_REQUEST_RULE_IDS.has(finding.ruleId) && !onFile) return 1;
  return onFile ? 2 : 3;
}

/**
 * A problem of the pull request as a whole is reported on each connector it changes, each time in
 * the same words but for the names it quotes and the numbers it counts. The first of each such group
 * (by level, rule and words) stands for the others: `repeated` are the others, `alsoOn` how many there
 * are for each first one.
 */
function pullRequestRepeats(
  findings: readonly Finding[],
  onFile: (finding: Finding) => boolean,
): { repeated: Set<Finding>; alsoOn: Map<Finding, number> } {
  const firsts = new Map<string, Finding>();
  const repeated = new Set<Finding>();
  const alsoOn = new Map<Finding, number>();
  for (const finding of findings) {
    if (!PULL_REQUEST_RULE_IDS.has(finding.ruleId) || onFile(finding)) continue;
    const key = `${finding.severity}\0${finding.ruleId}\0${messageShape(finding.message)}`;
    const first = firsts.get(key);
    if (first === undefined) {
      firsts.set(key, finding);
      continue;
    }
    repeated.add(finding);
    alsoOn.set(first, (alsoOn.get(first) ?? 0) + 1);
  }
  return { repeated, alsoOn };
}

/** A message with what it quotes and counts left out: the same words for each connector. */
function messageShape(message: string): string {
  return message.replace(/"[^"]*"|'[^']*'|\d+/g, '…');
}

function toAnnotation(finding: Finding, options: AnnotationOptions, alsoOn = 0): Annotation {
  const level = LEVEL_OF[finding.severity];
  const existing = finding.baseline === 'existing' ? `${finding.message} (existing)` : finding.message;
  const message = alsoOn > 0 ? `${existing} (also on ${plural(alsoOn, 'more connector')})` : existing;
  const title = finding.msCode ? `${finding.ruleId} (${finding.msCode})` : finding.ruleId;
  const file = repositoryPath(finding.file, options);
  if (file === undefined || !isOnFile(finding, file, options))
    return { level, message: `${shownFindingPath(finding.file, options)}: ${message}`, title };
  const lines = annotatedLines(finding, options.headLine);
  if (lines === undefined)
    return {
      level,
      message: `${message} (line ${finding.line} of the checked merge with the base branch: a line the base branch changed, which the pull request's head does not have)`,
      title,
      file,
    };
  const annotation: Annotation = {
    level,
    message,
    title,
    file,
    startLine: lines.line,
    endLine: lines.endLine,
  };
  if (lines.endLine === lines.line && lines.columns) {
    annotation.startColumn = finding.column;
    annotation.endColumn = finding.endColumn ?? finding.column;
  }
  return annotation;
}

/**
 * The lines to annotate: the finding's own, or the pull request head's (headLine); undefined when the
 * head does not have its first line. A range whose end the head does not have shrinks to its first
 * line, without columns: the end column was of another line.
 */
function annotatedLines(
  finding: Finding,
  headLine: AnnotationOptions['headLine'],
): { line: number; endLine: number; columns: boolean } | undefined {
  const endLine = finding.endLine ?? finding.line;
  if (!headLine) return { line: finding.line, endLine, columns: true };
  const line = headLine(finding.file, finding.line);
  if (line === undefined) return undefined;
  const end = endLine === finding.line ? line : headLine(finding.file, endLine);
  return end === undefined ? { line, endLine: line, columns: false } : { line, endLine: end, columns: true };
}

function isOnFile(finding: Finding, file: string, options: AnnotationOptions): boolean {
  if (finding.file === finding.connector) return false;
  return options.isFile?.(file) ?? true;
}

/**
 * The findings of one level, most telling first: by tier (tierOf); then in rounds over the
 * connectors, each round taking every connector's next finding (one of each of its rules before a
 * second of any); within a round, a rule no connector showed earlier before a rule shown again; then
 * report order. With one connector this is one finding per rule, then report order. Without the
 * rounds, a pull request of several connectors gave every annotation to the first ones.
 */
function rankByImportance(findings: readonly Finding[], tierOf: (finding: Finding) => number): Finding[] {
  const perConnectorRule = new Map<string, number>();
  const keyed = findings.map((finding, order) => {
    const tier = tierOf(finding);
    const key = `${tier}\0${finding.connector}\0${finding.ruleId}`;
    const occurrence = perConnectorRule.get(key) ?? 0;
    perConnectorRule.set(key, occurrence + 1);
    return { finding, tier, occurrence, order, round: 0, repeat: 0 };
  });
  // A connector's own order: one finding of each of its rules before a second of any, then report order.
  keyed.sort((a, b) => a.tier - b.tier || a.occurrence - b.occurrence || a.order - b.order);
  const rounds = new Map<string, number>();
  for (const entry of keyed) {
    const key = `${entry.tier}\0${entry.finding.connector}`;
    entry.round = rounds.get(key) ?? 0;
    rounds.set(key, entry.round + 1);
  }
  // Within a round, a rule shown again comes after one not yet shown (in the order of the rounds).
  keyed.sort((a, b) => a.tier - b.tier || a.round - b.round || a.order - b.order);
  const perRule = new Map<string, number>();
  for (const entry of keyed) {
    const key = `${entry.tier}\0${entry.finding.ruleId}`;
    entry.repeat = perRule.get(key) ?? 0;
    perRule.set(key, entry.repeat + 1);
  }
  keyed.sort(
    (a, b) =>
      a.tier - b.tier ||
      a.round - b.round ||
      Math.min(a.repeat, 1) - Math.min(b.repeat, 1) ||
      a.order - b.order,
  );
  return keyed.map((entry) => entry.finding);
}

function limitFor(level: AnnotationLevel, max: AnnotationOptions['maxPerSeverity']): number {
  if (typeof max === 'number') return max;
  return max?.[level] ?? GITHUB_ANNOTATION_LIMIT;
}
