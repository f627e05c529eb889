import { childPointer } from '../json/pointer.js';
import { has } from '../swagger/json-values.js';
import { quoted, quoteList } from '../text/message-values.js';
import { CASE_RULES, CHANGE_RULES } from './change-rules.js';
import { memberDeletionPlace, type DeletionPlace } from './counterpart-pointer.js';
import type { ChangeRule } from './change-rule-type.js';
import { jsonEqual } from './json-equal.js';
import { meantType } from '../swagger/meant-type.js';
import type { Direction, SchemaChange } from './schema-change.js';
import type { SchemaView } from './schema-view.js';

/*
 * The comparisons of a schema's own keywords (type, format, enum, visibility, display texts), each
 * of two views of one pair: a breaking or listed change is added, a harmless difference is named in
 * `others` (reported together as CHG-OTHER).
 */

/** Display texts: editing them never breaks a flow. */
export const TEXT_KEYS = ['title', 'x-ms-summary', 'description', 'example', 'x-example'] as const;

/** Adds a change found; one of the schema itself when no path is given. */
export type AddChange = (change: Omit<SchemaChange, 'path'> & { path?: string[] }) => void;

/**
 * Compares the keywords of the views' own nodes (their properties, items and other keys are the
 * caller's), in the order their changes are listed.
 */
export function compareKeywords(
  before: SchemaView,
  after: SchemaView,
  direction: Direction,
  add: AddChange,
  others: string[],
): void {
  compareType(before, after, direction, add, others);
  compareEnum(before, after, direction, add, others);
  compareVisibility(before, after, direction, add, others);
  compareTexts(before, after, add);
}

function compareType(
  before: SchemaView,
  after: SchemaView,
  direction: Direction,
  add: AddChange,
  others: string[],
): void {
  for (const key of ['type', 'format'] as const) {
    const was = before[key];
    const is = after[key];
    if (jsonEqual(was, is)) continue;
    // Declaring a type or format where there was none (or dropping one) narrows or widens the
    // field without changing what existing flows send or read: listed, but not breaking. So does
    // writing one as meant, as `validate --fix` does (`Integer` as `integer`, `Int32` as `int32`).
    if (
      was === undefined ||
      is === undefined ||
      sameMeaning(key, was, is) ||
      numericChangeIsSafe(key, was, is, direction)
    ) {
      others.push(key);
      continue;
    }
    add({
      rule: typeChangeRule(key, direction),
      side: 'new',
      pointer: keyPointer(after, key),
      path: [key],
      detail: `The ${key} changed from ${quoted(was)} to ${quoted(is)}.`,
    });
    return;
  }
}

/**
 * Whether two types or formats mean the same: a type in other case or as a list of one type
 * (meantType), a format in other case, as SWG-PARAM-IN-ENUM, SWG-JSONENUM, SWG-JSONTYPE and
 * SWG-FORMAT read them.
 */
function sameMeaning(key: 'type' | 'format', was: unknown, is: unknown): boolean {
  if (key === 'type') {
    const meant = meantType(was);
    return meant !== undefined && meant === meantType(is);
  }
  return typeof was === 'string' && typeof is === 'string' && was.toLowerCase() === is.toLowerCase();
}

/** The rule of a changed type or format: Microsoft's change validator tells a format change apart. */
function typeChangeRule(key: 'type' | 'format', direction: Direction): ChangeRule {
  if (key === 'format') return direction === 'input' ? CHANGE_RULES.inputFormat : CHANGE_RULES.outputFormat;
  return direction === 'input' ? CHANGE_RULES.inputType : CHANGE_RULES.outputType;
}

/** Numeric formats from narrowest to widest: every int32 is an int64, every integer a number. */
const NUMERIC_FORMAT_RANK: ReadonlyMap<string, number> = new Map([
  ['int32', 0],
  ['int64', 1],
  ['float', 2],
  ['double', 3],
]);

/**
 * A numeric change that no flow notices. Inputs may widen (integer to number, int32 to int64):
 * what existing flows send is still valid. Outputs may narrow (number to integer), and their numeric
 * format (int32, int64, float, double) is only a hint: flows read the same JSON number, typed by
 * `type` alone in the designer.
 */
function numericChangeIsSafe(
  key: 'type' | 'format',
  was: unknown,
  is: unknown,
  direction: Direction,
): boolean {
  if (key === 'type') {
    // As meant: `"Integer"` made `number` widens an input as `integer` made `number` does.
    const [typeWas, typeIs] = [meantType(was), meantType(is)];
    const widened = typeWas === 'integer' && typeIs === 'number';
    const narrowed = typeWas === 'number' && typeIs === 'integer';
    return direction === 'input' ? widened : narrowed;
  }
  if (typeof was !== 'string' || typeof is !== 'string') return false;
  const rankWas = NUMERIC_FORMAT_RANK.get(was);
  const rankIs = NUMERIC_FORMAT_RANK.get(is);
  if (rankWas === undefined || rankIs === undefined) return false;
  return direction === 'output' || rankIs >= rankWas;
}

