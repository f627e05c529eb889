import { childPointer } from '../../json/pointer.js';
import { asArray, asObject, asString, entriesOf, type JsonObject } from '../../swagger/json-values.js';

/** One connection parameter, from `connectionParameters` or from a multi-auth `connectionParameterSets` entry. */
export interface ConnectionParameter {
  name: string;
  pointer: string;
  value: JsonObject;
  type: string | undefined;
}

/** The `properties` object of apiProperties.json, if any. */
export function propertiesOf(apiProperties: JsonObject | undefined): JsonObject | undefined {
  return asObject(apiProperties?.properties);
}

export function connectionParametersOf(apiProperties: JsonObject | undefined): ConnectionParameter[] {
  const properties = propertiesOf(apiProperties);
  if (!properties) return [];
  const list: ConnectionParameter[] = [];
  const collect = (parameters: unknown, pointer: string): void => {
    for (const [name, raw] of entriesOf(parameters)) {
      const value = asObject(raw);
      if (value) list.push({ name, pointer: childPointer(pointer, name), value, type: asString(value.type) });
    }
  };
  collect(properties.connectionParameters, '/properties/connectionParameters');
  const sets = asArray(asObject(properties.connectionParameterSets)?.values) ?? [];
  sets.forEach((set, index) => {
    collect(asObject(set)?.parameters, `/properties/connectionParameterSets/values/${index}/parameters`);
  });
  return list;
}

/** The OAuth settings of every `oauthSetting` parameter. */
export function oAuthSettingsOf(
  apiProperties: JsonObject | undefined,
): { parameter: ConnectionParameter; settings: JsonObject; pointer: string }[] {
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
