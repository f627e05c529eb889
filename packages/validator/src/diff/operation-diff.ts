import { appendAll } from '@connector-alm/core';
import { childPointer, valueAtPointer } from '../json/pointer.js';
import { asString, has } from '../swagger/json-values.js';
import { memberDeletionPlace, type DeletionPlace } from './counterpart-pointer.js';
import { editedMemberPlace } from './edited-member-place.js';
import type { SwaggerModel } from '../swagger/swagger-model.js';
import type { OperationInfo } from '../swagger/operation-info.js';
import { respelledStatus } from './case-respelling.js';
import { CHANGE_RULES } from './change-rules.js';
import type { ChangeRule } from './change-rule-type.js';
import { notificationContent, type SwaggerDiffContext } from './diff-context.js';
import { operationLabel } from '../swagger/operation-label.js';
import { differingKeys, jsonEqual } from './json-equal.js';
import { diffMcpProtocol } from './mcp-diff.js';
import { diffParameters } from './parameter-diff.js';
import {
  inBaseNames,
  pathBase,
  requestAddress,
  swaggerAddress,
  type RequestAddress,
} from './request-address.js';
import { policyLabel } from './reroute-policies.js';
import { unfollowedPathItems } from './path-item-refs.js';
import { excerpt, quoted } from '../text/message-values.js';
import { changedKeyList } from './changed-keys.js';
import { diffNotificationContent, diffResponses } from './response-diff.js';
import { EndpointQueue, normalizePath } from './endpoint-index.js';
import { judgeDeprecation, type DeprecationVerdict } from './deprecation-check.js';
import { declaredVersion, namedPredecessor } from '../swagger/operation-versions.js';
import { isNotificationUrl } from '../swagger/notification-url.js';

/** Keys of an operation that this module (or the parameter and response comparers) handles. */
const OPERATION_KEYS: ReadonlySet<string> = new Set([
  'operationId',
  'summary',
  'description',
  'parameters',
  'responses',
  'deprecated',
  'x-ms-visibility',
  'x-ms-trigger',
  'x-ms-api-annotation',
  'x-ms-agentic-protocol',
]);
/** Operation texts that Microsoft counts as a minor update. */
const OPERATION_TEXT_KEYS = ['summary', 'description'] as const;

/** The operations of both versions, each old one with its counterpart in the new, and the rest. */
export interface OperationPairs {
  pairs: [OperationInfo, OperationInfo][];
  /** The new operations that are some old one's counterpart. */
  matchedNew: Set<OperationInfo>;
  unmatchedOld: OperationInfo[];
}

/**
 * Each old operation with its counterpart in the new version: the one of the same operationId, or,
 * for an operation without one, the one without one at the same method and path. A new operation is
 * the counterpart of one old operation at most.
 */
export function operationPairs(context: SwaggerDiffContext): OperationPairs {
  const matchedNew = new Set<OperationInfo>();
  const pairs: [OperationInfo, OperationInfo][] = [];
  const unmatchedOld: OperationInfo[] = [];
  const withoutId = new EndpointQueue(
    context.new.operations.filter((operation) => operation.operationId === undefined),
  );
  for (const before of context.old.operations) {
    const after =
      before.operationId !== undefined
        ? context.new.operationById(before.operationId)
        : withoutId.first(before);
    if (after && !matchedNew.has(after)) {
      matchedNew.add(after);
      pairs.push([before, after]);
    } else {
      unmatchedOld.push(before);
    }
  }
  return { pairs, matchedNew, unmatchedOld };
}

/**
 * Matches the operations of two versions and compares each pair. Flows reference an operation by
 * its operationId, so that is the key (as in Microsoft's change validator). An operationId that
 * disappeared while another one appeared on the same method and path is a rename: still breaking,
 * but reported as one change that says so instead of a deletion plus an addition.
 */
