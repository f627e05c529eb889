import { writtenSchemasOf } from '../swagger/structure.js';
import { childPointer } from '../../json/pointer.js';
import { certificationLevels, sameLevels, type RuleDefinition, type RuleExample } from '../../model/rule.js';
import { asObject, asString, has } from '../../swagger/json-values.js';
import { HolderKey } from './holder-key-bits.js';
import { holderKeysOf } from './holder-keys.js';
import { webhooks, type NotificationUrl } from './notification-urls.js';
import { writtenParameters } from './parameter-index.js';
import { OperationKey } from '../../swagger/operation-keys.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { declaresLocation, fill, isSuccessCode, successResponses } from './rule-kit.js';
import { joinedList, plural } from '@connector-alm/core';
import { operationLabel } from '../../swagger/operation-label.js';
import { nameExcerpt } from '../../text/message-values.js';
import { subscriptionRemover } from './webhook-deletes.js';
import { NOTIFICATION_CONTENT } from '../../swagger/notification-content.js';

function urlRule(
  id: string,
  title: string,
  message: string,
  broken: (url: NotificationUrl) => boolean,
  example: RuleExample & { good: string },
): RuleDefinition {
  return {
    id,
    file: 'swagger',
    title,
    description: `The platform fills the notification URL of a webhook registration itself, so the property must be a hidden, always-sent string in the request body (SVR; create-webhook-trigger doc).`,
    levels: sameLevels('error'),
    msMessage: message,
    example,
    check({ swagger, report }) {
      for (const webhook of swagger ? webhooks(swagger) : []) {
        for (const url of webhook.urls) {
          if (broken(url)) report({ pointer: childPointer(url.pointer, 'x-ms-notification-url'), message });
        }
      }
    },
  };
}

