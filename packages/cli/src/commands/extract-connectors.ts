import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { describeProblem, printable, toDisplayPath } from '@connector-alm/core';
import {
  extractAndRemoveLeftConnectors,
  extractedConnectorLine,
  formerNameLine,
  notSelectedLine,
  removedFolderLine,
} from '@connector-alm/solution';
import { commitStates } from '@connector-alm/validator';
import type { CommandContext } from '../command-context.js';
import { ExitCode } from '../io.js';
import { collect } from '../repeatable-option.js';
import { writeOutput } from '../workflow-safe.js';
import { refuseSwappedPaths } from './swapped-arguments.js';
import { maxEntriesOption, maxSizeOption, zipLimitOptions, zipNameEncodingOption } from './unpack.js';
import { writesToArgument } from '../output-argument.js';

interface ExtractOptions {
  maxSize?: string;
  maxEntries?: string;
  zipNameEncoding?: string;
  previousSource?: string;
  /** Repeatable; empty when not given: every connector. */
  connector: string[];
  /** Repeatable; empty when not given: none. */
  otherRoot: string[];
  format: 'text' | 'json';
}

/** `connector-alm extract-connectors <solution.zip|folder> <destination-root>`: solution connectors into the repository layout. */
export function registerExtractConnectorsCommand(program: Command, context: CommandContext): void {
  writesToArgument(program.command('extract-connectors'), 'destination-root')
    .description(
      'write the custom connectors of a solution into PowerPlatformConnectors folders, one per connector',
    )
    .argument('<source>', 'a solution zip, or a folder that unpack wrote')
    .argument('<destination-root>', 'where the connector folders go, e.g. custom-connectors')
    .addOption(maxSizeOption())
    .addOption(maxEntriesOption())
    .addOption(zipNameEncodingOption())
    .option(
      '--previous-source <solution>',
      'the solution as last extracted (zip or unpacked folder): remove the folders of its connectors that <source> no longer has',
    )
    .option(
      '--connector <name>',
      "extract only this connector, by its logical name (kept when it is renamed) or its display name, in any case (repeatable); the others' folders are neither written nor removed",
      collect,
      [],
    )
    .option(
      '--other-root <folder>',
      "another root that the solution's connectors are extracted to, one --connector selection each, beside <destination-root> and not inside it or around it (repeatable): with --previous-source, a named connector that <destination-root> has no folder for moves from its folder there, its files carried and the folder removed",
      collect,
      [],
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (source: string, destination: string, options: ExtractOptions) => {
      const { io } = context;
      refuseSwappedPaths(io.cwd, {
        folder: { path: destination, role: 'the destination root' },
        zip: source,
        order: 'the solution first, then the folder to write the connectors into',
        usage: 'extract-connectors <source> <destination-root>',
      });
      const root = path.resolve(io.cwd, destination);
      const { connectors, removed, leftAlone, notRemoved, previousSourceProblem, notSelected, formerNames } =
        await extractAndRemoveLeftConnectors(path.resolve(io.cwd, source), root, {
          cwd: io.cwd,
          limits: zipLimitOptions(options),
          ...(options.zipNameEncoding ? { zipNameEncoding: options.zipNameEncoding } : {}),
          ...(options.previousSource ? { previousSource: path.resolve(io.cwd, options.previousSource) } : {}),
          ...(options.connector.length > 0 ? { selection: options.connector } : {}),
          ...(options.otherRoot.length > 0
            ? { otherRoots: options.otherRoot.map((folder) => path.resolve(io.cwd, folder)) }
            : {}),
          askGit: commitStates,
        });
      // A file left for its uncommitted edit fails the run: the folder is behind the solution until
      // the maker commits or discards the edit and runs again. So does a left connector's folder kept
      // for such a file: it stays in the repository until then.
      const notReplaced = connectors.some((connector) => connector.notReplaced.length > 0);
      context.setExit(notReplaced || notRemoved.length > 0 ? ExitCode.Failure : ExitCode.Success);
      // Best effort, as in the action: the connectors are written; the folders are left as they were.
      if (previousSourceProblem)
        io.stderr.write(
          `warning: ${printable(`--previous-source ${options.previousSource} could not be read: ${describeProblem(previousSourceProblem)} No connector folder was removed.`)}\n`,
        );
      // A connector's folder from the working directory, as the files of errors are named.
      const shown = (folder: string): string => toDisplayPath(io.cwd, path.join(root, folder));
      const removedFolders = removed.map(shown);
      if (options.format === 'json') {
        writeOutput(
          io,
          `${JSON.stringify(
            {
              connectors: connectors.map((c) => ({
                ...c,
                folder: shown(c.folder),
                ...(c.renamedFrom
                  ? { renamedFrom: { ...c.renamedFrom, folder: shown(c.renamedFrom.folder) } }
                  : {}),
                ...(c.foundUnder
                  ? { foundUnder: { ...c.foundUnder, instead: shown(c.foundUnder.instead) } }
                  : {}),
              })),
              removed: removedFolders,
              // Folders that could be a left connector's, kept as nothing shows they were: and why.
              leftAlone: leftAlone.map((kept) => ({ ...kept, folder: shown(kept.folder) })),
              // Folders kept whole for work nothing else has: the exit code is 1.
              notRemoved: notRemoved.map((kept) => ({ ...kept, folder: shown(kept.folder) })),
              // With --connector: the solution's other connectors, not touched.
              ...(notSelected ? { notSelected } : {}),
              // A --connector that named a connector by its display name before a rename (or before it left).
              ...(formerNames ? { formerNames } : {}),
            },
            null,
            2,
          )}\n`,
          'json',
        );
        return;
      }
      for (const folder of removed) {
        const line = removedFolderLine(folder, connectors, source, shown);
        if (line !== undefined) writeOutput(io, `${printable(line)}\n`, 'text');
      }
      for (const kept of leftAlone)
        io.stderr.write(`warning: ${printable(`${shown(kept.folder)}: ${kept.warning}`)}\n`);
      for (const kept of notRemoved)
        io.stderr.write(`error: ${printable(`${shown(kept.folder)}: ${kept.message}`)}\n`);
      if (connectors.length === 0 && !notSelected?.length)
        writeOutput(io, 'The solution has no custom connector.\n', 'text');
      for (const connector of connectors) {
        writeOutput(io, `${printable(extractedConnectorLine(connector, removed, shown))}\n`, 'text');
        // Located at the connector's folder, as pack locates its warnings and the action words them.
        for (const warning of connector.warnings)
          io.stderr.write(`warning: ${printable(`${shown(connector.folder)}: ${warning}`)}\n`);
        for (const kept of connector.notReplaced)
          io.stderr.write(`error: ${printable(`${shown(connector.folder)}: ${kept.message}`)}\n`);
      }
      for (const former of formerNames ?? [])
        writeOutput(io, `${printable(formerNameLine(former))}\n`, 'text');
      const others = notSelectedLine(notSelected);
      if (others !== undefined) writeOutput(io, `${printable(others)}\n`, 'text');
    });
}
