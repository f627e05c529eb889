import { closestMatcher } from '@connector-alm/core';
import { parsePointer } from '../../json/pointer.js';
import type { SchemaProblem } from '../json-schema/newtonsoft-messages.js';
import { API_PROPERTIES_SCHEMA } from './schema.js';

// What to do about a schema problem, appended to Newtonsoft's words (which say only what is wrong).

/** The keys our schema allows under `properties`, in the schema's order. */
const PROPERTIES_KEYS: readonly string[] = Object.keys(
  API_PROPERTIES_SCHEMA.properties.properties.properties,
);

/** The closest of PROPERTIES_KEYS to a key, asked once an unknown key. */
const closestPropertiesKey = closestMatcher(PROPERTIES_KEYS);

/** PROP-UNKNOWN-KEYS: the key allowed under `properties` that an unknown one likely misspells. */
export function meantPropertiesKey(problem: SchemaProblem): string | undefined {
  return problem.key === undefined ? undefined : closestPropertiesKey(problem.key);
}

/** PROP-UNKNOWN-KEYS: the key it likely misspells, or the keys that are allowed. */
export function unknownKeyAdvice(problem: SchemaProblem): string {
  if (problem.key === undefined) return '';
  const meant = meantPropertiesKey(problem);
  if (meant !== undefined)
    return `It is likely a misspelling of '${meant}': rename it, the platform ignores '${problem.key}'.`;
  return `The platform ignores it: remove it, or use one of the keys allowed under properties: ${PROPERTIES_KEYS.join(', ')}.`;
}

/** What each uiDefinition key (and each key of its constraints) holds, as the schema describes it. */
const UI_DEFINITION_VALUES: Readonly<Record<string, string>> = {
  uiDefinition:
    'an object such as { "displayName": "API key", "description": "Your Contoso API key", "tooltip": "…", "constraints": { "required": "true" } }, or leave it out',
  displayName: 'a string',
  description: 'a string',
  tooltip: 'a string',
  text: 'a string',
  tabIndex: 'an integer, e.g. 2, not "2"',
  constraints:
    'an object: { "required": "true" or "false", "clearText": a boolean, "tabIndex": an integer, "capability": [strings], "hidden": a boolean, "allowedValues": [{ "value": …, "text": … }], "dependencies": an object }',
  clearText: 'true or false (a boolean)',
  required: 'the string "true" or "false"',
  capability: 'an array of strings, e.g. ["cloud"]',
  hidden: 'true or false',
  allowedValues: 'an array of { "value": …, "text": … } objects',
  dependencies: 'an object',
};

/** PROP-CP-UI: for a value of the wrong type, what the key holds. */
export function uiDefinitionAdvice(problem: SchemaProblem): string {
  if (problem.keyword !== 'type') return '';
  const key = parsePointer(problem.pointer).at(-1);
  const value = key === undefined ? undefined : UI_DEFINITION_VALUES[key];
  return value === undefined ? '' : `Write ${key} as ${value}.`;
}
