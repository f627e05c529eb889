/**
 * The list of operations that script.csx runs for, read from apiProperties.json's `properties` in its
 * two forms. The validator (PROP-SCRIPTOPS, CSX-OPIDS, the diff) and the solution tools (a folder built
 * into a solution, a solution extracted over a folder) read it here, so that no operation is the
 * script's in one and not in another.
 */

import { isObject, type JsonObject } from './json-object.js';

/** How apiProperties.json names a list of the operations that go through script.csx. */
export type ScriptOperationsKey = 'scriptOperations' | 'script.operationIds';

/** A list of the operations that go through script.csx, where apiProperties.json has it. */
export interface ScriptOperationsPlace {
  key: ScriptOperationsKey;
  /** The keys that lead to it from the top of apiProperties.json, e.g. ['properties', 'scriptOperations']. */
  path: readonly string[];
  /** Where findings on the list are located, and on its entries (`${pointer}/${index}`). */
  pointer: string;
  /** The list as written: the schema rule reports one that is no list of strings. */
  value: unknown;
}

/** The list the validator reads and, when both forms are written, the one it leaves. */
export interface ScriptOperations extends ScriptOperationsPlace {
  unread?: ScriptOperationsPlace;
}

/**
 * The operations that apiProperties.json says script.csx handles: the older top-level
 * `scriptOperations: [...]` (paconn README, the `scriptoperations` of a solution), or the newer
 * `script: { "language": "CSharpScript", "operationIds": [...] }` that newer tooling writes (certified
 * Airmeet and AzureDigitalTwins). Undefined when neither is written: the script runs for every
 * operation. Which form the platform takes when both are written is not documented; this reads
 * `scriptOperations`, the documented one a solution carries, and says so (PROP-SCRIPTOPS).
 */
export function scriptOperationsOf(properties: JsonObject | undefined): ScriptOperations | undefined {
  if (!properties) return undefined;
  const older = hasOwn(properties, 'scriptOperations')
    ? place('scriptOperations', ['properties', 'scriptOperations'], properties.scriptOperations)
    : undefined;
  const script = properties.script;
  const newer =
    isObject(script) && hasOwn(script, 'operationIds')
      ? place('script.operationIds', ['properties', 'script', 'operationIds'], script.operationIds)
      : undefined;
  if (older) return newer ? { ...older, unread: newer } : older;
  return newer;
}

/**
 * The operationIds a list names, the only ones the script runs for; undefined for no list, whose
 * script runs for every operation, and for an empty list: certified ForceManager CRM has
 * `"scriptOperations": []` and a script that branches on 20 operations, so the platform does not
 * read it as "none".
 */
export function scriptOperationIds(list: ScriptOperations | undefined): Set<string> | undefined {
  const names = Array.isArray(list?.value) ? (list.value as unknown[]) : undefined;
  return names?.length ? new Set(names.filter((name) => typeof name === 'string')) : undefined;
}

/**
 * Whether two written lists name the same operations, in any order: both forms written with the same
 * names leave no doubt which operations the script runs for. A value that is no list names none.
 */
export function sameScriptOperations(first: unknown, second: unknown): boolean {
  const names = (list: unknown) =>
    new Set((Array.isArray(list) ? (list as unknown[]) : []).map((name) => JSON.stringify(name)));
  const one = names(first);
  const other = names(second);
  return one.size === other.size && [...one].every((name) => other.has(name));
}

function place(key: ScriptOperationsKey, path: readonly string[], value: unknown): ScriptOperationsPlace {
  return { key, path, pointer: `/${path.join('/')}`, value };
}

/** Own keys only: a "__proto__" or "constructor" key in a person's JSON stays plain data. */
function hasOwn(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}
