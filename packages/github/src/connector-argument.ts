import { statSync } from 'node:fs';
import path from 'node:path';
import {
  missingFolderError,
  optionWords,
  toDisplayPath,
  unreadablePathError,
  UsageError,
  type SaySetting,
} from '@connector-alm/core';
import {
  discoverConnectorFolders,
  extractFirstHint,
  folderOfUnpackedSolution,
  solutionGivenError,
  solutionGivenProblem,
} from '@connector-alm/validator';

/** What pr takes: one connector folder, not validate's "or a folder that holds connector folders". */
const ONE_CONNECTOR_FOLDER =
  'Give one folder holding apiDefinition.swagger.json and apiProperties.json; one connector goes in each pull request.';

/** A solution given to pr: what it is not, and what to do once its connectors are extracted. */
const AS_PR_CONNECTOR = { instead: 'a connector folder', then: "give the connector's folder" };

/**
 * Checks that each path given to submit names one connector folder, before any credential is asked
 * for or any request made: `pr nope` should hear that the path does not exist, not that there is no
 * token, and `pr Contoso notes` should not submit Contoso before it says that notes is no connector.
 * `say` names the extract-connectors step that a solution given here needs, in the caller's words.
 */
export async function checkConnectorArguments(
  connectors: readonly string[],
  cwd: string,
  say: SaySetting = optionWords,
): Promise<void> {
  for (const given of connectors) {
    refuseMissingConnector(given, cwd);
    // A solution zip or unpacked solution holds its connectors in Dataverse's layout: extract them first.
    const solution = solutionGivenError(given, cwd, { ...AS_PR_CONNECTOR, say });
    if (solution) throw solution;
    const found = await discoverConnectorFolders([given], cwd);
    // A folder of an unpacked solution (its Connectors/) holds none either: the same hint as the solution's.
    const inSolution = found.length === 0 ? folderOfUnpackedSolution(given, cwd) : undefined;
    if (inSolution) {
      throw new UsageError(solutionGivenProblem(inSolution, AS_PR_CONNECTOR.instead), {
        location: { file: given },
        hint: extractFirstHint(inSolution, AS_PR_CONNECTOR.then, say),
      });
    }
    requireOneConnectorFolder(given, found, cwd);
  }
}

/**
 * Refuses a path that is not there in pr's own words, with the folder beside it that it most
 * likely misspells (`Airtable` for `Airtable [DEPRECATED]`): discovery's hint offered a folder that
 * holds connector folders, which pr refuses.
 */
function refuseMissingConnector(given: string, cwd: string): void {
  try {
    statSync(path.resolve(cwd, given));
  } catch (error) {
    throw unreadablePathError(given, error) ?? missingFolderError(given, ONE_CONNECTOR_FOLDER, { cwd });
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
      hint: ONE_CONNECTOR_FOLDER,
    });
  }
}
