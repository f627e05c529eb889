import { scriptOperationsOf } from '@connector-alm/core';

type JsonObject = Record<string, unknown>;

/**
 * The keys of `properties` that hold the script's operations after extraction: the list a solution
 * carries (its `scriptoperations`; undefined for none, the script running for every operation) goes
 * back into the form the folder's apiProperties.json writes it in. A folder that writes
 * `script.operationIds` keeps that form, and the other keys of `script` (its `language`), which no
 * solution carries, stay as written; one that writes both forms gets the list in both, so that they
 * do not come to differ. A folder that writes neither, or a new one, gets `scriptOperations`, the
 * form paconn and the solution name. Only the keys returned are replaced: `script` is the person's
 * where the folder does not write the list in it.
 */
export function extractedScriptOperations(
  before: JsonObject,
  list: unknown,
): { scriptOperations: unknown; script?: unknown } {
  const written = scriptOperationsOf(before);
  const forms = new Set([written?.key, written?.unread?.key]);
  if (!forms.has('script.operationIds')) return { scriptOperations: list };
  return {
    scriptOperations: forms.has('scriptOperations') ? list : undefined,
    script: withOperationIds(before.script as JsonObject, list),
  };
}

/**
 * `script` with its operationIds replaced in place (its key order kept), or removed for no list; a
 * `script` that held nothing else goes with it, as a folder without a list had none.
 */
function withOperationIds(script: JsonObject, list: unknown): JsonObject | undefined {
  if (list !== undefined) return { ...script, operationIds: list };
  const { operationIds: _removed, ...rest } = script;
  return Object.keys(rest).length > 0 ? rest : undefined;
}
