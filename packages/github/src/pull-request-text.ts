import { plural } from '@connector-alm/core';
import {
  htmlText,
  inlineCode,
  type ConnectorResult,
  type Finding,
  type Profile,
} from '@connector-alm/validator';
import { titleMarker } from './title-marker.js';
import { hasChanges, type TreeChanges } from './tree-changes.js';

/** GitHub refuses pull request bodies longer than this many characters. */
export const MAX_BODY_LENGTH = 65_536;
const INDEPENDENT_PUBLISHER_SUFFIX = '(Independent Publisher)';

/**
 * The upstream's pull request checklist (PowerPlatformConnectors' .github/pull_request_template.md),
 * which reviewers expect every connector PR to carry. The author ticks the boxes on GitHub.
 */
export const UPSTREAM_CHECKLIST = [
  'I attest that the connector works and I verified it by deploying and testing all the operations.',
  'I attest that I have added detailed descriptions for all operations and parameters in the swagger file.',
  'I validated the swagger file, `apiDefinition.swagger.json`, by running the `paconn validate` command.',
  'If this is a certified connector, I confirm that `apiProperties.json` has a valid brand color and does not use an invalid brand color, `#007ee5` or `#ffffff`. If this is an independent publisher connector, I confirm that I am not submitting a connector icon.',
];

/** The upstream's naming rule: independent publisher connectors are titled "Name (Independent Publisher)". */
export function pullRequestTitle(connectorTitle: string, profile: Profile): string {
  const title = connectorTitle.trim();
  if (profile !== 'independent-publisher' || title.endsWith(INDEPENDENT_PUBLISHER_SUFFIX)) return title;
  return `${title} ${INDEPENDENT_PUBLISHER_SUFFIX}`;
}

export interface PullRequestBodyInput {
  connectorTitle: string;
  targetFolder: string;
  validation: ConnectorResult;
  changes: TreeChanges;
  /** The breaking changes against the upstream's version of the connector, as its findings. */
  breakingChanges?: readonly Finding[];
  /** Its changes that break nothing but are warnings (BRK-DEPRECATION-PROCESS), as its findings. */
  changeWarnings?: readonly Finding[];
  /** "owner/repo@base", the version they are against. */
  upstream?: string;
  /** Free text put first, e.g. the `body` input. */
  introduction?: string;
  /** Where the change comes from, e.g. "contoso/connectors@abc1234". */
  source?: string;
  /** The pull request's title, recorded in a hidden comment (title-marker.ts). */
  title?: string;
}

/** The body: the user's text, the upstream checklist, what changed and our validation summary. */
export function pullRequestBody(input: PullRequestBodyInput): string {
  const { validation, changes } = input;
  const lines: string[] = [];
  // First, so that truncating a long body never cuts it.
  if (input.title !== undefined) lines.push(titleMarker(input.title));
  if (input.introduction?.trim()) lines.push(input.introduction.trim(), '');
  lines.push(`Connector: **${inlineSafe(input.connectorTitle)}** in ${inlineCode(input.targetFolder)}`);
  if (input.source) lines.push(`Source: ${inlineSafe(input.source)}`);
  lines.push(
    '',
    '---',
    '',
    'When submitting a connector, please check the following conditions for your PR.',
    '',
  );
  lines.push(...UPSTREAM_CHECKLIST.map((item) => `- [ ] ${item}`));
  lines.push('', '### Changes', '');
  // Names as code spans that no backtick or line break in them can end: a file named 'a` <!--' or
  // 'b<LF>- [x] I attest…' would otherwise hide the rest of the body or tick an attestation.
  // Added or updated as against the upstream: every file of a new connector is added.
  for (const file of changes.upserts)
    lines.push(`- ${inlineCode(file.path)} ${changes.additions.includes(file.path) ? 'added' : 'updated'}`);
  for (const file of changes.deletions) lines.push(`- ${inlineCode(file)} deleted`);
  // The author reverted what an open pull request proposed: its body must not keep listing it.
  if (!hasChanges(changes))
    lines.push('No change: the connector equals the upstream version. This pull request can be closed.');
  const breaking = input.breakingChanges ?? [];
  if (breaking.length > 0) {
    // Before the validation summary: reviewers ask the author to acknowledge each one.
    lines.push(
      '',
      `### Breaking changes against ${inlineCode(input.upstream ?? 'the upstream')}`,
      '',
      `${plural(breaking.length, 'change')} that can break flows using the connector today (connector-alm's \`diff\`).`,
      '',
      ...findingTable(breaking, validation.path),
    );
  }
  const warnings = input.changeWarnings ?? [];
  if (warnings.length > 0) {
    // Apart from the breaking ones: nothing breaks, but reviewers ask for them to be put right.
    lines.push(
      '',
      `### Warnings about the change against ${inlineCode(input.upstream ?? 'the upstream')}`,
      '',
      `${plural(warnings.length, 'change')} that ${warnings.length === 1 ? 'breaks' : 'break'} no flow but that reviewers ask to be put right (connector-alm's \`diff\`).`,
      '',
      ...findingTable(warnings, validation.path),
    );
  }
  lines.push('', '### Offline validation (connector-alm)', '');
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of validation.findings) counts[finding.severity]++;
  lines.push(
    `Profile \`${validation.profile}\`: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'notice')}.`,
  );
  if (validation.findings.length > 0) lines.push('', ...findingTable(validation.findings, validation.path));
  return `${truncate(lines.join('\n'), MAX_BODY_LENGTH - AUTHORS_TEXT_AFTER.length)}${AUTHORS_TEXT_AFTER}`;
}

