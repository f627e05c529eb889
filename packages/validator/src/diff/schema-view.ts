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
import type { SwaggerModel } from '../swagger/swagger-model.js';
import type { Located } from '../swagger/local-refs.js';
import { isInternalVisibility } from '../swagger/visibility.js';
import { isNotificationUrl } from '../swagger/notification-url.js';
import { meantEntryPointer, requiredNamesMeant } from '../swagger/meant-list.js';
import { meantType } from '../swagger/meant-type.js';

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
  /** Where each schema merged into the view is written: its own node's, then its allOf members'. */
  merged: Set<string>;
  /** How many allOf levels below its own node the view merged (0: none). */
  mergedDepth: number;
}

/** The view of the schema at `value`, or undefined when it is not an object or its `$ref` is broken. */
export function viewSchema(model: SwaggerModel, value: unknown, pointer: string): SchemaView | undefined {
  const resolved = model.resolve(value, pointer);
  if (resolved.broken) return undefined;
  const node = asObject(resolved.value);
  if (!node) return undefined;
  const view = emptyView(node, resolved.pointer);
  merge(model, view, node, resolved.pointer, 0, ALL_LEVELS);
  return finished(view, view.properties.size > 0);
}

/**
 * A schema written in place whose allOf members' fields stand apart, in layers: its view with only
 * its own properties and required names (the rest merged as viewSchema does), and each member's
 * view, by position (undefined for one that cannot be followed). Its viewSchema is the layers one
 * after the other, when every field is in one layer only (the caller checks, as it needs the other
 * version too): 400 operations whose body merges a definition of 10,000 fields copied it each.
 */
export interface SchemaLayers {
  readonly own: SchemaView;
  readonly members: readonly (SchemaView | undefined)[];
}

/**
 * The layers of the schema written at `pointer` (no `$ref`) that merges allOf members, each viewed
 * by `memberView` (viewSchema, or a view kept); undefined when its view does not merge each member
 * as the member's view has it: a schema merged twice (merged once), or an allOf deeper than the view
 * merges from the schema (MAX_ALL_OF_DEPTH).
 */
export function viewLayers(
  model: SwaggerModel,
  value: unknown,
  pointer: string,
  memberView: (member: unknown, pointer: string) => SchemaView | undefined,
): SchemaLayers | undefined {
  const resolved = model.resolve(value, pointer);
  const node = asObject(resolved.value);
  const written = asArray(node?.allOf);
  if (resolved.broken || resolved.viaRef || !node || !written || written.length === 0) return undefined;
  const own = emptyView(node, resolved.pointer);
  // Walks allOf as viewSchema does (type, format, enum, items), merging only the schema's fields.
  merge(model, own, node, resolved.pointer, 0, 0);
  const merged = own.merged;
  const members: (SchemaView | undefined)[] = [];
  const seen = new Set([resolved.pointer]);
  for (let index = 0; index < written.length; index++) {
    const member = memberView(written[index], childPointer(resolved.pointer, 'allOf', index));
    // Merged from here, a member's allOf is one level deeper than from the member itself.
    if (member && member.mergedDepth >= MAX_ALL_OF_DEPTH) return undefined;
    for (const at of member?.merged ?? []) {
      if (seen.has(at)) return undefined;
      seen.add(at);
    }
    members.push(member);
  }
  // What the schema's view merges is what its members' views did: the same schemas, each once.
  if (seen.size !== merged.size || [...seen].some((at) => !merged.has(at))) return undefined;
  const withProperties =
    own.properties.size > 0 || members.some((member) => member && member.properties.size > 0);
  finished(own, withProperties);
  return { own, members };
}

/** Merge every allOf level's properties and required names, not only the schema's own. */
const ALL_LEVELS = Number.POSITIVE_INFINITY;

function emptyView(node: JsonObject, pointer: string): SchemaView {
  return {
    node,
    pointer,
    type: declared(node.type),
    format: declared(node.format),
    enum: asArray(node.enum),
    properties: new Map(),
    required: new Set(),
    requiredAt: new Map(),
    items: undefined,
    isInternal: isInternalVisibility(node['x-ms-visibility']),
    merged: new Set([pointer]),
    mergedDepth: 0,
  };
}

/** The view's type, told by its properties when none is declared; `file` as its equal. */
function finished(view: SchemaView, withProperties: boolean): SchemaView {
  if (view.type === undefined && withProperties) view.type = 'object';
  // Swagger 2.0's `file` (a response or formData file) is what `string`/`binary` says elsewhere:
  // rewriting one as the other changes nothing a flow sends or reads.
  if (meantType(view.type) === 'file') {
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
  if (has(node, 'default') || node.readOnly === true || isNotificationUrl(node)) return true;
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

function merge(
  model: SwaggerModel,
  view: SchemaView,
  node: JsonObject,
  pointer: string,
  depth: number,
  fieldsDepth: number,
): void {
  view.mergedDepth = Math.max(view.mergedDepth, depth);
  if (depth <= fieldsDepth) mergeFields(view, node, pointer);
  if (!view.items && asObject(node.items))
    view.items = { value: node.items, pointer: childPointer(pointer, 'items') };
  if (depth >= MAX_ALL_OF_DEPTH) return;
  (asArray(node.allOf) ?? []).forEach((member, index) => {
    const resolved = model.resolve(member, childPointer(pointer, 'allOf', index));
    const memberNode = asObject(resolved.value);
    if (resolved.broken || !memberNode || view.merged.has(resolved.pointer)) return;
    view.merged.add(resolved.pointer);
    // Not `??=`: a `null` written is a value, compared as the others are.
    if (view.type === undefined) view.type = declared(memberNode.type);
    if (view.format === undefined) view.format = declared(memberNode.format);
    if (!view.enum && has(memberNode, 'enum')) view.enum = asArray(memberNode.enum);
    merge(model, view, memberNode, resolved.pointer, depth + 1, fieldsDepth);
  });
}

/** A schema's own properties and required names, those not merged already. */
function mergeFields(view: SchemaView, node: JsonObject, pointer: string): void {
  for (const [name, property] of entriesOf(node.properties)) {
    if (!view.properties.has(name))
      view.properties.set(name, { value: property, pointer: childPointer(pointer, 'properties', name) });
  }
  (requiredMeant(node) ?? []).forEach((name, index) => {
    if (typeof name !== 'string' || view.required.has(name)) return;
    view.required.add(name);
    view.requiredAt.set(name, meantEntryPointer(childPointer(pointer, 'required'), node.required, index));
  });
}

/**
 * A schema's required names as meant: the list, or the names a string written for it stands for
 * (requiredNamesMeant), which SWG-JSONTYPE names and `validate --fix` writes as the list; compared
 * as written, the fixed file told each of them it had become required (BRK-OPTIONAL-TO-REQUIRED).
 */
function requiredMeant(node: JsonObject): readonly unknown[] | undefined {
  const written = node.required;
  return typeof written === 'string' ? requiredNamesMeant(written, node) : asArray(written);
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
