import { joinedList } from '@connector-alm/core';
import { childPointer } from '../../json/pointer.js';
import { certificationLevels, sameLevels, type RuleDefinition } from '../../model/rule.js';
import { isObject, type JsonObject } from '../../swagger/json-values.js';
import { isEmptySchema } from '../../swagger/empty-schema.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { declaresLocation, fill, hasSuccessResponse, isSuccessCode, successResponses } from './rule-kit.js';
import { operationLabel } from '../../swagger/operation-label.js';
import { nameExcerpt } from '../../text/message-values.js';
import { isWebhookSubscription } from './webhook-subscription.js';
import { nonJsonBodySchema } from './produced-body.js';
import { multiSchemaAdvice, schemaPlan } from './multi-schema-advice.js';
import { webhooks } from './notification-urls.js';

function hasSchema(response: { value: JsonObject }): boolean {
  return isObject(response.value.schema);
}

// Loops over the responses rather than filtered lists: these run for every operation, and each
// list was a new array per operation and rule.

function countWithSchema(operation: OperationInfo): number {
  let count = 0;
  for (const response of operation.responses) if (hasSchema(response)) count++;
  return count;
}

/** A 2xx response has a schema, and neither 200 nor 201 has one. */
function schemaOnlyOnOtherSuccess(operation: OperationInfo): boolean {
  let other = false;
  for (const response of operation.responses) {
    if (!isSuccessCode(response.code) || !hasSchema(response)) continue;
    if (response.code === '200' || response.code === '201') return false;
    other = true;
  }
  return other;
}

/** `4xx` or `5xx`: an error response, whose schema the designer never shows as outputs. */
function isErrorCode(code: string): boolean {
  return code.length === 3 && (code[0] === '4' || code[0] === '5') && /^\d\d$/.test(code.slice(1));
}

/**
 * The error responses with a schema, when those are the operation's only schemas: none on a 2xx, none
 * on 'default' (which SWG-RESP-DEFAULT-SCHEMA judges, and which silences SWG-RESP-DEFINED as before).
 * Empty otherwise.
 */
function schemaOnlyOnErrors(operation: OperationInfo): OperationInfo['responses'] {
  const errors: OperationInfo['responses'] = [];
  for (const response of operation.responses) {
    if (!hasSchema(response)) continue;
    if (!isErrorCode(response.code)) return [];
    errors.push(response);
  }
  return errors;
}

/**
 * The 2xx responses that should carry the output: not 204 (no content) nor 202 (accepted, no body),
 * which SWG-RESP-DEFINED accepts without a schema too.
 */
function successResponsesWithBody(operation: OperationInfo): OperationInfo['responses'] {
  return successResponses(operation).filter((r) => r.code !== '204' && r.code !== '202');
}

/**
 * The advice of SWG-RESP-SCHEMA-200 when only error responses have a schema (LatinShare SHP
 * Management's CheckInDocument: a 200 without one, schemas on 400, 401, 404 and 500).
 */
function errorOnlyAdvice(
  operation: OperationInfo,
  errors: OperationInfo['responses'],
  output: string,
  nonJson: string | undefined,
): string {
  const codes = errors.map((response) => nameExcerpt(response.code));
  const one = codes.length === 1;
  const where = `Its only ${one ? 'schema is' : 'schemas are'} on the ${joinedList(codes, { max: 4 })} error ${one ? 'response' : 'responses'}, which the designer does not show.`;
  const code = nameExcerpt(output);
  if (nonJson !== undefined) {
    return `${where} It produces no JSON: write ${nonJson} as the schema of the ${code} response.`;
  }
  // A polling trigger that answers 204 fires nothing: "use a 204" would be no advice for it.
  return operation.isTrigger
    ? `${where} Describe the response body in a schema on the ${code} response: it is what the trigger passes to the flow.`
    : `${where} Describe the response body in a schema on the ${code} response, or use a 204 response when the operation returns no body.`;
}

/**
 * What to do with the schemas of the other 2xx responses, for SWG-RESP-SCHEMA-200. A 204 has no
 * body at all (56 corpus operations put a schema there, often on a DELETE that returns nothing).
 */
