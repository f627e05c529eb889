import { parsePointer, toPointer } from '../json/pointer.js';
import { asObject, has, isObject } from '../swagger/json-values.js';
import { jsonEqual } from './json-equal.js';

/**
 * The place of the new version of a JSON document that is `pointer` of the old one, or else the
 * nearest enclosing place that still is: where a deleted part is shown in the current file. An object
 * key names the same place in both versions, an array index does not (after a deletion, another
 * element sits at it). An element is followed by what names it (its `$ref`, its `name` and `in`) or,
 * without a name, by being unchanged; one that is gone, or cannot be told apart, leaves its array as
 * the place.
 */
export function counterpartPointer(before: unknown, after: unknown, pointer: string): string {
  const segments: (string | number)[] = [];
  let was = before;
  let is = after;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(is)) {
      const element = Array.isArray(was) && /^\d+$/.test(segment) ? was[Number(segment)] : undefined;
      const index = element === undefined ? -1 : is.findIndex((candidate) => sameElement(element, candidate));
      if (index === -1) break;
      segments.push(index);
      was = element;
      is = is[index];
    } else if (isObject(is) && has(is, segment)) {
      segments.push(segment);
      was = isObject(was) && has(was, segment) ? was[segment] : undefined;
      is = is[segment];
    } else {
      break;
    }
  }
  return toPointer(segments);
}

/** Whether an element of the new array is the element of the old one (a parameter, a parameter set). */
function sameElement(before: unknown, after: unknown): boolean {
  const was = asObject(before);
  const is = asObject(after);
  if (was && is) {
    if (typeof was.$ref === 'string') return was.$ref === is.$ref;
    if (typeof was.name === 'string') return was.name === is.name && was.in === is.in;
  }
  return jsonEqual(before, after);
}