function compareEnum(
  before: SchemaView,
  after: SchemaView,
  direction: Direction,
  add: AddChange,
  others: string[],
): void {
  const was = before.enum;
  const is = after.enum;
  if (jsonEqual(was, is)) return;
  // A boolean's enum of both values limits nothing: written or dropped, it changes no value.
  const limitsAfter = limitsValues(after);
  if (direction === 'input') {
    if (!was && is && limitsAfter) {
      add({
        rule: CHANGE_RULES.inputEnumAdded,
        side: 'new',
        pointer: keyPointer(after, 'enum'),
        path: ['enum'],
        detail: `Allowed values: ${quoteList(is)}.`,
      });
      return;
    }
    const removed =
      was && is && limitsAfter ? was.filter((value) => !is.some((other) => sameChoice(value, other))) : [];
    if (removed.length > 0) {
      add({
        rule: CHANGE_RULES.enumNarrowed,
        side: 'new',
        ...removedValuePlace(before, after, removed[0]),
        path: ['enum'],
        detail: `Removed: ${quoteList(removed)}.`,
      });
      return;
    }
  } else if (was && !is && limitsValues(before)) {
    add({
      rule: CHANGE_RULES.outputEnumRemoved,
      side: 'new',
      pointer: after.pointer,
      path: ['enum'],
      detail: `The values were ${quoteList(was)}.`,
    });
    return;
  }
  others.push('enum');
}

/**
 * Where the first removed enum value left its place in the new list (deletionPlace): a value added
 * in its place, else the value that now follows it, else the end of the one before it. Not the
 * list's `enum` key, which can be far above the line the pull request deleted, where an annotation
 * is not shown inline; the list only when it is not the schema's own (an allOf member's).
 */
function removedValuePlace(before: SchemaView, after: SchemaView, removed: unknown): DeletionPlace {
  const list = keyPointer(after, 'enum');
  const index = before.enum?.indexOf(removed) ?? -1;
  if (!has(after.node, 'enum') || index === -1) return { pointer: list, atValueEnd: false };
  return memberDeletionPlace(before.enum, after.enum, list, index);
}

/**
 * Whether an old enum value is still offered: equal, or the same text under another JSON type. When
 * a field is retyped, its values are rewritten too (GMO Sign's font size 7.5 became '7.5' when the
 * field became a string, in PowerPlatformConnectors' history): the type change is told by its own
 * rule, and such a value was not removed.
 */
function sameChoice(value: unknown, other: unknown): boolean {
  if (jsonEqual(value, other)) return true;
  return (
    isScalar(value) && isScalar(other) && typeof value !== typeof other && String(value) === String(other)
  );
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Whether a schema's enum limits its values: a boolean's enum of both true and false does not, so
 * adding or dropping it changes no value a flow sends or reads (Zoho Calendar's 'isallday' gained
 * one, Impexium's boolean outputs lost theirs, in PowerPlatformConnectors' history).
 */
function limitsValues(view: SchemaView): boolean {
  const values = view.enum;
  if (!values) return false;
  return !(meantType(view.type) === 'boolean' && values.includes(true) && values.includes(false));
}

function compareVisibility(
  before: SchemaView,
  after: SchemaView,
  direction: Direction,
  add: AddChange,
  others: string[],
): void {
  // An output field hidden from the designer is still in the payload existing flows read.
  if (!before.isInternal && after.isInternal && direction === 'input') {
    add({
      rule: CASE_RULES.inputHidden,
      side: 'new',
      pointer: keyPointer(after, 'x-ms-visibility'),
    });
  } else if (!jsonEqual(before.node['x-ms-visibility'], after.node['x-ms-visibility'])) {
    others.push('x-ms-visibility');
  }
}

/** Edited display texts, listed as one change of the schema (never breaking). */
function compareTexts(before: SchemaView, after: SchemaView, add: AddChange): void {
  const edited = TEXT_KEYS.filter((key) => !jsonEqual(before.node[key], after.node[key]));
  if (edited.length > 0) {
    add({
      rule: CHANGE_RULES.textEdited,
      side: 'new',
      pointer: after.pointer,
      detail: `Edited: ${edited.join(', ')}.`,
      impact: 'major',
    });
  }
}

/** The pointer of a key of the view's node when it is written there, else of the node. */
function keyPointer(view: SchemaView, key: string): string {
  return has(view.node, key) ? childPointer(view.pointer, key) : view.pointer;
}
