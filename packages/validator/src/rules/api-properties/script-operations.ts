import { asArray, asObject, has, type JsonObject } from '../../swagger/json-values.js';

/** How apiProperties.json names a list of the operations that go through script.csx. */
export type ScriptOperationsKey = 'scriptOperations' | 'script.operationIds';

/** A list of the operations that go through script.csx, where apiProperties.json has it. */
export interface ScriptOperationsPlace {
  key: ScriptOperationsKey;
  /** Where findings on the list are located, and on its entries (`${pointer}/${index}`). */
  pointer: string;
  /** The list as written: the schema rule reports one that is no list of strings. */
  value: unknown;
}

/** The list the validator reads and, when both forms are written, the one it leaves. */
export interface ScriptOperations extends ScriptOperationsPlace {
  unread?: ScriptOperationsPlace;
}

const OLDER_FORM: ScriptOperationsKey = 'scriptOperations';
const NEWER_FORM: ScriptOperationsKey = 'script.operationIds';

/**
 * The operations that apiProperties.json says script.csx handles: the older top-level
 * `scriptOperations: [...]` (paconn README, the `scriptoperations` of a solution), or the newer
 * `script: { "language": "CSharpScript", "operationIds": [...] }` that newer tooling writes (certified
 * Airmeet and AzureDigitalTwins). Undefined when neither is written: the script runs for every
 * operation. Which form the platform takes when both are written is not documented; this reads
 * `scriptOperations`, the documented one a solution carries, and says so (PROP-SCRIPTOPS). One reading
 * for PROP-SCRIPTOPS, CSX-OPIDS and the diff, so that no operation is the script's in one and not in
 * another.
 */
export function scriptOperationsOf(properties: JsonObject | undefined): ScriptOperations | undefined {
  if (!properties) return undefined;
  const older = has(properties, 'scriptOperations')
    ? place(OLDER_FORM, '/properties/scriptOperations', properties.scriptOperations)
    : undefined;
  const script = asObject(properties.script);
  const newer =
    script && has(script, 'operationIds')
      ? place(NEWER_FORM, '/properties/script/operationIds', script.operationIds)
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
  const names = asArray(list?.value);
  return names?.length ? new Set(names.filter((name) => typeof name === 'string')) : undefined;
}

function place(key: ScriptOperationsKey, pointer: string, value: unknown): ScriptOperationsPlace {
  return { key, pointer, value };
}
