import { asObject } from '../swagger/json-values.js';
import type { OperationInfo } from '../swagger/operation-info.js';
import { operationLabel } from '../swagger/operation-label.js';
import {
  annotationMembers,
  declaredVersion,
  effectiveFamily,
  gapText,
  namedPredecessor,
  newestNamedSuccessor,
  versionedName,
  versionGap,
} from '../swagger/operation-versions.js';
import { missingText, replacementTarget } from '../swagger/replacement-target.js';
import type { SwaggerModel } from '../swagger/swagger-model.js';
import { nameExcerpt } from '../text/message-values.js';
import { activeMemberAt, newestFamilyMembers } from '../swagger/newest-family-members.js';

/*
 * Microsoft's deprecate-operation doc has two cases. Retiring an operation: "Set the deprecated
 * attribute for the operation to true" and "Append (deprecated) to the summary and description
 * attributes" (its first example has no annotation). Replacing it: "If a new version of the
 * operation is going to be introduced to replace the deprecated one (for example, in a version 2),
 * use x-ms-api-annotation.family and x-ms-api-annotation.revision", the new version in the same
 * family with a higher revision. The first is done once `deprecated` is set; the second is half
 * done when a part of the link is missing or wrong, and that is what BRK-DEPRECATION-PROCESS tells.
 */

/** What a deprecation is, and what its change says of it. */
export type DeprecationVerdict =
  /** Something replaces it: CHG-OP-DEPRECATED, naming it. */
  | { kind: 'replaced'; detail: string }
  /** Nothing replaces it, and nothing says something should: CHG-OP-DEPRECATED too. */
  | { kind: 'retired'; detail: string }
  /**
   * A replacement is announced or named, but not linked: BRK-DEPRECATION-PROCESS, with what is
   * missing (`detail`) and the exact edit that links it (`advice`). `newVersion` is the operation
   * named as its new version that the edit is about, when there is one.
   */
  | { kind: 'incomplete'; detail: string; advice: string; newVersion?: OperationInfo };

/** What the judgement reads beside the deprecated operation. */
export interface DeprecationFacts {
  /** The version the operation is deprecated in. */
  readonly model: SwaggerModel;
  /** The names of this connector a replacement's `api` may give (connectorApiNames). */
  readonly apiNames: ReadonlySet<string>;
  /** The family its annotation gave it in the base version: one written now announces a new version. */
  readonly familyBefore: string | undefined;
}

/** How a deprecated operation stands: replaced, retired, or a new version left half linked. */
export function judgeDeprecation(deprecated: OperationInfo, facts: DeprecationFacts): DeprecationVerdict {
  const { model } = facts;
  const replacement = asObject(asObject(deprecated.operation['x-ms-api-annotation'])?.replacement);
  const named = replacementTarget(replacement, deprecated, model, facts.apiNames);
  if (named?.kind === 'here') {
    return replaced(
      `Its replacement is '${operationLabel(named.operation)}', named by its annotation's replacement.`,
    );
  }
  if (named?.kind === 'elsewhere') {
    return replaced(
      `Its replacement is '${nameExcerpt(named.operationId)}' of the connector '${nameExcerpt(named.api)}', named by its annotation's replacement.`,
    );
  }
  if (named?.kind === 'missing') {
    return {
      kind: 'incomplete',
      detail: `Its annotation's replacement names '${nameExcerpt(named.operationId)}', ${missingText(named)}.`,
      advice:
        named.meant === undefined
          ? "Set the replacement's operationId to the operationId of the operation that replaces it."
          : `Set the replacement's operationId to '${nameExcerpt(named.meant)}'.`,
    };
  }

  const declared = declaredVersion(deprecated);
  const family = declared.family;
  const revision = declared.revision ?? 1;
  // Without a family, the versioning doc puts it at revision 1 of the family of its operationId
  // (effectiveFamily), as SWG-OPID-SUFFIX-FAMILY reads it: a newer revision of that links it too.
  const implied = effectiveFamily(deprecated);
  if (implied !== undefined && declared.revision !== undefined) {
    const newest = newestFamilyMembers(model).get(implied);
    if (newest && newest.revision > declared.revision) {
      return replaced(
        `Its replacement is '${operationLabel(newest.operation)}', revision ${newest.revision} of its family '${nameExcerpt(implied)}'${family === undefined ? ' (its operationId, as it has none written)' : ''}.`,
      );
    }
  }

  const successor = newestNamedSuccessor(model, deprecated);
  if (successor) return unlinkedVersion(model, deprecated, successor.operation, successor.version);

  const id = deprecated.operationId ?? family;
  const next = id === undefined ? undefined : `${versionedName(id).base}_V${revision + 1}`;
  if (family !== undefined && family !== facts.familyBefore) {
    return {
      kind: 'incomplete',
      detail: `Its x-ms-api-annotation puts it in the family '${nameExcerpt(family)}' at revision ${revisionText(deprecated, revision)}, which announces a new version, but no operation that is not deprecated has a newer revision of the family${sameRevisionNote(model, family, revision)}.`,
      advice: `Add its new version as '${nameExcerpt(next)}' on a path of its own, with ${annotationMembers(family, revision + 1)} in its "x-ms-api-annotation"; or, if nothing replaces it, leave "family" and "revision" out of its "x-ms-api-annotation": a deprecation without a new version needs only 'deprecated: true' and "(deprecated)" after its summary and description.`,
    };
  }
  return {
    kind: 'retired',
    detail: `Nothing replaces it (no newer revision of a family of it${next === undefined ? '' : `, no '${nameExcerpt(next)}'`}, no replacement in its annotation): its description and the readme can tell makers what to use instead.`,
  };
}

