import { asObject, asString, has, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { OperationInfo, ParameterInfo } from '../../swagger/operation-info.js';
import type { DynamicCall } from './dynamic-index.js';

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
