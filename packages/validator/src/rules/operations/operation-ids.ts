import { nameExcerpt } from '../../text/message-values.js';
import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { has } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { fill } from './rule-kit.js';

const OPERATION_ID_MAX_LENGTH = 128;
const NOT_SANITIZED = /[^A-Za-z0-9_]/g;

/**
 * What to write for an operationId with other characters than letters, digits and underscores: the
 * CamelCase that connector-string guidance recommends, the words kept apart by their capitals
 * ("Retrieve-list-of-YARA-rulesets" as RetrieveListOfYARARulesets, where the sanitized value runs
 * them together). For a new operation only: flows call an operation by its operationId, so renaming a
 * published one is, to them, deleting it (BRK-OP-DELETED), and each of the 731 upstream
 * findings is on a merged operation.
 */
function sanitizedAdvice(id: string): string {
  const camel = id
    .split(/[^A-Za-z0-9_]+/)
    .filter((word) => word !== '')
    .map((word, index) => (index === 0 ? word : `${word[0]!.toUpperCase()}${word.slice(1)}`))
    .join('');
  // An id of punctuation only has no words to keep.
  const write = camel === '' ? 'Write it in letters and digits' : `Write '${nameExcerpt(camel)}'`;
  return `${write} for a new operation, but keep the operationId of a published one: flows call the operation by it, and renaming it breaks them.`;
}

/** Whether two operations share an operationId (the index keeps the first of each). */
function hasDuplicateIds(model: SwaggerModel): boolean {
  const first = model.operationsById;
  for (const operation of model.operations) {
    const id = operation.operationId;
    if (id !== undefined && first.get(id) !== operation) return true;
  }
  return false;
}

/** The operations of each operationId, in order of first use; built only when some id is shared. */
function operationsGroupedById(model: SwaggerModel): Map<string, OperationInfo[]> {
  const groups = new Map<string, OperationInfo[]>();
  for (const operation of model.operations) {
    if (operation.operationId === undefined) continue;
    const list = groups.get(operation.operationId);
    if (list) list.push(operation);
    else groups.set(operation.operationId, [operation]);
  }
  return groups;
}

export const operationIdRules: RuleDefinition[] = [
  {
    id: 'SWG-OPID-REQ',
    file: 'swagger',
    title: 'Give every operation an operationId.',
    description:
      'The platform names actions and triggers by operationId; flows store it, so an operation without one cannot be used (SVR OperationIdRequired).',
    levels: sameLevels('error'),
    msCode: 'OperationIdRequired',
    msMessage: "The operation 'operationId' property is required.",
    example: {
      placement: 'pathItem',
      bad: '"get": { "summary": "List tasks" }',
      good: '"get": { "operationId": "ListTasks" }',
    },
    check({ swagger, report }) {
      for (const operation of swagger?.operations ?? []) {
        if (operation.operationId === undefined || operation.operationId.trim() === '') {
          const pointer = has(operation.operation, 'operationId')
            ? childPointer(operation.pointer, 'operationId')
            : operation.pointer;
          report({ pointer, message: "The operation 'operationId' property is required." });
        }
      }
    },
  },
  {
    id: 'SWG-OPID-UNIQUE',
    file: 'swagger',
    title: 'Use each operationId once.',
    description:
      'Flows refer to operations by operationId, so two operations with the same id are indistinguishable (SVR OperationIdNotUnique). Merged connectors never break this rule.',
    levels: sameLevels('error'),
    msCode: 'OperationIdNotUnique',
    msMessage: "The operationId '{0}' is used multiple times. Operation identifiers must be unique.",
    example: {
      placement: 'paths',
      bad: '"/a": { "get": { "operationId": "GetItem" } }, "/b": { "get": { "operationId": "GetItem" } }',
      good: '"/a": { "get": { "operationId": "GetItem" } }, "/b": { "get": { "operationId": "GetOtherItem" } }',
    },
    check({ swagger, report }) {
      if (!swagger || !hasDuplicateIds(swagger)) return;
      for (const [operationId, operations] of operationsGroupedById(swagger)) {
        for (const operation of operations.slice(1)) {
          report({
            pointer: childPointer(operation.pointer, 'operationId'),
            message: fill(
              "The operationId '{0}' is used multiple times. Operation identifiers must be unique.",
              nameExcerpt(operationId),
            ),
          });
        }
      }
    },
  },
  {
    id: 'SWG-OPID-SANITIZED',
    file: 'swagger',
    title: 'Write operationIds with letters, digits and underscores only.',
    description:
      "The service sanitizes operationIds to [A-Za-z0-9_] (SVR OperationIdSanitized); connector-string guidance recommends CamelCase. Merged connectors have 689 operations with '-' or '.', so this is a warning.",
    levels: sameLevels('warning'),
    msCode: 'OperationIdSanitized',
    msMessage:
      "The 'operationId' property value is different from its sanitized value '{0}'. Please avoid the useage of non-alphanumeric characters to have matching values.",
    example: {
      placement: 'operation',
      bad: '"operationId": "List-Tasks"',
      good: '"operationId": "ListTasks"',
    },
    check({ swagger, report }) {
      for (const operation of swagger?.operations ?? []) {
        const id = operation.operationId;
        if (id === undefined || !/[^A-Za-z0-9_]/.test(id)) continue;
        report({
          pointer: childPointer(operation.pointer, 'operationId'),
          message: `${fill(
            "The 'operationId' property value is different from its sanitized value '{0}'. Please avoid the useage of non-alphanumeric characters to have matching values.",
            nameExcerpt(id.replace(NOT_SANITIZED, '')),
          )} ${sanitizedAdvice(id)}`,
        });
      }
    },
  },
  {
    id: 'SWG-OPID-LEN',
    file: 'swagger',
    title: `Keep operationIds shorter than ${OPERATION_ID_MAX_LENGTH} characters.`,
    description:
      'The service limits operationId length (SVR OperationIdTooLong) without publishing the limit; the longest merged operationId has 77 characters, so 128 is a safe bound.',
    levels: sameLevels('error'),
    msCode: 'OperationIdTooLong',
    msMessage: "The operationId length must be less than '{0}'.",
    example: {
      placement: 'operation',
      bad: `"operationId": "${'A'.repeat(130)}"`,
      good: '"operationId": "ListTasks"',
    },
    check({ swagger, report }) {
      for (const operation of swagger?.operations ?? []) {
        if ((operation.operationId?.length ?? 0) < OPERATION_ID_MAX_LENGTH) continue;
        report({
          pointer: childPointer(operation.pointer, 'operationId'),
          message: fill("The operationId length must be less than '{0}'.", OPERATION_ID_MAX_LENGTH),
        });
      }
    },
  },
];
