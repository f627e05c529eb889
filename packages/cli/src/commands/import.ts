import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { createConsoleLogger, fileReadError } from '@connector-alm/core';
import {
  connectDataverse,
  importSolution,
  readDeploymentSettings,
  type DeploymentSettings,
} from '@connector-alm/dataverse';
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

interface ImportOptions extends ConnectionOptions {
  async?: boolean;
  maxWait: number;
  settings?: string;
  forceOverwrite: boolean;
  publish: boolean;
  skipLowerVersion: boolean;
  holding: boolean;
  stageAndUpgrade: boolean;
  format: 'text' | 'json';
}

/** `connector-alm import <solution.zip>`: a solution zip into an environment, without pac. */
export function registerImportCommand(program: Command, context: CommandContext): void {
  addConnectionOptions(
    program
      .command('import')
      .description('import a solution zip into a Dataverse environment')
      .argument(
        '<solution.zip>',
        'the solution zip to import: exported, or written by pack or build-solution',
      ),
  )
    .addOption(
      optionDefaultingTo(
        '--async',
        'always use ImportSolutionAsync',
        'ImportSolutionAsync for solutions over 2 MB',
      ),
    )
    .option('--no-async', 'always use the synchronous ImportSolution call')
    .option(
      '--max-wait <minutes>',
      'how long to wait for an asynchronous import, or a synchronous one whose answer was lost, counted from its first request',
      positiveMinutes,
      60,
    )
    .option(
      '--settings <file>',
      'a deployment settings JSON file: the values of environment variables and connection references',
    )
    .option('--force-overwrite', 'overwrite unmanaged customizations of the environment', false)
    .option('--publish', 'publish all customizations after the import', false)
    .option(
      '--skip-lower-version',
      'import nothing when the environment already has this version of the solution or a later one',
      false,
    )
    .option(
      '--holding',
      'import as a holding solution, for an upgrade applied later with pac solution upgrade',
      false,
    )
    .option(
      '--stage-and-upgrade',
      'upgrade the installed managed solution (StageAndUpgradeAsync): components the new version no longer holds are deleted from the environment; managed zips only',
      false,
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (zip: string, options: ImportOptions) => {
      const { io } = context;
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
      let deploymentSettings: DeploymentSettings | undefined;
      if (options.settings) {
        const file = path.resolve(io.cwd, options.settings);
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (error) {
          // Not there: located at the file in the way of its path, if any, which is what to move or rename.
          throw fileReadError(options.settings, error, {
            cwd: io.cwd,
            hint: 'Give the deployment settings file that pac solution create-settings wrote.',
            subject: 'The deployment settings file',
            folder: 'is a folder, not a deployment settings file.',
          });
        }
        deploymentSettings = readDeploymentSettings(text, file);
      }
      const result = await importSolution(
        client,
        {
          file: path.resolve(io.cwd, zip),
          cwd: io.cwd,
          asynchronous: options.async ?? 'auto',
          maxAsyncWaitMs: options.maxWait * 60_000,
          overwriteUnmanagedCustomizations: options.forceOverwrite,
          publishWorkflows: true,
          convertToManaged: false,
          skipDependencyCheck: false,
          holdingSolution: options.holding,
          stageAndUpgrade: options.stageAndUpgrade,
          skipLowerVersion: options.skipLowerVersion,
          publishChanges: options.publish,
          deploymentSettings,
        },
        logger,
      );
      if (options.format === 'json') writeOutput(io, `${JSON.stringify(result, null, 2)}\n`, 'json');
    });
}
