import { asObject, asString, type JsonObject } from '../swagger/json-values.js';
import type { SwaggerModel } from '../swagger/swagger-model.js';
import { quoted } from '../text/message-values.js';

/** The x-ms-dynamic-* extensions that call another operation of the swagger while a flow is made. */
const CALLING_KEYS: ReadonlySet<string> = new Set([
  'x-ms-dynamic-values',
  'x-ms-dynamic-list',
  'x-ms-dynamic-tree',
  'x-ms-dynamic-schema',
  'x-ms-dynamic-properties',
]);

/**
 * Of the changed keys of a schema or parameter, the dynamic extensions whose base version called an
 * operation the base swagger does not have, each with that operationId: the designer's call failed,
 * so it listed no values and fetched no fields, and no flow was saved with what it gave. A change
 * of such an extension fixes a broken dropdown: it can break no flow, so it is no major update.
 */
export function brokenDynamicCalls(
  changedKeys: readonly string[],
  before: JsonObject,
  baseModel: SwaggerModel,
): Map<string, string> {
  const broken = new Map<string, string>();
  for (const key of changedKeys) {
    if (!CALLING_KEYS.has(key)) continue;
    const missing = calledOperationIds(before[key]).find((id) => !baseModel.operationById(id));
    if (missing !== undefined) broken.set(key, missing);
  }
  return broken;
}

/** Why the changes of `brokenDynamicCalls` are minor, said after "Changed: …". */
export function brokenCallNote(broken: ReadonlyMap<string, string>): string {
  return [...broken]
    .map(
      ([key, id]) =>
        `The base version's ${key} called ${quoted(id)}, which is no operation of that version: the designer could get nothing from it, so no flow holds what it gave, and changing it breaks none.`,
    )
    .join(' ');
}

/** The operationIds a dynamic extension calls: its own, or a tree's `open` and `browse` parts'. */
function calledOperationIds(value: unknown): string[] {
  const call = asObject(value);
  if (!call) return [];
  return [call, asObject(call.open), asObject(call.browse)].flatMap((part) => {
    const id = asString(part?.operationId);
    return id === undefined ? [] : [id];
  });
}