/**
 * The revision as the message names it. A written 0 is read as 1, the service's empty revision
 * (declaredVersion): said so, as Clockify's deprecated 'GetAllUsers' at revision 0 beside its
 * 'GetAllUsers_v1' at revision 1 (a29414fc) was told "at revision 1", which its file does not say.
 */
function revisionText(deprecated: OperationInfo, revision: number): string {
  const written = asObject(deprecated.operation['x-ms-api-annotation'])?.revision;
  return written === 0 ? `0, which counts as revision ${revision} (an empty revision)` : String(revision);
}

/** "('GetTask_v1' has revision 1 too)": the active member the maker took for the newer one. */
function sameRevisionNote(model: SwaggerModel, family: string, revision: number): string {
  const peer = activeMemberAt(model, family, revision);
  return peer === undefined ? '' : ` ('${operationLabel(peer)}' has revision ${revision} too)`;
}

function replaced(detail: string): DeprecationVerdict {
  return { kind: 'replaced', detail };
}

/**
 * A deprecated operation beside the operation named as its new version ('GetTask_V2'): linked when
 * the deprecated one has a family and the new one a newer revision of it (the family step of
 * judgeDeprecation found those); else what is missing, and the members that link them.
 */
function unlinkedVersion(
  model: SwaggerModel,
  deprecated: OperationInfo,
  newVersion: OperationInfo,
  version: number,
): DeprecationVerdict {
  const declared = declaredVersion(deprecated);
  const label = operationLabel(newVersion);
  const own = versionedName(deprecated.operationId!).version;
  if (declared.family === undefined) {
    // Microsoft's versioning doc puts an operation without a family in the family of its
    // operationId, and its deprecate-operation doc names the family so; that doc writes the family
    // on both, which is what is asked. A deprecated 'GetTask_V2' is itself a version of 'GetTask':
    // its family is that one's (SWG-OPID-SUFFIX-FAMILY asks so of it), not 'GetTask_V2'. The new
    // version's own family, if another, is changed, as that rule asks of it.
    const earlier = namedPredecessor(model, deprecated);
    const family = effectiveFamily(earlier ?? deprecated)!;
    const written = declaredVersion(newVersion);
    const linked = written.family === family && written.revision !== undefined && written.revision > own;
    return {
      kind: 'incomplete',
      detail: `${declared.annotated ? 'Its x-ms-api-annotation has no family' : 'It has no x-ms-api-annotation'}: nothing links it to '${label}', named as its new version.`,
      advice: `Set ${annotationMembers(family, own)} in its "x-ms-api-annotation"${linked ? '' : `, and ${annotationMembers(family, version)} in that of '${label}'`}.`,
      newVersion,
    };
  }
  const revision = declared.revision ?? own;
  const gap = versionGap(deprecated, newVersion);
  if (!gap) {
    // Only when a revision is no whole number (SWG-REV-EMPTY's): the family step found the rest.
    return replaced(`Its replacement is '${label}', named as its new version.`);
  }
  return {
    kind: 'incomplete',
    detail: `'${label}', named as its new version, ${gapText(gap, declared.family, revision)}.`,
    advice: `Set ${annotationMembers(declared.family, Math.max(version, revision + 1))} in the "x-ms-api-annotation" of '${label}'.`,
    newVersion,
  };
}
