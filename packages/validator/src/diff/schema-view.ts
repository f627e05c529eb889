import { childPointer } from '../json/pointer.js';
import {
  asArray,
  asObject,
  asString,
  entriesOf,
  has,
  isObject,
  type JsonObject,
} from '../swagger/json-values.js';
import { kindOfValue, quoted } from '../text/message-values.js';
import type { Located, SwaggerModel } from '../swagger/swagger-model.js';

/** allOf inside allOf deeper than this is not merged (real swaggers use one or two levels). */
const MAX_ALL_OF_DEPTH = 8;
/** Required objects inside required objects deeper than this are taken to need the flow's input. */
const MAX_FILLED_DEPTH = 8;

/**
 * A schema as a flow sees it: `$ref`s followed, `allOf` members merged, so that moving a property
 * into a shared definition, or writing the same schema inline, is no change.
 */
export interface SchemaView {
  node: JsonObject;
  /** Where `node` is written (after `$ref`s). */
  pointer: string;
  /**
   * The declared type, or "object" when only properties say so. Written as a string in valid
   * swaggers; kept as written otherwise (an array of types, an object), to compare and to show.
   */
  type: unknown;
  format: unknown;
  enum: unknown[] | undefined;
  properties: Map<string, Located>;
  required: Set<string>;
  /** Where each required name is listed: the entry of the `required` array that names it. */
  requiredAt: Map<string, string>;
  items: Located | undefined;
  isInternal: boolean;
}

/** The view of the schema at `value`, or undefined when it is not an object or its `$ref` is broken. */
export function viewSchema(model: SwaggerModel, value: unknown, pointer: string): SchemaView | undefined {
  const resolved = model.resolve(value, pointer);
  if (resolved.broken) return undefined;
  const node = asObject(resolved.value);
  if (!node) return undefined;
  const view: SchemaView = {
    node,
    pointer: resolved.pointer,
    type: declared(node.type),
    format: declared(node.format),
    enum: asArray(node.enum),
    properties: new Map(),
    required: new Set(),
    requiredAt: new Map(),
    items: undefined,
    isInternal: isInternalVisibility(node['x-ms-visibility']),
  };
  merge(model, view, node, resolved.pointer, 0, new Set([resolved.pointer]));
  if (view.type === undefined && view.properties.size > 0) view.type = 'object';
  // Swagger 2.0's `file` (a response or formData file) is what `string`/`binary` says elsewhere:
  // rewriting one as the other changes nothing a flow sends or reads.
  if (view.type === 'file') {
    view.type = 'string';
    if (view.format === undefined) view.format = 'binary';
  }
  return view;
}

/**
 * A required input that existing flows need not send, because something else fills it: it has a
 * default, the service does (`readOnly`), the platform does (`x-ms-notification-url`, a webhook's
 * callback address), or it is an object each of whose required fields is filled so.
 */
export function isFilledForFlows(model: SwaggerModel, value: unknown, pointer: string, depth = 0): boolean {
  const resolved = model.resolve(value, pointer);
  const node = asObject(resolved.value);
  if (resolved.broken || !node) return false;
  if (has(node, 'default') || node.readOnly === true || node['x-ms-notification-url'] === true) return true;
  if (depth >= MAX_FILLED_DEPTH) return false;
  // Once per schema and depth: required fields that all reference one definition, which does the
  // same, took fields^8 looks (8 fields: 38 s for a 10 KB swagger).
  const known = filledMemo(model);
  const key = `${depth}|${resolved.pointer}`;
  const seen = known.get(key);
  if (seen !== undefined) return seen;
  const view = viewSchema(model, value, pointer);
  const filled =
    view !== undefined &&
    view.required.size > 0 &&
    [...view.required].every((name) => {
      const property = view.properties.get(name);
      return property !== undefined && isFilledForFlows(model, property.value, property.pointer, depth + 1);
    });
  known.set(key, filled);
  return filled;
}

const FILLED = new WeakMap<SwaggerModel, Map<string, boolean>>();

