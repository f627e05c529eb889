import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import {
  VERSION,
  inFolderMadeFor,
  isFile,
  plural,
  UnreadablePathError,
  storageLimitError,
  writeFailure,
  writeReportFile,
  type Logger,
} from '@connector-alm/core';
import {
  describeLeftOut,
  sarifReport,
  loadConfig,
  onlyNewFindings,
  profileFallbackFolders,
  profileFallbackNote,
  buildJobSummary,
  pushLine,
  summaryLine,
  toAnnotations,
  validateAgainstBase,
  validatePaths,
  countBySeverity,
  judgeRun,
  deletedConnectors,
  comparedWithBase,
  uncomparedPaths,
  NotAWorkTreeError,
  existingFailuresNote,
  ignoredFolderNote,
  onlyNewInput,
  fixedInPart,
  fixedSinceBase,
  GITHUB_ANNOTATION_LIMIT,
  connectorFileAt,
  configurationReports,
  type BaseValidationResult,
  type PullRequestFacts,
  type ConnectorChanges,
  type SarifReport,
  type ValidationResult,
  type ValidatorConfig,
  type ValidateOptions,
} from '@connector-alm/validator';
import { InputError } from '../runtime/inputs.js';
import { inputReadRefusal } from '../runtime/read-refused-input.js';
import { reportedPath } from '../runtime/reported-path.js';
import { requireWritableOutput, workspaceFolder } from '../runtime/workspace-path.js';
import { readValidateConnectorInputs, type ValidateConnectorInputs } from './inputs.js';
import { requireConnectorsInPathInput, workspaceHoldsNoConnector } from './path-input.js';
import { resolveBaseInput } from './base-input.js';
import {
  changedConnectorFolders,
  comparisonBase,
  readPullRequestEvent,
  requirePullRequestWorkTree,
} from './pull-request.js';
import { baseSourceUrlFor, headSourceUrlFor, sourceUrlFor } from './source-url.js';
import { headLinesOf, type HeadLines } from './head-lines.js';
import { uncomparedNotice } from './uncompared-notice.js';
import { comparePush, noConnectorComparison, pushCounted } from './push-progress.js';
import { shownOfNext, writeAnnotation } from './step-annotations.js';
import { writeJobSummary } from '../runtime/job-summary.js';

/**
 * validate-connector: decides what to check (the given folders, or in a pull request the connector
 * folders it changes), validates against the base when there is one, and writes annotations, the job
 * summary, SARIF and the outputs.
 */
