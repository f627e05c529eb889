import { closestMatcher, type ClosestMatcher } from '@connector-alm/core';
import { asString, type JsonObject } from './json-values.js';
import type { OperationInfo } from './operation-info.js';
import type { SwaggerModel } from './swagger-model.js';
import { namesThisConnector } from './connector-api-names.js';

/** Where the operation that an `x-ms-api-annotation` replacement names is. */
export type ReplacementTarget =
  /** An operation of this swagger that is not deprecated, and not the deprecated one itself. */
  | { kind: 'here'; operation: OperationInfo }
  /** An operation of the connector its `api` names, which is not this one (connector-api-names.ts). */
  | { kind: 'elsewhere'; api: string; operationId: string }
  /**
   * No operation of this swagger that can replace it, though its `api` names this connector (or
   * names none: then this is the only connector it can be looked up in): none of that operationId,
   * or (`names`) the operation itself or another deprecated one, which the designer cannot offer in
   * its place; `meant` the operationId of an operation that is not deprecated it is closest to.
   */
  | { kind: 'missing'; operationId: string; meant: string | undefined; names?: 'itself' | 'deprecated' };

/**
 * The operation the replacement of `deprecated` names; undefined without a replacement or an
 * operationId, which SWG-ANN-REPL-OPID asks for.
 */
export function replacementTarget(
  replacement: JsonObject | undefined,
  deprecated: OperationInfo,
  model: SwaggerModel,
  apiNames: ReadonlySet<string>,
): ReplacementTarget | undefined {
  const operationId = asString(replacement?.operationId);
  if (operationId === undefined || operationId === '') return undefined;
  const operation = model.operationById(operationId);
  if (operation && operation !== deprecated && !operation.isDeprecated) return { kind: 'here', operation };
  const api = asString(replacement!.api);
  if (api !== undefined && api !== '' && !namesThisConnector(api, apiNames)) {
    return { kind: 'elsewhere', api, operationId };
  }
  const meant = activeMatcher(model)(operationId);
  if (!operation) return { kind: 'missing', operationId, meant };
  return { kind: 'missing', operationId, meant, names: operation === deprecated ? 'itself' : 'deprecated' };
}

/** What a missing target is, as a message says it: "which is no operation of this swagger". */
export function missingText(target: Extract<ReplacementTarget, { kind: 'missing' }>): string {
  switch (target.names) {
    case 'itself':
      return 'which is the operation itself';
    case 'deprecated':
      return 'which is deprecated too';
    default:
      return 'which is no operation of this swagger';
  }
}

const activeMatchers = new WeakMap<SwaggerModel, ClosestMatcher>();

/**
 * Closest to a word, the operationId of an operation that is not deprecated: a replacement is never
 * one that is deprecated, nor the operation itself. One matcher a model: prepared again for each
 * replacement that names nothing, it cost 14 s for 2,000 such operations (session 38).
 */
function activeMatcher(model: SwaggerModel): ClosestMatcher {
  let matcher = activeMatchers.get(model);
  if (!matcher) {
    const ids: string[] = [];
    for (const operation of model.operations) {
      if (!operation.isDeprecated && operation.operationId !== undefined) ids.push(operation.operationId);
    }
    matcher = closestMatcher(ids);
    activeMatchers.set(model, matcher);
  }
  return matcher;
}
