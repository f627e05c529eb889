import { closestMatcher, type ClosestMatcher } from '@connector-alm/core';
import { asObject, asString, has, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { OperationInfo, ParameterInfo } from '../../swagger/operation-info.js';
import type { DynamicCall } from './dynamic-index.js';
import { perModel } from './rule-kit.js';

/* The operations a dynamic call links: the target it calls, and the source whose parameters it passes. */

export function targetOf(model: SwaggerModel, call: DynamicCall): OperationInfo | undefined {
  const id = asString(call.call.operationId);
  return id === undefined ? undefined : model.operationById(id);
}

/** Whether the schema of an operation's body parameter has a top-level property of this name. */
export function hasBodyProperty(model: SwaggerModel, operation: OperationInfo, name: string): boolean {
  const body = operation.parameters.find((parameter) => parameter.in === 'body');
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

/** The source operation's parameter of this name, when exactly one has it. */
export function sourceParameter(call: DynamicCall, name: string): JsonObject | undefined {
  let match: JsonObject | undefined;
  for (const parameter of call.source?.parameters ?? []) {
    if (parameter.name !== name) continue;
    if (match !== undefined) return undefined;
    match = parameter.value;
  }
  return match;
}

/**
 * What a dynamic call's reference (`{"parameter": X}`, `{"parameterReference": X}`) names among
 * the inputs of the operation it is written in: `known` when a parameter or a top-level property of
 * the body has that name (the older forms name body properties plainly: `boardId`, 218 of the
 * corpus's references), or its first step does (`body/boardId`, `webHook/Properties/Id`, or the
 * dotted `WebHook.LifecycleId` of the older forms; the steps past the first are not followed), and
 * `unknown` with the names that are there when none does. `undecided` when the inputs cannot all be
 * read: a parameter without a name (a broken `$ref`) or a body whose properties are not listed.
 */
export type SourceInput =
  { kind: 'known' } | { kind: 'undecided' } | { kind: 'unknown'; first: string; inputs: OperationInputs };

export function sourceInput(model: SwaggerModel, source: OperationInfo, reference: string): SourceInput {
  const inputs = inputsOf(model, source);
  if (!inputs) return { kind: 'undecided' };
  if (inputs.names.has(reference)) return { kind: 'known' };
  const first = firstStep(reference);
  if (inputs.names.has(first)) return { kind: 'known' };
  return { kind: 'unknown', first, inputs };
}

/**
 * The names of an operation's inputs (its parameters and its body's top-level properties), read
 * once for all the references to it, and the name a misspelt one is closest to, prepared once. Read
 * again for each reference, with a matcher prepared each time, the cost grew as references times inputs.
 */
export class OperationInputs {
  readonly names: ReadonlySet<string>;
  private matcher: ClosestMatcher | undefined;

  constructor(private readonly listed: readonly string[]) {
    this.names = new Set(listed);
  }

  /** The input a misspelt name is closest to, if one is close. */
  closest(name: string): string | undefined {
    this.matcher ??= closestMatcher(this.listed);
    return this.matcher(name);
  }
}

/** The inputs of each operation that a reference has asked about, or undefined where they cannot all be read. */
const operationInputs = perModel(() => new Map<OperationInfo, OperationInputs | undefined>());

function inputsOf(model: SwaggerModel, operation: OperationInfo): OperationInputs | undefined {
  const known = operationInputs(model);
  if (known.has(operation)) return known.get(operation);
  const inputs = readInputs(model, operation);
  known.set(operation, inputs);
  return inputs;
}

function readInputs(model: SwaggerModel, operation: OperationInfo): OperationInputs | undefined {
  const names: string[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.name === undefined) return undefined;
    names.push(parameter.name);
    if (parameter.in !== 'body') continue;
    const schema = asObject(model.resolve(parameter.value.schema, '').value);
    const properties = asObject(schema?.properties);
    if (!schema || !properties || has(schema, 'allOf')) return undefined;
    names.push(...Object.keys(properties));
  }
  return new OperationInputs(names);
}

/** `body` of `body/boardId`, `WebHook` of `WebHook.LifecycleId`, the reference itself otherwise. */
function firstStep(reference: string): string {
  const slash = reference.indexOf('/');
  if (slash > 0) return reference.slice(0, slash);
  const dot = reference.indexOf('.');
  return dot > 0 ? reference.slice(0, dot) : reference;
}
