/**
 * Why a changed x-ms-dynamic-* extension is listed as CHG-OTHER, not as breaking, and what the
 * maintainer checks instead: said after "Changed: …" of the keys a schema or parameter changed. The
 * extensions tell the designer where to fetch a list of values or a set of fields while a flow is
 * made; a saved flow keeps what it was made with, so the change breaks nothing by itself, but only the
 * service can tell whether what flows kept still works.
 */
export function dynamicSourceNote(changedKeys: readonly string[]): string | undefined {
  const picker = changedKeys.find((key) => PICKER_KEYS.has(key));
  const fields = changedKeys.find((key) => FIELDS_KEYS.has(key));
  const notes: string[] = [];
  if (picker !== undefined) notes.push(`${picker} ${PICKER_NOTE}`);
  if (fields !== undefined) notes.push(`${fields} ${FIELDS_NOTE}`);
  return notes.length > 0 ? notes.join(' ') : undefined;
}

/** The extensions that fill the designer's list of values for an input. */
const PICKER_KEYS: ReadonlySet<string> = new Set([
  'x-ms-dynamic-values',
  'x-ms-dynamic-list',
  'x-ms-dynamic-tree',
]);
/** The extensions that fetch a schema's fields. */
const FIELDS_KEYS: ReadonlySet<string> = new Set(['x-ms-dynamic-schema', 'x-ms-dynamic-properties']);

const PICKER_NOTE =
  "only decides the values the designer offers: flows keep sending the values they were saved with, so check that the service still takes the values the base version's source listed.";
const FIELDS_NOTE =
  "decides the fields the designer fetches: flows keep the fields they were saved with, so check that the new source gives the base version's fields (one it no longer gives breaks the flows that use it, and no comparison of the swaggers can see that).";
