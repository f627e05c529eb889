import { SOLUTION_DEFINITION_CHARACTERS } from '@connector-alm/core';
import { REPOSITORY_FILES } from './repository-layout.js';

/**
 * The warning for a definition too long for a solution, measured as the solution stores it
 * (minified, as build-solution writes it); undefined when it fits.
 */
export function definitionSizeWarning(storedDefinition: string): string | undefined {
  const characters = storedDefinition.length;
  if (characters <= SOLUTION_DEFINITION_CHARACTERS) return undefined;
  return (
    `${REPOSITORY_FILES.swagger} has ${characters.toLocaleString('en-US')} characters even without ` +
    `white space, and a solution keeps at most ${SOLUTION_DEFINITION_CHARACTERS.toLocaleString('en-US')} ` +
    'of a connector definition, so importing the solution may fail. Remove unused definitions and ' +
    'operations, or split the connector.'
  );
}
