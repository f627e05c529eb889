import { childPointer } from '../../json/pointer.js';
import { ConnectorCache } from '../../model/connector-cache.js';
import { asArray, asObject, asString, entriesOf, type JsonObject } from '../../swagger/json-values.js';

/** One connection parameter, from `connectionParameters` or from a multi-auth `connectionParameterSets` entry. */
export interface ConnectionParameter {
  name: string;
  pointer: string;
  value: JsonObject;
  type: string | undefined;
  /** True for a parameter of a `connectionParameterSets` entry (one way of several to sign in). */
  inSet: boolean;
}

/** The `properties` object of apiProperties.json, if any. */
export function propertiesOf(apiProperties: JsonObject | undefined): JsonObject | undefined {
  return asObject(apiProperties?.properties);
}

/**
 * Listed once per connector: about eight rules (PROP-TENANTID, the OAuth and uiDefinition rules, the
 * readme's and script's parameter-type checks) read the list, and each built it again with its
 * entries and pointers: 1.5 MB allocated a warm corpus run, now 0.14.
 */
const parametersByApiProperties = new ConnectorCache<JsonObject, readonly ConnectionParameter[]>();

/** Every connection parameter, in the file's order. Shared by the rules of a connector: do not modify. */
export function connectionParametersOf(
  apiProperties: JsonObject | undefined,
): readonly ConnectionParameter[] {
  if (!apiProperties) return [];
  return parametersByApiProperties.getOrBuild(apiProperties, listConnectionParameters);
}

function listConnectionParameters(apiProperties: JsonObject): ConnectionParameter[] {
  const properties = propertiesOf(apiProperties);
  if (!properties) return [];
  const list: ConnectionParameter[] = [];
  const collect = (parameters: unknown, pointer: string, inSet: boolean): void => {
    for (const [name, raw] of entriesOf(parameters)) {
      const value = asObject(raw);
      if (value)
        list.push({ name, pointer: childPointer(pointer, name), value, type: asString(value.type), inSet });
    }
  };
  collect(properties.connectionParameters, '/properties/connectionParameters', false);
  const sets = asArray(asObject(properties.connectionParameterSets)?.values) ?? [];
  sets.forEach((set, index) => {
    collect(
      asObject(set)?.parameters,
      `/properties/connectionParameterSets/values/${index}/parameters`,
      true,
    );
  });
  return list;
}

/** An `oAuthSettings` object of a connection parameter, and where it is. */
export interface OAuthSettings {
  parameter: ConnectionParameter;
  settings: JsonObject;
  pointer: string;
}

/** Listed once per connector too: three OAuth rules read it. */
const oAuthSettingsByApiProperties = new ConnectorCache<JsonObject, readonly OAuthSettings[]>();

/** The OAuth settings of every parameter that has them. Shared by the rules of a connector: do not modify. */
export function oAuthSettingsOf(apiProperties: JsonObject | undefined): readonly OAuthSettings[] {
  if (!apiProperties) return [];
  return oAuthSettingsByApiProperties.getOrBuild(apiProperties, listOAuthSettings);
}

function listOAuthSettings(apiProperties: JsonObject): OAuthSettings[] {
  const list = [];
  for (const parameter of connectionParametersOf(apiProperties)) {
    const settings = asObject(parameter.value.oAuthSettings);
    if (settings)
      list.push({ parameter, settings, pointer: childPointer(parameter.pointer, 'oAuthSettings') });
  }
  return list;
}

/** True when some connection parameter is of the given type (case-insensitive, as the platform reads it). */
export function hasParameterType(apiProperties: JsonObject | undefined, type: string): boolean {
  const wanted = type.toLowerCase();
  return connectionParametersOf(apiProperties).some((parameter) => parameter.type?.toLowerCase() === wanted);
}