/**
 * The last line connector-alm writes: what the author writes after it (the screenshots the upstream
 * asks of independent publishers) is theirs, and a rerun keeps it (bodyUpdate). A rerun wrote the
 * whole body anew, and took the screenshots away, even when nothing had changed.
 */
export const AUTHORS_TEXT_LINE =
  '_Text written below this line is kept when connector-alm updates this pull request._';
const AUTHORS_TEXT_AFTER = `\n\n${AUTHORS_TEXT_LINE}\n`;

/**
 * What to write over the body a pull request already has: `next`, with the checklist boxes the
 * author ticked on GitHub kept ticked (reviewers read them, and a rerun must not untick them) and
 * the text the author wrote after connector-alm's last line (AUTHORS_TEXT_LINE) kept after it; or
 * undefined when the two say the same apart from line endings (GitHub keeps a body edited on the
 * web with CRLF) and, with `ignoreSource`, the Source line: a run from a new commit of the same
 * connector is no change of the pull request. A body written before that line was, has no text of
 * the author's that can be told from connector-alm's: it is written anew, as it was.
 */
export function bodyUpdate(
  next: string,
  current: string,
  options: { ignoreSource: boolean },
): string | undefined {
  const existing = current.replace(/\r\n?/g, '\n');
  const merged = withAuthorsText(withTicksKept(next, existing), existing);
  const comparable = (body: string) => (options.ignoreSource ? withoutSource(body) : body.trimEnd());
  return comparable(merged) === comparable(existing) ? undefined : merged;
}

/** `next` with the boxes ticked in `existing` ticked, with the author's own mark (x or X). */
function withTicksKept(next: string, existing: string): string {
  const ticked = new Map<string, string>();
  for (const line of existing.split('\n')) {
    const box = CHECKLIST_LINE.exec(line);
    if (box && box[1] !== ' ') ticked.set(box[2]!.trim(), box[1]!);
  }
  return next
    .split('\n')
    .map((line) => {
      const box = CHECKLIST_LINE.exec(line);
      const mark = box && box[1] === ' ' ? ticked.get(box[2]!.trim()) : undefined;
      return mark ? `- [${mark}] ${box![2]}` : line;
    })
    .join('\n');
}

/**
 * `next`, whose last line is AUTHORS_TEXT_LINE, followed by what the author wrote after that line
 * in `existing`. The author's text is kept whole: where the two are longer than GitHub takes, the
 * findings of `next` are cut instead.
 */
function withAuthorsText(next: string, existing: string): string {
  const mark = existing.lastIndexOf(AUTHORS_TEXT_LINE);
  if (mark === -1 || !next.endsWith(AUTHORS_TEXT_AFTER)) return next;
  const authors = existing.slice(mark + AUTHORS_TEXT_LINE.length).replace(/^\n/, '');
  if (authors.trim() === '') return next;
  const room = MAX_BODY_LENGTH - AUTHORS_TEXT_AFTER.length - authors.length;
  const ours = next.slice(0, -AUTHORS_TEXT_AFTER.length);
  return `${room < ours.length ? truncate(ours, Math.max(room, 0)) : ours}${AUTHORS_TEXT_AFTER}${authors}`;
}

const CHECKLIST_LINE = /^- \[([ xX])\] (.*)$/;

function withoutSource(body: string): string {
  return body
    .split('\n')
    .filter((line) => !line.startsWith('Source: '))
    .join('\n')
    .trimEnd();
}

/**
 * User text made inert in a table cell: no HTML, no cell breaks, one line, no @-mentions and no
 * #123 or GH-123 that would link the pull request from the upstream's issue of that number.
 */
function inlineSafe(text: string): string {
  // References are broken first, so that the # of an entity htmlText writes (&#39;) stays whole.
  return htmlText(text.replace(/#(?=\d)|\bGH-(?=\d)/gi, '$&\u200b'))
    .replace(/\|/g, '\\|')
    .replace(/@/g, '@\u200b');
}

/** The findings as a table, each file named inside the connector folder. */
function findingTable(findings: readonly Finding[], folder: string): string[] {
  const rows = findings.map((finding) => {
    const file = finding.file.startsWith(folder) ? finding.file.slice(folder.length + 1) : finding.file;
    return `| ${finding.severity} | ${finding.ruleId} | ${inlineSafe(`${file}:${finding.line}`)} | ${inlineSafe(finding.message)} |`;
  });
  return ['| Severity | Rule | File | Message |', '|---|---|---|---|', ...rows];
}

/** `body` cut to `length` characters, with a note that it was. */
function truncate(body: string, length: number): string {
  if (body.length <= length) return body;
  const note = '\n\n… (truncated: GitHub allows 65536 characters)';
  return body.slice(0, Math.max(length - note.length, 0)) + note;
}
