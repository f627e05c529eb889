import type { SolutionConnector } from './solution-connector.js';

/**
 * `@environmentVariables("cat_HitlHostUrl")`: how a custom connector takes a value from an
 * environment variable of its solution, in its host and base URL, in the OAuth settings of its
 * connection parameters (client id, client secret, login and refresh URLs) and in its policy
 * templates. The platform puts the value in when the connector is saved, so the variable must exist
 * in the environment the connector is imported into. Quotes of either kind are taken, and none, and
 * quotes escaped as JSON text has them: a reference written otherwise is still the maker's meaning,
 * and a warning about it is worth more than a silence.
 */
const REFERENCE = /@environmentVariables\(\s*\\?["']?([^"'()\s\\]+)\\?["']?\s*\)/gi;

/** The JSON side files that hold what the maker wrote; the icon and the script do not. */
const REFERRING_FILES = [
  'openapidefinition',
  'connectionparameters',
  'connectionparametersets',
  'policytemplateinstances',
] as const;

/** Every string value of a JSON document, however deep: the places a reference can be. */
function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsOf(item);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) yield* stringsOf(item);
}

/** The schema names that `@environmentVariables(…)` references in `text` name, in order, each once. */
export function environmentVariablesIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const name = match[1]!;
    if (!names.some((known) => sameSchemaName(known, name))) names.push(name);
  }
  return names;
}

/**
 * The environment variables a connector refers to, in the order of its files, each once. Its JSON is
 * read as values (a quote inside a JSON string is written `\"`), and a file that is not JSON is read
 * as text: its mistakes are for whoever reads it as JSON to tell.
 */
export function environmentVariablesOf(connector: SolutionConnector): string[] {
  const names: string[] = [];
  for (const column of REFERRING_FILES) {
    const bytes = connector.files[column]?.bytes;
    if (bytes === undefined) continue;
    const text = bytes.toString('utf8');
    let strings: string[];
    try {
      strings = [...stringsOf(JSON.parse(text))];
    } catch {
      strings = [text];
    }
    for (const name of strings.flatMap(environmentVariablesIn))
      if (!names.some((known) => sameSchemaName(known, name))) names.push(name);
  }
  return names;
}

/** Dataverse compares schema names without regard to case, as it does every name. */
export function sameSchemaName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