export async function validateConnectorAction(logger: Logger): Promise<void> {
  const inputs = readValidateConnectorInputs();
  const workspace = workspaceFolder();
  if (inputs.maxAnnotations > GITHUB_ANNOTATION_LIMIT) {
    // More are written, and reach the log, but not the pull request page.
    writeAnnotation(
      'warning',
      `max-annotations is ${inputs.maxAnnotations}, but GitHub shows at most ${GITHUB_ANNOTATION_LIMIT} annotations of each severity per step: those past ${GITHUB_ANNOTATION_LIMIT} are in the log only. The job summary lists every finding.`,
    );
  }
  // Before any git work: a report that cannot be written, or a path that leads to no connector
  // folder, is the workflow's mistake.
  const sarifTarget = await sarifFileTarget(inputs, workspace);
  if (inputs.paths.length > 0) await requireConnectorsInPathInput(inputs.paths, workspace);
  const baseInput =
    inputs.base !== '' && inputs.base !== 'none'
      ? await resolveBaseInput(inputs.base, workspace)
      : inputs.base;
  const pullRequest = readPullRequestEvent();
  if (pullRequest && inputs.base === '') await requirePullRequestWorkTree(workspace);
  const base =
    baseInput === 'none'
      ? undefined
      : baseInput || (pullRequest ? await comparisonBase(workspace, pullRequest) : undefined);

  // Read once, on first use: the pull request that changes no connector folder reads it first, to
  // compare it with the base's; a file that does not load fails the run only where validation needs it.
  let configuration: Promise<ValidatorConfig> | undefined;
  const loadConfiguration = (): Promise<ValidatorConfig> =>
    (configuration ??= loadConfig({
      cwd: workspace,
      explicitPath: inputs.config || undefined,
      paths: inputs.paths,
    }).catch((error: unknown) => {
      // The file `config` names, refused by the file system (a name too long): said of the input,
      // as its other paths' refusals are. A file found in the repository is no input's: the CLI's words.
      throw inputs.config && error instanceof UnreadablePathError ? inputReadRefusal('config', error) : error;
    }));

  let paths = inputs.paths;
  // A pull request that changes no connector folder but loosens the configuration file: validated
  // (with no connector) for the findings that say so, since the next pull requests will use that file.
  let configurationOnly: BaseValidationResult | undefined;
  if (paths.length === 0 && pullRequest && base) {
    const folders = await logger.group('Find the connectors the pull request changes', async () => {
      const changed = await changedConnectorFolders(workspace, base);
      // A folder the pull request deleted, or renamed (its new name is in the list too), is not there
      // to validate; the comparison with the base reports a deleted connector as a breaking change.
      const kept = changed.filter((folder) => existsSync(path.join(workspace, folder)));
      const gone = changed.filter((folder) => !kept.includes(folder));
      logger.info(kept.length > 0 ? kept.join('\n') : 'none');
      if (gone.length > 0) logger.info(`Deleted or moved away (compared with the base): ${gone.join(', ')}`);
      return changed;
    });
    paths = folders;
    if (paths.length === 0)
      configurationOnly = await loosenedConfigurationOnly(
        workspace,
        base,
        loadConfiguration,
        pullRequest.facts,
      );
    if (paths.length === 0 && !configurationOnly) {
      logger.info('The pull request changes no connector folder; nothing to validate.');
      // A push that put back every connector the pull request changed, as the base has them, resolved
      // what they had at the head it replaced: said as any push's line is.
      const push = pullRequest.before
        ? await comparePush(
            workspace,
            [],
            inputs.paths.length > 0 ? inputs.paths : ['.'],
            pullRequest.before,
            async () => ({ cwd: workspace, config: await loadConfiguration(), profile: profileOf(inputs) }),
            noConnectorComparison(base),
            logger,
          )
        : undefined;
      // Said in the summary too: it is where a reviewer looks to see why the check found nothing.
      await writeJobSummary(
        core.summary.addRaw(
          `## Connector validation\n\n✅ The pull request changes no connector folder: nothing to validate.\n${push && pushCounted(push) ? `\n${pushLine(push)}\n` : ''}`,
        ),
      );
      const empty: ValidationResult = {
        connectors: [],
        findings: [],
        counts: { error: 0, warning: 0, info: 0 },
      };
      // An empty SARIF log still goes out, so that code scanning closes the alerts this change fixed.
      const emptySarif = sarifTarget === undefined ? undefined : sarifReport(empty, sarifOptions(workspace));
      await writeOutputs(
        empty,
        inputs,
        workspace,
        await writeSarif(emptySarif, sarifTarget, workspace),
        false,
      );
      return;
    }
  }
  const wholeWorkspace = paths.length === 0 && !configurationOnly;
  if (wholeWorkspace) paths = ['.'];

  const config = await loadConfiguration();
  const options = { cwd: workspace, config, profile: profileOf(inputs) };
  const result = await logger.group('Validate connectors', async () => {
    let validated: ValidationResult | BaseValidationResult =
      configurationOnly ??
      (base
        ? await validateAgainstBase(paths, base, {
            ...options,
            includeWorkingTree: false,
            pullRequest: pullRequest?.facts,
          }).catch((error: unknown) => {
            // Every folder given is in no git work tree: there is nothing to compare, only to validate.
            // (Beside a folder of the repository, such a folder is validated `uncompared`.)
            if (!(error instanceof NotAWorkTreeError && inputs.paths.includes(error.folder))) throw error;
            return validatePaths(paths, options);
          })
        : await validatePaths(paths, options));
    if (configurationOnly)
      logger.info('The pull request changes no connector folder, but the configuration file.');
    if (comparedWithBase(validated) && validated.configurationNote) logger.info(validated.configurationNote);
    if (inputs.onlyNew && base) validated = onlyNewFindings(validated);
    // Once validation is complete: the comparison with the base adds findings (breaking changes,
    // pull request rules) after each folder's own, and only-new takes some away.
    const uncompared = base ? uncomparedFolders(validated) : new Set<string>();
    for (const connector of validated.connectors) {
      const status =
        connector.findings.length === 0 ? 'no problems' : summaryLine(countBySeverity(connector.findings));
      const compared = uncompared.has(connector.path) ? ' (not compared with the base)' : '';
      logger.info(`${reportedPath(workspace, connector.path)} [${connector.profile}]: ${status}${compared}`);
    }
    if (uncompared.size > 0)
      writeAnnotation(
        'notice',
        uncomparedNotice([...uncompared].map((folder) => reportedPath(workspace, folder))),
      );
    for (const connector of deletedConnectors(validated)) {
      const status = summaryLine(countBySeverity(connector.findings));
      logger.info(`${reportedPath(workspace, connector.path)} [deleted]: ${status}`);
    }
    for (const file of configurationReports(validated)) {
      const status = summaryLine(countBySeverity(file.findings));
      logger.info(`${reportedPath(workspace, file.path)} [configuration]: ${status}`);
    }
    return validated;
  });
  if (wholeWorkspace && result.connectors.length === 0 && (await workspaceHoldsNoConnector(workspace))) {
    // A warning, not a failure: a workflow from a template may run before the repository's first
    // connector is committed. But an empty workspace is most often a missing actions/checkout step,
    // which would otherwise pass as a clean run.
    writeAnnotation(
      'warning',
      'The workspace holds no connector folder; nothing was validated. Check that actions/checkout runs before this step, or give the connector folders in path.',
    );
  }
  // On the pattern's line: a pull request that changes only an ignored connector checks nothing.
  for (const ignored of result.ignored ?? [])
    writeAnnotation('notice', ignoredFolderNote(ignored), {
      file: ignored.file,
      ...(ignored.line !== undefined && { startLine: ignored.line }),
    });
  const fallbackNote = profileFallbackNote(
    profileFallbackFolders(result.connectors, { cwd: workspace, profile: options.profile, config }),
    'set the profile input to certified (or independent-publisher)',
  );
  if (fallbackNote) writeAnnotation('notice', fallbackNote);
  if (!base && (inputs.onlyNew || inputs.failOnBreaking)) {
    // Both compare with a base, which only a pull request event or the base input gives.
    const idle = [inputs.onlyNew && 'only-new', inputs.failOnBreaking && 'fail-on-breaking'].filter(Boolean);
    writeAnnotation(
      'warning',
      `${idle.join(' and ')} ${idle.length > 1 ? 'have' : 'has'} no effect without a base to compare with: run on pull_request, or set the base input.`,
    );
  }

  // On a push to the pull request, what this push did too: compared with the head it replaced.
  const push =
    pullRequest?.before && comparedWithBase(result) && !configurationOnly
      ? await comparePush(
          workspace,
          paths,
          // Where a connector the push put back as the base has it counts: where the run looks.
          inputs.paths.length > 0 ? inputs.paths : ['.'],
          pullRequest.before,
          async () => options,
          result,
          logger,
        )
      : undefined;
  const changes = connectorChanges(result);
  // The annotations and the summary's links are read on the pull request's head, SARIF (which
  // upload-sarif sends against GITHUB_SHA) and the log on the commit that was checked.
  const headLines = await headLinesOf(workspace, pullRequest?.headSha, placedFiles(result, changes));
  // Made before the summary, which says whether it holds every finding.
  const sarif = sarifTarget === undefined ? undefined : sarifReport(result, sarifOptions(workspace));
  const summary = buildJobSummary(result, {
    failOn: inputs.failOn,
    breakingChangesFail: inputs.failOnBreaking,
    changes,
    cwd: workspace,
    baseDir: workspace,
    sourceUrl: headLines
      ? headSourceUrlFor(workspace, headLines)
      : sourceUrlFor(workspace, pullRequest?.headSha ?? process.env.GITHUB_SHA),
    baseSourceUrl: comparedWithBase(result) ? baseSourceUrlFor(result.mergeBase) : undefined,
    ...(push && { push }),
    everyFinding: !sarif
      ? 'Set the sarif-file input for a report of every finding.'
      : sarif.leftOut
        ? `The SARIF report (${inputs.sarifFile}) holds the ${sarif.leftOut.kept} most severe; connector-alm validate --format json lists every finding.`
        : `The SARIF report (${inputs.sarifFile}) lists every finding.`,
  });
  annotate(
    result,
    inputs,
    workspace,
    headLines,
    summary.omitted.findings,
    sarif !== undefined && !sarif.leftOut,
  );
  await writeJobSummary(core.summary.addRaw(summary.markdown));
  if (sarif?.leftOut) {
    const everyFinding =
      summary.omitted.findings > 0
        ? '`connector-alm validate --format json` lists every finding (the job summary, cut to its size limit, does not).'
        : 'The job summary and `connector-alm validate --format json` list every finding.';
    writeAnnotation('warning', `${describeLeftOut(sarif.leftOut)} ${everyFinding}`);
  }
  const sarifFile = await writeSarif(sarif, sarifTarget, workspace);
  await writeOutputs(result, inputs, workspace, sarifFile, true);
}