function schemaMoveAdvice(operation: OperationInfo): string {
  const codes: string[] = [];
  for (const response of operation.responses) {
    if (isSuccessCode(response.code) && hasSchema(response)) codes.push(response.code);
  }
  if (codes.every((code) => code === '204')) {
    return 'A 204 response has no content: move its schema to a 200 response, or remove it if the operation returns nothing.';
  }
  // The asynchronous pattern, which Power Automate and Logic Apps follow by polling the Location
  // (InEight's 50 import operations): moving the 202's schema to a 200 would describe the acceptance
  // as the result.
  if (codes.length === 1 && codes[0] === '202' && declaresLocation(operation, '202')) {
    return "A 202 with a Location header is polled at that address until the work is done, and the action's outputs are the final response's: describe them on a 200 response and leave the 202 without a schema.";
  }
  return `Move the schema of the ${codes.join(', ')} response to a 200 or 201 response.`;
}

export const defaultResponseSchemaRule: RuleDefinition = {
  id: 'SWG-RESP-DEFAULT-SCHEMA',
  file: 'swagger',
  title: "Do not give the 'default' response a schema.",
  description:
    'SVR (DefaultResponseHasSchema) and certification: schemas belong on expected responses. Reviewers now reject it ("Default responses are not allowed anymore", PR #1425); 70 merged connectors still have one, so it is a warning. An operation with no 2xx response is left to SWG-OP-RESP-SUCCESS, which asks to make the `default` response a 2xx: one edit, which moves the schema where it belongs.',
  levels: certificationLevels('warning', 'info'),
  msCode: 'DefaultResponseHasSchema',
  msMessage:
    "The 'default' response should not have schema definition. Schemas should be defined on expected responses only.",
  example: {
    placement: 'responses',
    bad: '"200": { "description": "OK", "schema": { "$ref": "#/definitions/Task" } }, "default": { "description": "Error", "schema": { "type": "object", "properties": { "message": { "type": "string" } } } }',
    good: '"200": { "description": "OK", "schema": { "$ref": "#/definitions/Task" } }, "default": { "description": "Error" }',
  },
  check({ swagger, report }) {
    for (const operation of swagger?.operations ?? []) {
      // With no 2xx response, SWG-OP-RESP-SUCCESS asks to make the 'default' one a 200 (its schema
      // then the output's) or a 204: one edit, which a second finding on its schema only repeated
      // (243 of the 280 upstream findings, most of them the wizard's `"default": { "schema": {} }`).
      if (!hasSuccessResponse(operation)) continue;
      for (const response of operation.responses) {
        if (response.code !== 'default' || !hasSchema(response)) continue;
        report({
          pointer: childPointer(response.definitionPointer, 'schema'),
          message:
            "The 'default' response should not have schema definition. Schemas should be defined on expected responses only.",
        });
      }
    }
  },
};

export const multipleResponseSchemasRule: RuleDefinition = {
  id: 'SWG-RESP-MULTI-SCHEMA',
  file: 'swagger',
  title: 'Give a schema to one response per operation.',
  description:
    'The designer shows the outputs of one response schema only (SVR OperationHasManyResponsesWithSchema). 2,112 merged certified operations have several, so it is a warning.',
  levels: sameLevels('warning'),
  msCode: 'OperationHasManyResponsesWithSchema',
  msMessage:
    "The operation '{0}' has more than one response with specified schema, only one schema will be used in the designer.",
  example: {
    placement: 'responses',
    bad: '"200": { "schema": { "$ref": "#/definitions/Task" } }, "400": { "schema": { "$ref": "#/definitions/Error" } }',
    good: '"200": { "schema": { "$ref": "#/definitions/Task" } }, "400": { "description": "Bad request" }',
  },
  check({ swagger, report }) {
    for (const operation of swagger?.operations ?? []) {
      if (countWithSchema(operation) < 2) continue;
      const plan = schemaPlan(operation);
      const problem = fill(
        "The operation '{0}' has more than one response with specified schema, only one schema will be used in the designer.",
        operationLabel(operation),
      );
      report({
        pointer: childPointer(operation.pointer, 'responses'),
        message: `${problem} ${multiSchemaAdvice(operation, plan)}`,
        // The advice names the schemas to remove: removing one is no new finding under `validate --base`,
        // and is one of them fixed. Removing the one it keeps is neither (0af9de18, a delete's 200).
        parts: { problem, names: plan.removed.map((response) => response.code) },
      });
    }
  },
};

