import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { createConsoleLogger, toDisplayPath, UsageError } from '@connector-alm/core';
import { connectDataverse, exportDestination, exportSolution, exportZipName } from '@connector-alm/dataverse';
import { debugRequested } from '../debug-switch.js';
import { optionDefaultingTo } from '../option-help.js';
import type { CommandContext } from '../command-context.js';
import { writeOutput } from '../workflow-safe.js';
import {
  addConnectionOptions,
  connectionWords,
  positiveMinutes,
  readConnection,
  type ConnectionOptions,
} from './dataverse-connection.js';

interface ExportOptions extends ConnectionOptions {
  out?: string;
  managed: boolean;
  sync: boolean;
  maxWait: number;
  publish: boolean;
  format: 'text' | 'json';
}

/** `connector-alm export <solution>`: a solution from an environment into a zip, without pac. */
export function registerExportCommand(program: Command, context: CommandContext): void {
  addConnectionOptions(
    program
      .command('export')
      .description('export a solution from a Dataverse environment to a zip')
      .argument('<solution-name>', 'unique name of the solution'),
  )
    .addOption(
      optionDefaultingTo(
        '-o, --out <file>',
        'the zip to write, or a folder to write it in, named as by default',
        '<solution-name>.zip in the working directory, or <solution-name>_managed.zip with --managed, the unique name as the environment spells it',
      ),
    )
    .option('--managed', 'export as managed', false)
    .option(
      '--sync',
      'use the synchronous ExportSolution call, which only small solutions finish in time',
      false,
    )
    .option(
      '--max-wait <minutes>',
      'how long to wait for an asynchronous export, counted from its first request',
      positiveMinutes,
      60,
    )
    .option('--no-publish', 'do not publish all customizations before exporting')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (solutionName: string, options: ExportOptions) => {
      const { io } = context;
      // As pack: a name without .zip is no solution Dataverse imports, and may be a file of the user's;
      // a folder gets the zip named after the solution, as cp names a file copied into one.
      const destination =
        options.out === undefined
          ? { folder: io.cwd }
          : exportDestination(options.out, path.resolve(io.cwd, options.out));
      if (destination === undefined)
        throw new UsageError('must end in .zip.', {
          location: { file: options.out! },
          hint: `Give -o the path of the zip file to write, or a folder to write ${exportZipName(solutionName, options.managed)} in (ending in /); Dataverse imports a solution only from a .zip file.`,
        });
      const logger = createConsoleLogger({
        debug: debugRequested(program.opts().debug, io.env),
        runner: io.env.GITHUB_ACTIONS === 'true',
        // Progress on stdout in text, on stderr with --format json, where stdout holds the result.
        progress: options.format === 'json' ? io.stderr : io.stdout,
        diagnostics: io.stderr,
      });
      const client = connectDataverse(readConnection(options, io), {
        logger,
        say: connectionWords(options, io),
      });
      const result = await exportSolution(
        client,
        {
          solutionName,
          ...('file' in destination
            ? { outputFile: destination.file }
            : { outputFolder: destination.folder }),
          show: (file) => toDisplayPath(io.cwd, file),
          managed: options.managed,
          asynchronous: !options.sync,
          maxAsyncWaitMs: options.maxWait * 60_000,
          publish: options.publish,
        },
        logger,
      );
      // The zip named as the text names it (and pack's JSON its zip), not as the path it resolved.
      const shown = { ...result, file: toDisplayPath(io.cwd, result.file) };
      if (options.format === 'json') writeOutput(io, `${JSON.stringify(shown, null, 2)}\n`, 'json');
    });
}