/**
 * The connectors validated without a comparison on a run with a base: in no git work tree, beside
 * the repository's folders (`uncompared`), or every one when no folder given is in one.
 */
function uncomparedFolders(result: ValidationResult): Set<string> {
  if (comparedWithBase(result)) return uncomparedPaths(result);
  return new Set(result.connectors.map((connector) => connector.path));
}

/**
 * For a pull request that changes no connector folder: the comparison of the configuration file with
 * the base's, when it finds the file loosened; undefined when it does not, or when the file does not
 * load (the pull requests that change connectors report that, as before).
 */
async function loosenedConfigurationOnly(
  workspace: string,
  base: string,
  loadConfiguration: () => Promise<ValidatorConfig>,
  facts: PullRequestFacts,
): Promise<BaseValidationResult | undefined> {
  const config = await loadConfiguration().catch(() => undefined);
  if (!config) return undefined;
  const result = await validateAgainstBase([], base, {
    cwd: workspace,
    config,
    includeWorkingTree: false,
    pullRequest: facts,
  });
  return configurationReports(result).length > 0 ? result : undefined;
}

async function writeOutputs(
  result: ValidationResult,
  inputs: ValidateConnectorInputs,
  workspace: string,
  sarifFile: string | undefined,
  validated: boolean,
): Promise<void> {
  // Breaking changes are judged by fail-on-breaking alone, the other findings by fail-on: as
  // validate --fail-on-breaking judges them, so that a laptop and CI agree.
  const { judged, breaking, ...verdict } = judgeRun(result, inputs.failOn, inputs.failOnBreaking);
  const failsFindings = validated && verdict.failsFindings;
  const failsBreaking = verdict.failsBreaking;
  core.setOutput('errors', result.counts.error);
  core.setOutput('warnings', result.counts.warning);
  core.setOutput('notices', result.counts.info);
  core.setOutput('fixed', comparedWithBase(result) ? fixedSinceBase(result.diffs).length : 0);
  core.setOutput('fixed-in-part', fixedInPart(result.findings));
  // As the repository names them, for matrices, path filters and links in later steps (see action.yml);
  // one under runner.temp (extract-connectors' output) by its absolute path, not as ../../_temp/….
  core.setOutput(
    'connectors',
    JSON.stringify(result.connectors.map((connector) => reportedPath(workspace, connector.path))),
  );
  core.setOutput('breaking-changes', breaking);
  core.setOutput('sarif-file', sarifFile ?? '');
  core.setOutput('result', failsFindings || failsBreaking ? 'failure' : 'success');
  if (breaking > 0 && !inputs.failOnBreaking) {
    writeAnnotation(
      'warning',
      `${plural(breaking, 'breaking change')} against the base; reviewers must acknowledge them (see the job summary).`,
    );
  }
  if (failsFindings) {
    const besides = breaking > 0 ? ' besides the breaking changes' : '';
    // A maker whose pull request fails on findings it did not bring reads it in the failure itself.
    // Named with where it is set: the reusable workflow connector-pr-check takes it too.
    const existing = existingFailuresNote(result.findings, inputs.failOn, onlyNewInput());
    core.setFailed(
      `${plural(judged.error, 'error')} and ${plural(judged.warning, 'warning')}${besides} in ${plural(result.connectors.length, 'connector')} (fail-on: ${inputs.failOn}).${existing ? ` ${existing}` : ''}`,
    );
  }
  if (failsBreaking) {
    core.setFailed(`${plural(breaking, 'breaking change')} against the base (fail-on-breaking: true).`);
  }
}

