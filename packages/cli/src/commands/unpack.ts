import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { printable, toDisplayPath, UsageError } from '@connector-alm/core';
import { RESET_VERSION, unpackSolution, type UnpackResult } from '@connector-alm/solution';
import { optionDefaultingTo } from '../option-help.js';
import type { CommandContext } from '../command-context.js';
import { writeOutput } from '../workflow-safe.js';
import { namingSolutionOptions } from './solution-options.js';
import { refuseSwappedPaths } from './swapped-arguments.js';
import { writesToArgument } from '../output-argument.js';

interface UnpackOptions {
  packageType: 'auto' | 'unmanaged' | 'managed' | 'both';
  resetVersion?: string | true;
  stale: 'keep' | 'delete';
  overwrite?: boolean;
  maxSize?: string;
  maxEntries?: string;
  zipNameEncoding?: string;
  format: 'text' | 'json';
}

/** `connector-alm unpack <solution.zip> <folder>`: a solution zip into a canonical source folder. */
export function registerUnpackCommand(program: Command, context: CommandContext): void {
  writesToArgument(program.command('unpack'), 'folder')
    .description(
      'unpack a solution zip into a SolutionPackager-style folder with canonical, diff-friendly files',
    )
    .argument('<solution.zip>', 'the exported solution (for --package-type both, X.zip or X_managed.zip)')
    .argument('<folder>', 'the folder to write (created, or updated with --overwrite)')
    .addOption(
      new Option('--package-type <type>', 'which export(s) to unpack')
        .choices(['auto', 'unmanaged', 'managed', 'both'])
        .default('auto'),
    )
    .option(
      '--reset-version [version]',
      'write this version instead of the exported one; 0.0.0.0 when the option is given without one',
    )
    .addOption(
      new Option(
        '--stale <policy>',
        "delete or keep the files in the folder that the solution no longer has; files that are not part of a solution are kept either way: at the folder root (README.md, …), editors' and git's leftovers (name~, .orig, …) and repository files (.git*, .DS_Store, …)",
      )
        .choices(['delete', 'keep'])
        .default('delete'),
    )
    .option('--overwrite', 'update a folder that already has content')
    .addOption(maxSizeOption())
    .addOption(maxEntriesOption())
    .addOption(zipNameEncodingOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (zip: string, folder: string, options: UnpackOptions) => {
      const { io } = context;
      refuseSwappedPaths(io.cwd, {
        folder: { path: folder, role: 'the folder to write' },
        zip,
        order: 'the solution zip first, then the folder',
        usage: 'unpack <solution.zip> <folder>',
      });
      const resetVersion = options.resetVersion === true ? RESET_VERSION : options.resetVersion;
      const result = await namingSolutionOptions(() =>
        unpackSolution(path.resolve(io.cwd, zip), path.resolve(io.cwd, folder), {
          packageType: options.packageType,
          cwd: io.cwd,
          ...(resetVersion ? { resetVersion } : {}),
          stale: options.stale,
          overwrite: options.overwrite ?? false,
          limits: zipLimitOptions(options),
          ...(options.zipNameEncoding ? { zipNameEncoding: options.zipNameEncoding } : {}),
        }),
      );
      // Named from the working directory, as the files of errors are, however it was given.
      const shown = toDisplayPath(io.cwd, folder);
      if (options.format === 'json')
        writeOutput(io, `${JSON.stringify(unpackJson(result, shown), null, 2)}\n`, 'json');
      else writeOutput(io, describeUnpack(result, shown), 'text');
    });
}

/**
 * The result as --format json gives it. Solution.xml's Managed flag ("0", "1", "2") is a string, and
 * "0" is truthy in JavaScript: `managed` is a boolean, as pack's is (true when a managed export was
 * unpacked, alone or with the unmanaged one), and `packageType` says which in --package-type's words.
 */
function unpackJson(result: UnpackResult, folder: string): object {
  const packageType = ({ '0': 'unmanaged', '1': 'managed', '2': 'both' } as const)[result.managed];
  return { ...result, managed: result.managed !== '0', packageType, folder };
}

function describeUnpack(result: UnpackResult, folder: string): string {
  const kind = { '0': 'unmanaged', '1': 'managed', '2': 'unmanaged and managed' }[result.managed];
  const connectors = result.connectors.length > 0 ? `; connectors: ${result.connectors.join(', ')}` : '';
  return `${printable(`Unpacked ${result.uniqueName} ${result.version} (${kind}) into ${folder}: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.deleted.length} deleted${keptNote(result.kept)}${connectors}.`)}\n`;
}

/**
 * The files unpack kept as not part of the solution, counted: a stale-file deletion that used to
 * remove them no longer does, so the count says why a leftover is still there. Not named one by
 * one: a readme at the root would be named on every run; pack names each when it leaves it out,
 * and --format json lists them.
 */
function keptNote(kept: readonly string[]): string {
  if (kept.length === 0) return '';
  return `; kept ${kept.length} ${kept.length === 1 ? 'file that is' : 'files that are'} not part of the solution`;
}

/**
 * --zip-name-encoding, as every command that reads a solution or package zip takes it. Left out, a
 * name is read as UTF-8 when its bytes are UTF-8 and in code page 437 otherwise (name-encoding.ts):
 * not cp437 alone, which --zip-name-encoding cp437 asks for and which garbles a UTF-8 name.
 */
export function zipNameEncodingOption(): Option {
  return optionDefaultingTo(
    '--zip-name-encoding <encoding>',
    'the code page of entry names without the UTF-8 flag, e.g. shift_jis for a zip made on Japanese Windows',
    'UTF-8 when a name is UTF-8, else cp437',
  );
}

/** --max-size, of the commands that unpack a solution zip; read by zipLimitOptions. */
export function maxSizeOption(): Option {
  return optionDefaultingTo(
    '--max-size <MB>',
    'refuse archives that expand past this many megabytes',
    '2048',
  );
}

/** --max-entries, of the commands that unpack a solution zip; read by zipLimitOptions. */
export function maxEntriesOption(): Option {
  return optionDefaultingTo('--max-entries <count>', 'refuse archives with more entries than this', '50000');
}

/** --max-size and --max-entries as zip limits; shared by the solution commands. */
export function zipLimitOptions(options: { maxSize?: string; maxEntries?: string }): {
  maxTotalBytes?: number;
  maxEntries?: number;
} {
  const limits: { maxTotalBytes?: number; maxEntries?: number } = {};
  if (options.maxSize !== undefined) {
    if (!/^\d+$/.test(options.maxSize) || Number(options.maxSize) === 0)
      throw new UsageError(`--max-size must be a positive number of megabytes; got '${options.maxSize}'.`);
    limits.maxTotalBytes = Number(options.maxSize) * 1024 * 1024;
  }
  if (options.maxEntries !== undefined) {
    if (!/^\d+$/.test(options.maxEntries) || Number(options.maxEntries) === 0)
      throw new UsageError(`--max-entries must be a positive whole number; got '${options.maxEntries}'.`);
    limits.maxEntries = Number(options.maxEntries);
  }
  return limits;
}
