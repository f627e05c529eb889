import path from 'node:path';
import { Option, type Command } from 'commander';
import { joinedList, printable, toDisplayPath, UsageError } from '@connector-alm/core';
import {
  buildSolution,
  optionValuePrefixFrom,
  readSolution,
  type BuiltConnector,
} from '@connector-alm/solution';
import {
  commandLine,
  missingOptionsError,
  missingRequiredOptions,
  type MissingOption,
} from '../missing-options.js';
import { optionDefaultingTo, requiredByAction } from '../option-help.js';
import type { CommandContext } from '../command-context.js';
import { writeOutput } from '../workflow-safe.js';
import {
  FIRST_VERSION,
  FROM_EXISTING,
  resolveSettings,
  type GivenSettings,
} from './build-solution-settings.js';
import { namingSolutionOptions } from './solution-options.js';

/** As commander gives them: the settings as given, the option value prefix still as its text. */
interface BuildOptions extends Omit<GivenSettings, 'optionValuePrefix'> {
  out?: string;
  optionValuePrefix?: string;
  existing?: string;
  format: 'text' | 'json';
}

/** `connector-alm build-solution <connector-folder>... --out <zip>`: connector folders into an importable solution. */
export function registerBuildSolutionCommand(program: Command, context: CommandContext): void {
  program
    .command('build-solution')
    .description('build a connector-only unmanaged solution zip from PowerPlatformConnectors folders')
    .argument('<connector-folder...>', 'folders holding apiDefinition.swagger.json and apiProperties.json')
    // Required, but checked by the action with the solution settings, so that one run names every
    // option missing (commander's requiredOption stops at the first).
    .addOption(requiredByAction(new Option('-o, --out <zip>', 'the solution zip to write')))
    .addOption(
      optionDefaultingTo(
        '--unique-name <name>',
        'the solution unique name, e.g. ContosoConnectors; required without --existing',
        'that of --existing',
      ),
    )
    .addOption(
      optionDefaultingTo(
        '--display-name <name>',
        'the solution display name',
        'that of --existing when the unique name is its own, else the unique name',
      ),
    )
    .addOption(
      optionDefaultingTo(
        '--solution-version <version>',
        'the solution version; with --existing, a lower one than its own is refused',
        `the version after that of --existing (its last part one higher, 1.0.0.3 → 1.0.0.4), else ${FIRST_VERSION}`,
      ),
    )
    .addOption(
      optionDefaultingTo(
        '--publisher <uniqueName>',
        'the publisher unique name, as in the target environment; required without --existing',
        'that of --existing',
      ),
    )
    .addOption(
      optionDefaultingTo(
        '--publisher-name <name>',
        'the publisher display name',
        'that of --existing when the publisher is its own, else the publisher unique name',
      ),
    )
    .addOption(
      optionDefaultingTo(
        '--prefix <prefix>',
        "the publisher's customization prefix, e.g. contoso; required without --existing",
        'that of --existing when the publisher is its own',
      ),
    )
    .addOption(
      optionDefaultingTo(
        '--option-value-prefix <number>',
        "the publisher's option value prefix (10000 to 99999)",
        'that of --existing when the publisher is its own, else a number worked out from --prefix',
      ),
    )
    .option(
      '--existing <solution>',
      'the solution zip or unpacked folder the connectors came from: they keep its Dataverse names and ids, so importing updates them instead of adding copies; its unique name, publisher and version are the defaults',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (folders: string[], options: BuildOptions, command: Command) => {
      const { io } = context;
      // As pack: a name without .zip is no solution Dataverse imports, and may be a file of the user's.
      if (options.out !== undefined && !options.out.toLowerCase().endsWith('.zip'))
        throw new UsageError('must end in .zip.', {
          location: { file: options.out },
          hint: 'Give --out the solution zip to write; Dataverse imports a solution only from a .zip file.',
        });
      const optionValueText = options.optionValuePrefix;
      const optionValue =
        optionValueText === undefined
          ? undefined
          : await namingSolutionOptions(() => optionValuePrefixFrom(optionValueText));
      // Its environment variables too: those the connectors refer to are carried into the build.
      const existingSolution =
        options.existing === undefined
          ? undefined
          : await readSolution(path.resolve(io.cwd, options.existing), {
              environmentVariables: true,
              cwd: io.cwd,
            });
      // Named in messages and warnings as every other path is: from the working directory.
      const shownExisting = options.existing && toDisplayPath(io.cwd, options.existing);
      const existing = existingSolution && {
        connectors: existingSolution.connectors,
        source: shownExisting!,
        environmentVariables: existingSolution.environmentVariables,
      };
      const resolved = await namingSolutionOptions(() =>
        resolveSettings(
          { ...options, optionValuePrefix: optionValue },
          existingSolution && { settings: existingSolution.settings, source: shownExisting! },
        ),
      );
      if ('missing' in resolved || options.out === undefined) {
        // --out first, as --help lists it.
        const missing = [
          ...missingRequiredOptions(command),
          ...('missing' in resolved ? resolved.missing : []),
        ];
        throw missingOptionsError(command, missing, existingInstead(command, missing, options.existing));
      }
      const { settings, warning } = resolved;
      const zip = path.resolve(io.cwd, options.out);
      if (warning) io.stderr.write(`warning: ${printable(warning)}\n`);
      const built = await namingSolutionOptions(() =>
        buildSolution(
          folders.map((folder) => path.resolve(io.cwd, folder)),
          zip,
          { ...settings, ...(existing ? { existing } : {}), cwd: io.cwd },
        ),
      );
      // Paths from the working directory, as the files of errors are named, however they were given.
      const connectors = built.map((c) => ({ ...c, folder: toDisplayPath(io.cwd, c.folder) }));
      const shownZip = toDisplayPath(io.cwd, zip);
      if (options.format === 'json')
        writeOutput(
          io,
          `${JSON.stringify(
            { zip: shownZip, uniqueName: settings.uniqueName, version: settings.version, connectors },
            null,
            2,
          )}\n`,
          'json',
        );
      else {
        writeOutput(
          io,
          `${printable(`Built ${settings.uniqueName} ${settings.version} into ${shownZip} with ${connectors.map((c) => describeConnector(c, shownExisting)).join(', ')}${carriedVariables(connectors)}.`)}\n`,
          'text',
        );
        // Located at the connector's folder, as extract-connectors words its warnings.
        for (const connector of connectors)
          for (const warning of connector.warnings)
            io.stderr.write(`warning: ${printable(`${connector.folder}: ${warning}`)}\n`);
      }
    });
}

