import { isObject, sameScriptOperations, scriptOperationsOf, UserError } from '@connector-alm/core';
import { jsonValueLocation } from '../json/json-text.js';

/**
 * Where apiProperties.json writes the list of operations a solution carries as `scriptoperations`:
 * `scriptOperations` or the newer `script.operationIds`, as the validator reads them; undefined when
 * neither is written (the script runs for every operation).
 *
 * A solution carries one list. When a folder writes both and they name other operations, the build
 * refuses rather than pick one: the validator can only warn that the platform's choice is not
 * documented, but here connector-alm would make that choice itself, and a wrong guess runs the script
 * for operations it does not handle (or skips some it does) in the environment, with nothing to show
 * for it. The maker knows which list they meant, and deleting the other is a one-line fix. Both lists
 * naming the same operations leave no doubt: the build carries `scriptOperations`.
 */
export function scriptOperationsPath(
  properties: unknown,
  propertiesText: string,
  propertiesFile: string,
): readonly string[] | undefined {
  const object = (properties as { properties?: unknown } | null)?.properties;
  const list = scriptOperationsOf(isObject(object) ? object : undefined);
  if (!list) return undefined;
  const { unread } = list;
  if (unread && !sameScriptOperations(list.value, unread.value)) {
    throw new UserError(
      `lists the script's operations both in ${list.key} and in ${unread.key}, and the lists differ; a solution carries one list, and which one the platform takes is not documented.`,
      {
        location: { file: propertiesFile, ...jsonValueLocation(propertiesText, [...unread.path]) },
        hint: `Keep only the list of the operations script.csx is meant to run for: remove ${list.key} or ${unread.key} (validate reports this as PROP-SCRIPTOPS).`,
      },
    );
  }
  return list.path;
}
