import type { JsonDocument } from '../json/json-document.js';
import { parsePointer, toPointer } from '../json/pointer.js';
import type { JsonEdits } from './json-edits.js';
import { applyEdits, type TextEdit } from '../text/text-edits.js';
import { isObject } from '../swagger/json-values.js';

// What `validate --fix` makes of a misspelled key that a rule names the spelling of (`basepath` for
// `basePath`, `x-ms-visibilty`): the key's string token rewritten, nothing else of the file. Pure:
// the file is read and written elsewhere (fix-folders.ts).

/** A rule's fix: the key that `pointer` names is meant to be `to`. */
export interface KeyRename {
  pointer: string;
  to: string;
}

/**
 * Renames the keys of a strict JSON document (its text without a byte-order mark) as `renames` ask.
 * A rename is made only where it is one: not when the object already has the key it would become
 * (two members then, which the maker must merge), nor when two keys of one object would become the
 * same key. The result is checked to parse to the document's value with just those keys renamed, in
 * their places; when it does not (a key repeated in its object), no key of the file is renamed.
 */
export function renameKeys(document: JsonDocument, renames: readonly KeyRename[]): JsonEdits {
  const text = document.text;
  const refused: string[] = [];
  const made: { rename: KeyRename; parent: string[]; from: string }[] = [];
  // A key that two findings name is renamed once.
  const distinct = [
    ...new Map(renames.map((rename) => [`${rename.pointer}\n${rename.to}`, rename])).values(),
  ];
  const spellings = spellingsByPointer(distinct);
  for (const [rename, clashes] of byParentAndTarget(distinct)) {
    const segments = parsePointer(rename.pointer);
    const from = segments[segments.length - 1]!;
    const parent = segments.slice(0, -1);
    const object = objectAt(document.value, parent);
    const named = spellings.get(rename.pointer)!;
    if (named.length > 1) {
      // Reported once, by the first of them; which spelling is meant is the maker's to say.
      if (named[0] === rename.to) {
        const quoted = named.map((to) => `'${to}'`).join(' and ');
        refused.push(
          `${keyAt(rename.pointer)} was not renamed: findings name ${quoted} for it; rename it by hand.`,
        );
      }
    } else if (object === undefined || !Object.hasOwn(object, from)) {
      refused.push(`${keyAt(rename.pointer)} was not renamed: the key is not there.`);
    } else if (Object.hasOwn(object, rename.to)) {
      refused.push(
        `${keyAt(rename.pointer)} was not renamed to '${rename.to}': its object already has '${rename.to}'; merge the two by hand.`,
      );
    } else if (clashes.length > 1) {
      // Reported once, by the first of the keys that would clash.
      if (clashes[0] === rename) {
        const keys = clashes.map((clash) => `'${parsePointer(clash.pointer).pop()!}'`).join(' and ');
        refused.push(
          `${keys} at ${toPointer(parent) || '/'} were not renamed: each would become '${rename.to}'; keep one by hand.`,
        );
      }
    } else made.push({ rename, parent, from });
  }
  if (made.length === 0) return { text, made: 0, refused };

  const places = document.locateEach(made.map(({ rename }) => rename.pointer));
  const edits: TextEdit[] = [];
  for (const [index, { rename, from }] of made.entries()) {
    const place = places[index]!;
    const token = text.slice(place.offset, place.offset + place.length);
    if (!place.resolved || stringValue(token) !== from) {
      return {
        text,
        made: 0,
        refused: [
          ...refused,
          `${keyAt(rename.pointer)}: the key was not found in the text; no key was renamed.`,
        ],
      };
    }
    edits.push({ offset: place.offset, length: place.length, insert: JSON.stringify(rename.to) });
  }
  const renamed = applyEdits(text, edits)?.text;
  if (renamed === undefined || !readsAsRenamed(document, renamed, made)) {
    return {
      text,
      made: 0,
      refused: [
        ...refused,
        'renaming the keys would change more than their names (is a key repeated in its object?); no key was renamed.',
      ],
    };
  }
  return { text: renamed, made: made.length, refused };
}

/**
 * Whether `renamed`, the text with the key tokens rewritten, reads as the document's value with just
 * those keys renamed. Each edit rewrites one key's string token, found where the value's member is,
 * as another string: in a document that repeats no key, every token is its member's only key, so it
 * does, and the whole-value comparison (a copy and two serialisations of the document, most of what
 * a rename cost in a large swagger) is left out. Where a key is repeated, which of its members JSON
 * readers keep can change with a rename: that is compared on the values.
 */
function readsAsRenamed(
  document: JsonDocument,
  renamed: string,
  made: readonly { rename: KeyRename; parent: string[]; from: string }[],
): boolean {
  if (document.isStrictJson && document.duplicateKeys.length === 0) return true;
  return stringValue(renamed, JSON.stringify) === JSON.stringify(withKeysRenamed(document.value, made));
}

/** The spellings the renames name for each key, in their order. */
function spellingsByPointer(renames: readonly KeyRename[]): Map<string, string[]> {
  const spellings = new Map<string, string[]>();
  for (const { pointer, to } of renames) spellings.set(pointer, [...(spellings.get(pointer) ?? []), to]);
  return spellings;
}

/** Each rename with the renames of its object to the same key (itself among them), in their order. */
function byParentAndTarget(renames: readonly KeyRename[]): [KeyRename, KeyRename[]][] {
  const groups = new Map<string, KeyRename[]>();
  const keyOf = (rename: KeyRename): string =>
    JSON.stringify([parsePointer(rename.pointer).slice(0, -1), rename.to]);
  for (const rename of renames) {
    const key = keyOf(rename);
    groups.set(key, [...(groups.get(key) ?? []), rename]);
  }
  return renames.map((rename) => [rename, groups.get(keyOf(rename))!]);
}

function objectAt(root: unknown, segments: readonly string[]): Record<string, unknown> | undefined {
  let value = root;
  for (const segment of segments) {
    if (Array.isArray(value)) value = /^(0|[1-9]\d*)$/.test(segment) ? value[Number(segment)] : undefined;
    else if (isObject(value) && Object.hasOwn(value, segment)) value = value[segment];
    else return undefined;
  }
  return isObject(value) ? value : undefined;
}

/** The value with the keys renamed, each in its object where it was, as the edited text reads. */
function withKeysRenamed(
  root: unknown,
  made: readonly { rename: KeyRename; parent: string[]; from: string }[],
): unknown {
  const copy: unknown = structuredClone(root);
  // The deepest first: a parent is named as written, and renaming a key above it first would leave
  // its path unreadable.
  const deepestFirst = [...made].sort((a, b) => b.parent.length - a.parent.length);
  for (const { rename, parent, from } of deepestFirst) {
    const object = objectAt(copy, parent)!;
    const entries = Object.entries(object).map(([key, value]): [string, unknown] => [
      key === from ? rename.to : key,
      value,
    ]);
    for (const key of Object.keys(object)) delete object[key];
    // Defined, not assigned: a key `__proto__` is a member like any other in JSON.
    for (const [key, value] of entries) {
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return copy;
}

/** The value of a JSON text, as `as` writes it; undefined when it is no JSON. */
function stringValue(token: string, as: (value: unknown) => unknown = (value) => value): unknown {
  try {
    return as(JSON.parse(token));
  } catch {
    return undefined;
  }
}

/** A key as a reason names it: `'basepath' at /basepath`. */
export function keyAt(pointer: string): string {
  return `'${parsePointer(pointer).pop()!}' at ${pointer}`;
}
