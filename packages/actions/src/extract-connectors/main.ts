import path from 'node:path';
import * as core from '@actions/core';
import { describeProblem, inputWords, type Logger } from '@connector-alm/core';
import {
  extractAndRemoveLeftConnectors,
  extractedConnectorLine,
  fileChanges,
  foundNote,
  formerNameLine,
  notSelectedLine,
  removedFolderLine,
  renameNote,
} from '@connector-alm/solution';
import { reportedPath } from '../runtime/reported-path.js';
import { requireWritableOutput, workspaceFolder } from '../runtime/workspace-path.js';
import { readExtractConnectorsInputs } from './inputs.js';
import { commitStates, htmlText } from '@connector-alm/validator';
import { writeJobSummary } from '../runtime/job-summary.js';

/** extract-connectors: the custom connectors of a solution into PowerPlatformConnectors folders. */
export async function extractConnectorsAction(logger: Logger): Promise<void> {
  const inputs = readExtractConnectorsInputs();
  const workspace = workspaceFolder();
  const root = path.resolve(workspace, inputs.destination);
  await requireWritableOutput('destination', inputs.destination, root, 'folder');
  // Written too: the folder a connector moves from is removed there.
  const otherRoots: string[] = [];
  for (const otherRoot of inputs.otherRoots) {
    const absolute = path.resolve(workspace, otherRoot);
    await requireWritableOutput('other-roots', otherRoot, absolute, 'folder');
    otherRoots.push(absolute);
  }
  const previousSource = inputs.previousSource;
  const { connectors, removed, leftAlone, notRemoved, previousSourceProblem, notSelected, formerNames } =
    await logger.group(
      previousSource
        ? `Extract the connectors of ${inputs.source}, and remove those that only ${previousSource} has`
        : `Extract the connectors of ${inputs.source}`,
      () =>
        extractAndRemoveLeftConnectors(path.resolve(workspace, inputs.source), root, {
          limits: { maxTotalBytes: inputs.maxSizeMb * 1024 * 1024 },
          ...(inputs.zipNameEncoding ? { zipNameEncoding: inputs.zipNameEncoding } : {}),
          ...(previousSource ? { previousSource: path.resolve(workspace, previousSource) } : {}),
          ...(inputs.connectors.length > 0 ? { selection: inputs.connectors } : {}),
          ...(otherRoots.length > 0 ? { otherRoots } : {}),
          say: inputWords,
          askGit: commitStates,
        }),
    );
  if (previousSourceProblem)
    logger.warning(
      `Input 'previous-source' (${previousSource}) could not be read: ${describeProblem(previousSourceProblem)} No connector folder was removed.`,
    );
  // A root under runner.temp by its absolute path, not as ../../_temp/… (see reportedPath).
  const shown = (...parts: string[]): string => reportedPath(workspace, path.join(root, ...parts));
  for (const folder of removed) {
    const line = removedFolderLine(folder, connectors, inputs.source, shown);
    if (line !== undefined) logger.info(line);
  }
  // A folder that could be a left connector's but is not shown to be: kept, and the reviewer told.
  for (const kept of leftAlone) core.warning(`${shown(kept.folder)}: ${kept.warning}`);
  // The step fails, as for a file left for its edit: the folder stays until its work is committed.
  for (const kept of notRemoved) core.setFailed(`${shown(kept.folder)}: ${kept.message}`);
  for (const connector of connectors) {
    logger.info(extractedConnectorLine(connector, removed, shown));
    // On the folder, not as the annotation's file: GitHub shows annotations on files only.
    for (const warning of connector.warnings) core.warning(`${shown(connector.folder)}: ${warning}`);
    // The step fails (its outputs and summary are still written): the folder stays behind the solution until the
    // edit is committed or discarded and the step runs again.
    for (const kept of connector.notReplaced) core.setFailed(`${shown(connector.folder)}: ${kept.message}`);
  }
  const formerLines = (formerNames ?? []).map(formerNameLine);
  for (const line of formerLines) logger.info(line);
  const others = notSelectedLine(notSelected);
  if (others !== undefined) logger.info(others);
  if (connectors.length === 0 && !notSelected?.length)
    logger.warning(`${inputs.source} has no custom connector.`);

  core.setOutput(
    'connectors',
    JSON.stringify(
      connectors.map((c) => ({
        name: c.name,
        displayName: c.displayName,
        folder: shown(c.folder),
        // As extract-connectors --format json has it: what a renamed connector's new folder carried.
        ...(c.renamedFrom ? { renamedFrom: { ...c.renamedFrom, folder: shown(c.renamedFrom.folder) } } : {}),
        // Written into the folder that held it under another name than its display name.
        ...(c.foundUnder ? { foundUnder: { ...c.foundUnder, instead: shown(c.foundUnder.instead) } } : {}),
      })),
    ),
  );
  core.setOutput('folders', JSON.stringify(connectors.map((c) => shown(c.folder))));
  const files = (list: (c: (typeof connectors)[number]) => string[]): string =>
    JSON.stringify(connectors.flatMap((c) => list(c).map((file) => shown(c.folder, file))));
  core.setOutput(
    'written',
    files((c) => c.written),
  );
  core.setOutput(
    'created',
    files((c) => c.created),
  );
  core.setOutput(
    'updated',
    files((c) => c.updated),
  );
  core.setOutput(
    'deleted',
    files((c) => c.deleted),
  );
  core.setOutput('removed', JSON.stringify(removed.map((folder) => shown(folder))));
  // What the table cannot say: folders removed, renamed connectors' moves, and the warnings (a maker's
  // edit replaced by the solution's version is what a reviewer of the pull request must see).
  const notes = [
    ...removed.flatMap((folder) => removedFolderLine(folder, connectors, 'the solution', shown) ?? []),
    ...leftAlone.map((kept) => `${shown(kept.folder)}: ${kept.warning}`),
    ...notRemoved.map((kept) => `${shown(kept.folder)}: ${kept.message}`),
    ...connectors.flatMap((c) => {
      const note = foundNote(c, shown);
      return note === undefined ? [] : [`${shown(c.folder)}: ${note}.`];
    }),
    ...connectors.flatMap((c) => {
      const note = renameNote(c, removed, shown);
      return note === undefined ? [] : [`${shown(c.folder)}: ${note}.`];
    }),
    ...connectors.flatMap((c) => c.warnings.map((warning) => `${shown(c.folder)}: ${warning}`)),
    ...connectors.flatMap((c) => c.notReplaced.map((kept) => `${shown(c.folder)}: ${kept.message}`)),
    ...formerLines,
    ...(others === undefined ? [] : [others]),
  ];
  const summary = core.summary.addHeading('Extracted connectors', 3).addTable([
    [
      { data: 'Connector', header: true },
      { data: 'Folder', header: true },
      { data: 'Files', header: true },
    ],
    ...connectors.map((c) => [
      htmlText(`${c.displayName} (${c.name})`),
      htmlText(shown(c.folder)),
      htmlText(fileChanges(c)),
    ]),
  ]);
  // Only with items: @actions/core writes an empty list as a lone, unclosed <ul>.
  if (notes.length > 0) summary.addList(notes.map(htmlText));
  await writeJobSummary(summary);
}
