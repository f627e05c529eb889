import { closestMatcher, type ClosestMatcher } from '@connector-alm/core';
import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asObject, has } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { OperationKey } from '../../swagger/operation-keys.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { nameExcerpt } from '../../text/message-values.js';
import { dynamicCalls, type DynamicCall } from './dynamic-index.js';
import { perModel } from './rule-kit.js';

const NOT_FOUND = "The 'operationId' could not be found in this swagger document.";

/**
 * Calls `visit` with every operationId reference outside dynamic extensions: notifications,
 * capabilities, simulate. `at` is the holder's place, its pointer built only to report: this runs
 * for every operation, and a few have such a reference.
 */
function forEachOtherOperationReference(
  model: SwaggerModel,
  visit: (operationId: unknown, at: () => string) => void,
): void {
  const visitHolder = (holder: unknown, at: () => string): void => {
    const object = asObject(holder);
    if (object && has(object, 'operationId'))
      visit(object.operationId, () => childPointer(at(), 'operationId'));
  };
  // Indexed, and no closure made in the loop's body: a closure over `operation` there made a context
  // for every operation, and each step of a for…of an iterator result (~0.45 MB a corpus run).
  const operations = model.operations;
  for (let index = 0; index < operations.length; index++) {
    const operation = operations[index]!;
    if ((operation.keys & (OperationKey.notification | OperationKey.operationContext)) === 0) continue;
    const body = operation.operation;
    if (has(body, 'x-ms-notification')) visitHolder(body['x-ms-notification'], notificationAt(operation));
    const context = asObject(body['x-ms-operation-context']);
    if (context) visitHolder(context.simulate, simulateAt(operation));
  }
  const capabilities = asObject(model.root['x-ms-capabilities']);
  const filePicker = asObject(capabilities?.['file-picker']);
  for (const part of ['open', 'browse'])
    visitHolder(filePicker?.[part], () => childPointer('/x-ms-capabilities', 'file-picker', part));
  visitHolder(capabilities?.testConnection, () => childPointer('/x-ms-capabilities', 'testConnection'));
}

function notificationAt(operation: OperationInfo): () => string {
  return () => childPointer(operation.pointer, 'x-ms-notification');
}

function simulateAt(operation: OperationInfo): () => string {
  return () => childPointer(operation.pointer, 'x-ms-operation-context', 'simulate');
}

/**
 * The operationIds of a swagger, prepared once to name the one a misspelt reference is closest to.
 * Listed and prepared again for each reference, 3,000 misspelt references took 87 s.
 */
const operationIdMatcher = perModel((model: SwaggerModel): ClosestMatcher => {
  const ids: string[] = [];
  for (const operation of model.operations)
    if (operation.operationId !== undefined) ids.push(operation.operationId);
  return closestMatcher(ids);
});

/** ` Did you mean 'X'?` with the operationId a misspelt one is closest to, or nothing. */
function meantOperation(model: SwaggerModel, operationId: unknown): string {
  if (typeof operationId !== 'string') return '';
  const match = operationIdMatcher(model)(operationId);
  return match === undefined ? '' : ` Did you mean '${nameExcerpt(match)}'?`;
}

function operationIdAt(call: DynamicCall): () => string {
  return () => childPointer(call.pointer, 'operationId');
}

export const operationIdReferenceRule: RuleDefinition = {
  id: 'SWG-DYN-OPID',
  file: 'swagger',
  title: 'Reference operations that exist.',
  description:
    "Dynamic values, lists, schemas, properties and trees, x-ms-notification, x-ms-capabilities and x-ms-operation-context call other operations by operationId; a missing one breaks the designer (SVR OperationIdNotFound). Calls written in a webhook's payload schema (x-ms-notification-content) are checked too, and the message names the operationId a misspelt one is closest to.",
  levels: sameLevels('error'),
  msCode: 'OperationIdNotFound',
  msMessage: NOT_FOUND,
  example: {
    placement: 'parameter',
    bad: '"x-ms-dynamic-values": { "operationId": "ListProjcts" }',
    good: '"x-ms-dynamic-values": { "operationId": "ListProjects" }',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    const checkReference = (operationId: unknown, at: () => string): void => {
      if (typeof operationId === 'string' && swagger.operationById(operationId)) return;
      report({
        pointer: at(),
        message: `${NOT_FOUND} '${nameExcerpt(String(operationId))}' is not the operationId of any operation.${meantOperation(swagger, operationId)}`,
      });
    };
    // Indexed, and the pointer's closure made by a function: a closure over `call` in the loop
    // made a context for every call.
    const calls = dynamicCalls(swagger);
    for (let index = 0; index < calls.length; index++) {
      const call = calls[index]!;
      if (has(call.call, 'operationId')) checkReference(call.call.operationId, operationIdAt(call));
    }
    forEachOtherOperationReference(swagger, checkReference);
  },
};