export function diffOperations(context: SwaggerDiffContext): void {
  const oldOperations = context.old.operations;
  const newOperations = context.new.operations;
  const oldIds = new Set(oldOperations.map((operation) => operation.operationId).filter(isString));
  const { pairs, matchedNew, unmatchedOld } = operationPairs(context);

  // Operations at a path whose path item, in the other version, is a `$ref` that cannot be followed:
  // that version's operations there are unknown, so these are neither deleted nor added
  // (diffPathItemRefs says why they were not compared).
  const unfollowedNew = unfollowedPathItems(context.new);
  const unfollowedOld = unfollowedPathItems(context.old);

  // A rename's new id is one the old version did not have, so no pair above took it: each is handed
  // out once, to the first old operation at its endpoint.
  const renameCandidates = new EndpointQueue(
    newOperations.filter(
      (operation) => operation.operationId !== undefined && !oldIds.has(operation.operationId),
    ),
  );
  for (const before of unmatchedOld) {
    if (unfollowedNew.has(before.path)) continue;
    const renamed = renameCandidates.take(before);
    if (renamed) {
      matchedNew.add(renamed);
      context.sink.add({
        rule: CHANGE_RULES.opDeleted,
        file: 'swagger',
        side: 'new',
        // The line the maker edited: the operation's first line can be far from it.
        pointer: childPointer(renamed.pointer, 'operationId'),
        operationId: before.operationId,
        valuePath: `operation/${operationLabel(before)}`,
        ...renameTold(before, renamed, context.apiNames),
      });
      continue;
    }
    context.sink.add({
      rule: CHANGE_RULES.opDeleted,
      file: 'swagger',
      side: 'old',
      pointer: before.pointer,
      operationId: before.operationId,
      valuePath: `operation/${operationLabel(before)}`,
      ...(before.isDeprecated
        ? {
            detail: 'It was deprecated; deleting it still breaks the flows that use it.',
            advice: KEEP_DEPRECATED,
          }
        : {
            advice:
              "Deprecate it instead: keep it, with 'deprecated: true' and \"(deprecated)\" after its summary and description; when a new version replaces it, put both in one 'x-ms-api-annotation' family, the new one ('<operationId>_V2') at a higher revision.",
          }),
    });
  }

  for (const after of newOperations) {
    if (matchedNew.has(after) || unfollowedOld.has(after.path)) continue;
    context.sink.add({
      rule: CHANGE_RULES.operationAdded,
      file: 'swagger',
      side: 'new',
      pointer: after.pointer,
      operationId: after.operationId,
      valuePath: `operation/${operationLabel(after)}`,
    });
    checkNewVersion(context, after);
  }

  for (const [before, after] of pairs) diffOperation(context, before, after);
}

