import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { printable, UsageError } from '@connector-alm/core';
import {
  AS_CONNECTOR_PATH,
  comparedWithBase,
  deletedConnectors,
  loadConfig,
  describeFixes,
  fixJsonSlips,
  onlyNewFindings,
  PROFILES,
  validateAgainstBase,
  repositoryOfPaths,
  resolveBaseRef,
  validatePaths,
  judgeRun,
  profileFallbackFolders,
  profileFallbackNote,
  ignoredFolderNote,
  parseConcurrency,
  pathsWithoutConnectors,
  solutionGivenError,
  type Concurrency,
  FAIL_ON_LEVELS,
  type FailOn,
  type Profile,
  type ValidationResult,
} from '@connector-alm/validator';
import { ExitCode } from '../io.js';
import { configOption } from '../config-option.js';
import type { CommandContext } from '../command-context.js';
import { refuseReportPathThroughFile, writeReport, type ReportFormat } from '../report-output.js';
import { refuseReportOverConnectorFile } from '../report-over-connector-file.js';

interface ValidateOptions {
  profile: Profile | 'auto';
  format: ReportFormat;
  output?: string;
  config?: string;
  failOn: FailOn;
  quiet?: boolean;
  base?: string;
  onlyNew?: boolean;
  failOnBreaking?: boolean;
  concurrency: Concurrency;
  fix?: boolean;
}

function concurrencyArgument(value: string): Concurrency {
  const parsed = parseConcurrency(value);
  if (parsed === undefined) {
    throw new InvalidArgumentError('Use a whole number of threads (1-9999), auto or off.');
  }
  return parsed;
}

/** `connector-alm validate <path...>`: the certification rules, offline, on every connector folder found. */
export function registerValidateCommand(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .description('check connector folders with the certification rules, offline')
    .argument('[paths...]', 'connector folders, or trees that hold them', ['.'])
    .addOption(
      new Option('--profile <profile>', "the rule set; auto picks it from the folder's place in the tree")
        .choices(['auto', ...PROFILES])
        .default('auto'),
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(configOption())
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding reaches this level')
        .choices(FAIL_ON_LEVELS)
        .default('error'),
    )
    .option(
      '--quiet',
      'list only the findings at or above --fail-on in the text report; the counts still count every finding, and a last line says how many were left out',
    )
    .option(
      '--base <ref>',
      'compare each connector with its version at the merge base of HEAD and this git ref: findings are marked new or existing, and breaking changes are added',
    )
    .option('--only-new', 'report only the findings that the change since --base introduced')
    .option(
      '--fail-on-breaking',
      'with --base, exit 1 on breaking changes, which --fail-on leaves to this option (as the validate-connector action does); refused without --base',
    )
    .addOption(
      new Option(
        '--concurrency <n>',
        'worker threads for many folders: a number (at most one per core, though two are always allowed), auto (one per core but one, with at least 16 folders per worker) or off',
      )
        .default('auto' as Concurrency)
        .argParser(concurrencyArgument),
    )
    .option(
      '--fix',
      'rename connector files to the names a finding asks for (apiProperty.json, Readme.md.txt), and write the edits that fix JSON syntax slips (trailing commas, comments, single quotes, …), misspelled keys whose spelling a finding names (basepath, x-ms-visibilty) and values whose right form a finding names (x-ms-visibility Advanced, an integer default "10", a label\'s trailing period) into the files, then check them as fixed',
    )
    .action(async (paths: string[], options: ValidateOptions) => {
      const { io } = context;
      if (paths.length === 0) throw new UsageError('Give at least one path.');
      if (options.onlyNew && !options.base) throw new UsageError('--only-new needs --base <ref>.');
      // Without a base there is nothing to break: refused, as --only-new is, rather than ignored.
      if (options.failOnBreaking && !options.base)
        throw new UsageError(
          '--fail-on-breaking needs --base <ref>: breaking changes are found against a base.',
        );
      refuseQuietWithoutText(options);
      refuseReportPathThroughFile(options.output, io.cwd);
      refuseReportOverConnectorFile(options.output, io.cwd);
      const config = await loadConfig({ cwd: io.cwd, explicitPath: options.config, paths });
      // Fixed before validating, so that the findings are those of the files as they are now; with
      // --base too, where the fixed files count as changes of the work tree. A command line that is
      // refused must write nothing, so its paths are judged before any file is fixed.
      if (options.fix) await refusePathsWithoutConnectors(paths, io.cwd, []);
      const profile = options.profile === 'auto' ? undefined : options.profile;
      const fixes = options.fix ? await fixJsonSlips(paths, { cwd: io.cwd, config, profile }) : undefined;
      if (fixes) for (const line of describeFixes(fixes)) io.stderr.write(`${line}\n`);
      const validateOptions = {
        cwd: io.cwd,
        config,
        profile,
        concurrency: options.concurrency,
      };
      let result: ValidationResult = options.base
        ? await validateAgainstGivenBase(paths, options.base, validateOptions, io)
        : await validatePaths(paths, validateOptions);
      if (options.onlyNew) result = onlyNewFindings(result);
      // Asked after validating, from the folders validated, so that the paths are not searched twice.
      // A connector folder the branch deleted was a connector: a path may name it (see --base).
      if (!options.fix)
        await refusePathsWithoutConnectors(paths, io.cwd, [
          ...result.connectors.map((connector) => connector.path),
          ...deletedConnectors(result).map((connector) => connector.path),
        ]);
      const breakingChangesFail = options.failOnBreaking ?? false;
      const verdict = judgeRun(result, options.failOn, breakingChangesFail);
      const quiet = options.quiet && options.failOn !== 'never' ? options.failOn : undefined;
      await writeReport(context, result, {
        ...options,
        quiet,
        fixes,
        breakingChangesFail,
        runOptions: findingOptions(options),
      });
      const note = profileFallbackNote(
        profileFallbackFolders(result.connectors, { cwd: io.cwd, profile, config }),
        'give --profile certified (or independent-publisher)',
      );
      if (note) io.stderr.write(`note: ${printable(note)}\n`);
      // As linters say of a file named on the command line that an ignore pattern skips.
      for (const ignored of result.ignored ?? [])
        io.stderr.write(`note: ${printable(ignoredFolderNote(ignored))}\n`);
      if (comparedWithBase(result) && result.configurationNote)
        io.stderr.write(`note: ${printable(result.configurationNote)}\n`);
      const fails = verdict.failsFindings || verdict.failsBreaking;
      context.setExit(fails ? ExitCode.Failure : ExitCode.Success);
    });
}