export const webhookRules: RuleDefinition[] = [
  {
    id: 'SWG-WH-NOTIF-URL',
    file: 'swagger',
    title: 'Mark the callback URL of a webhook registration with x-ms-notification-url.',
    description:
      'A webhook trigger (x-ms-trigger with x-ms-notification-content) registers a callback; the body property for it carries `x-ms-notification-url: true` so the platform fills it in (SVR; openapi-extensions doc).',
    levels: sameLevels('error'),
    msMessage: "The webhook operation '{0}' is missing notification URL property.",
    example: {
      placement: 'webhookBody',
      bad: '"schema": { "properties": { "callbackUrl": { "type": "string" } } }',
      good: '"schema": { "properties": { "callbackUrl": { "type": "string", "x-ms-notification-url": true, "x-ms-visibility": "internal" } } }',
    },
    check({ swagger, report }) {
      for (const webhook of swagger ? webhooks(swagger) : []) {
        if (webhook.urls.length > 0) continue;
        report({
          pointer: webhook.operation.pointer,
          message: fill(
            "The webhook operation '{0}' is missing notification URL property.",
            operationLabel(webhook.operation),
          ),
        });
      }
    },
  },
  {
    id: 'SWG-WH-NOTIF-CONTENT',
    file: 'swagger',
    title: 'Describe the webhook payload with x-ms-notification-content.',
    description:
      "The trigger's outputs come from `x-ms-notification-content` on the path item of the registration operation (SVR; the create-webhook-trigger doc's example, and all 269 uses in the corpus). Written inside the operation it is not read, so the finding is at that key and asks to move it up to the path item.",
    levels: sameLevels('error'),
    msMessage:
      "The operation '{0}' is missing notification content extension as it has '{1}' properties marked as notification URL.",
    example: {
      placement: 'paths',
      bad: '"/hooks": { "post": { "x-ms-trigger": "single", … } }',
      good: '"/hooks": { "x-ms-notification-content": { "schema": { "$ref": "#/definitions/Event" } }, "post": { … } }',
    },
    check({ swagger, report }) {
      for (const webhook of swagger ? webhooks(swagger) : []) {
        if (webhook.notificationContent || webhook.urls.length === 0) continue;
        const operation = webhook.operation;
        const message = fill(
          "The operation '{0}' is missing notification content extension as it has '{1}' properties marked as notification URL.",
          operationLabel(operation),
          webhook.urls.length,
        );
        // Not missing but one level too deep: the platform reads the path item's only.
        if (has(operation.operation, NOTIFICATION_CONTENT)) {
          report({
            pointer: childPointer(operation.pointer, NOTIFICATION_CONTENT),
            message: `${message} 'x-ms-notification-content' is written on the operation; move it up to the path item '${nameExcerpt(operation.path)}', beside '${operation.method}'.`,
          });
          continue;
        }
        report({ pointer: operation.pathItemPointer, message });
      }
    },
  },
  {
    id: 'SWG-NOTIF-URL-POS',
    file: 'swagger',
    title: 'Use x-ms-notification-url only in a request body.',
    description: 'Only a request body property can receive the callback URL (SVR).',
    levels: sameLevels('error'),
    msMessage:
      'The notification URL property is not allowed in this position. It is allowed only in input body.',
    example: {
      placement: 'parameter',
      bad: '{ "name": "callback", "in": "query", "type": "string", "x-ms-notification-url": true }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      const message =
        'The notification URL property is not allowed in this position. It is allowed only in input body.';
      // The marked holders are the ones holderKeysOf notes with a true x-ms-notification-url.
      const keys = holderKeysOf(swagger);
      const parameters = writtenParameters(swagger);
      for (let index = 0; index < parameters.length; index++) {
        const parameter = parameters[index]!;
        if ((keys.parameters[index]! & HolderKey.notificationUrl) === 0 || parameter.in === 'body') continue;
        report({ pointer: childPointer(parameter.pointer, 'x-ms-notification-url'), message });
      }
      const schemas = writtenSchemasOf(swagger);
      const marked = keys.schemasWith(HolderKey.notificationUrl);
      for (let at = 0; at < marked.length; at++) {
        const written = schemas[marked[at]!]!;
        if (written.origin !== 'response' && written.origin !== 'global-response') continue;
        report({ pointer: childPointer(written.pointer, 'x-ms-notification-url'), message });
      }
    },
  },
  urlRule(
    'SWG-NOTIF-URL-INTERNAL',
    'Hide the notification URL property (x-ms-visibility: internal).',
    'The notification URL property itself or at least one of its parents must be internal.',
    (url) => !url.internalChain,
    {
      placement: 'webhookBodyProperties',
      bad: '"callbackUrl": { "type": "string", "x-ms-notification-url": true }',
      good: '"callbackUrl": { "type": "string", "x-ms-notification-url": true, "x-ms-visibility": "internal" }',
    },
  ),
  urlRule(
    'SWG-NOTIF-URL-REQUIRED',
    'Make the notification URL property required, and every parent too.',
    'The notification URL property must be required all the way through the schema chain.',
    (url) => !url.requiredChain,
    {
      placement: 'webhookBody',
      bad: '"schema": { "properties": { "callbackUrl": { … "x-ms-notification-url": true } } }',
      good: '"required": true, "schema": { "required": ["callbackUrl"], "properties": { "callbackUrl": { … } } }',
    },
  ),
  urlRule(
    'SWG-NOTIF-URL-STRING',
    'Type the notification URL property as a string.',
    'The notification URL property must be of type string.',
    (url) => !url.isString,
    {
      placement: 'webhookBodyProperties',
      bad: '"callbackUrl": { "type": "object", "x-ms-notification-url": true }',
      good: '"callbackUrl": { "type": "string", "x-ms-notification-url": true }',
    },
  ),
  {
    id: 'SWG-NOTIF-EXT',
    file: 'swagger',
    title: 'Use x-ms-notification only on polling triggers, pointing at a webhook operation.',
    description:
      'x-ms-notification links a polling trigger to the webhook operation that replaces it; it cannot be on a webhook or an action (SVR).',
    levels: sameLevels('error'),
    msMessage: "The 'x-ms-notification' is supported for trigger operations only.",
    example: {
      placement: 'pathItem',
      bad: '"post": { "operationId": "CreateTask", "x-ms-notification": { "operationId": "OnTask" } }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      const webhookOperations = new Set(webhooks(swagger).map((webhook) => webhook.operation));
      for (const operation of swagger.operations) {
        if ((operation.keys & OperationKey.notification) === 0) continue;
        const notification = asObject(operation.operation['x-ms-notification']);
        if (!notification) continue;
        const pointer = childPointer(operation.pointer, 'x-ms-notification');
        if (webhookOperations.has(operation)) {
          report({
            pointer,
            message: "The 'x-ms-notification' extension must not be defined in a webhook operation.",
          });
        } else if (!operation.isTrigger) {
          report({ pointer, message: "The 'x-ms-notification' is supported for trigger operations only." });
        }
        const targetId = asString(notification.operationId);
        const target = targetId === undefined ? undefined : swagger.operationById(targetId);
        if (target && !webhookOperations.has(target)) {
          report({
            pointer: childPointer(pointer, 'operationId'),
            message:
              "The 'operationId' property in 'x-ms-notification' extension must be for a webhook operation.",
          });
        }
      }
    },
  },
  {
    id: 'SWG-WH-DELETE',
    file: 'swagger',
    title: 'Let webhooks be deleted: a DELETE operation, and a 201 with a Location header on registration.',
    description:
      'The create-webhook-trigger doc: "The OpenAPI definition must include a definition for how to delete the webhook", and registration returns 201 with a Location header that the platform calls with DELETE when the flow is removed. A DELETE counts when it is internal, sits under the webhook\'s path, or names a subscription (hook, subscription, notification, callback, register…); a visible DELETE of another resource (DeleteTask) is a user action and cannot remove the subscription. A registration with responses but no 2xx among them gets the 201 advice from SWG-OP-RESP-SUCCESS, as a warning, and not again here.',
    levels: certificationLevels('warning', 'info'),
    example: {
      placement: 'paths',
      bad: '"/hooks": { "post": { … "x-ms-trigger": "single", "responses": { "200": {…} } } } (no DELETE)',
      good: '"/hooks": { "post": { … "responses": { "201": { "headers": { "Location": { "type": "string" } } } } } }, "/hooks/{id}": { "delete": { "x-ms-visibility": "internal" } }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      // Both built at the first webhook: most connectors have none.
      let deletions: OperationInfo[] | undefined;
      let removesSubscription: ((webhookPath: string) => boolean) | undefined;
      for (const webhook of webhooks(swagger)) {
        if (webhook.urls.length === 0) continue;
        const operation = webhook.operation;
        // A DELETE that is itself a trigger removes nothing for the platform (SWG-TRIGGER-ENUM warns of it).
        deletions ??= swagger.operations.filter(
          (candidate) => candidate.method === 'delete' && !candidate.isTrigger,
        );
        removesSubscription ??= subscriptionRemover(deletions);
        if (deletions.length === 0) {
          report({
            pointer: operation.pointer,
            message: `The webhook operation '${operationLabel(operation)}' has no matching DELETE operation; define one (usually internal) so the platform can remove the subscription.`,
          });
        } else if (!removesSubscription(operation.path)) {
          report({ pointer: operation.pointer, message: unrelatedDeletesMessage(operation, deletions) });
        }
        const created = operation.responses.find((response) => response.code === '201');
        const location = declaresLocation(operation, '201');
        // Responses without a 2xx get this advice from SWG-OP-RESP-SUCCESS, as a warning at the same
        // place. Empty responses do not: that rule leaves them to SWG-OP-RESP-REQ.
        const toldBySuccessRule =
          operation.responses.length > 0 &&
          !operation.responses.some((response) => isSuccessCode(response.code));
        if (!toldBySuccessRule && (!created || !location)) {
          // Most merged webhooks document 200 only (73 certified connectors), so this part is a hint.
          report({
            pointer: created ? created.pointer : childPointer(operation.pointer, 'responses'),
            severity: 'info',
            message: registrationResponseMessage(operation, created !== undefined),
          });
        }
      }
    },
  },
];