export const successSchemaCodeRule: RuleDefinition = {
  id: 'SWG-RESP-SCHEMA-200',
  file: 'swagger',
  title: 'Put the output schema on the 200 or 201 response.',
  description:
    "The designer reads outputs from the 200 or 201 response, or from a webhook's x-ms-notification-content (SVR SchemaDefinitionSetIncorrectly). A schema only on 202 or 4xx is not shown. A 202 with a Location header (the asynchronous pattern: the platform polls that address until the work is done) is told to describe the final response on a 200 and leave the 202 without a schema. An operation whose only schemas are on error responses (4xx, 5xx) has no outputs either, and is told to describe its body on its 2xx response; as for SWG-RESP-DEFINED, which leaves it to this rule, internal operations, MCP server operations, webhook triggers and operations whose only success responses are 202 or 204 are left alone. A schema on the `default` response is SWG-RESP-DEFAULT-SCHEMA's.",
  levels: sameLevels('warning'),
  msCode: 'SchemaDefinitionSetIncorrectly',
  msMessage:
    "The operation '{0}' should define an output schema on the 200 or 201 response code or in 'x-ms-notification-content' extension for a webhook to be visible in the designer.",
  example: {
    placement: 'operation',
    bad: '"responses": { "202": { "description": "Accepted", "schema": { "$ref": "#/definitions/Task" } } }',
    good: '"responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/Task" } } }',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    const message = (operation: OperationInfo, advice: string): string =>
      `${fill(
        "The operation '{0}' should define an output schema on the 200 or 201 response code or in 'x-ms-notification-content' extension for a webhook to be visible in the designer.",
        operationLabel(operation),
      )} ${advice}`;
    let webhookOperations: Set<OperationInfo> | undefined;
    for (const operation of swagger.operations) {
      // A schema on another 2xx (202, 206…) is lost; a 'default' schema has its own rule.
      if (schemaOnlyOnOtherSuccess(operation)) {
        if (isWebhookSubscription(swagger, operation)) continue;
        report({
          pointer: childPointer(operation.pointer, 'responses'),
          message: message(operation, schemaMoveAdvice(operation)),
        });
        continue;
      }
      // Schemas only on errors: the outputs are empty, as with no schema at all, and SWG-RESP-DEFINED
      // (which reads "no schema") leaves the operation to this rule, with its exemptions.
      const errors = schemaOnlyOnErrors(operation);
      if (errors.length === 0) continue;
      if (operation.isInternal || operation.isMcp) continue;
      webhookOperations ??= new Set(webhooks(swagger).map((webhook) => webhook.operation));
      if (webhookOperations.has(operation)) continue;
      const output = successResponsesWithBody(operation)[0];
      // Only 202s and 204s, or no 2xx at all (SWG-OP-RESP-SUCCESS's): no output is expected.
      if (!output) continue;
      report({
        pointer: childPointer(operation.pointer, 'responses'),
        message: message(
          operation,
          errorOnlyAdvice(operation, errors, output.code, nonJsonBodySchema(swagger, operation)),
        ),
      });
    }
  },
};

