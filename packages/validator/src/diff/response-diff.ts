import { childPointer } from '../json/pointer.js';
import { has, isObject } from '../swagger/json-values.js';
import { isEmptySchema } from '../swagger/empty-schema.js';
import type { DeletionPlace } from './counterpart-pointer.js';
import { editedMemberPlace } from './edited-member-place.js';
import type { OperationInfo, ResponseInfo } from '../swagger/operation-info.js';
import { CASE_RULES, CHANGE_RULES } from './change-rules.js';
import type { ChangeRule } from './change-rule-type.js';
import { notificationContent, reportSchemaChanges, type SwaggerDiffContext } from './diff-context.js';
import { operationLabel } from '../swagger/operation-label.js';
import { differingKeys, jsonEqual } from './json-equal.js';
import { viewSchema } from './schema-view.js';
import { boundedList, nameList, quoted } from '../text/message-values.js';
import { otherResponseChanges } from './other-responses.js';
import { changedKeyList } from './changed-keys.js';
import { compareCodeUnits } from '@connector-alm/core';
import { sameType } from './same-type.js';

const DYNAMIC_SCHEMA_KEYS = ['x-ms-dynamic-schema', 'x-ms-dynamic-properties'] as const;
const RESPONSE_KEYS: ReadonlySet<string> = new Set(['description', 'schema']);

/** Reports one change of an operation's responses, at a pointer or at a place (DeletionPlace). */
type AddResponseChange = (
  rule: ChangeRule,
  side: 'old' | 'new',
  place: string | DeletionPlace,
  valuePath: string,
  detail?: string,
  impact?: 'minor' | 'major',
) => void;

/**
 * Compares what an operation returns. Flows read the success response: its root type (object or
 * array) and whether its schema is dynamic decide what the designer offers, so a change there is
 * breaking, as is losing every success response; below the root, output fields are compared one by
 * one. The success code itself is not part of what flows read.
 */
export function diffResponses(
  context: SwaggerDiffContext,
  before: OperationInfo,
  after: OperationInfo,
): void {
  const label = operationLabel(after);
  const add: AddResponseChange = (rule, side, place, valuePath, detail, impact) =>
    context.sink.add({
      rule,
      file: 'swagger',
      side,
      ...(typeof place === 'string' ? { pointer: place } : place),
      operationId: after.operationId,
      valuePath,
      detail,
      impact,
    });

  const previous = successResponse(before.responses);
  const current = successResponse(after.responses);
  if (previous && !current) {
    add(
      CHANGE_RULES.responseChanged,
      'old',
      previous.pointer,
      `operation/${label}/responses/${previous.code}`,
      `The success response ${previous.code} has been removed.`,
    );
  } else if (!previous && current) {
    add(
      CHANGE_RULES.other,
      'new',
      current.pointer,
      `operation/${label}/responses/${current.code}`,
      'Changed: responses.',
    );
  } else if (previous && current) {
    diffSuccessResponse(context, after, previous, current, add);
  }

  const others = otherResponseChanges(
    before.responses,
    after.responses,
    new Set([previous?.code, current?.code]),
  );
  const described = others.redescribed;
  if (described.length > 0) {
    // On the first edited description's line, as the success response's edit is placed.
    const first = described[0]!;
    const codes = described.map(({ is }) => is.code);
    add(
      CHANGE_RULES.textEdited,
      'new',
      editedMemberPlace(first.was.value, first.is.value, first.is.definitionPointer, ['description']),
      codes.length === 1 ? `operation/${label}/responses/${codes[0]}` : `operation/${label}/responses`,
      codes.length === 1
        ? `Edited: the description of response ${codes[0]}.`
        : `Edited: the descriptions of responses ${nameList(codes)}.`,
      'minor',
    );
  }
  if (others.changed.length > 0) {
    const moves = boundedList(others.changed, ({ codes, move }) => `${nameList(codes)} (${move})`, {
      separator: '; ',
    });
    add(
      CHANGE_RULES.other,
      has(after.operation, 'responses') ? 'new' : 'old',
      childPointer(has(after.operation, 'responses') ? after.pointer : before.pointer, 'responses'),
      `operation/${label}/responses`,
      `Changed: responses ${moves}.`,
    );
  }
}