/**
 * What to write where a registration lacks the 201 with a Location header. Where the 201 is there,
 * only the header is missing: "should return 201" was said to 274 upstream registrations that do.
 * Otherwise the message names the codes the registration documents, which the 201 is to join or
 * replace: the API, not the swagger, decides what it answers.
 */
function registrationResponseMessage(operation: OperationInfo, has201: boolean): string {
  const label = operationLabel(operation);
  const header = `"headers": { "Location": { "type": "string" } }`;
  const why =
    'the URL of the new subscription, which the platform calls with DELETE to remove it when the flow is deleted';
  if (has201)
    return `The 201 response of the webhook operation '${label}' has no 'Location' header: add ${header} to it, ${why}.`;
  const codes = successResponses(operation).map((response) => response.code);
  const documented =
    codes.length === 0 ? 'documents no response' : `documents ${joinedList(codes)} and no 201`;
  return `The webhook operation '${label}' ${documented}: registration is to answer 201 with a 'Location' header, ${why}. Document the 201 the API returns, with ${header}.`;
}

function unrelatedDeletesMessage(webhook: OperationInfo, deletions: OperationInfo[]): string {
  const first = deletions[0]!;
  const others =
    deletions.length > 1 ? ` (and ${plural(deletions.length - 1, 'more DELETE operation')})` : '';
  return `The webhook operation '${operationLabel(webhook)}' has no DELETE operation that removes its subscription: '${operationLabel(first)}' is a visible action on ${nameExcerpt(first.path)}${others}. Define an internal DELETE for the subscription URL that the registration returns in its Location header, so the platform can remove the subscription when the flow is deleted.`;
}