function diffOperation(context: SwaggerDiffContext, before: OperationInfo, after: OperationInfo): void {
  const valuePath = `operation/${operationLabel(after)}`;
  const add = (
    rule: ChangeRule,
    detail?: string,
    impact?: 'minor' | 'major',
    pointer = after.pointer,
    atValueEnd?: boolean,
  ): void =>
    context.sink.add({
      rule,
      file: 'swagger',
      side: 'new',
      pointer,
      atValueEnd,
      operationId: after.operationId,
      valuePath,
      detail,
      impact,
    });
  const others: string[] = [];

  // A new base path alone is reported once, for the document; a path template that changed only
  // because the base path took or gave up a prefix leaves the address as it was. One that only
  // renamed a path parameter ('/tasks/{taskId}' to '/tasks/{id}') calls the same address too: the
  // parameter comparison reports the rename, once (and the policy comparison a route edited with it).
  if (before.path !== after.path || before.method !== after.method) {
    const was = swaggerAddress(context.old, context.routes?.old ?? [], before);
    const is = swaggerAddress(context.new, context.routes?.new ?? [], after);
    const parameterRenamed =
      normalizePath(was) === normalizePath(is) && pathParameterNames(before) !== pathParameterNames(after);
    const routed = routedAddresses(context, before, after);
    const routedTo = routed && inBaseNames(routed.is, before, after);
    if (was === is) {
      others.push('path template, with the same address');
    } else if (parameterRenamed) {
      // Told by the parameter comparison.
    } else if (routed && routed.was.address === routedTo) {
      // A route policy added or kept with the edit: the requests still reach the old address, maybe
      // with a path parameter renamed (reported by the parameter comparison). Told where
      // BRK-PATH-CHANGED would be, in a sentence of its own (a name list cuts long items).
      const address = quoted(routed.is.address);
      const renamed =
        routed.is.address === routed.was.address
          ? ''
          : `, the base version's ${quoted(routed.was.address)} with its path parameter renamed`;
      add(
        CHANGE_RULES.other,
        routed.is.route
          ? `Changed: path template, with the policy ${policyLabel(routed.is.route)} of apiProperties.json still sending its requests to ${address}${renamed}.`
          : `Changed: path template, now at ${address}, where the base version's policy ${policyLabel(routed.was.route!)} sent its requests${renamed && ` (${quoted(routed.was.address)}, with its path parameter renamed)`}.`,
        undefined,
        before.path !== after.path ? childPointer('/paths', after.path) : after.pointer,
      );
    } else {
      // On the path template when it changed (the operation may be far below it), else the method.
      add(
        CHANGE_RULES.pathChanged,
        `It changed from ${quoted(`${before.method.toUpperCase()} ${before.path}`)} to ${quoted(`${after.method.toUpperCase()} ${after.path}`)}${fullPaths(context, before, after)}.`,
        undefined,
        before.path !== after.path ? childPointer('/paths', after.path) : after.pointer,
      );
    }
  }

  // Each on the member the maker edited, as a pull request's diff holds it: the operation's first
  // line can be far above it, where an annotation is not shown inline.
  const kindBefore = triggerKind(context.old, before);
  const kindAfter = triggerKind(context.new, after);
  if (kindBefore !== kindAfter) {
    const place = triggerKindPlace(context, before, after);
    add(
      CHANGE_RULES.triggerKind,
      `It changed from ${kindBefore} to ${kindAfter}.`,
      undefined,
      place.pointer,
      place.atValueEnd,
    );
  }
  diffMcpProtocol(context, before, after);

  const deprecatedNow = !before.isDeprecated && after.isDeprecated;
  if (deprecatedNow) {
    const verdict = judgeDeprecation(after, {
      model: context.new,
      apiNames: context.apiNames,
      familyBefore: declaredVersion(before).family,
    });
    reportDeprecation(context, after, verdict, childPointer(after.pointer, 'deprecated'));
  } else if (before.isDeprecated !== after.isDeprecated) {
    others.push('deprecated');
  }
  // Hiding a deprecated operation is part of deprecating it, not a visibility change: in this update
  // or after an earlier one that deprecated it: the designer no longer offers it to new flows anyway.
  if (!before.isInternal && after.isInternal && !after.isDeprecated) {
    add(
      CHANGE_RULES.visibilityInternal,
      undefined,
      undefined,
      childPointer(after.pointer, 'x-ms-visibility'),
    );
  } else if (!jsonEqual(before.visibility, after.visibility) && !deprecatedNow) {
    others.push('x-ms-visibility');
  }
  const annotationBefore = before.operation['x-ms-api-annotation'];
  const annotationAfter = after.operation['x-ms-api-annotation'];
  if (!deprecatedNow && !jsonEqual(annotationBefore, annotationAfter)) {
    const status = respelledStatus(annotationBefore, annotationAfter);
    if (status) {
      const pointer = `${childPointer(after.pointer, 'x-ms-api-annotation')}${status.below}`;
      add(CHANGE_RULES.other, `Respelled: x-ms-api-annotation.status, ${status.detail}.`, 'minor', pointer);
    } else {
      others.push('x-ms-api-annotation');
    }
  }

  const edited = OPERATION_TEXT_KEYS.filter((key) => !jsonEqual(before.operation[key], after.operation[key]));
  if (edited.length > 0) {
    // On the edited line: the operation's first line can be far above it, parameters between.
    const place = editedMemberPlace(before.operation, after.operation, after.pointer, edited);
    add(CHANGE_RULES.textEdited, `Edited: ${edited.join(', ')}.`, 'minor', place.pointer, place.atValueEnd);
  }

  appendAll(others, differingKeys(before.operation, after.operation, OPERATION_KEYS));
  if (others.length > 0) {
    add(CHANGE_RULES.other, `Changed: ${changedKeyList(others, before.operation, after.operation)}.`);
  }

  diffParameters(context, before, after);
  diffResponses(context, before, after);
  diffNotificationContent(context, before, after);
}

/**
 * ", the full path from '/v1/tasks/{taskId}' to '/v2/tasks/{taskId}'": where the path template goes
 * below the host, when the base path (or a dynamichosturl urlTemplate's path) changed too, so that
 * the templates alone do not tell the move. Empty when the base is the same, or cannot be read.
 */
