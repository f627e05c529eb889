import { scriptOperationIds, scriptOperationsOf, type ScriptOperations } from '@connector-alm/core';
import { childPointer } from '../json/pointer.js';
import { asArray, asObject, has, type JsonObject } from '../swagger/json-values.js';
import { quoteList } from '../text/message-values.js';
import { differingKeys, jsonEqual } from './json-equal.js';

/** A CHG-OTHER of the script's operations, without its rule. */
export interface ScriptOperationsChange {
  side: 'old' | 'new';
  pointer: string;
  detail: string;
}

/**
 * What changed in the operations that go through script.csx, read as PROP-SCRIPTOPS and CSX-OPIDS
 * read them (scriptOperationsOf): the operations that entered or left the script, whichever form
 * lists them, and a list moved from one form to the other. Anything else edited under
 * `scriptOperations` or `script` (`script.language`, the list that both forms at once leave unread) is
 * named by its key, so that no edit reads as no change.
 */
export function scriptOperationsChanges(before: JsonObject, after: JsonObject): ScriptOperationsChange[] {
  const was = scriptOperationsOf(before);
  const is = scriptOperationsOf(after);
  const changes: ScriptOperationsChange[] = [];
  const edit = operationsEdit(was, is);
  const place = is ?? was;
  if (edit !== undefined && place)
    changes.push({ side: is ? 'new' : 'old', pointer: place.pointer, detail: `Changed: ${edit}.` });
  const unread = is?.unread ?? was?.unread;
  // A list moved to the other form is told above; the one left unread beside the same list is told here.
  if (unread && place && was?.key === is?.key && !jsonEqual(was?.unread?.value, is?.unread?.value)) {
    changes.push({
      side: is?.unread ? 'new' : 'old',
      pointer: unread.pointer,
      detail: `Changed: ${unread.key}, which connector-alm leaves unread beside ${place.key} (PROP-SCRIPTOPS).`,
    });
  }
  const restBefore = withoutLists(before);
  const restAfter = withoutLists(after);
  // A `script` object written or removed with its list, as the list moves to or from it, is the move.
  const moved = was !== undefined && is !== undefined && was.key !== is.key;
  for (const key of differingKeys(restBefore, restAfter, new Set())) {
    if (moved && key === 'script' && has(restBefore, key) !== has(restAfter, key)) continue;
    const scriptBefore = asObject(restBefore[key]);
    const scriptAfter = asObject(restAfter[key]);
    if (key === 'script' && scriptBefore && scriptAfter) {
      for (const inner of differingKeys(scriptBefore, scriptAfter, new Set()))
        changes.push({
          side: has(scriptAfter, inner) ? 'new' : 'old',
          pointer: childPointer('/properties/script', inner),
          detail: `Changed: script.${inner}.`,
        });
    } else {
      changes.push({
        side: has(restAfter, key) ? 'new' : 'old',
        pointer: childPointer('/properties', key),
        detail: `Changed: ${key}.`,
      });
    }
  }
  return changes;
}

/**
 * Which operations entered or left the script: an operation that starts or stops going through
 * script.csx behaves otherwise, and those ids are what the reviewer checks the script against. A
 * renamed one is both; a list written or removed (no list, or an empty one, is every operation) says
 * which operations the script now runs for. The same ids in another order, a list moved to the other
 * form, or a list that is not one, are named as such. Undefined when the list read is the same.
 */
function operationsEdit(
  was: ScriptOperations | undefined,
  is: ScriptOperations | undefined,
): string | undefined {
  const place = is ?? was;
  if (!place || (was?.key === is?.key && jsonEqual(was?.value, is?.value))) return undefined;
  const label = was && is && was.key !== is.key ? `${was.key} written as ${is.key} now` : place.key;
  if ((was && !isList(was.value)) || (is && !isList(is.value))) return label;
  // Read as the validator and the platform read them (scriptOperationIds): no list, or an empty one,
  // is every operation, not none.
  const before = scriptOperationIds(was);
  const after = scriptOperationIds(is);
  if (before === undefined && after === undefined)
    return `${label} (the script still runs for every operation)`;
  if (before === undefined)
    return `${label}: the script now runs for ${quoteList([...after!])} only, where it ran for every operation`;
  if (after === undefined)
    return `${label}: the script now runs for every operation, where it ran for ${quoteList([...before])} only`;
  const added = [...after].filter((id) => !before.has(id));
  const removed = [...before].filter((id) => !after.has(id));
  const parts = [
    ...(added.length > 0 ? [`${quoteList(added)} added`] : []),
    ...(removed.length > 0 ? [`${quoteList(removed)} removed`] : []),
  ];
  if (parts.length > 0) return `${label}, ${parts.join(', ')}`;
  return was?.key === is?.key ? `${label} (their order)` : `${label} (the same operations)`;
}

function isList(value: unknown): boolean {
  return asArray(value) !== undefined;
}

/** `scriptOperations` and `script` as written, without the lists that scriptOperationsOf reads. */
function withoutLists(properties: JsonObject): JsonObject {
  const rest: JsonObject = {};
  const script = properties.script;
  const scriptObject = asObject(script);
  if (scriptObject) {
    const others = { ...scriptObject };
    delete others.operationIds;
    rest.script = others;
  } else if (has(properties, 'script')) {
    rest.script = script;
  }
  return rest;
}
