import path from 'node:path';
import { toDisplayPath, UsageError } from '@connector-alm/core';
import { discoverConnectorFolders } from '@connector-alm/validator';

/**
 * Checks that each path given to submit names one connector folder, before any credential is asked
 * for or any request made: `pr nope` should hear that the path does not exist, not that there is no
 * token, and `pr Contoso notes` should not submit Contoso before it says that notes is no connector.
 */
export async function checkConnectorArguments(connectors: readonly string[], cwd: string): Promise<void> {
  for (const given of connectors) {
    requireOneConnectorFolder(given, await discoverConnectorFolders([given], cwd), cwd);
  }
}

/**
 * Refuses a path whose folders (absolute) are not exactly the one connector folder it names: the
 * folder above one (certified-connectors) or a folder with none.
 */
export function requireOneConnectorFolder(given: string, found: readonly string[], cwd: string): void {
  const resolved = path.resolve(cwd, given);
  if (found.length === 1 && found[0] !== resolved) {
    // "holds no apiDefinition.swagger.json" would be true, but would not say which folder to give.
    const shown = toDisplayPath(cwd, found[0]!);
    // Discovery finds the folder above the path given only for a file of it: it searches folders down.
    const problem =
      found[0] === path.dirname(resolved)
        ? `is a file of the connector folder '${shown}'; a pull request sends the whole folder.`
        : `holds the connector folder '${shown}', not a connector itself.`;
    throw new UsageError(problem, { location: { file: given }, hint: `Give '${shown}' instead.` });
  }
  if (found.length !== 1) {
    throw new UsageError(`is not one connector folder (found ${found.length}).`, {
      location: { file: given },
      hint: 'Give one folder holding apiDefinition.swagger.json and apiProperties.json; one connector goes in each pull request.',
    });
  }
}
