import { isUserError, UserError, withoutByteOrderMark } from '@connector-alm/core';
import { checkJson, REPOSITORY_JSON_HINT, SOLUTION_JSON_HINT } from '../json/json-text.js';
import { decodeUtf8Strict } from '../text/decode.js';
import { extractedScriptOperations } from './extracted-script-operations.js';
import type { SolutionConnector } from './solution-connector.js';

type Json = unknown;
type JsonObject = Record<string, Json>;

/** Order of `properties` in a new apiProperties.json, as most repository connectors have it. */
const NEW_FILE_ORDER = [
  'connectionParameters',
  'connectionParameterSets',
  'iconBrandColor',
  'capabilities',
  'policyTemplateInstances',
  'scriptOperations',
  'publisher',
  'stackOwner',
];

/**
 * The keys a solution carries; every other key (publisher, stackOwner, capabilities, …) is the person's.
 * scriptOperations goes where the folder writes the list, which may be `script.operationIds`.
 */
export const CARRIED_KEYS = [
  'connectionParameters',
  'connectionParameterSets',
  'iconBrandColor',
  'policyTemplateInstances',
  'scriptOperations',
] as const;

/** Solutions spell policy template keys in PascalCase (2022 exports) or camelCase; the repository in camelCase. */
const POLICY_KEYS: Record<string, string> = {
  TemplateId: 'templateId',
  Title: 'title',
  Parameters: 'parameters',
};

function jsonFile(connector: SolutionConnector, column: keyof SolutionConnector['files']): Json | undefined {
  const file = connector.files[column];
  if (!file) return undefined;
  const text = withoutByteOrderMark(file.bytes.toString('utf8'));
  return file.file === undefined
    ? carriedJson(text, `${column} of connector ${connector.name}`, connector.definedIn)
    : checkJson(text, file.file, SOLUTION_JSON_HINT);
}

/**
 * JSON with no file of its own (the inline <scriptoperations> of a connector's XML, a side file built
 * from a connector folder), checked. A location must be a file, and line and column would count
 * within the text, not the file: the error is located at the file that holds the text, when known,
 * and names the text and the position in words.
 */
function carriedJson(text: string, what: string, holder: string | undefined): Json {
  try {
    return checkJson(text, what, SOLUTION_JSON_HINT);
  } catch (error) {
    if (!isUserError(error)) throw error;
    const { line, column } = error.location ?? {};
    const at =
      line === undefined ? '' : ` (line ${line}${column === undefined ? '' : `, column ${column}`} of it)`;
    throw new UserError(`${what}${at}: ${error.message}`, {
      ...(error.hint ? { hint: error.hint } : {}),
      ...(holder === undefined ? {} : { location: { file: holder } }),
      cause: error,
    });
  }
}

/** The apiProperties values a solution connector carries; `undefined` means the connector has none. */
export function carriedProperties(
  connector: SolutionConnector,
): Record<(typeof CARRIED_KEYS)[number], Json | undefined> {
  const policies = jsonFile(connector, 'policytemplateinstances');
  return {
    connectionParameters: jsonFile(connector, 'connectionparameters'),
    connectionParameterSets: jsonFile(connector, 'connectionparametersets') ?? undefined,
    iconBrandColor: connector.iconBrandColor === '' ? undefined : connector.iconBrandColor,
    // null and a missing file both mean "no policies"; [] is kept as written.
    policyTemplateInstances: Array.isArray(policies) ? policies.map(camelCasePolicy) : undefined,
    scriptOperations:
      connector.scriptOperations === undefined
        ? undefined
        : carriedJson(
            connector.scriptOperations,
            `<scriptoperations> of connector ${connector.name}`,
            connector.definedIn,
          ),
  };
}

function camelCasePolicy(instance: Json): Json {
  if (!instance || typeof instance !== 'object' || Array.isArray(instance)) return instance;
  return Object.fromEntries(
    Object.entries(instance as JsonObject).map(([key, value]) => [POLICY_KEYS[key] ?? key, value]),
  );
}

/**
 * apiProperties.json for a connector: the carried values replace those of `existing`, in place, the
 * script's operations in the form `existing` writes them (extractedScriptOperations); everything else
 * of `existing` stays as the person wrote it. Without `existing`, a new file.
 */
export function mergeApiProperties(connector: SolutionConnector, existing: JsonObject | undefined): string {
  const before = (
    existing?.properties && typeof existing.properties === 'object' ? existing.properties : {}
  ) as JsonObject;
  const { scriptOperations, ...others } = carriedProperties(connector);
  const carried: JsonObject = { ...others, ...extractedScriptOperations(before, scriptOperations) };
  const properties: JsonObject = {};
  const keys = [...Object.keys(before), ...NEW_FILE_ORDER.filter((key) => !(key in before))];
  for (const key of keys) {
    const value = key in carried ? carried[key] : before[key];
    if (value !== undefined) properties[key] = value;
  }
  return `${JSON.stringify({ ...(existing ?? {}), properties }, null, 2)}\n`;
}

/** Bad JSON in the apiProperties.json extract would merge into: the folder's file, or a new one. */
const EXISTING_JSON_HINT = `${REPOSITORY_JSON_HINT} Or move it away to have a new one written.`;

/**
 * Parses an apiProperties.json a person keeps; it must be an object with an object `properties`.
 * Decoded strictly: a file saved as Windows-1252 (a publisher "Société"), read leniently, was merged
 * and written back with U+FFFD in place of each such letter, the maker's text lost without a word.
 */
export function parseExistingApiProperties(bytes: Uint8Array, file: string): JsonObject {
  const value = checkJson(decodeUtf8Strict(bytes, file), file, EXISTING_JSON_HINT);
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new UserError('is not a JSON object.', {
      location: { file },
      hint: 'apiProperties.json holds one object, {"properties": {…}}; fix the file or move it away to have a new one written.',
    });
  return value as JsonObject;
}
