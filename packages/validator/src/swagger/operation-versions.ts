import { firstIndexNotBefore } from '@connector-alm/core';
import { asObject, asString, has } from './json-values.js';
import type { OperationInfo } from './operation-info.js';
import type { SwaggerModel } from './swagger-model.js';
import { nameExcerpt } from '../text/message-values.js';

/*
 * How an operation's versions are told apart and linked. Microsoft's operational-versioning doc:
 * "Family indicates the relationship between operations that are conceptually the same operation,
 * but are different revisions with potentially breaking changes between them"; an operation without
 * an annotation is "revision 1 in a family name equivalent to the operationId", and "an empty
 * revision will be considered as revision 1". The deprecate-operation doc gives a new version
 * `"operationId": "GetItems_V2"` with `{ "family": "GetItems", "revision": 2 }` beside the
 * deprecated `GetItems` of `{ "family": "GetItems", "revision": 1 }`: "both operations belong to the
 * same family and the revision number increases". That link is what the designer reads to offer
 * the newer version.
 */

/**
 * 'GetTask_V2' as base 'GetTask' and version 2; a name without the suffix is version 1. The split is
 * the only one: the digits run to the end, so the last '_V' before them is where the base ends.
 */
export function versionedName(operationId: string): { base: string; version: number; suffixed: boolean } {
  const match = /^(.*)_V(\d+)$/.exec(operationId);
  return match
    ? { base: match[1]!, version: Number(match[2]), suffixed: true }
    : { base: operationId, version: 1, suffixed: false };
}

/** What an operation's `x-ms-api-annotation` says of its version, as written. */
export interface DeclaredVersion {
  /** It has an `x-ms-api-annotation` object. */
  readonly annotated: boolean;
  readonly family: string | undefined;
  /**
   * Its revision as the designer reads it: 1 when missing or 0 (the service's empty revision);
   * undefined when it is no whole number (SWG-REV-EMPTY's), which no comparison can place.
   */
  readonly revision: number | undefined;
}

export function declaredVersion(operation: OperationInfo): DeclaredVersion {
  const annotation = asObject(operation.operation['x-ms-api-annotation']);
  if (!annotation) return { annotated: false, family: undefined, revision: 1 };
  const written = annotation.revision;
  const revision =
    !has(annotation, 'revision') || written === 0
      ? 1
      : typeof written === 'number' && Number.isInteger(written) && written > 0
        ? written
        : undefined;
  return { annotated: true, family: asString(annotation.family), revision };
}

/** The family the designer puts the operation in: its annotation's, else its operationId. */
export function effectiveFamily(operation: OperationInfo): string | undefined {
  return declaredVersion(operation).family ?? operation.operationId;
}

/** Why `later` is not linked as a newer version of `earlier`, or undefined when it is. */
export type VersionGap =
  | { kind: 'no annotation' }
  | { kind: 'no family' }
  | { kind: 'other family'; family: string }
  | { kind: 'not newer'; revision: number };

/**
 * Whether `later` is in `earlier`'s family (declared, or its operationId by default) at a higher
 * revision. Undefined too when either revision is no number: SWG-REV-EMPTY reports that one.
 */
export function versionGap(earlier: OperationInfo, later: OperationInfo): VersionGap | undefined {
  const family = effectiveFamily(earlier);
  const before = declaredVersion(earlier).revision;
  const after = declaredVersion(later);
  if (!after.annotated) return { kind: 'no annotation' };
  if (after.family === undefined) return { kind: 'no family' };
  if (after.family !== family) return { kind: 'other family', family: after.family };
  if (before === undefined || after.revision === undefined) return undefined;
  return after.revision > before ? undefined : { kind: 'not newer', revision: after.revision };
}

/** What a version gap is, as a message says it of `later`: "has no x-ms-api-annotation". */
export function gapText(gap: VersionGap, earlierFamily: string, earlierRevision: number): string {
  switch (gap.kind) {
    case 'no annotation':
      return 'has no x-ms-api-annotation';
    case 'no family':
      return 'has no family in its x-ms-api-annotation';
    case 'other family':
      return `is in the family '${nameExcerpt(gap.family)}', not in '${nameExcerpt(earlierFamily)}'`;
    case 'not newer':
      return `has revision ${gap.revision} of the family '${nameExcerpt(earlierFamily)}', not one above ${earlierRevision}`;
  }
}

/** `"family": "GetTask" and "revision": 2`: the members to set in an `x-ms-api-annotation`. */
export function annotationMembers(family: string, revision: number): string {
  return `"family": ${JSON.stringify(nameExcerpt(family))} and "revision": ${revision}`;
}

/** One operation of a versioned name: 'GetTask_V2' is version 2 of 'GetTask'. */
export interface NamedVersion {
  readonly version: number;
  readonly operation: OperationInfo;
}

const namedVersions = new WeakMap<SwaggerModel, Map<string, NamedVersion[]>>();

/**
 * Each operationId base with the operations named as its versions ('GetTask', 'GetTask_V2', …),
 * lowest version first; only the bases with a suffixed name. Built once per model: searching the
 * operations for each one was quadratic.
 */
export function versionsByBase(model: SwaggerModel): ReadonlyMap<string, readonly NamedVersion[]> {
  let index = namedVersions.get(model);
  if (!index) {
    index = new Map();
    const named = [...model.operationsById.values()].map((operation) => ({
      operation,
      name: versionedName(operation.operationId!),
    }));
    for (const { name } of named) if (name.suffixed) index.set(name.base, []);
    for (const { operation, name } of named) index.get(name.base)?.push({ version: name.version, operation });
    for (const list of index.values()) list.sort((a, b) => a.version - b.version);
    namedVersions.set(model, index);
  }
  return index;
}

/**
 * The operation named as the version just before `operation` ('GetTask' for 'GetTask_V2'), if any.
 * Found by halving the list: walking it from its lowest version for each operation was quadratic on
 * a long '_V<n>' chain (7.5 s of SWG-OPID-SUFFIX-FAMILY's at 80,000 versions, session 38).
 */
export function namedPredecessor(model: SwaggerModel, operation: OperationInfo): OperationInfo | undefined {
  if (operation.operationId === undefined) return undefined;
  const name = versionedName(operation.operationId);
  if (!name.suffixed) return undefined;
  const list = versionsByBase(model).get(name.base) ?? [];
  // The first entry at or above the operation's version; the one before it is the predecessor.
  const low = firstIndexNotBefore(list.length, (index) => list[index]!.version < name.version);
  return low === 0 ? undefined : list[low - 1]!.operation;
}

const newestActive = new WeakMap<SwaggerModel, Map<string, NamedVersion | undefined>>();

/**
 * The newest operation named as a later version of `operation` that is not deprecated, if any: the
 * newest of its base's versions that is not deprecated, kept per base, when it is later than this
 * one. Walking back over the deprecated versions for each one was quadratic on a deprecated chain.
 */
export function newestNamedSuccessor(
  model: SwaggerModel,
  operation: OperationInfo,
): NamedVersion | undefined {
  if (operation.operationId === undefined) return undefined;
  const name = versionedName(operation.operationId);
  let known = newestActive.get(model);
  if (!known) {
    known = new Map();
    newestActive.set(model, known);
  }
  if (!known.has(name.base)) {
    const list = versionsByBase(model).get(name.base) ?? [];
    known.set(
      name.base,
      list.findLast((entry) => !entry.operation.isDeprecated),
    );
  }
  const newest = known.get(name.base);
  return newest !== undefined && newest.version > name.version ? newest : undefined;
}
