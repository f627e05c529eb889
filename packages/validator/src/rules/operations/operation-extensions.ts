import { excerpt, nameExcerpt } from '../../text/message-values.js';
import { writtenSchemasOf } from '../swagger/structure.js';
import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import type { Report } from '../../model/report.js';
import { asObject, entriesOf, has, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { OperationKey } from '../../swagger/operation-keys.js';
import { HolderKey } from './holder-key-bits.js';
import { holderKeysOf } from './holder-keys.js';
import { writtenParameters } from './parameter-index.js';
import { fill, successSchema } from './rule-kit.js';
import { followSchemaPath } from './schema-path.js';
import { valueWrite } from '../value-write-advice.js';
import { operationLabel } from '../../swagger/operation-label.js';

const VISIBILITIES = ['important', 'advanced', 'internal'];
const NEXT_LINK_NAMES = ['nextLink', '@odata.nextLink'];
const ROOT_CAPABILITIES = ['file-picker', 'testConnection'];
const OPERATION_CAPABILITIES = ['chunkTransfer'];

/**
 * Calls `visit` with every object that carries `x-ms-visibility`: operations, parameters, schemas
 * (those holderKeysOf notes with the key). `at.pointer` is read only to report: a written schema's
 * pointer is built when read.
 */
function forEachVisibilityHolder(
  model: SwaggerModel,
  visit: (holder: JsonObject, at: { readonly pointer: string }) => void,
): void {
  // The index's key bits first: asking each of the corpus's ~6,100 operations for a key most lack,
  // on objects of hundreds of shapes, was ~1 ms a corpus run (see OperationKey).
  const operations = model.operations;
  for (let index = 0; index < operations.length; index++) {
    const operation = operations[index]!;
    if ((operation.keys & OperationKey.visibility) !== 0 && has(operation.operation, 'x-ms-visibility'))
      visit(operation.operation, operation);
  }
  const keys = holderKeysOf(model);
  const parameters = writtenParameters(model);
  for (let index = 0; index < parameters.length; index++) {
    if ((keys.parameters[index]! & HolderKey.visibility) !== 0)
      visit(parameters[index]!.value, parameters[index]!);
  }
  const schemas = writtenSchemasOf(model);
  const holders = keys.schemasWith(HolderKey.visibility);
  for (let at = 0; at < holders.length; at++) {
    const written = schemas[holders[at]!]!;
    visit(written.schema, written);
  }
}

/**
 * The one report of a file's empty `x-ms-visibility` values, at the first: they are the habit of a
 * generator or a template, removed all at once, and one each was 1,157 upstream values in 5
 * connectors, 1,066 of them in one (Easyvista), past the 1,000 findings a rule lists. The count of the others is a
 * transient note, so that `validate --base` still matches the finding when some are removed or added.
 */
function emptyVisibilityReport(pointer: string, count: number): Report {
  const others = count - 1;
  return {
    pointer,
    severity: 'info',
    message:
      others === 0
        ? "x-ms-visibility is empty, which means normal visibility; remove it or use 'important' or 'advanced'."
        : "x-ms-visibility is empty here and elsewhere in this file, which means normal visibility; remove each empty one or use 'important' or 'advanced'.",
    ...(others > 0 && {
      transientNote: `${others.toLocaleString('en-US')} more ${others === 1 ? 'is' : 'are'} empty.`,
    }),
  };
}

export const operationExtensionRules: RuleDefinition[] = [
  {
    id: 'SWG-VISIBILITY-ENUM',
    file: 'swagger',
    title: "Use 'important', 'advanced' or 'internal' for x-ms-visibility.",
    description:
      'The schema allows these three values. The versioning docs call "" (none) "normal", so it is accepted with a hint, once per file at the first empty one (1,157 in 5 upstream connectors, 1,066 in one, written by a generator); the platform also accepts capitalized values (16 `Advanced`, 2 `Internal` in merged connectors), which are warnings, and `validate --fix` writes them in lower case. Anything else is ignored by the platform and is an error.',
    levels: sameLevels('error'),
    namesFixes: 'valueWrites',
    example: {
      placement: 'parameter',
      bad: '"x-ms-visibility": "hidden"',
      good: '"x-ms-visibility": "internal"',
    },
    check(context) {
      const { swagger, report } = context;
      if (!swagger) return;
      // An empty value is one habit of the file's writer, told once (see emptyVisibilityReport).
      let firstEmpty: string | undefined;
      let empties = 0;
      forEachVisibilityHolder(swagger, (holder, place) => {
        const value = holder['x-ms-visibility'];
        if (typeof value === 'string' && VISIBILITIES.includes(value)) return;
        const at = childPointer(place.pointer, 'x-ms-visibility');
        if (value === '' || value === null) {
          firstEmpty ??= at;
          empties++;
        } else if (typeof value === 'string' && VISIBILITIES.includes(value.toLowerCase())) {
          report({
            pointer: at,
            severity: 'warning',
            message: `Write x-ms-visibility in lower case: '${value.toLowerCase()}' instead of '${value}'.`,
            ...valueWrite(context, 'swagger', value.toLowerCase()),
          });
        } else {
          report({
            pointer: at,
            message: `The property value must be one of the following: important, advanced, internal. '${excerpt(String(value))}' is ignored by the platform.`,
          });
        }
      });
      if (firstEmpty !== undefined) report(emptyVisibilityReport(firstEmpty, empties));
    },
  },
  {
    id: 'SWG-TRIGGER-ENUM',
    file: 'swagger',
    title: "Use 'single' or 'batch' for x-ms-trigger, and the documented x-ms-trigger-metadata and -hint.",
    description:
      'The schema allows `x-ms-trigger` single or batch, and `x-ms-trigger-metadata` with kind `query` and mode `polling` (openapi-extensions doc). Other values make the operation an action, or no trigger at all. `x-ms-trigger-hint` is the text the designer shows under the trigger ("To see it work, add a task"), so a string. A trigger on a DELETE operation is a warning: a trigger polls (GET) or registers a webhook (POST, PUT), while DELETE is what the platform calls to remove a subscription; no merged connector has one.',
    levels: sameLevels('error'),
    example: { placement: 'operation', bad: '"x-ms-trigger": "polling"', good: '"x-ms-trigger": "single"' },
    check({ swagger, report }) {
      for (const operation of swagger?.operations ?? []) {
        if ((operation.keys & (OperationKey.trigger | OperationKey.triggerMetadata)) === 0) continue;
        const body = operation.operation;
        if (
          has(body, 'x-ms-trigger') &&
          body['x-ms-trigger'] !== 'single' &&
          body['x-ms-trigger'] !== 'batch'
        ) {
          report({
            pointer: childPointer(operation.pointer, 'x-ms-trigger'),
            message: `The property value must be one of the following: single, batch. '${excerpt(String(body['x-ms-trigger']))}' is not a trigger kind.`,
          });
        }
        if (operation.isTrigger && operation.method === 'delete') {
          report({
            pointer: childPointer(operation.pointer, 'x-ms-trigger'),
            severity: 'warning',
            message: `x-ms-trigger is on the DELETE operation '${operationLabel(operation)}': a trigger polls with GET or registers a webhook with POST or PUT, and DELETE is what the platform calls to remove a subscription. Remove x-ms-trigger from it.`,
          });
        }
        if (
          operation.isTrigger &&
          has(body, 'x-ms-trigger-hint') &&
          typeof body['x-ms-trigger-hint'] !== 'string'
        ) {
          report({
            pointer: childPointer(operation.pointer, 'x-ms-trigger-hint'),
            message: `x-ms-trigger-hint is the text the designer shows under the trigger, so a string such as "To see it work, add a task", not ${excerpt(body['x-ms-trigger-hint'])}.`,
          });
        }
        const metadata = asObject(body['x-ms-trigger-metadata']);
        for (const [key, expected] of [
          ['kind', 'query'],
          ['mode', 'polling'],
        ] as const) {
          if (!metadata || !has(metadata, key) || metadata[key] === expected) continue;
          report({
            pointer: childPointer(operation.pointer, 'x-ms-trigger-metadata', key),
            message: `x-ms-trigger-metadata '${key}' must be '${expected}', not '${excerpt(String(metadata[key]))}'.`,
          });
        }
      }
    },
  },
  {
    id: 'SWG-PAGEABLE',
    file: 'swagger',
    title: "Name the next-page link 'nextLink' or '@odata.nextLink' in x-ms-pageable.",
    description:
      "The platform follows only these two next-link names (SVR InvalidNextLinkNameValue). A success response schema that lists its properties without the named one gets a warning: the platform pages by that property of the response, which real responses may carry undocumented (10 of the corpus's 20 pageable operations with such a schema).",
    levels: sameLevels('error'),
    msCode: 'InvalidNextLinkNameValue',
    msMessage:
      "The nextLinkName value for operation '{0}' is invalid. Supported values are 'nextLink' or '@odata.nextLink'.",
    example: {
      placement: 'operation',
      bad: '"x-ms-pageable": { "nextLinkName": "next" }',
      good: '"x-ms-pageable": { "nextLinkName": "@odata.nextLink" }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      for (const operation of swagger.operations) {
        if ((operation.keys & OperationKey.pageable) === 0 || !has(operation.operation, 'x-ms-pageable'))
          continue;
        const pageable = asObject(operation.operation['x-ms-pageable']);
        const name = pageable?.nextLinkName;
        if (typeof name === 'string' && NEXT_LINK_NAMES.includes(name)) {
          // A closed 2xx schema without the link: a warning, since real responses may carry it
          // undocumented (10 of the corpus's 20 pageable operations with such a schema, 7 connectors).
          const schema = successSchema(operation);
          if (schema && followSchemaPath(swagger, schema, name).kind === 'missing') {
            report({
              pointer: childPointer(operation.pointer, 'x-ms-pageable', 'nextLinkName'),
              severity: 'warning',
              message: `The success response schema of '${operationLabel(operation)}' has no '${name}' property, the link to the next page that x-ms-pageable names. Describe it in the response schema: the platform asks for the next page only while a response carries it.`,
            });
          }
          continue;
        }
        report({
          pointer:
            pageable && has(pageable, 'nextLinkName')
              ? childPointer(operation.pointer, 'x-ms-pageable', 'nextLinkName')
              : childPointer(operation.pointer, 'x-ms-pageable'),
          message: fill(
            "The nextLinkName value for operation '{0}' is invalid. Supported values are 'nextLink' or '@odata.nextLink'.",
            operationLabel(operation),
          ),
        });
      }
    },
  },
  {
    id: 'SWG-CAPABILITIES',
    file: 'swagger',
    title: 'Use only the documented x-ms-capabilities.',
    description:
      'At the root, x-ms-capabilities has `file-picker` (open/browse) and `testConnection` (not supported for custom connectors); on an operation only `chunkTransfer` (boolean). Referenced operationIds are checked by SWG-DYN-OPID. Source: the schema and the openapi-extensions doc.',
    levels: sameLevels('error'),
    example: {
      placement: 'operation',
      bad: '"x-ms-capabilities": { "chunkTransfer": "yes" }',
      good: '"x-ms-capabilities": { "chunkTransfer": true }',
    },
    check({ swagger, profile, report }) {
      if (!swagger) return;
      if (has(swagger.root, 'x-ms-capabilities')) {
        const root = asObject(swagger.root['x-ms-capabilities']);
        if (!root) report({ pointer: '/x-ms-capabilities', message: 'x-ms-capabilities must be an object.' });
        for (const [key] of entriesOf(root)) {
          const pointer = childPointer('/x-ms-capabilities', key);
          if (!ROOT_CAPABILITIES.includes(key)) {
            report({
              pointer,
              message: `The capability '${nameExcerpt(key)}' is not supported; use 'file-picker' or 'testConnection'.`,
            });
          } else if (key === 'testConnection' && profile === 'custom') {
            report({
              pointer,
              severity: 'info',
              message: "The 'testConnection' capability is not supported for custom connectors.",
            });
          }
        }
      }
      for (const operation of swagger.operations) {
        if (
          (operation.keys & OperationKey.capabilities) === 0 ||
          !has(operation.operation, 'x-ms-capabilities')
        )
          continue;
        const capabilities = asObject(operation.operation['x-ms-capabilities']);
        const pointer = childPointer(operation.pointer, 'x-ms-capabilities');
        if (!capabilities) report({ pointer, message: 'x-ms-capabilities must be an object.' });
        for (const [key, value] of entriesOf(capabilities)) {
          if (!OPERATION_CAPABILITIES.includes(key)) {
            report({
              pointer: childPointer(pointer, key),
              message: `The operation capability '${nameExcerpt(key)}' is not supported; only 'chunkTransfer' is.`,
            });
          } else if (typeof value !== 'boolean') {
            report({
              pointer: childPointer(pointer, key),
              message: "'chunkTransfer' must be true or false.",
            });
          }
        }
      }
    },
  },
];