function fullPaths(context: SwaggerDiffContext, before: OperationInfo, after: OperationInfo): string {
  const was = pathBase(context.old, context.routes?.old ?? [], before);
  const is = pathBase(context.new, context.routes?.new ?? [], after);
  if (was === undefined || is === undefined || was === is) return '';
  return `, the full path from ${quoted(`${was}${before.path}`)} to ${quoted(`${is}${after.path}`)}`;
}

/**
 * Where the operation's requests go in each version when a route policy (routerequesttoendpoint)
 * rewrites them in either: undefined when none does, the policies are not known, or either address
 * cannot be told for sure (request-address.ts), so the swagger's addresses are compared.
 */
function routedAddresses(
  context: SwaggerDiffContext,
  before: OperationInfo,
  after: OperationInfo,
): { was: RequestAddress; is: RequestAddress } | undefined {
  if (!context.routes) return undefined;
  const was = requestAddress(context.old, context.routes.old, before);
  const is = requestAddress(context.new, context.routes.new, after);
  if (!was || !is || (!was.route && !is.route)) return undefined;
  return { was, is };
}

/**
 * What to do about deleting an operation that was deprecated already. Microsoft's deprecate-operation
 * doc tells what deprecating does, and nothing of deleting later: the designer hides a deprecated
 * operation from new flows, and the flows that use it keep working, as long as it is in the swagger.
 */
const KEEP_DEPRECATED =
  'Keep it in the swagger, deprecated, as the versioning process does: the designer already hides it from new flows, and the flows built on it keep working.';

/**
 * What to do about an operationId renamed on the same method and path, apart from what happened,
 * with the real names: the old operationId, the new one, and this connector's API name. Each way it
 * names comes out of the comparison and of validation clean: the deprecated operation without its
 * "(deprecated)" labels is SWG-DEPRECATED-LABEL's, without a family BRK-DEPRECATION-PROCESS's, and a
 * revision 2 not named '_V2' SWG-OPID-REV-SUFFIX's: a maker who followed a shorter advice met each.
 * Two operations cannot share a method and path: the new one needs a path of its own. The
 * replacement's `api` is said: no Microsoft doc names its value, and one that is not this connector's
 * name (connector-api-names.ts) reads as another connector's, whose operation no check can see, so a
 * misspelt operationId would pass unseen. The first of those names is the folder's, as the platform
 * names its API ('Contoso Tasks' is 'contosotasks'); without one, the advice says how to make it.
 * Each name is cut as messages cut values, so that a hostile one cannot make the message long.
 */
function renameAdvice(was: string, is: string, apiNames: ReadonlySet<string>): string {
  const [api] = apiNames;
  const replacement =
    api === undefined
      ? `{"api": "<connector>", "operationId": ${JSON.stringify(excerpt(is))}}, where <connector> is the connector folder's name in lower-case letters and digits`
      : `{"api": ${JSON.stringify(excerpt(api))}, "operationId": ${JSON.stringify(excerpt(is))}}`;
  return `Keep the old operationId. Or keep the operation under it, deprecated ('deprecated: true', "(deprecated)" after its summary and description, an 'x-ms-api-annotation' family with revision 1), and add the new one on a path of its own: as ${quoted(`${was}_V2`)} in the same family with revision 2, or under its new name, set as the deprecated one's annotation 'replacement', ${replacement}.`;
}
/** The same for a rename that changed the letter case only. */
const LETTER_CASE_ADVICE = 'Put back the old operationId.';

/** How an operationId renamed on the same method and path is told: what changed, and what to do. */
function renameTold(
  before: OperationInfo,
  renamed: OperationInfo,
  apiNames: ReadonlySet<string>,
): { detail: string; advice: string } {
  const was = operationLabel(before);
  const is = operationLabel(renamed);
  // Deprecating 'GetTask' for a replacement 'getTask' would leave two ids that differ in case only.
  if (was.toLowerCase() === is.toLowerCase()) {
    return {
      detail: `Only the letter case of its operationId changed, to ${quoted(is)}: flows name the operation by its exact operationId.`,
      advice: LETTER_CASE_ADVICE,
    };
  }
  return {
    detail: `It was renamed to ${quoted(is)} (same method and path).`,
    advice: renameAdvice(was, is, apiNames),
  };
}

/**
 * A deprecation's change: CHG-OP-DEPRECATED naming its replacement, or that nothing replaces it;
 * BRK-DEPRECATION-PROCESS with what is missing of a new version's link, and the edit that makes it.
 */
