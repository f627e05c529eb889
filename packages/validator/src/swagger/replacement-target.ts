import { closestMatcher, type ClosestMatcher } from '@connector-alm/core';
import { asString, type JsonObject } from './json-values.js';
import type { OperationInfo } from './operation-info.js';
import type { SwaggerModel } from './swagger-model.js';
import { namesThisConnector } from './connector-api-names.js';
import { newestFamilyMembers } from './newest-family-members.js';
import { declaredVersion, effectiveFamily, newestNamedSuccessor } from './operation-versions.js';

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
  if (!operation) return { kind: 'missing', operationId, meant: activeMatcher(model)(operationId) };
  // Naming itself or another deprecated operation is most often the old version's annotation copied
  // and left unchanged: the operation meant is the newer version of the one named, when it has one,
  // rather than the closest name ('GetTask_V2', not 'GetTasks', for 'GetTask').
  const meant = newerVersionId(model, operation) ?? activeMatcher(model)(operationId);
  return { kind: 'missing', operationId, meant, names: operation === deprecated ? 'itself' : 'deprecated' };
}

/**
 * The operationId of the newest operation, not deprecated, that is a later version of `operation`:
 * a newer revision of its family (x-ms-api-annotation, its operationId when it has none), else a
 * later one named as its version ('GetTask_V2').
 */
function newerVersionId(model: SwaggerModel, operation: OperationInfo): string | undefined {
  const family = effectiveFamily(operation);
  const { revision } = declaredVersion(operation);
  const member = family === undefined ? undefined : newestFamilyMembers(model).get(family);
  if (member && revision !== undefined && member.revision > revision && member.operation !== operation) {
    return member.operation.operationId;
  }
  return newestNamedSuccessor(model, operation)?.operation.operationId;
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
