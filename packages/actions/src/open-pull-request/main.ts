import path from 'node:path';
import * as core from '@actions/core';
import { inputWords, isFile, yamlSwaggerConversion, type Logger } from '@connector-alm/core';
import {
  openPullRequests,
  refusedResults,
  writeIntervalFromEnv,
  type PullRequestRefusal,
  type PullRequestResult,
  IGNORED_SWAGGER_ADVICE,
} from '@connector-alm/github';
import { workspaceFolder } from '../runtime/workspace-path.js';
import { requireConnectorsInConnectorInput } from './connector-input.js';
import { readOpenPullRequestInputs, requireToken } from './inputs.js';
import { formatFindingLine, htmlText, loadConfig, toAnnotations } from '@connector-alm/validator';
import { writeJobSummary } from '../runtime/job-summary.js';

/** open-pull-request: one pull request per connector folder; outputs hold one line per connector. */
export async function openPullRequestAction(logger: Logger): Promise<void> {
  const inputs = readOpenPullRequestInputs();
  const workspace = workspaceFolder();
  // GitHub's second between writes, unless a test against a local GitHub asks for less.
  const writeIntervalMs = writeIntervalFromEnv(process.env);
  const source =
    process.env.GITHUB_REPOSITORY && process.env.GITHUB_SHA
      ? `${process.env.GITHUB_REPOSITORY}@${process.env.GITHUB_SHA}`
      : undefined;
  await requireConnectorsInConnectorInput(inputs.connectors, workspace);
  // Read as validate-connector reads it, before any request: a mistake in it is an error on its line.
  const config = await loadConfig({
    cwd: workspace,
    explicitPath: inputs.config || undefined,
    paths: inputs.connectors,
  });
  requireToken(inputs.token);
  const results: PullRequestResult[] = [];
  try {
    const submissions = openPullRequests(
      {
        token: inputs.token,
        apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
        upstream: inputs.upstream,
        base: inputs.base,
        connectors: inputs.connectors,
        cwd: workspace,
        targetFolder: inputs.targetFolder,
        branchPrefix: inputs.branchPrefix,
        title: inputs.title,
        body: inputs.body,
        draft: inputs.draft,
        labels: inputs.labels,
        maintainerCanModify: inputs.maintainerCanModify,
        syncFork: inputs.syncFork,
        source,
        failOn: inputs.failOn,
        failOnBreaking: inputs.failOnBreaking,
        resubmit: inputs.resubmit,
        config,
        say: inputWords,
      },
      { logger, writeIntervalMs },
    );
    for await (const result of submissions) results.push(result);
  } finally {
    // A connector that fails after others were submitted fails the step, but the pull requests already
    // opened or updated stay in the outputs and the summary, where the user looks for them.
    if (results.length > 0) await report(results);
  }
  failForRefused(results, workspace, inputs.annotateFindings);
}

/**
 * A refused connector fails the step once the others are submitted: its findings go on their lines
 * (at most GitHub's ten of each level), and one error per connector says what to do. A submitted
 * connector's breaking changes go on their lines too, as validate-connector annotates them without
 * fail-on-breaking: the pull request lists them for its reviewers (and a connector refused for another
 * reason after the comparison has them too); and so do the warnings about the change
 * (BRK-DEPRECATION-PROCESS), a submitted or a refused connector's. Without `annotateFindings`, the
 * findings on the connector's own files (all but its breaking changes against the upstream, which only
 * this step finds) are listed in the log instead: a validate-connector step of the job annotated them
 * already, and twice each would crowd out GitHub's ten.
 */
