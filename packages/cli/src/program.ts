import { Command, CommanderError, Option, type OutputConfiguration } from 'commander';
import {
  describeProblem,
  errorMessage,
  formatLocation,
  isUserError,
  printable,
  toDisplayPath,
  UsageError,
  type UserError,
} from '@connector-alm/core';
import { debugRequested } from './debug-switch.js';
import { ExitCode, type CliIo } from './io.js';
import type { CommandContext } from './command-context.js';
import { refuseEmptyArguments, refuseEmptyOptions } from './empty-values.js';
import { refuseOptionsAsValues } from './option-as-value.js';
import { optionHelpDescription } from './option-help.js';
import { unknownCommandLine, readHelpCommand } from './unknown-command.js';
import { storageLimitError, VERSION } from '@connector-alm/core';
import { registerValidateCommand } from './commands/validate.js';
import { registerRulesCommand } from './commands/rules.js';
import { registerDiffCommand } from './commands/diff.js';
import { registerExportCommand } from './commands/export.js';
import { registerImportCommand } from './commands/import.js';
import { registerDevServerCommand } from './commands/dev-server.js';
import { registerOpenPullRequestCommand } from './commands/open-pull-request.js';
import { registerUnpackCommand } from './commands/unpack.js';
import { registerPackCommand } from './commands/pack.js';
import { registerExtractConnectorsCommand } from './commands/extract-connectors.js';
import { registerBuildSolutionCommand } from './commands/build-solution.js';
import { registerPackageCommand } from './commands/package.js';
import { withoutUnknownOptionValue } from './unknown-option-value.js';
import { withChoiceMeant } from './invalid-choice.js';
import { outputOptionAdvice } from './output-argument.js';
import { argumentCountAdvice } from './argument-count-advice.js';

/**
 * The connector-alm program with every command and option registered, writing through `output`: what
 * runCli parses, and what docs/cli.md lists (its option lists are generated from it).
 */
export function createProgram(context: CommandContext, output: OutputConfiguration): Command {
  // Output, help and exit settings first: a subcommand copies its parent's when it is registered.
  const program = new Command('connector-alm')
    .description('Lifecycle tooling for Power Platform custom connectors.')
    .version(VERSION, '-v, --version')
    .addOption(
      new Option(
        '--debug',
        'print debugging details: the stack of an unexpected failure, and each request of export, import and pr with the status of its answer',
      ),
    )
    .configureOutput(output)
    .configureHelp({ optionDescription: optionHelpDescription })
    .exitOverride();
  registerValidateCommand(program, context);
  registerDiffCommand(program, context);
  registerUnpackCommand(program, context);
  registerPackCommand(program, context);
  registerExtractConnectorsCommand(program, context);
  registerBuildSolutionCommand(program, context);
  registerPackageCommand(program, context);
  registerExportCommand(program, context);
  registerImportCommand(program, context);
  registerDevServerCommand(program, context);
  registerOpenPullRequestCommand(program, context);
  registerRulesCommand(program, context);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Runs the CLI with `argv` (without "node" and the script) and returns the exit code. Never throws:
 * user mistakes become one clear line on stderr, internal failures a line asking for a report.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = ExitCode.Success;
  // Commander's message for a command line it cannot parse, held to be printed with the exit code.
  let parseError = '';
  const context: CommandContext = { io, setExit: (code) => (exitCode = Math.max(exitCode, code)) };
  const program = createProgram(context, {
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    outputError: (text) => (parseError += text),
  });
  program.hook('preAction', (_program, command) => {
    refuseEmptyArguments(command);
    refuseEmptyOptions(command);
    refuseOptionsAsValues(command);
  });

  const parsed = readHelpCommand(program, argv);
  try {
    await program.parseAsync(parsed, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const advice = outputAdvice(program, parsed, error);
      if (error.code === 'commander.unknownCommand')
        io.stderr.write(`${printable(unknownCommandLine(program, parsed, error.message))}\n`);
      else if (advice) io.stderr.write(`${printable(`error: ${advice}`)}\n`);
      else if (parseError) {
        const counted = argumentCountAdvice(program, parsed, error.code);
        io.stderr.write(
          `${withChoiceMeant(withoutUnknownOptionValue(parseError))}${counted ? `${printable(counted)}\n` : ''}(run with --help for usage)\n`,
        );
      }
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? ExitCode.Success : ExitCode.Usage;
    }
    const told = storageLimitError(error, 'this machine') ?? error;
    if (isUserError(told)) {
      // "file:line:column: error: message hint", as compilers print it, so editors and problem
      // matchers find the place; "error: message hint" when there is no place.
      for (const each of [told, ...(told.also ?? [])])
        io.stderr.write(`${printable(`${placeFrom(io.cwd, each)}error: ${describeProblem(each)}`)}\n`);
      return told instanceof UsageError ? ExitCode.Usage : ExitCode.Failure;
    }
    io.stderr.write(`error: connector-alm failed unexpectedly: ${printable(errorMessage(error))}\n`);
    io.stderr.write('This is a bug; please report it with the command you ran.\n');
    if (debugRequested(program.opts().debug, io.env) && error instanceof Error && error.stack)
      io.stderr.write(`${printable(error.stack, { lineBreaks: true })}\n`);
    return ExitCode.Failure;
  }
}

/** What to say of an output option given to a command that takes its output as an argument. */
function outputAdvice(program: Command, argv: readonly string[], error: CommanderError): string | undefined {
  const flag = /unknown option '([^']*)'/.exec(error.message)?.[1];
  return error.code === 'commander.unknownOption' && flag
    ? outputOptionAdvice(program, argv, flag)
    : undefined;
}

/**
 * "file:line:column: " of a located error, the file named from the working directory as validate
 * names its findings' files: the libraries locate errors at the absolute paths they work on, and a
 * CI log showed /home/runner/work/repo/repo/solutions/x/... in one step and solutions/x/... in the next.
 */
function placeFrom(cwd: string, error: UserError): string {
  if (!error.location) return '';
  return `${formatLocation({ ...error.location, file: toDisplayPath(cwd, error.location.file) })}: `;
}
