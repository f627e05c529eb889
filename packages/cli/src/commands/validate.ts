import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '@connector-alm/core';
import { PROFILES, validatePaths, type Profile, type ValidationResult } from '@connector-alm/validator';
import { ExitCode } from '../io.js';
import type { CommandContext } from '../program.js';
import { writeReport } from '../report-output.js';
import { failsThreshold, FAIL_ON_LEVELS, type FailOn } from '../thresholds.js';

interface ValidateOptions {
  profile: Profile | 'auto';
  format: 'text' | 'json' | 'sarif';
  output?: string;
  config?: string;
  failOn: FailOn;
}

/** `connector-alm validate <path...>`: the certification rules, offline, on every connector folder found. */
export function registerValidateCommand(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .description('check connector folders with the certification rules, offline')
    .argument('[paths...]', 'connector folders, or trees that hold them', ['.'])
    .addOption(
      new Option('--profile <profile>', 'rule set; auto picks it from the folder')
        .choices(['auto', ...PROFILES])
        .default('auto'),
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--config <file>', 'configuration file (default: .connector-alm.yml found upwards)')
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding reaches this level')
        .choices(FAIL_ON_LEVELS)
        .default('error'),
    )
    .action(async (paths: string[], options: ValidateOptions) => {
      const { io } = context;
      if (paths.length === 0) throw new UsageError('Give at least one path.');
      const result = await validatePaths(paths, {
        cwd: io.cwd,
        profile: options.profile === 'auto' ? undefined : options.profile,
      });
      if (result.connectors.length === 0) {
        throw new UsageError(`No connector folder found in ${paths.map((p) => `"${p}"`).join(', ')}.`, {
          hint: 'A connector folder holds apiDefinition.swagger.json and apiProperties.json.',
        });
      }
      await writeReport(context, result, options);
      context.setExit(failsThreshold(result, options.failOn) ? ExitCode.Failure : ExitCode.Success);
    });
}

export type { ValidationResult };
