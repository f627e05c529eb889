import { closestMatch } from '@connector-alm/core';
import { asString, type JsonObject } from './json-values.js';
import type { OperationInfo } from './operation-info.js';
import type { SwaggerModel } from './swagger-model.js';
import { namesThisConnector } from './connector-api-names.js';

/** Where the operation that an `x-ms-api-annotation` replacement names is. */
export type ReplacementTarget =
  /** An operation of this swagger. */
  | { kind: 'here'; operation: OperationInfo }
  /** An operation of the connector its `api` names, which is not this one (connector-api-names.ts). */
  | { kind: 'elsewhere'; api: string; operationId: string }
  /**
   * No operation of this swagger, though its `api` names this connector (or names none: then this
   * is the only connector it can be looked up in); `meant` the operationId it is closest to.
   */
  | { kind: 'missing'; operationId: string; meant: string | undefined };

/**
 * The operation a replacement names; undefined without a replacement or an operationId, which
 * SWG-ANN-REPL-OPID asks for.
 */
export function replacementTarget(
  replacement: JsonObject | undefined,
  model: SwaggerModel,
  apiNames: ReadonlySet<string>,
): ReplacementTarget | undefined {
  const operationId = asString(replacement?.operationId);
  if (operationId === undefined || operationId === '') return undefined;
  const operation = model.operationById(operationId);
  if (operation) return { kind: 'here', operation };
  const api = asString(replacement!.api);
  if (api !== undefined && api !== '' && !namesThisConnector(api, apiNames)) {
    return { kind: 'elsewhere', api, operationId };
  }
  return { kind: 'missing', operationId, meant: closestActive(model, operationId) };
}

/**
 * The operationId of an operation that is not deprecated closest to `operationId`: a replacement
 * is never one that is deprecated, nor the operation itself. Listed at each call: a replacement that
 * names nothing is rare.
 */
function closestActive(model: SwaggerModel, operationId: string): string | undefined {
  const ids: string[] = [];
  for (const operation of model.operations) {
    if (!operation.isDeprecated && operation.operationId !== undefined) ids.push(operation.operationId);
  }
  return closestMatch(operationId, ids);
}
