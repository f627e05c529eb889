import { closestMatcher, type ClosestMatcher } from '@connector-alm/core';
import { asObject, has, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { perModel } from './rule-kit.js';

/* An operation's inputs as dynamic references read them, shared by operations whose inputs are alike. */

/**
 * The names of an operation's inputs (its parameters and its body's top-level properties), and the
 * name a misspelt one is closest to, prepared once. One instance serves every operation whose inputs
 * are the same (the same names, locations and body schema), for which a reference's answer is the
 * same: most operations that list a shared parameter are alike, and a reference is then judged once
 * per kind of operation, not once per operation (2,000 references x 2,000 operations: 14.9 s, each
 * failure suggesting a name with a matcher prepared per operation; bench/dynamic-owners.ts).
 */
export class OperationInputs {
  readonly names: ReadonlySet<string>;
  private matcher: ClosestMatcher | undefined;

  constructor(
    /** The names, in their order: parameters, then the body's properties. */
    readonly listed: readonly string[],
  ) {
    this.names = new Set(listed);
  }

  /** The input a misspelt name is closest to, if one is close. */
  closest(name: string): string | undefined {
    this.matcher ??= closestMatcher(this.listed);
    return this.matcher(name);
  }
}

/** The inputs of each operation asked about (undefined where they cannot all be read), and the instances by key. */
const operationInputs = perModel(() => ({
  byOperation: new Map<OperationInfo, OperationInputs | undefined>(),
  byKey: new Map<string, OperationInputs>(),
  schemaIds: new Map<JsonObject, number>(),
}));

/** The inputs of an operation, shared with every operation whose inputs are the same (see OperationInputs). */
export function inputsOf(model: SwaggerModel, operation: OperationInfo): OperationInputs | undefined {
  const known = operationInputs(model);
  if (known.byOperation.has(operation)) return known.byOperation.get(operation);
  const read = readInputs(model, operation, known.schemaIds);
  let inputs: OperationInputs | undefined;
  if (read) {
    inputs = known.byKey.get(read.key);
    if (!inputs) known.byKey.set(read.key, (inputs = new OperationInputs(read.names)));
  }
  known.byOperation.set(operation, inputs);
  return inputs;
}

/**
 * The names of an operation's inputs, and a key that is the same only for operations whose
 * references lead to the same answers: each parameter's location and name, the body's property
 * names, and which body schema (by identity) they come from.
 */
function readInputs(
  model: SwaggerModel,
  operation: OperationInfo,
  schemaIds: Map<JsonObject, number>,
): { names: string[]; key: string } | undefined {
  const names: string[] = [];
  let key = '';
  for (const parameter of operation.parameters) {
    if (parameter.name === undefined) return undefined;
    names.push(parameter.name);
    key += `${parameter.in ?? ''}\u0000${parameter.name}\u0000`;
    if (parameter.in !== 'body') continue;
    const schema = asObject(model.resolve(parameter.value.schema, '').value);
    const properties = asObject(schema?.properties);
    if (!schema || !properties || has(schema, 'allOf')) return undefined;
    let id = schemaIds.get(schema);
    if (id === undefined) schemaIds.set(schema, (id = schemaIds.size));
    key += `#${id}\u0000`;
    for (const name of Object.keys(properties)) {
      names.push(name);
      key += `${name}\u0000`;
    }
  }
  return { names, key };
}
