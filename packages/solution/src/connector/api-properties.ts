import { UserError, withoutByteOrderMark } from '@connector-alm/core';
import { checkJson } from '../json/json-text.js';
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

/** The keys a solution carries; every other key (publisher, stackOwner, capabilities, …) is the person's. */
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

function jsonFile(
  connector: SolutionConnector,
  column: keyof SolutionConnector['files'],
  label: string,
): Json | undefined {
  const file = connector.files[column];
  return file ? checkJson(withoutByteOrderMark(file.bytes.toString('utf8')), label) : undefined;
}

/** The apiProperties values a solution connector carries; `undefined` means the connector has none. */
export function carriedProperties(
  connector: SolutionConnector,
): Record<(typeof CARRIED_KEYS)[number], Json | undefined> {
  const label = (column: string): string => `${connector.name}_${column}`;
  const policies = jsonFile(connector, 'policytemplateinstances', label('policytemplateinstances'));
  return {
    connectionParameters: jsonFile(connector, 'connectionparameters', label('connectionparameters')),
    connectionParameterSets:
      jsonFile(connector, 'connectionparametersets', label('connectionparametersets')) ?? undefined,
    iconBrandColor: connector.iconBrandColor === '' ? undefined : connector.iconBrandColor,
    // null and a missing file both mean "no policies"; [] is kept as written.
    policyTemplateInstances: Array.isArray(policies) ? policies.map(camelCasePolicy) : undefined,
    scriptOperations:
      connector.scriptOperations === undefined
        ? undefined
        : checkJson(connector.scriptOperations, `${connector.name} <scriptoperations>`),
  };
}

function camelCasePolicy(instance: Json): Json {
  if (!instance || typeof instance !== 'object' || Array.isArray(instance)) return instance;
  return Object.fromEntries(
    Object.entries(instance as JsonObject).map(([key, value]) => [POLICY_KEYS[key] ?? key, value]),
  );
}

/**
 * apiProperties.json for a connector: the carried values replace those of `existing`, in place;
 * everything else of `existing` stays as the person wrote it. Without `existing`, a new file.
 */
export function mergeApiProperties(connector: SolutionConnector, existing: JsonObject | undefined): string {
  const carried = carriedProperties(connector);
  const before = (
    existing?.properties && typeof existing.properties === 'object' ? existing.properties : {}
  ) as JsonObject;
  const properties: JsonObject = {};
  const keys = [...Object.keys(before), ...NEW_FILE_ORDER.filter((key) => !(key in before))];
  for (const key of keys) {
    const value = key in carried ? carried[key as keyof typeof carried] : before[key];
    if (value !== undefined) properties[key] = value;
  }
  return `${JSON.stringify({ ...(existing ?? {}), properties }, null, 2)}\n`;
}

/** Parses an apiProperties.json a person keeps; it must be an object with an object `properties`. */
export function parseExistingApiProperties(text: string, file: string): JsonObject {
  const value = checkJson(withoutByteOrderMark(text), file);
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new UserError('is not a JSON object.', {
      location: { file },
      hint: 'apiProperties.json holds one object, {"properties": {…}}; fix the file or move it away to have a new one written.',
    });
  return value as JsonObject;
}
