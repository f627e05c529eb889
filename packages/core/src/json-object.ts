/** A value that came out of JSON.parse, narrowed to an object: every package reads JSON with this one. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
