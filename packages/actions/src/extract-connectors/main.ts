import path from 'node:path';
import * as core from '@actions/core';
import { describeProblem, inputWords, posixRelativePath, type Logger } from '@connector-alm/core';
import { extractAndRemoveLeftConnectors, type ExtractedConnector } from '@connector-alm/solution';
import { requireWritableOutput, workspaceFolder } from '../runtime/workspace-path.js';
import { readExtractConnectorsInputs } from './inputs.js';
import { htmlText } from '@connector-alm/validator';

/** extract-connectors: the custom connectors of a solution into PowerPlatformConnectors folders. */
export async function extractConnectorsAction(logger: Logger): Promise<void> {
  const inputs = readExtractConnectorsInputs();
  const workspace = workspaceFolder();
  const root = path.resolve(workspace, inputs.destination);
  await requireWritableOutput('destination', inputs.destination, root);
  const previousSource = inputs.previousSource;
  const { connectors, removed, previousSourceProblem } = await logger.group(
    previousSource
      ? `Extract the connectors of ${inputs.source}, and remove those that only ${previousSource} has`
      : `Extract the connectors of ${inputs.source}`,
    () =>
      extractAndRemoveLeftConnectors(path.resolve(workspace, inputs.source), root, {
        limits: { maxTotalBytes: inputs.maxSizeMb * 1024 * 1024 },
        ...(inputs.zipNameEncoding ? { zipNameEncoding: inputs.zipNameEncoding } : {}),
        ...(previousSource ? { previousSource: path.resolve(workspace, previousSource) } : {}),
        say: inputWords,
      }),
  );
  if (previousSourceProblem)
    logger.warning(
      `Input 'previous-source' (${previousSource}) could not be read: ${describeProblem(previousSourceProblem)} No connector folder was removed.`,
    );
  const relative = (...parts: string[]): string => posixRelativePath(workspace, path.join(root, ...parts));
  // A folder removed because its connector was renamed, not because it left the solution.
  const whyRemoved = (folder: string, source: string): string => {
    const renamed = connectors.find((c) => c.renamedFrom?.folder === folder);
    return renamed
      ? `${relative(folder)} removed: its connector was renamed, now in ${relative(renamed.folder)}.`
      : `${relative(folder)} removed: its connector is no longer in ${source}.`;
  };
  // The maker's files a renamed connector's new folder got from the folder it had.
  const kept = ({ renamedFrom }: ExtractedConnector): string =>
    renamedFrom?.kept.length
      ? `; ${renamedFrom.kept.join(', ')} kept from ${relative(renamedFrom.folder)}`
      : '';
  for (const folder of removed) logger.info(whyRemoved(folder, inputs.source));
  for (const connector of connectors) {
    logger.info(
      `${connector.displayName} (${connector.name}) → ${relative(connector.folder)}: ${connector.written.length} written, ${connector.unchanged.length} unchanged${kept(connector)}.`,
    );
    // On the folder, not as the annotation's file: GitHub shows annotations on files only.
    for (const warning of connector.warnings) core.warning(`${relative(connector.folder)}: ${warning}`);
  }
  if (connectors.length === 0) logger.warning(`${inputs.source} has no custom connector.`);

  core.setOutput(
    'connectors',
    JSON.stringify(
      connectors.map((c) => ({ name: c.name, displayName: c.displayName, folder: relative(c.folder) })),
    ),
  );
  core.setOutput('folders', JSON.stringify(connectors.map((c) => relative(c.folder))));
  core.setOutput(
    'written',
    JSON.stringify(connectors.flatMap((c) => [...c.written].map((file) => relative(c.folder, file)))),
  );
  core.setOutput(
    'deleted',
    JSON.stringify(connectors.flatMap((c) => c.deleted.map((file) => relative(c.folder, file)))),
  );
  core.setOutput('removed', JSON.stringify(removed.map((folder) => relative(folder))));
  await core.summary
    .addHeading('Extracted connectors', 3)
    .addTable([
      [
        { data: 'Connector', header: true },
        { data: 'Folder', header: true },
        { data: 'Written', header: true },
      ],
      ...connectors.map((c) => [
        htmlText(`${c.displayName} (${c.name})`),
        htmlText(relative(c.folder)),
        String(c.written.length),
      ]),
    ])
    .addList([
      ...removed.map((folder) => htmlText(whyRemoved(folder, 'the solution'))),
      ...connectors
        .filter((c) => c.renamedFrom?.kept.length)
        .map((c) => htmlText(`${relative(c.folder)}${kept(c).replace(/^;/, ':')}.`)),
    ])
    .write();
}
