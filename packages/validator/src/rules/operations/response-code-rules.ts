import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { has, isObject } from '../../swagger/json-values.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { fill, hasSuccessResponse } from './rule-kit.js';
import { operationLabel } from '../../swagger/operation-label.js';
import { isWebhookSubscription } from './webhook-subscription.js';
import { webhooks } from './notification-urls.js';

const RESPONSE_CODE = /^(?:[0-9]{3}|default)$/;

export const responsesRequiredRule: RuleDefinition = {
  id: 'SWG-OP-RESP-REQ',
  file: 'swagger',
  title: 'Define at least one response for every operation.',
  description:
    'Swagger 2.0 requires `responses` with at least one entry, and the service rejects operations without (SVR OperationMustHaveResponse). A webhook trigger whose path declares `x-ms-notification-content` may leave `responses` empty (`{}`): its output is the notification, and nine merged certified connectors subscribe this way (MoreApp Forms and Power Textor were merged so in 2024 updates).',
  levels: sameLevels('error'),
  msCode: 'OperationMustHaveResponse',
  msMessage: 'The operation is not valid, it must contain at least one response definition.',
  example: {
    placement: 'pathItem',
    bad: '"get": { "operationId": "ListTasks" }',
    good: '"get": { "operationId": "ListTasks", "responses": { "200": { "description": "OK" } } }',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    for (const operation of swagger.operations) {
      if (operation.responses.length > 0) continue;
      // An empty `responses` on a webhook subscription is accepted upstream (tyntec-*, MoreApp Forms
      // updated in 2024, Power Textor, Peakboard): the trigger's outputs are the notification's.
      if (isObject(operation.operation.responses) && isWebhookSubscription(swagger, operation)) continue;
      report({
        pointer: has(operation.operation, 'responses')
          ? childPointer(operation.pointer, 'responses')
          : operation.pointer,
        message: 'The operation is not valid, it must contain at least one response definition.',
      });
    }
  },
};

export const successResponseRule: RuleDefinition = {
  id: 'SWG-OP-RESP-SUCCESS',
  file: 'swagger',
  title: 'Define a 2xx response for every operation.',
  description:
    "Without a successful response the designer cannot show outputs (SVR OperationShouldHaveSuccessfulResponse, a warning). 236 merged certified operations only have `default`. The advice is a 200 with the output schema, or a 204; for a webhook registration it is a 201 with a `Location` header, as SWG-WH-DELETE asks, since the trigger's outputs come from `x-ms-notification-content`.",
  levels: sameLevels('warning'),
  msCode: 'OperationShouldHaveSuccessfulResponse',
  msMessage: "The operation '{0}' should have at least one successful response definition.",
  example: {
    placement: 'operation',
    bad: '"responses": { "default": { "description": "OK" } }',
    good: '"responses": { "200": { "description": "OK" } }',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    // Built at the first operation without a 2xx: most connectors have none.
    let webhookOperations: Set<OperationInfo> | undefined;
    for (const operation of swagger.operations) {
      if (operation.responses.length === 0 || hasSuccessResponse(operation)) continue;
      webhookOperations ??= new Set(webhooks(swagger).map((webhook) => webhook.operation));
      const onlyDefault = operation.responses.some((response) => response.code === 'default');
      const advice = webhookOperations.has(operation)
        ? webhookAdvice(onlyDefault)
        : operationAdvice(onlyDefault);
      report({
        pointer: childPointer(operation.pointer, 'responses'),
        message: `${fill(
          "The operation '{0}' should have at least one successful response definition.",
          operationLabel(operation),
        )} ${advice}`,
      });
    }
  },
};

function operationAdvice(onlyDefault: boolean): string {
  // 133 of the 138 corpus warnings have a 'default' response only.
  return onlyDefault
    ? "Describe the success as a 2xx response (200 with the output schema, or 204 when nothing is returned) rather than 'default'."
    : 'Add a 2xx response: 200 with the output schema, or 204 when nothing is returned.';
}

/**
 * A webhook registration answers 201 with the subscription's URL in a Location header, which the
 * platform calls with DELETE when the flow goes (SWG-WH-DELETE); its outputs are the notification's,
 * so "200 with the output schema" would be advice that SWG-WH-DELETE then contradicts.
 */
function webhookAdvice(onlyDefault: boolean): string {
  const response =
    "a 201 response with a 'Location' header (the subscription's URL, which the platform calls with DELETE to remove it)";
  const outputs = "the trigger's outputs are described by 'x-ms-notification-content'.";
  return onlyDefault
    ? `Describe the registration's success as ${response} rather than 'default'; ${outputs}`
    : `Add ${response}; ${outputs}`;
}

export const responseCodeRule: RuleDefinition = {
  id: 'SWG-RESP-CODE',
  file: 'swagger',
  title: "Key responses by a three-digit status code or 'default'.",
  description:
    'Swagger 2.0 response keys are HTTP status codes or `default` (SVR ResponseMustBeDefaultOrHttpStatusCode).',
  levels: sameLevels('error'),
  msCode: 'ResponseMustBeDefaultOrHttpStatusCode',
  msMessage:
    "The response is not valid, the response must be a valid HTTP status code, or the string 'default'.",
  example: {
    placement: 'operation',
    bad: '"responses": { "OK": { "description": "OK" } }',
    good: '"responses": { "200": { "description": "OK" } }',
  },
  check({ swagger, report }) {
    for (const operation of swagger?.operations ?? []) {
      for (const response of operation.responses) {
        if (RESPONSE_CODE.test(response.code) || response.code.startsWith('x-')) continue;
        report({
          pointer: response.pointer,
          message:
            "The response is not valid, the response must be a valid HTTP status code, or the string 'default'.",
        });
      }
    }
  },
};