/**
 * `validate --base`: the base as given, or `origin/dev` for a `dev` that only origin has (a CI
 * checkout), said once on stderr, since the findings are then judged against origin's branch.
 */
async function validateAgainstGivenBase(
  paths: readonly string[],
  given: string,
  options: Parameters<typeof validateAgainstBase>[2] & { cwd: string },
  io: CommandContext['io'],
): Promise<ValidationResult> {
  const git = await repositoryOfPaths(paths, options.cwd);
  const base = await resolveBaseRef(git, given);
  if (base.note) io.stderr.write(`note: ${printable(base.note)}\n`);
  return validateAgainstBase(paths, base.ref, { ...options, git });
}

/**
 * --quiet shortens the text report only: JSON is read by programs, which pick the findings they need,
 * and a SARIF upload without the warnings would close their code scanning alerts. With --fail-on never
 * no finding reaches the level, so it would list none. Refused rather than ignored, as --only-new
 * without --base is.
 */
function refuseQuietWithoutText(options: ValidateOptions): void {
  if (!options.quiet) return;
  if (options.format !== 'text')
    throw new UsageError(
      `--quiet shortens the text report; --format ${options.format} holds every finding.`,
      {
        hint:
          options.format === 'sarif'
            ? 'Leave out --quiet: code scanning would close the alerts of the findings left out.'
            : 'Leave out --quiet, and pick the findings from the report (jq \'.findings[] | select(.severity == "error")\').',
      },
    );
  if (options.failOn === 'never')
    throw new UsageError(
      '--quiet lists the findings at or above --fail-on, and --fail-on never has no level.',
      {
        hint: 'Give --fail-on error (the default) or warning, or leave out --quiet.',
      },
    );
}

/**
 * Every path must lead to a connector folder, not only one of them: a path that holds none is a
 * usage error (exit code 2), whether or not the others hold some. A path whose connector folders
 * the configuration ignores holds some. `validated` are the folders already found, if any.
 */
async function refusePathsWithoutConnectors(
  paths: readonly string[],
  cwd: string,
  validated: readonly string[],
): Promise<void> {
  const empty = await pathsWithoutConnectors(paths, cwd, validated);
  if (empty.length === 0) return;
  const hint = 'A connector folder holds apiDefinition.swagger.json and apiProperties.json.';
  // An unpacked solution holds its connectors in Dataverse's layout: extract-connectors writes the folders.
  const solution = empty.length === 1 ? solutionGivenError(empty[0]!, cwd, AS_CONNECTOR_PATH) : undefined;
  if (solution) throw solution;
  // One path is the location; several are listed, since a location names one file.
  if (empty.length === 1)
    throw new UsageError('holds no connector folder.', { location: { file: empty[0]! }, hint });
  throw new UsageError(`No connector folder found in ${empty.map((p) => `"${p}"`).join(', ')}.`, { hint });
}

/**
 * The options of this run that decide its findings, as words of a command line, for the command that
 * the text report suggests to list a comparison's changes: the same files and rules must be read.
 */
function findingOptions(options: ValidateOptions): string[] {
  return [
    ...(options.config === undefined ? [] : ['--config', options.config]),
    ...(options.profile === 'auto' ? [] : ['--profile', options.profile]),
  ];
}
