import { compareCodeUnits, joinedList, UserError } from '@connector-alm/core';
import { isUniqueName } from '@connector-alm/solution';
import type { DataverseClient } from '../web-api/dataverse-client.js';
import { SOLUTION_NAME } from '../setting-words.js';

/**
 * The error for a solution name that no unique name matches. Makers often give the display name (the
 * one the Solutions list shows first): the unique names of the solutions that have it are suggested.
 */
export async function solutionNotFound(client: DataverseClient, name: string): Promise<UserError> {
  const matches = await client.findSolutionsByDisplayName(name);
  // Only names Dataverse could have: an answer's text goes into a log line, where a line break would
  // start a workflow command.
  const uniqueNames = matches
    .map((solution) => solution.uniquename)
    .filter((uniqueName) => typeof uniqueName === 'string' && isUniqueName(uniqueName))
    .sort(compareCodeUnits);
  const where = `${client.say(SOLUTION_NAME)} is the unique name (Solutions > the solution > Name column), not the display name`;
  return new UserError(`Solution '${name}' does not exist in ${client.environment.origin}.`, {
    hint:
      uniqueNames.length === 0
        ? `${where}.`
        : `${where}: did you mean ${joinedList(uniqueNames, { conjunction: 'or' })}?`,
  });
}
