import { childPointer, parsePointer, toPointer, valueAtPointer } from '../json/pointer.js';
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

/**
 * Where a deleted member of an object is shown in the new version: the place the deletion left, as a
 * pull request's diff shows it. Its enclosing object (counterpartPointer) can begin thousands of
 * lines above: `/paths` is line 20 of a swagger whose deleted path item was at line 2,266, and a
 * pull request's annotation is shown inline only on a line its diff holds. So: the member that now
 * follows it (the first of the base version's members after it that is still there), else the
 * enclosing object when the deletion left it empty, else what follows the enclosing object in the
 * new version (after the last path item, the key after `paths`), else the member before it. A
 * member that is still there is its own place; an array element that is gone leaves its array
 * (counterpartPointer), as an index names no place.
 */
export function deletionPointer(before: unknown, after: unknown, pointer: string): string {
  const kept = counterpartPointer(before, after, pointer);
  const segments = parsePointer(pointer);
  const keptDepth = parsePointer(kept).length;
  if (keptDepth === segments.length) return kept;
  const was = asObject(valueAtPointer(before, toPointer(segments.slice(0, keptDepth))));
  const is = asObject(valueAtPointer(after, kept));
  if (!was || !is) return kept;
  const names = Object.keys(was);
  const at = names.indexOf(segments[keptDepth]!);
  const following = names.slice(at + 1).find((name) => has(is, name));
  if (following !== undefined) return childPointer(kept, following);
  // Left empty: its `{}` is the line the deletion left.
  if (Object.keys(is).length === 0) return kept;
  const outside = followingPlace(after, kept);
  if (outside !== undefined) return outside;
  const preceding = names
    .slice(0, at)
    .reverse()
    .find((name) => has(is, name));
  return preceding === undefined ? kept : childPointer(kept, preceding);
}

/** The place that follows `pointer`'s value in the document: its next sibling, or its parent's, and so on up. */
function followingPlace(root: unknown, pointer: string): string | undefined {
  const segments = parsePointer(pointer);
  while (segments.length > 0) {
    const name = segments.pop()!;
    const parentPointer = toPointer(segments);
    const parent = valueAtPointer(root, parentPointer);
    if (Array.isArray(parent)) {
      const next = Number(name) + 1;
      if (next < parent.length) return childPointer(parentPointer, next);
    } else if (isObject(parent)) {
      // The text's order, but for keys that are array indices ("200"), which JavaScript puts first.
      const names = Object.keys(parent);
      const next = names[names.indexOf(name) + 1];
      if (next !== undefined) return childPointer(parentPointer, next);
    }
  }
  return undefined;
}
