import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { printable, toDisplayPath } from '@connector-alm/core';
import { extractConnectors } from '@connector-alm/solution';
import type { CommandContext } from '../program.js';
import { writeOutput } from '../workflow-safe.js';
import { ZIP_NAME_ENCODING_OPTION, zipLimitOptions } from './unpack.js';

interface ExtractOptions {
  maxSize?: string;
  maxEntries?: string;
  zipNameEncoding?: string;
  format: 'text' | 'json';
}

/** `connector-alm extract-connectors <solution.zip|folder> <destination-root>`: solution connectors into the repository layout. */
export function registerExtractConnectorsCommand(program: Command, context: CommandContext): void {
  program
    .command('extract-connectors')
    .description(
      'write the custom connectors of a solution into PowerPlatformConnectors folders, one per connector',
    )
    .argument('<source>', 'a solution zip, or a folder that unpack wrote')
    .argument('<destination-root>', 'where the connector folders go, e.g. custom-connectors')
    .option('--max-size <MB>', 'refuse archives that expand past this many megabytes (default 2048)')
    .option('--max-entries <count>', 'refuse archives with more entries (default 50000)')
    .option(...ZIP_NAME_ENCODING_OPTION)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (source: string, destination: string, options: ExtractOptions) => {
      const { io } = context;
      const root = path.resolve(io.cwd, destination);
      const connectors = await extractConnectors(path.resolve(io.cwd, source), root, {
        limits: zipLimitOptions(options),
        ...(options.zipNameEncoding ? { zipNameEncoding: options.zipNameEncoding } : {}),
      });
      // A connector's folder from the working directory, as the files of errors are named.
      const shown = (folder: string): string => toDisplayPath(io.cwd, path.join(root, folder));
      if (options.format === 'json') {
        writeOutput(
          io,
          `${JSON.stringify({ connectors: connectors.map((c) => ({ ...c, folder: shown(c.folder) })) }, null, 2)}\n`,
          'json',
        );
        return;
      }
      if (connectors.length === 0) writeOutput(io, 'The solution has no custom connector.\n', 'text');
      for (const connector of connectors) {
        writeOutput(
          io,
          `${printable(`${connector.displayName} (${connector.name}) → ${shown(connector.folder)}: ${connector.written.length} written, ${connector.unchanged.length} unchanged${connector.deleted.length ? `, removed ${connector.deleted.join(', ')}` : ''}.`)}\n`,
          'text',
        );
        for (const warning of connector.warnings) io.stderr.write(`warning: ${printable(warning)}\n`);
      }
    });
}