/**
 * Whether the schema at `value` lists required fields, its own or its allOf members'. Once per
 * schema it leads to: 2,000 operations whose body `$ref`s one definition of 10,000 properties, made
 * required, built a view of it each (9 s).
 */
export function hasRequiredFields(model: SwaggerModel, value: unknown, pointer: string): boolean {
  const resolved = model.resolve(value, pointer);
  if (resolved.broken) return false;
  let known = REQUIRED.get(model);
  if (!known) {
    known = new Map();
    REQUIRED.set(model, known);
  }
  const seen = known.get(resolved.pointer);
  if (seen !== undefined) return seen;
  const view = viewSchema(model, value, pointer);
  const answer = view !== undefined && view.required.size > 0;
  known.set(resolved.pointer, answer);
  return answer;
}

const REQUIRED = new WeakMap<SwaggerModel, Map<string, boolean>>();

/** isFilledForFlows's answers for one swagger, by depth and where the schema is written. */
function filledMemo(model: SwaggerModel): Map<string, boolean> {
  let known = FILLED.get(model);
  if (!known) {
    known = new Map();
    FILLED.set(model, known);
  }
  return known;
}

export function isInternalVisibility(value: unknown): boolean {
  return typeof value === 'string' && value.toLowerCase() === 'internal';
}

function merge(
  model: SwaggerModel,
  view: SchemaView,
  node: JsonObject,
  pointer: string,
  depth: number,
  seen: Set<string>,
): void {
  for (const [name, property] of entriesOf(node.properties)) {
    if (!view.properties.has(name))
      view.properties.set(name, { value: property, pointer: childPointer(pointer, 'properties', name) });
  }
  (asArray(node.required) ?? []).forEach((name, index) => {
    if (typeof name !== 'string' || view.required.has(name)) return;
    view.required.add(name);
    view.requiredAt.set(name, childPointer(pointer, 'required', index));
  });
  if (!view.items && asObject(node.items))
    view.items = { value: node.items, pointer: childPointer(pointer, 'items') };
  if (depth >= MAX_ALL_OF_DEPTH) return;
  (asArray(node.allOf) ?? []).forEach((member, index) => {
    const resolved = model.resolve(member, childPointer(pointer, 'allOf', index));
    const memberNode = asObject(resolved.value);
    if (resolved.broken || !memberNode || seen.has(resolved.pointer)) return;
    seen.add(resolved.pointer);
    // Not `??=`: a `null` written is a value, compared as the others are.
    if (view.type === undefined) view.type = declared(memberNode.type);
    if (view.format === undefined) view.format = declared(memberNode.format);
    if (!view.enum && has(memberNode, 'enum')) view.enum = asArray(memberNode.enum);
    merge(model, view, memberNode, resolved.pointer, depth + 1, seen);
  });
}

/** `type` and `format` as written; `""` is none. */
function declared(value: unknown): unknown {
  return value === '' ? undefined : value;
}

/**
 * Why the object written at `pointer` (a schema, a parameter) cannot be followed to one: its `$ref`
 * points to nothing or round a loop, or it is no object. Undefined when it can.
 */
export function whyUnfollowed(model: SwaggerModel, value: unknown, pointer: string): string | undefined {
  const resolved = model.resolve(value, pointer);
  if (!resolved.broken) {
    return isObject(resolved.value) ? undefined : `it is ${kindOfValue(resolved.value)}, not an object`;
  }
  const written = quoted(asObject(value)?.$ref);
  const last = asString(asObject(resolved.value)?.$ref);
  if (last !== undefined && model.resolveRef(last)) return `its $ref ${written} leads round a loop of $refs`;
  // `other.json#/Task`: diff reads the two files it was given, and the service reads one swagger.
  if (last !== undefined && !last.startsWith('#')) {
    return resolved.viaRef
      ? `its $ref ${written} leads to ${quoted(last)}, in another file, which diff does not read`
      : `its $ref ${written} is to another file, which diff does not read`;
  }
  return resolved.viaRef
    ? `its $ref ${written} leads to ${quoted(last)}, which points to nothing`
    : `its $ref ${written} points to nothing`;
}