function reportDeprecation(
  context: SwaggerDiffContext,
  deprecated: OperationInfo,
  verdict: DeprecationVerdict,
  pointer: string,
): void {
  const incomplete = verdict.kind === 'incomplete';
  context.sink.add({
    rule: incomplete ? CHANGE_RULES.deprecationProcess : CHANGE_RULES.operationDeprecated,
    file: 'swagger',
    side: 'new',
    pointer,
    operationId: deprecated.operationId,
    valuePath: `operation/${operationLabel(deprecated)}`,
    detail: verdict.detail,
    ...(incomplete ? { advice: verdict.advice } : {}),
  });
}

/**
 * An operation new in this version, named as the new version of one deprecated in the base version
 * already ('GetTask_V2' beside 'GetTask'): when nothing links the two, BRK-DEPRECATION-PROCESS of
 * the deprecated one, on the new one's annotation (or its first line), the edit to make. One
 * deprecated in this version is told with its deprecation.
 */
function checkNewVersion(context: SwaggerDiffContext, added: OperationInfo): void {
  const earlier = namedPredecessor(context.new, added);
  if (!earlier?.isDeprecated || !context.old.operationById(earlier.operationId!)?.isDeprecated) return;
  const verdict = judgeDeprecation(earlier, {
    model: context.new,
    apiNames: context.apiNames,
    familyBefore: declaredVersion(earlier).family,
  });
  if (verdict.kind !== 'incomplete' || verdict.newVersion !== added) return;
  const annotated = has(added.operation, 'x-ms-api-annotation');
  reportDeprecation(
    context,
    earlier,
    verdict,
    annotated ? childPointer(added.pointer, 'x-ms-api-annotation') : added.pointer,
  );
}

/**
 * The line that changed the operation's trigger kind: its `x-ms-trigger`, else its notification
 * content (what makes a trigger a webhook), or where the one deleted was (deletionPlace: a deleted
 * last member at the end of the one before it). The operation itself when neither changed: an
 * `x-ms-notification-url` parameter added or removed.
 */
function triggerKindPlace(
  context: SwaggerDiffContext,
  before: OperationInfo,
  after: OperationInfo,
): DeletionPlace {
  const start = (pointer: string): DeletionPlace => ({ pointer, atValueEnd: false });
  if (!jsonEqual(before.operation['x-ms-trigger'], after.operation['x-ms-trigger'])) {
    return has(after.operation, 'x-ms-trigger')
      ? start(childPointer(after.pointer, 'x-ms-trigger'))
      : deletedMemberPlace(context, before.pointer, after.pointer, 'x-ms-trigger');
  }
  const contentBefore = notificationContent(context.old, before);
  const contentAfter = notificationContent(context.new, after);
  if (contentAfter && !contentBefore) return start(contentAfter.pointer);
  if (contentBefore && !contentAfter) {
    return deletedMemberPlace(
      context,
      before.pathItemPointer,
      after.pathItemPointer,
      'x-ms-notification-content',
    );
  }
  return start(after.pointer);
}

/**
 * Where `member` of the object at `was` in the base version, deleted, left its place in the object
 * at `is` (an operation, or its path item, which can be at another path in the new version).
 */
function deletedMemberPlace(
  context: SwaggerDiffContext,
  was: string,
  is: string,
  member: string,
): DeletionPlace {
  return memberDeletionPlace(
    valueAtPointer(context.old.root, was),
    valueAtPointer(context.new.root, is),
    is,
    member,
  );
}

/** "action", or a trigger's kind: single or batch, webhook or polling. */
function triggerKind(model: SwaggerModel, operation: OperationInfo): string {
  if (!operation.isTrigger) return 'an action';
  const trigger = excerpt(asString(operation.operation['x-ms-trigger']) ?? 'unknown');
  const webhook =
    notificationContent(model, operation) !== undefined ||
    operation.parameters.some((parameter) => isNotificationUrl(parameter.value));
  return `a ${trigger} ${webhook ? 'webhook' : 'polling'} trigger`;
}

/** The names of the operation's path parameters, sorted: what its path template's braces name. */
function pathParameterNames(operation: OperationInfo): string {
  return operation.parameters
    .filter((parameter) => parameter.in === 'path')
    .map((parameter) => parameter.name ?? '')
    .sort()
    .join('\u0000');
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}
