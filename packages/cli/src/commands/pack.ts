import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { joinedList, plural, printable, toDisplayPath, UsageError } from '@connector-alm/core';
import { packSolutionPackages, leftOutWarnings, type PackResult } from '@connector-alm/solution';
import type { CommandContext } from '../command-context.js';
import { writeOutput } from '../workflow-safe.js';
import { namingSolutionOptions } from './solution-options.js';
import { refuseSwappedPaths } from './swapped-arguments.js';
import { maxEntriesOption, zipLimitOptions } from './unpack.js';
import { writesToArgument } from '../output-argument.js';

interface PackOptions {
  packageType: 'auto' | 'unmanaged' | 'managed' | 'both';
  solutionVersion?: string;
  maxEntries?: string;
  format: 'text' | 'json';
}

/** `connector-alm pack <folder> <solution.zip>`: an unpacked folder back into an importable zip. */
export function registerPackCommand(program: Command, context: CommandContext): void {
  writesToArgument(program.command('pack'), 'solution.zip')
    .description('pack an unpacked solution folder into an importable solution zip')
    .argument('<folder>', 'the folder that unpack wrote (holding Other/Solution.xml)')
    .argument('<solution.zip>', 'the zip to write; for a folder of both exports, X.zip and X_managed.zip')
    .addOption(
      new Option('--package-type <type>', 'which package(s) to write')
        .choices(['auto', 'unmanaged', 'managed', 'both'])
        .default('auto'),
    )
    .option('--solution-version <version>', 'the solution version to write, e.g. 1.2.0.0')
    .addOption(maxEntriesOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (folder: string, zip: string, options: PackOptions) => {
      const { io } = context;
      refuseSwappedPaths(io.cwd, {
        folder: { path: folder, role: 'the folder to pack' },
        zip,
        order: 'the folder that unpack wrote first, then the zip to write',
        usage: 'pack <folder> <solution.zip>',
      });
      // A path argument that is wrong is located at the path, as the other commands' are.
      if (!zip.toLowerCase().endsWith('.zip'))
        throw new UsageError('must end in .zip.', {
          location: { file: zip },
          hint: 'Dataverse imports a solution only from a .zip file.',
        });
      const source = path.resolve(io.cwd, folder);
      const target = path.resolve(io.cwd, zip);
      const results: PackResult[] = await namingSolutionOptions(() =>
        packSolutionPackages(source, target, {
          packageType: options.packageType,
          ...(options.solutionVersion ? { version: options.solutionVersion } : {}),
          ...zipLimitOptions(options),
        }),
      );
      // Both zips of a folder of both exports leave the same files out: each is named once.
      const leftOut = [...new Set(results.flatMap((result) => result.leftOut))];
      const shown = (file: string): string => toDisplayPath(io.cwd, path.join(source, file));
      for (const warning of leftOutWarnings(leftOut, shown))
        io.stderr.write(`warning: ${printable(warning)}\n`);
      // Both zips of a folder of both exports define the same variables: each is named once.
      const withoutValue = [...new Set(results.flatMap((result) => result.variablesWithoutValue))];
      if (withoutValue.length > 0)
        io.stderr.write(
          `warning: ${printable(variablesWithoutValueWarning(withoutValue, results[0]!.uniqueName))}\n`,
        );
      if (options.format === 'json') {
        writeOutput(
          io,
          `${JSON.stringify(
            results.map((r) => ({ ...r, zip: toDisplayPath(io.cwd, r.zip) })),
            null,
            2,
          )}\n`,
          'json',
        );
        return;
      }
      for (const result of results) {
        writeOutput(
          io,
          `${printable(`Packed ${result.uniqueName} ${result.version} (${result.managed ? 'managed' : 'unmanaged'}) into ${toDisplayPath(io.cwd, result.zip)}: ${result.entries.length} entries, ${plural(result.connectors.length, 'connector')}.`)}\n`,
          'text',
        );
      }
    });
}

/** The variables an import must give a value, since the zip gives none: said at pack, before the import. */
function variablesWithoutValueWarning(schemaNames: string[], solutionName: string): string {
  const one = schemaNames.length === 1;
  return (
    `The environment variable${one ? '' : 's'} ${joinedList(schemaNames, { quote: "'" })} of ${solutionName} ` +
    `${one ? 'has' : 'have'} no value in the zip (no default value, no current value): give ${one ? 'it' : 'each'} ` +
    'one when importing (import --settings <file>, under EnvironmentVariables), or the connector has none ' +
    'where the environment has none of its own.'
  );
}
