/**
 * Edits that give a JSON document's values shapes its readers do not expect: a value replaced by one
 * of another type, by another value of the same document (a schema where a string stood, a list of
 * parameters where a response stood), or removed. Real files come so: a hand-edited swagger, a
 * merge that kept the wrong side, a generator's bug. Pure; the shape-fuzz test writes the results.
 */
import { toPointer, valueAtPointer } from '../../src/json/pointer.js';

/** The keys and indices from the root to a value. */
export type JsonPath = readonly (string | number)[];

/**
 * Values of every JSON type, and the strings and objects rules read most closely: references, path
 * templates, schemas with a type of the wrong kind, extensions without their members.
 */
const ODD_VALUES: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e21,
  '',
  'x',
  '{id}',
  '#/definitions/Missing',
  'ÄÖ\u0000',
  [],
  [null],
  [[]],
  {},
  { $ref: '#/definitions/Missing' },
  { $ref: '#' },
  { $ref: 7 },
  { type: 'object' },
  { type: ['string'] },
  { 'x-ms-dynamic-values': {} },
  { 'x-ms-dynamic-schema': { operationId: 1 } },
];

/** Every place of a value, the root first, in document order. */
export function placesOf(value: unknown, at: JsonPath = [], places: JsonPath[] = []): JsonPath[] {
  places.push(at);
  if (Array.isArray(value)) {
    value.forEach((element, index) => placesOf(element, [...at, index], places));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, member] of Object.entries(value)) placesOf(member, [...at, key], places);
  }
  return places;
}

/**
 * A copy of `document` with `count` places below the root edited, each by `pick` (whole numbers in
 * [0, n), seeded so that a failure can be replayed): a third take another value of the document, a
 * tenth are removed, the rest take an odd value. Returns the copy and what each edit did.
 */
export function withShapeEdits(
  document: unknown,
  pick: (n: number) => number,
  count: number,
): { value: unknown; edits: string[] } {
  const value = structuredClone(document);
  const edits: string[] = [];
  for (let made = 0; made < count; made++) {
    // Read again after each edit: the one before may have removed or replaced a container.
    const places = placesOf(value).slice(1);
    if (places.length === 0) break;
    const at = places[pick(places.length)]!;
    const parent = valueAtPointer(value, toPointer(at.slice(0, -1))) as Record<string | number, unknown>;
    const key = at[at.length - 1]!;
    const roll = pick(30);
    if (roll < 3) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      edits.push(`${toPointer(at)} removed`);
      continue;
    }
    const replacement = structuredClone(
      roll < 13
        ? valueAtPointer(value, toPointer(places[pick(places.length)]!))
        : ODD_VALUES[pick(ODD_VALUES.length)],
    );
    parent[key] = replacement;
    edits.push(`${toPointer(at)} := ${JSON.stringify(replacement).slice(0, 120)}`);
  }
  return { value, edits };
}