/**
 * The breaking and other changes per connector, for the job summary; undefined when nothing was
 * compared with a base, so that the summary does not say that no connector changed.
 */
function connectorChanges(result: ValidationResult | BaseValidationResult): ConnectorChanges[] | undefined {
  if (!('diffs' in result)) return undefined;
  return (
    result.diffs
      // Every connector compared with its base version, changed or not (the summary names those the
      // comparison found the same), and a new one, which has nothing to be compared with.
      .filter((entry) => entry.status === 'added' || entry.diff !== undefined)
      .map((entry) => ({
        connector: entry.path,
        ...(entry.renamedFrom !== undefined && { renamedFrom: entry.renamedFrom }),
        ...(entry.status === 'deleted' && { deleted: true }),
        ...(entry.status === 'added' && { added: true }),
        ...(entry.baseHadNoSwagger && { baseHadNoSwagger: true }),
        // Each with the finding it is reported as, if any: the summary lists the two as one.
        changes: (entry.diff?.changes ?? []).map((change) => {
          const finding = entry.reportedAs?.get(change);
          return finding ? { ...change, finding } : change;
        }),
        classification: entry.diff?.classification ?? 'new',
      }))
  );
}

/** The files that the annotations and the summary's links place lines in: the findings', and the changes' at the commit checked. */
function placedFiles(result: ValidationResult, changes: readonly ConnectorChanges[] | undefined): string[] {
  const files = new Set(result.findings.map((finding) => finding.file));
  for (const set of changes ?? [])
    for (const change of set.changes) if (change.file && change.side !== 'old') files.add(change.file);
  return [...files];
}

