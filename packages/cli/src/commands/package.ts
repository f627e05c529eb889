import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { printable, toDisplayPath } from '@connector-alm/core';
import {
  buildCertificationPackage,
  checkCertificationPackage,
  type PackageCheckResult,
  type PackageFinding,
} from '@connector-alm/solution';
import { ExitCode } from '../io.js';
import { missingOptionsError, missingRequiredOptions } from '../missing-options.js';
import { requiredByAction } from '../option-help.js';
import type { CommandContext } from '../command-context.js';
import { writeOutput } from '../workflow-safe.js';
import { zipNameEncodingOption } from './unpack.js';
import { writesToArgument } from '../output-argument.js';
import { explainsArgumentCount } from '../argument-count-advice.js';

interface BuildOptions {
  intro: string;
  connectorSolution: string;
  flowSolution: string;
  pluginSolution?: string;
  zipNameEncoding?: string;
  format: 'text' | 'json';
}

interface CheckOptions {
  plugin?: boolean;
  zipNameEncoding?: string;
  format: 'text' | 'json';
}

/**
 * `connector-alm package build|check`: the certification package (intro.md plus a Package Deployer
 * package with the connector and flow solutions), built and checked with the rules of
 * Microsoft's ConnectorPackageValidator.ps1, on any OS.
 */
export function registerPackageCommand(program: Command, context: CommandContext): void {
  const pkg = program
    .command('package')
    .description('build or check the certification package Microsoft asks for');
  explainsArgumentCount(writesToArgument(pkg.command('build'), 'out.zip'), {
    tooMany:
      'package build takes the connector in its solutions, not as a folder: give --connector-solution (the solution holding only the connector: connector-alm build-solution makes one of a connector folder) and --flow-solution (a solution holding the connector and a sample flow, exported from your environment).',
  })
    .description(
      'build the certification package zip and check it; exit 1, writing nothing, when a rule fails',
    )
    .argument('<out.zip>', 'the package to write')
    // Required, and checked by the action, so that one run names every one missing.
    .addOption(requiredByAction(new Option('--intro <intro.md>', 'the intro.md for the certification team')))
    .addOption(
      requiredByAction(new Option('--connector-solution <zip>', 'the solution holding only the connector')),
    )
    .addOption(
      requiredByAction(
        new Option('--flow-solution <zip>', 'the solution holding the connector and a sample flow'),
      ),
    )
    .option('--plugin-solution <zip>', 'for AI plugins: the solution holding the plugin')
    .addOption(zipNameEncodingOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (out: string, options: Partial<BuildOptions>, command: Command) => {
      const { io } = context;
      const missing = missingRequiredOptions(command);
      if (missing.length > 0) throw missingOptionsError(command, missing);
      // Every required option is there now.
      const given = options as BuildOptions;
      const resolve = (file: string): string => path.resolve(io.cwd, file);
      const result = await buildCertificationPackage(resolve(out), {
        intro: resolve(given.intro),
        connectorSolution: resolve(given.connectorSolution),
        flowSolution: resolve(given.flowSolution),
        ...(given.pluginSolution ? { pluginSolution: resolve(given.pluginSolution) } : {}),
        ...(given.zipNameEncoding ? { zipNameEncoding: given.zipNameEncoding } : {}),
      });
      const shown = toDisplayPath(io.cwd, out);
      report(context, result, given.format, {
        success: `Wrote ${shown}: the package structure is correct.`,
        failure: `${shown} was not written: the package would not pass certification.`,
      });
    });
  pkg
    .command('check')
    .description('check a certification package zip; exit 1 when a rule fails')
    .argument('<package.zip>', 'the package to check')
    .option('--plugin', 'the connector is an AI plugin (three solutions)')
    .addOption(zipNameEncodingOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (file: string, options: CheckOptions) => {
      const result = await checkCertificationPackage(path.resolve(context.io.cwd, file), {
        plugin: options.plugin ?? false,
        ...(options.zipNameEncoding ? { zipNameEncoding: options.zipNameEncoding } : {}),
      });
      report(context, result, options.format, {
        success: 'Validation successful: The package structure is correct.',
        failure: 'Validation failed: Invalid package structure.',
      });
    });
}

function report(
  context: CommandContext,
  result: PackageCheckResult,
  format: 'text' | 'json',
  summary: { success: string; failure: string },
): void {
  const { io } = context;
  const line = (level: string, finding: PackageFinding): string =>
    `${level} ${finding.ruleId}: ${printable(`${finding.message}${finding.hint ? ` ${finding.hint}` : ''}`)}\n`;
  if (format === 'json') writeOutput(io, `${JSON.stringify(result, null, 2)}\n`, 'json');
  else {
    // Warnings do not fail the check: they come with success too.
    const lines = result.warnings.map((warning) => line('warning', warning));
    if (result.ok) lines.push(`${summary.success}\n`);
    else {
      lines.push(...result.findings.map((finding) => line('error', finding)));
      lines.push(
        `${summary.failure} See https://learn.microsoft.com/connectors/custom-connectors/certification-submission\n`,
      );
    }
    writeOutput(io, lines.join(''), 'text');
  }
  context.setExit(result.ok ? ExitCode.Success : ExitCode.Failure);
}