function failForRefused(
  results: readonly PullRequestResult[],
  workspace: string,
  annotateFindings: boolean,
): void {
  const refused = refusedResults(results);
  // Annotated by this step all the same: breaking changes, and findings validate-connector does not report.
  const ownFiles = (result: PullRequestResult) => result.refusal !== 'breaking' && !result.findingsOnlyHere;
  if (!annotateFindings)
    for (const result of refused.filter(ownFiles)) {
      if (!result.findings?.length) continue;
      core.info(`${result.targetFolder}: the findings it was refused for (annotate-findings: false):`);
      for (const finding of result.findings) core.info(`  ${formatFindingLine(finding)}`);
    }
  const selection = toAnnotations(
    results.flatMap((result) => [
      // A connector refused for its breaking changes has them as its findings.
      ...(result.refusal === 'breaking' ? [] : (result.breakingChanges ?? [])),
      ...(result.operation === 'refused' && (annotateFindings || !ownFiles(result))
        ? (result.findings ?? [])
        : []),
      // Only this step compares with the upstream: its warnings go on their lines, as its breaking changes.
      ...(result.changeWarnings ?? []),
    ]),
    { cwd: workspace, baseDir: workspace, isFile: (file) => isFile(path.join(workspace, file)) },
  );
  for (const { level, message, ...properties } of selection.annotations) {
    if (level === 'error') core.error(message, properties);
    else if (level === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
  for (const result of refused) {
    const whatToDo = WHAT_TO_DO[result.refusal ?? 'branch'](result);
    core.setFailed(`${result.targetFolder}: not submitted: ${result.reason}. ${whatToDo}`);
  }
}

/** What the workflow author can do about a refused connector, in the action's inputs. */
const WHAT_TO_DO: Record<PullRequestRefusal, (result: PullRequestResult) => string> = {
  findings: () =>
    'Fix the findings (the validate-connector action or connector-alm validate lists them), or set fail-on: never to open the pull request anyway.',
  'no-swagger': (result) =>
    result.swaggerIgnored
      ? IGNORED_SWAGGER_ADVICE
      : result.yamlSwagger
        ? yamlSwaggerConversion(result.yamlSwagger)
        : "Add the connector's apiDefinition.swagger.json (check out submodules, or the whole folder in a sparse checkout), or give the folder that holds it.",
  'git-ignored': () =>
    'Take the files it names out of .gitignore and commit them, or delete them from the folder, so that what is validated is what is sent.',
  'readme-todo': () =>
    'Replace each TODO line of readme.md with what it asks for ("None" will do for known issues), or, to keep the upstream\'s readme, copy it into the folder. No input sends the TODOs: they would be on the connector\'s documentation page.',
  namesake: (result) =>
    `Set target-folder: ${result.upstreamFolder} to update it, or target-folder: ${result.targetFolder} to add this folder as another connector all the same.`,
  branch: () =>
    'Give it a branch of its own: submit it in a step of its own with another branch-prefix, the same on every run.',
  'branch-clash': (result) =>
    `Rename or delete the branch ${result.clashingBranch} in the fork (its Branches page on GitHub), or set another branch-prefix, the same on every run.`,
  'other-base': () =>
    'On GitHub, change the base branch of that pull request to the base input of this step (Edit, beside its title), then run again to update it; or close it, and the next run opens a pull request of its own.',
  breaking: () =>
    'Keep what the flows using the connector rely on (each annotation says what changed), or set fail-on-breaking: false to open the pull request and leave the breaking changes, which it lists, to its reviewers.',
  'change-warnings': () =>
    'Put right what each warning about the change says (its annotation says what to write), or set fail-on: error to open the pull request and leave the warnings, which it lists, to its reviewers.',
};

async function report(results: readonly PullRequestResult[]): Promise<void> {
  const column = (pick: (result: PullRequestResult) => string | number | undefined) =>
    results.map((result) => String(pick(result) ?? '')).join('\n');
  core.setOutput(
    'operation',
    column((result) => result.operation),
  );
  core.setOutput(
    'pull-request-number',
    column((result) => result.number),
  );
  core.setOutput(
    'pull-request-url',
    column((result) => result.url),
  );
  // A refused connector has no branch: the one it would use may be another connector's.
  core.setOutput(
    'branch',
    column((result) => (result.operation === 'refused' ? undefined : result.branch)),
  );
  core.setOutput(
    'head-sha',
    column((result) => result.headSha),
  );
  await writeSummary(results);
}

async function writeSummary(results: readonly PullRequestResult[]): Promise<void> {
  core.summary.addHeading('Connector pull requests', 3).addTable([
    [
      { data: 'Connector', header: true },
      { data: 'Operation', header: true },
      { data: 'Pull request', header: true },
      { data: 'Branch', header: true },
      { data: 'Breaking changes', header: true },
      { data: 'Warnings about the change', header: true },
    ],
    ...results.map((result) => [
      htmlText(result.targetFolder),
      htmlText(result.reason ? `${result.operation} (${result.reason})` : result.operation),
      result.url ? `<a href="${htmlText(result.url)}">#${result.number}</a>` : '',
      result.operation === 'refused' ? '' : htmlText(result.branch),
      String(result.breakingChanges?.length ?? 0),
      String(result.changeWarnings?.length ?? 0),
    ]),
  ]);
  await writeJobSummary();
}