/**
 * GitHub shows few annotations per step: the most telling ones go on the lines, the rest are counted.
 * The count is of what GitHub does not show: with max-annotations above its 10 per level, or after the
 * step's own notes took some of the 10, annotations written reach the log but not the page, and the
 * count of max-annotations' leftovers alone said fewer than the reader missed.
 */
function annotate(
  result: ValidationResult,
  inputs: ValidateConnectorInputs,
  workspace: string,
  headLines: HeadLines | undefined,
  leftOutOfSummary: number,
  sarifHoldsAll: boolean,
): void {
  const selection = toAnnotations(result.findings, {
    maxPerSeverity: inputs.maxAnnotations,
    cwd: workspace,
    baseDir: workspace,
    isFile: (file) => isFile(path.join(workspace, file)),
    ...(headLines && { headLine: headLines.lineAtHead }),
  });
  let omitted = 0;
  let hiddenByGitHub = 0;
  for (const level of ['error', 'warning', 'notice'] as const) {
    const written = selection.annotations.filter((annotation) => annotation.level === level).length;
    const shown = shownOfNext(level, written);
    hiddenByGitHub += written - shown;
    omitted += selection.omitted[level] + written - shown;
  }
  for (const { level, message, ...properties } of selection.annotations)
    writeAnnotation(level, message, properties);
  if (omitted === 0) return;
  const more =
    inputs.maxAnnotations === 0
      ? `${plural(omitted, 'finding')} (max-annotations: 0, so none annotated) ${omitted === 1 ? 'is' : 'are'}`
      : `${plural(omitted, 'more finding')}${hiddenByGitHub > 0 ? ` (GitHub shows ${GITHUB_ANNOTATION_LIMIT} annotations of each level per step)` : ''} ${omitted === 1 ? 'is' : 'are'}`;
  if (leftOutOfSummary === 0) {
    core.info(`${more} in the job summary${sarifHoldsAll ? ' and the SARIF report' : ''}.`);
    return;
  }
  // The summary was cut to GitHub's size limit: it does not hold them all.
  const cut = `the job summary, cut to GitHub's 1 MiB limit, leaves out ${plural(leftOutOfSummary, 'finding')}`;
  core.info(
    sarifHoldsAll
      ? `${more} in the SARIF report; ${cut}.`
      : inputs.sarifFile
        ? `${more} not annotated, and ${cut}; the SARIF report holds the most severe, \`connector-alm validate --format json\` every finding.`
        : `${more} not annotated, and ${cut}: set the sarif-file input for a report of every finding.`,
  );
}