/**
 * The environment variables carried from --existing for the connectors, each once: what the solution
 * holds besides them, which an import adds to the environment too.
 */
function carriedVariables(connectors: readonly BuiltConnector[]): string {
  const names: string[] = [];
  for (const connector of connectors)
    for (const variable of connector.environmentVariables ?? [])
      if (variable.carried && !names.includes(variable.schemaName)) names.push(variable.schemaName);
  if (names.length === 0) return '';
  const which = names.length === 1 ? 'environment variable' : 'environment variables';
  return `, and the ${which} ${names.join(', ')} of the existing solution`;
}

/**
 * The other way to give the settings that --existing gives, when it was not given: the solution the
 * connectors came from, whose unique name, publisher and prefix are then the defaults. Nothing when
 * it was given, or when what is missing is no setting of a solution (--out alone).
 */
function existingInstead(
  command: Command,
  missing: readonly MissingOption[],
  existing: string | undefined,
): string | undefined {
  const instead = missing.map((option) => option.long).filter((long) => FROM_EXISTING.includes(long));
  if (existing !== undefined || instead.length === 0) return undefined;
  const add = [
    ...missing.map((option) => option.long).filter((long) => !instead.includes(long)),
    '--existing',
  ];
  return `or, to update the solution the connectors came from, give it instead of ${joinedList(instead)}: ${commandLine(command, { add, leaveOut: instead })}.`;
}

/**
 * With --existing, each connector says whether it kept its Dataverse identity: a new one means the
 * import adds a connector, which is what the person should notice if they meant an update.
 */
function describeConnector(connector: BuiltConnector, existing: string | undefined): string {
  const identity =
    existing === undefined
      ? ''
      : connector.keptIdentity
        ? ', as in the existing solution'
        : `, new: not in ${existing}`;
  return `${connector.displayName} (${connector.name}${identity})`;
}