function diffSuccessResponse(
  context: SwaggerDiffContext,
  operation: OperationInfo,
  previous: ResponseInfo,
  current: ResponseInfo,
  add: AddResponseChange,
): void {
  const valuePath = `operation/${operationLabel(operation)}/responses/${current.code}`;
  // Flows read the body whatever success code the service sends, and the designer takes its outputs
  // from the schema, which is compared below: another code (often 'default' replaced by '200', as
  // reviewers ask) breaks nothing by itself.
  if (previous.code !== current.code) {
    add(
      CHANGE_RULES.other,
      'new',
      current.pointer,
      valuePath,
      `Changed: the success status code, from ${previous.code} to ${current.code}. Flows take any 2xx answer as a success and read their outputs from its body, whose schema is compared on its own, so the code alone breaks no flow.`,
    );
  }
  if (!jsonEqual(previous.value.description, current.value.description)) {
    // On the edited line, not the response's first line, which a schema written first can put far above.
    const place = editedMemberPlace(previous.value, current.value, current.definitionPointer, [
      'description',
    ]);
    add(CHANGE_RULES.textEdited, 'new', place, valuePath, 'Edited: description.', 'minor');
  }
  const leftover = differingKeys(previous.value, current.value, RESPONSE_KEYS);
  if (leftover.length > 0) {
    add(
      CHANGE_RULES.other,
      'new',
      current.definitionPointer,
      valuePath,
      `Changed: ${changedKeyList(leftover, previous.value, current.value)}.`,
    );
  }

  const oldPointer = childPointer(previous.definitionPointer, 'schema');
  const newPointer = childPointer(current.definitionPointer, 'schema');
  const hadBody = has(previous.value, 'schema');
  const hasBody = has(current.value, 'schema');
  if (hadBody && !hasBody) {
    // An empty schema declared no output field (reviewers ask for it to go, SWG-RESP-EMPTY-SCHEMA).
    if (isEmptySchema(context.old, previous.value.schema)) {
      add(
        CHANGE_RULES.other,
        'old',
        oldPointer,
        `${valuePath}/schema`,
        'Changed: the empty schema was removed.',
      );
      return;
    }
    add(
      CASE_RULES.responseBodyDeleted,
      'old',
      oldPointer,
      `${valuePath}/schema`,
      'The response no longer has a body.',
    );
    return;
  }
  if (!hadBody && hasBody) {
    add(CHANGE_RULES.outputAdded, 'new', newPointer, `${valuePath}/schema`, 'The response now has a body.');
    return;
  }
  if (!hadBody) return;

  const before = viewSchema(context.old, previous.value.schema, oldPointer);
  const after = viewSchema(context.new, current.value.schema, newPointer);
  if (before && after) {
    if (before.type !== undefined && after.type !== undefined && !sameType(before.type, after.type)) {
      add(
        CHANGE_RULES.responseChanged,
        'new',
        after.pointer,
        `${valuePath}/schema`,
        `The root type changed from ${quoted(before.type)} to ${quoted(after.type)}.`,
      );
      return;
    }
    if (isDynamic(before.node) !== isDynamic(after.node)) {
      add(
        CHANGE_RULES.responseChanged,
        'new',
        after.pointer,
        `${valuePath}/schema`,
        isDynamic(after.node)
          ? 'The response schema changed from static to dynamic.'
          : 'The response schema changed from dynamic to static.',
      );
    }
  }
  const changes = context.schemas.compare(
    previous.value.schema,
    oldPointer,
    current.value.schema,
    newPointer,
    'output',
  );
  reportSchemaChanges(context, changes, operation, `${valuePath}/schema`);
}

/**
 * Compares what a webhook trigger's flows receive, its `x-ms-notification-content` schema, as
 * outputs. A trigger that gains or loses the payload changes kind (webhook or polling), which the
 * operation comparer reports.
 */
export function diffNotificationContent(
  context: SwaggerDiffContext,
  before: OperationInfo,
  after: OperationInfo,
): void {
  const previous = notificationContent(context.old, before);
  const current = notificationContent(context.new, after);
  if (!previous || !current) return;
  const valuePath = `operation/${operationLabel(after)}/x-ms-notification-content`;
  const changes = context.schemas.compare(
    previous.value.schema,
    childPointer(previous.pointer, 'schema'),
    current.value.schema,
    childPointer(current.pointer, 'schema'),
    'output',
  );
  reportSchemaChanges(context, changes, after, `${valuePath}/schema`);
  const add = (
    rule: ChangeRule,
    detail: string,
    impact?: 'minor',
    place: DeletionPlace = { pointer: current.pointer, atValueEnd: false },
  ): void =>
    context.sink.add({
      rule,
      file: 'swagger',
      side: 'new',
      ...place,
      operationId: after.operationId,
      valuePath,
      detail,
      impact,
    });
  if (!jsonEqual(previous.value.description, current.value.description)) {
    // On the edited line: the payload's schema often comes first, and is as long as the trigger's outputs.
    add(
      CHANGE_RULES.textEdited,
      'Edited: description.',
      'minor',
      editedMemberPlace(previous.value, current.value, current.pointer, ['description']),
    );
  }
  const others = differingKeys(previous.value, current.value, new Set(['schema', 'description']));
  if (has(previous.value, 'schema') !== has(current.value, 'schema')) others.push('schema');
  if (others.length > 0)
    add(CHANGE_RULES.other, `Changed: ${changedKeyList(others, previous.value, current.value)}.`);
}

/** The response flows use: the lowest 2xx code, else `default`. */
export function successResponse(responses: readonly ResponseInfo[]): ResponseInfo | undefined {
  const success = responses.filter((response) => /^2\d\d$/.test(response.code));
  success.sort((a, b) => compareCodeUnits(a.code, b.code));
  return success[0] ?? responses.find((response) => response.code === 'default');
}

function isDynamic(schema: Record<string, unknown>): boolean {
  return DYNAMIC_SCHEMA_KEYS.some((key) => isObject(schema[key]));
}