/** Where the SARIF report goes, checked before anything runs; undefined when none is asked for. */
async function sarifFileTarget(
  inputs: ValidateConnectorInputs,
  workspace: string,
): Promise<string | undefined> {
  if (!inputs.sarifFile) return undefined;
  const target = await requireWritableOutput(
    'sarif-file',
    inputs.sarifFile,
    path.resolve(workspace, inputs.sarifFile),
  );
  if ((await fs.stat(target).catch(() => undefined))?.isDirectory()) {
    throw new InputError('sarif-file', `names a folder; give a file name such as 'connector-alm.sarif'.`);
  }
  // The report was written over the connector's swagger, exit 0 (connectorFileAt).
  const connectorFile = connectorFileAt(target);
  if (connectorFile) {
    const folder = path.relative(workspace, connectorFile.folder) || '.';
    throw new InputError(
      'sarif-file',
      `names the ${connectorFile.name} of the connector in ${folder}; the report would be written over it.`,
      "Give a file of its own, such as 'connector-alm.sarif'.",
    );
  }
  return target;
}

/**
 * The file system's refusal of the SARIF report (a name longer than it allows, a full disk), said at
 * the input, or any other error as it was: the write fails only after validating, and Node's own
 * message read as a bug of ours.
 */
function sarifNotWritten(error: unknown): unknown {
  const failure = writeFailure(error);
  if (failure === undefined) return error;
  const code = (error as NodeJS.ErrnoException).code;
  // A full disk or the file size limit is the runner's to mend, not the path's.
  const runnerLimit = storageLimitError(error, 'the runner');
  return new InputError(
    'sarif-file',
    `cannot be written: ${failure.reason} (${code}).`,
    runnerLimit?.hint ?? "Give a path the job can write, such as 'connector-alm.sarif'.",
  );
}

/** How the action's SARIF report names files: relative to the workspace, which upload-sarif checks out. */
function sarifOptions(workspace: string) {
  return { toolVersion: VERSION, baseDir: workspace, cwd: workspace };
}

/**
 * Writes the report to its checked real path; returns it as the sarif-file output names it. Its
 * missing folders are made, and removed again when the write fails or the job is cancelled
 * (inFolderMadeFor): no empty folder is left for a later step's `git add -A`.
 */
async function writeSarif(
  report: SarifReport | undefined,
  target: string | undefined,
  workspace: string,
): Promise<string | undefined> {
  if (target === undefined || report === undefined) return undefined;
  await inFolderMadeFor(target, () => writeReportFile(target, report.text)).catch((error: unknown) => {
    throw sarifNotWritten(error);
  });
  // A report under runner.temp by its absolute path, not as ../../_temp/… (see reportedPath).
  return reportedPath(await fs.realpath(workspace), target);
}

/** The profile the inputs choose; undefined for auto (each folder's place decides). */
function profileOf(inputs: ValidateConnectorInputs): ValidateOptions['profile'] {
  return inputs.profile === 'auto' ? undefined : inputs.profile;
}
