import { closestMatcher } from '@connector-alm/core';
import { asObject, asString, has, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { OperationInfo, ParameterInfo } from '../../swagger/operation-info.js';
import type { DynamicCall } from './dynamic-index.js';
import { followSchemaPath, propertyNames, type SchemaPathMissing } from './schema-path.js';
import { inputsOf } from './operation-inputs.js';
import { perModel } from './rule-kit.js';

export { OperationInputs, inputsOf } from './operation-inputs.js';

/* The operations a dynamic call links: the target it calls, and the source whose parameters it passes. */

export function targetOf(model: SwaggerModel, call: DynamicCall): OperationInfo | undefined {
  const id = asString(call.call.operationId);
  return id === undefined ? undefined : model.operationById(id);
}

/** Whether the schema of an operation's body parameter has a top-level property of this name. */
export function hasBodyProperty(model: SwaggerModel, operation: OperationInfo, name: string): boolean {
  const body = bodyParameter(operation);
  const properties = asObject(asObject(model.resolve(body?.value.schema, '').value)?.properties);
  return properties !== undefined && has(properties, name);
}

/**
 * The parameter of this name, the last one if several (as a map by name kept it). A loop rather
 * than a map per call: operations have a few parameters, and calls name one or two.
 */
export function parameterNamed(operation: OperationInfo, name: string): ParameterInfo | undefined {
  const parameters = operation.parameters;
  for (let index = parameters.length - 1; index >= 0; index--) {
    if (parameters[index]!.name === name) return parameters[index];
  }
  return undefined;
}

/** The operation's parameter of this name, when exactly one has it. */
export function sourceParameter(operation: OperationInfo, name: string): JsonObject | undefined {
  let match: JsonObject | undefined;
  for (const parameter of operation.parameters) {
    if (parameter.name !== name) continue;
    if (match !== undefined) return undefined;
    match = parameter.value;
  }
  return match;
}

/**
 * What `wrong` may read of a source parameter: operations of one kind have these alike in each of
 * their parameters, and one user of each kind is asked (user-kinds.ts).
 */
export interface SourceFields {
  readonly type: unknown;
  readonly visibility: unknown;
}

/**
 * The first operation that shows the call's holder (DynamicCall.users) whose parameter of this name
 * is `wrong`, with that parameter: a shared holder is checked in each of them, and told once.
 */
export function firstWrongSource(
  model: SwaggerModel,
  call: DynamicCall,
  name: string,
  wrong: (parameter: SourceFields) => boolean,
): { operation: OperationInfo; parameter: JsonObject } | undefined {
  for (const source of sourcesOf(model, call).get(name) ?? NO_SOURCES) {
    const parameter = source.parameter;
    if (wrong({ type: parameter.type, visibility: parameter['x-ms-visibility'] })) return source;
  }
  return undefined;
}

type Source = { operation: OperationInfo; parameter: JsonObject };
const NO_SOURCES: readonly Source[] = [];
/**
 * Each call's sources (sourcesOf), held by its model as the calls themselves are (dynamicCalls), so
 * that they die with it. A module-level WeakMap kept them through every scavenge: V8's scavenger
 * keeps the values of a WeakMap in the old generation alive (see ConnectorCache), and sources hold
 * operations and parameters of the document.
 */
const callSources = perModel(() => new Map<DynamicCall, Map<string, Source[]>>());

/**
 * For each name the call references, each distinct parameter object of that name (sourceParameter)
 * among the first users of its kinds, with the first that lists it, in the users' order: a
 * `#/parameters` entry that thousands of operations list is judged once. Asking each user for each
 * reference cost references x users x parameters (bench/dynamic-owners.ts); the users of one kind
 * have the fields `wrong` reads alike (SourceFields), and the first user of a kind whose parameter
 * is wrong is the first user whose parameter is.
 */
function sourcesOf(model: SwaggerModel, call: DynamicCall): Map<string, Source[]> {
  const known = callSources(model);
  let sources = known.get(call);
  if (sources) return sources;
  sources = new Map();
  const referenced = new Set<string>();
  const given = asObject(call.call.parameters);
  for (const key in given) {
    const entry = has(given, key) ? asObject(given[key]) : undefined;
    const reference = asString(entry?.parameter) ?? asString(entry?.parameterReference);
    if (reference !== undefined) referenced.add(reference);
  }
  // By object, and by the fields `wrong` reads: a later parameter with the same ones is never the
  // first wrong one. Kept per call, one per operation would be the pairs of a chain of definitions.
  const seen = new Set<JsonObject | string>();
  for (const { first: operation } of referenced.size === 0 ? [] : call.kinds) {
    for (const parameter of operation.parameters) {
      const name = parameter.name;
      if (name === undefined || !referenced.has(name) || seen.has(parameter.value)) continue;
      const value = sourceParameter(operation, name);
      if (value === undefined) continue;
      const fields = fieldsKey(name, value);
      if (fields !== undefined && seen.has(fields)) continue;
      seen.add(value);
      if (fields !== undefined) seen.add(fields);
      const list = sources.get(name);
      if (list) list.push({ operation, parameter: value });
      else sources.set(name, [{ operation, parameter: value }]);
    }
  }
  known.set(call, sources);
  return sources;
}

/**
 * The name and the fields `wrong` reads (SourceFields), when both are plain values; as written, which
 * fixes what they mean (a type list is an object: no key), so parameters of one key are judged alike.
 */
function fieldsKey(name: string, parameter: JsonObject): string | undefined {
  const { type, 'x-ms-visibility': visibility } = parameter;
  if ((typeof type === 'object' && type !== null) || (typeof visibility === 'object' && visibility !== null))
    return undefined;
  return `${name}\u0000${JSON.stringify(type) ?? '-'}\u0000${JSON.stringify(visibility) ?? '-'}`;
}

/**
 * What a dynamic call's reference (`{"parameter": X}`, `{"parameterReference": X}`) names among
 * the inputs of an operation that shows it: `known` when a parameter or a top-level property of the
 * body has that name (the older forms name body properties plainly: `boardId`, 218 of the corpus's
 * references), or when its path leads through them (`body/WebHook/LifecycleId`,
 * `webHook/Properties/Id`, the dotted `WebHook.LifecycleId` of the older forms): a first step that
 * is one, then properties of the body's schema, `$ref` and `allOf` followed, names compared as
 * followSchemaPath does. `unknown` at the first step that names nothing, with the reference before
 * it ('' for the first step) and the name it is closest to (found when asked: only the findings told
 * need it). `undecided` when that cannot be read: a
 * parameter without a name (a broken `$ref`), a body whose properties are not listed, a step past a
 * parameter that is not the body, or into a schema that is open there.
 */
export type SourceInput =
  | { kind: 'known' }
  | { kind: 'undecided' }
  | { kind: 'unknown'; step: string; before: string; meant: () => string | undefined };

// Shared answers: every reference of the corpus is known or undecided, in each operation that shows it.
const KNOWN: SourceInput = Object.freeze({ kind: 'known' });
const UNDECIDED: SourceInput = Object.freeze({ kind: 'undecided' });

export function sourceInput(model: SwaggerModel, source: OperationInfo, reference: string): SourceInput {
  const inputs = inputsOf(model, source);
  if (!inputs) return UNDECIDED;
  if (inputs.names.has(reference)) return KNOWN;
  const separator = stepSeparator(reference);
  if (separator === undefined) return unknownStep(reference, '', () => inputs.closest(reference));
  const first = reference.slice(0, reference.indexOf(separator));
  if (!inputs.names.has(first)) return unknownStep(first, '', () => inputs.closest(first));
  return stepsPastFirst(model, source, reference, separator, first);
}

/** `meant` is found on the first question, and kept: the findings of one kind of user share it. */
function unknownStep(step: string, before: string, find: () => string | undefined): SourceInput {
  let found: { name: string | undefined } | undefined;
  const meant = () => (found ??= { name: find() }).name;
  return { kind: 'unknown', step, before, meant };
}

/**
 * Whether sourceInput's answer for this reference depends only on the names of the operation's
 * inputs (inputsOf), as it does for one of no steps: one with steps follows the body's schema.
 */
export function readsOnlyNames(reference: string): boolean {
  return stepSeparator(reference) === undefined;
}

/** The separator of a reference's steps: `/` in `body/boardId`, `.` in `WebHook.LifecycleId`. */
function stepSeparator(reference: string): '/' | '.' | undefined {
  if (reference.indexOf('/') > 0) return '/';
  return reference.indexOf('.') > 0 ? '.' : undefined;
}

/**
 * The steps after a first one that is an input, followed through the body: from its schema when the
 * first step is the body parameter, else from the body's top-level property it names (when it is
 * both, either way that leads somewhere will do).
 */
function stepsPastFirst(
  model: SwaggerModel,
  source: OperationInfo,
  reference: string,
  separator: '/' | '.',
  first: string,
): SourceInput {
  // The dotted form is followed as the other, written with slashes: the offsets stay the reference's.
  const path = separator === '.' ? reference.replaceAll('.', '/') : reference;
  const body = bodyParameter(source);
  let missing: { result: SchemaPathMissing; offset: number } | undefined;
  if (body && parameterNamed(source, first) === body) {
    const offset = first.length + 1;
    const result = followSchemaPath(model, body.value.schema, path.slice(offset));
    if (result.kind !== 'missing') return KNOWN;
    missing = { result, offset };
  }
  if (body && hasBodyProperty(model, source, first)) {
    const result = followSchemaPath(model, body.value.schema, path);
    if (result.kind !== 'missing') return KNOWN;
    missing ??= { result, offset: 0 };
  }
  if (!missing) return UNDECIDED;
  const { result, offset } = missing;
  const names = propertyNames(model, result.parent);
  // A dotted step may be part of a property name that has a dot in it.
  if (separator === '.' && names.some((name) => name.includes('.'))) return UNDECIDED;
  const step = reference.slice(offset + result.start, offset + result.end);
  return unknownStep(step, reference.slice(0, offset + result.start - 1), () => closestMatcher(names)(step));
}

function bodyParameter(operation: OperationInfo): ParameterInfo | undefined {
  return operation.parameters.find((parameter) => parameter.in === 'body');
}