export const emptyResponseSchemaRule: RuleDefinition = {
  id: 'SWG-RESP-EMPTY-SCHEMA',
  file: 'swagger',
  title: 'Describe response bodies; do not leave their schema empty.',
  description:
    'Reviewers reject `"schema": {}` on success responses ("Empty response schema is not allowed anymore, … makers have to use parse JSON", PR #1316, #2145). Dynamic schemas are fine. A 204 response is left to SWG-RESP-SCHEMA-200 and SWG-RESP-MULTI-SCHEMA: it has no body to describe, and its schema should go. 112 merged certified connectors still have one, so it is a warning. An MCP server operation (`x-ms-agentic-protocol`) is left alone: its JSON-RPC replies go to the agent, not to the designer. So is an internal operation (as for SWG-RESP-DEFINED): it feeds dynamic values or schemas, and its response, often a JSON schema itself, never reaches a flow. An operation whose `produces` lists no JSON (a file, a text) has no properties to describe: it is told the string schema to write, `{ "type": "string", "format": "binary" }` for a file.',
  levels: certificationLevels('warning', 'off'),
  example: {
    placement: 'responses',
    bad: '"200": { "description": "OK", "schema": {} }',
    good: '"200": { "description": "OK", "schema": { "$ref": "#/definitions/Task" } }',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    for (const operation of swagger.operations) {
      // An MCP server's JSON-RPC replies go to the agent, which reads them by the protocol: no
      // designer shows them, and Copilot Studio's template has no schema at all.
      if (operation.isMcp) continue;
      // An internal operation's response goes to the platform (x-ms-dynamic-values, -schema), not
      // to a flow: no maker needs Parse JSON on it. Most of the 75 in the corpus are dynamic-schema
      // sources, whose response is a JSON schema that `{ "type": "object" }` describes.
      if (operation.isInternal) continue;
      for (const response of operation.responses) {
        // isEmptySchema reads the schema only: the pointer is built for the responses reported.
        if (!isSuccessCode(response.code) || !hasSchema(response)) continue;
        // "Describe its properties" is wrong advice for No Content: there is no body. The schema
        // should go, which SWG-RESP-SCHEMA-200 (or SWG-RESP-MULTI-SCHEMA beside a 200) says.
        if (response.code === '204') continue;
        if (!isEmptySchema(swagger, response.value.schema)) continue;
        const nonJson = nonJsonBodySchema(swagger, operation);
        report({
          pointer: childPointer(response.definitionPointer, 'schema'),
          message:
            nonJson === undefined
              ? `The ${response.code} response of '${operationLabel(operation)}' has an empty schema; describe its properties so makers need no Parse JSON step.`
              : `The ${response.code} response of '${operationLabel(operation)}' has an empty schema; the operation produces no JSON, so write ${nonJson} for its body.`,
        });
      }
    }
  },
};

export const responseSchemaDefinedRule: RuleDefinition = {
  id: 'SWG-RESP-DEFINED',
  file: 'swagger',
  title: 'Give visible actions and polling triggers a response schema.',
  description:
    'Certification asks for "valid response schema definitions for all operations"; without one the action, or the polling trigger, has no outputs. 204 and 202 responses without a body are fine, and so is an MCP server operation (`x-ms-agentic-protocol`): the agent reads its JSON-RPC replies by the protocol, and Copilot Studio\'s template has `"200": { "description": "Success" }` only. A webhook trigger is left alone: its outputs come from `x-ms-notification-content`, not from the registration\'s response. An operation whose `produces` lists no JSON (a file, a text) is told the string schema to write. An operation whose only schemas are on error responses has no outputs either: SWG-RESP-SCHEMA-200 reports it, and this rule does not repeat it.',
  levels: certificationLevels('warning', 'off'),
  example: {
    placement: 'responses',
    bad: '"200": { "description": "OK" }',
    good: '"200": { "description": "OK", "schema": { "$ref": "#/definitions/Task" } }',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    // A webhook's outputs are its notification's (x-ms-notification-content, which SWG-WH-NOTIF-CONTENT
    // asks for); a polling trigger's are its response's, as an action's are.
    const webhookOperations = new Set(webhooks(swagger).map((webhook) => webhook.operation));
    for (const operation of swagger.operations) {
      // An MCP server's replies are read by the agent, not by the designer (see SWG-RESP-EMPTY-SCHEMA).
      if (operation.isInternal || operation.isMcp || webhookOperations.has(operation)) continue;
      // Schemas on error responses only are no outputs either: SWG-RESP-SCHEMA-200 says so, once.
      if (operation.responses.some(hasSchema)) continue;
      const withBody = successResponsesWithBody(operation);
      if (withBody.length === 0) continue;
      report({
        pointer: withBody[0]!.pointer,
        message: noResponseSchemaMessage(operation, nonJsonBodySchema(swagger, operation)),
      });
    }
  },
};

function noResponseSchemaMessage(operation: OperationInfo, nonJson: string | undefined): string {
  const label = operationLabel(operation);
  if (nonJson !== undefined) {
    return `The ${operation.isTrigger ? 'trigger' : 'operation'} '${label}' defines no response schema, so it has no outputs in the designer. It produces no JSON: write ${nonJson} as the schema of its body.`;
  }
  // A polling trigger that answers 204 fires nothing: "use a 204" would be no advice for it.
  return operation.isTrigger
    ? `The trigger '${label}' defines no response schema, so it has no outputs in the designer. Describe the response body in a schema: it is what the trigger passes to the flow.`
    : `The operation '${label}' defines no response schema, so it has no outputs in the designer. Describe the response body in a schema, or use a 204 response when the operation returns no body.`;
}
