import { excerpt, nameExcerpt } from '../../text/message-values.js';
import { writtenSchemasOf } from '../swagger/structure.js';
import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asArray, asObject, asString, entriesOf, has, isObject } from '../../swagger/json-values.js';
import { HolderKey, holderKeysOf } from './holder-keys.js';
import { writtenParameters, type WrittenParameter } from './parameter-index.js';
import {
  OperationKey,
  type OperationInfo,
  type ParameterInfo,
  type SwaggerModel,
} from '../../swagger/swagger-model.js';
import { pathTemplates } from './path-templates.js';
import { fill } from './rule-kit.js';
import { operationLabel } from '../../swagger/operation-label.js';

const LOCATIONS = ['query', 'header', 'path', 'formData', 'body'];
const SIMPLE_TYPES = ['string', 'number', 'boolean', 'integer', 'array'];
const COLLECTION_FORMATS = ['csv', 'ssv', 'tsv', 'pipes', 'multi'];
const BODY_ONLY_IN_SCHEMA = ['type', 'format', 'items', 'enum', 'collectionFormat', 'default'];

/** Reports each written pointer once, although path-level parameters belong to many operations. */
function once(): (pointer: string) => boolean {
  const seen = new Set<string>();
  return (pointer) => {
    if (seen.has(pointer)) return false;
    seen.add(pointer);
    return true;
  };
}

/**
 * Whether two named parameters may have the same `in`+NUL+`name` key: two with one name, or a NUL
 * that could join different parts into one key. Most operations have neither, and are passed
 * without a set and a key per parameter (~1.5 MB a corpus run).
 */
function mayRepeatKeys(parameters: readonly ParameterInfo[]): boolean {
  for (let index = 0; index < parameters.length; index++) {
    const name = parameters[index]!.name;
    if (name === undefined) continue;
    if (name.includes('\u0000') || parameters[index]!.in?.includes('\u0000')) return true;
    for (let earlier = 0; earlier < index; earlier++) if (parameters[earlier]!.name === name) return true;
  }
  return false;
}

/**
 * The written parameters `in` the location that write x-ms-url-encoding (`encoded`) or do not. The
 * holder-key index says which write it, without reading each parameter object.
 */
function parametersByEncoding(swagger: SwaggerModel, location: string, encoded: boolean): WrittenParameter[] {
  const parameters = writtenParameters(swagger);
  const keys = holderKeysOf(swagger).parameters;
  const found: WrittenParameter[] = [];
  for (let index = 0; index < parameters.length; index++) {
    const parameter = parameters[index]!;
    if (parameter.in === location && ((keys[index]! & HolderKey.urlEncoding) !== 0) === encoded) {
      found.push(parameter);
    }
  }
  return found;
}

export const parameterLocationRules: RuleDefinition[] = [
  {
    id: 'SWG-PATH-PARAM-REQUIRED',
    file: 'swagger',
    title: 'Mark path parameters as required.',
    description:
      'A URL cannot be built without its path variables (Swagger 2.0; SVR PathParameterMustBeRequired).',
    levels: sameLevels('error'),
    msCode: 'PathParameterMustBeRequired',
    msMessage:
      "The parameter must be marked as required as it is used in the operation path. Include the 'required' property, with the value 'true'.",
    example: {
      placement: 'pathParameter',
      bad: '{ "name": "taskId", "in": "path", "type": "string" }',
      good: '{ "name": "taskId", "in": "path", "type": "string", "required": true }',
    },
    check({ swagger, report }) {
      for (const parameter of swagger ? writtenParameters(swagger) : []) {
        if (parameter.in !== 'path' || parameter.value.required === true) continue;
        report({
          pointer: has(parameter.value, 'required')
            ? childPointer(parameter.pointer, 'required')
            : parameter.pointer,
          message:
            "The parameter must be marked as required as it is used in the operation path. Include the 'required' property, with the value 'true'.",
        });
      }
    },
  },
  {
    id: 'SWG-PATH-PARAM-IN-TEMPLATE',
    file: 'swagger',
    title: 'Use every path parameter in the path template.',
    description:
      'An `in: path` parameter whose name is not a `{variable}` of the path is never sent (SVR PathParameterNotDefinedInTemplate).',
    levels: sameLevels('error'),
    msCode: 'PathParameterNotDefinedInTemplate',
    msMessage: "The 'path' parameter '{0}' is not defined in the URI path template.",
    example: {
      placement: 'paths',
      bad: '"/tasks": { "get": { "parameters": [{ "name": "taskId", "in": "path" }] } }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      const first = once();
      const templates = pathTemplates(swagger);
      const operations = swagger.operations;
      for (let index = 0; index < operations.length; index++) {
        const operation = operations[index]!;
        const variables = templates[index]!.variables;
        for (const parameter of operation.parameters) {
          if (parameter.in !== 'path' || parameter.name === undefined || variables.includes(parameter.name))
            continue;
          if (!first(parameter.pointer)) continue;
          report({
            pointer: parameter.pointer,
            message: `${fill("The 'path' parameter '{0}' is not defined in the URI path template.", nameExcerpt(parameter.name))} The path is '${nameExcerpt(operation.path)}'.`,
          });
        }
      }
    },
  },
  {
    id: 'SWG-PATH-PARAM-ENCODING',
    file: 'swagger',
    title: 'Declare x-ms-url-encoding on path parameters.',
    description:
      'Without `"x-ms-url-encoding": "single"` a value with `/` or `%` can change the request path (SVR PathParameterMissingEncoding, a warning). 126 merged certified connectors lack it.',
    levels: sameLevels('warning'),
    msCode: 'PathParameterMissingEncoding',
    msMessage:
      'Encoding for path parameter \'{0}\' is missing, which might lead to invalid requests. Use "x-ms-url-encoding": "single" to ensure the value is URL encoded.',
    example: {
      placement: 'pathParameter',
      bad: '{ "name": "taskId", "in": "path", "required": true, "type": "string" }',
      good: '{ "name": "taskId", "in": "path", "required": true, "type": "string", "x-ms-url-encoding": "single" }',
    },
    check({ swagger, report }) {
      for (const parameter of swagger ? parametersByEncoding(swagger, 'path', false) : []) {
        report({
          pointer: parameter.pointer,
          message: fill(
            'Encoding for path parameter \'{0}\' is missing, which might lead to invalid requests. Use "x-ms-url-encoding": "single" to ensure the value is URL encoded.',
            nameExcerpt(parameter.name ?? ''),
          ),
        });
      }
    },
  },
  {
    id: 'SWG-QUERY-ENCODING',
    file: 'swagger',
    title: 'Do not set x-ms-url-encoding on query parameters.',
    description:
      'Query parameters are always single-encoded; the service rejects the extension there although the schema allows it (SVR QueryParameterEncodingNotSupported). `"single"`, the default, changes nothing and is only a warning: certified connectors carry it and are published (PDF4me and Bloomflow in the corpus; Blackbaud CRM Constituent, RescoCloud and Yeeflow merged in 2025). Other values (`"double"`) stay errors.',
    levels: sameLevels('error'),
    msCode: 'QueryParameterEncodingNotSupported',
    msMessage:
      "Encoding for query parameter '{0}' is not supported. All query parameters are single encoded by default.",
    example: {
      placement: 'parameter',
      bad: '{ "name": "q", "in": "query", "type": "string", "x-ms-url-encoding": "double" }',
      good: '{ "name": "q", "in": "query", "type": "string" }',
    },
    check({ swagger, report }) {
      for (const parameter of swagger ? parametersByEncoding(swagger, 'query', true) : []) {
        report({
          pointer: childPointer(parameter.pointer, 'x-ms-url-encoding'),
          // Asking for the default is harmless: merged certified connectors that do are published.
          severity: parameter.value['x-ms-url-encoding'] === 'single' ? 'warning' : undefined,
          message: fill(
            "Encoding for query parameter '{0}' is not supported. All query parameters are single encoded by default. Remove 'x-ms-url-encoding'.",
            nameExcerpt(parameter.name ?? ''),
          ),
        });
      }
    },
  },
  {
    id: 'SWG-PARAM-DUP',
    file: 'swagger',
    title: 'Define each parameter (name and location) once per operation.',
    description:
      'Two parameters with the same name and location are ambiguous (Swagger 2.0; SVR). Merged: 4 (ITGlue).',
    levels: sameLevels('error'),
    msMessage: "The operation '{0}' contains duplicate parameters with name '{1}', location '{2}'.",
    example: {
      placement: 'operation',
      bad: '"parameters": [{ "name": "id", "in": "query" }, { "name": "id", "in": "query" }]',
    },
    check({ swagger, report }) {
      const first = once();
      for (const operation of swagger?.operations ?? []) {
        if (!mayRepeatKeys(operation.parameters)) continue;
        const seen = new Set<string>();
        for (const parameter of operation.parameters) {
          if (parameter.name === undefined) continue;
          const key = `${parameter.in}\u0000${parameter.name}`;
          if (!seen.has(key)) {
            seen.add(key);
            continue;
          }
          if (!first(parameter.pointer)) continue;
          const template =
            parameter.level === 'path'
              ? "The path '{0}' contains duplicate parameters with name '{1}', location '{2}'."
              : "The operation '{0}' contains duplicate parameters with name '{1}', location '{2}'.";
          report({
            pointer: parameter.pointer,
            message: fill(
              template,
              parameter.level === 'path' ? nameExcerpt(operation.path) : operationLabel(operation),
              nameExcerpt(parameter.name),
              excerpt(parameter.in ?? ''),
            ),
          });
        }
      }
    },
  },
  {
    id: 'SWG-PARAM-MULTI-BODY',
    file: 'swagger',
    title: 'Give an operation at most one body parameter.',
    description: 'A request has one body (Swagger 2.0; SVR).',
    levels: sameLevels('error'),
    msMessage:
      "The operation '{0}' contains multiple parameters in the location 'body', at most one is allowed.",
    example: {
      placement: 'operation',
      bad: '"parameters": [{ "name": "a", "in": "body" }, { "name": "b", "in": "body" }]',
    },
    check({ swagger, report }) {
      const first = once();
      for (const operation of swagger?.operations ?? []) {
        // Counted in a loop: no list of bodies for each operation, which has one at most.
        let bodies = 0;
        for (const extra of operation.parameters) {
          if (extra.in !== 'body' || bodies++ === 0) continue;
          if (!first(extra.pointer)) continue;
          report({
            pointer: extra.pointer,
            message: fill(
              "The operation '{0}' contains multiple parameters in the location 'body', at most one is allowed.",
              operationLabel(operation),
            ),
          });
        }
      }
    },
  },
  {
    id: 'SWG-PARAM-BODY-FORM',
    file: 'swagger',
    title: 'Use either a body parameter or formData parameters, not both.',
    description: 'A request body is either a document or a form (Swagger 2.0; SVR).',
    levels: sameLevels('error'),
    msMessage:
      "The 'parameters' list defines both a 'body' parameter, and a 'formData' parameter. Only one of these location types can be used in an operation.",
    example: {
      placement: 'operation',
      bad: '"parameters": [{ "name": "body", "in": "body" }, { "name": "file", "in": "formData" }]',
    },
    check({ swagger, report }) {
      for (const operation of swagger?.operations ?? []) {
        const body = operation.parameters.find((parameter) => parameter.in === 'body');
        if (!body || !operation.parameters.some((parameter) => parameter.in === 'formData')) continue;
        report({
          pointer: body.pointer,
          message:
            "The 'parameters' list defines both a 'body' parameter, and a 'formData' parameter. Only one of these location types can be used in an operation.",
        });
      }
    },
  },
  {
    id: 'SWG-PARAM-FILE',
    file: 'swagger',
    title: "Use type 'file' only for formData parameters and whole response bodies.",
    description:
      'Swagger 2.0 allows `type: file` in formData parameters and at the root of a response schema only (SVR).',
    levels: sameLevels('error'),
    msMessage: "Parameters of type 'file' are not valid in locations other than 'formData'.",
    example: {
      placement: 'parameter',
      bad: '{ "name": "content", "in": "query", "type": "file" }',
      good: '{ "name": "content", "in": "formData", "type": "file" }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      const keys = holderKeysOf(swagger);
      const parameters = writtenParameters(swagger);
      for (let index = 0; index < parameters.length; index++) {
        const parameter = parameters[index]!;
        if ((keys.parameters[index]! & HolderKey.fileType) === 0 || parameter.in === 'formData') continue;
        report({
          pointer: childPointer(parameter.pointer, 'type'),
          message: "Parameters of type 'file' are not valid in locations other than 'formData'.",
        });
      }
      const schemas = writtenSchemasOf(swagger);
      const files = keys.schemasWith(HolderKey.fileType);
      for (let at = 0; at < files.length; at++) {
        const written = schemas[files[at]!]!;
        const rootOfResponse =
          written.depth === 0 && (written.origin === 'response' || written.origin === 'global-response');
        if (rootOfResponse) continue;
        report({
          pointer: childPointer(written.pointer, 'type'),
          message:
            "The schema type 'file' is not valid. Only parameters in 'formData' and the root response schema may be of type 'file'.",
        });
      }
    },
  },
  {
    id: 'SWG-PARAM-FORMDATA-ASCII',
    file: 'swagger',
    title: 'Name form fields with US-ASCII characters.',
    description: 'Form field names go into multipart headers and URL-encoded bodies, which are ASCII (SVR).',
    levels: sameLevels('error'),
    msMessage:
      "The form data parameter name '{0}' is invalid. All characters must be part of the US-ASCII character set.",
    example: {
      placement: 'parameter',
      bad: '{ "name": "fichier_é", "in": "formData", "type": "file" }',
      good: '{ "name": "file", "in": "formData", "type": "file" }',
    },
    check({ swagger, report }) {
      for (const parameter of swagger ? writtenParameters(swagger) : []) {
        if (
          parameter.in !== 'formData' ||
          parameter.name === undefined ||
          /^[\x20-\x7e]*$/.test(parameter.name)
        )
          continue;
        report({
          pointer: childPointer(parameter.pointer, 'name'),
          message: fill(
            "The form data parameter name '{0}' is invalid. All characters must be part of the US-ASCII character set.",
            nameExcerpt(parameter.name),
          ),
        });
      }
    },
  },
  {
    id: 'SWG-PARAM-CONNECTIONID',
    file: 'swagger',
    title: "Do not name a parameter 'connectionId'.",
    description:
      'The platform uses connectionId for the connection itself (SVR ConnectionIdParameterNotAllowed).',
    levels: sameLevels('error'),
    msCode: 'ConnectionIdParameterNotAllowed',
    msMessage: "A parameter cannot be named as 'connectionId'.",
    example: {
      placement: 'parameter',
      bad: '{ "name": "connectionId", "in": "query", "type": "string" }',
      good: '{ "name": "accountId", "in": "query", "type": "string" }',
    },
    check({ swagger, report }) {
      for (const parameter of swagger ? writtenParameters(swagger) : []) {
        if (parameter.name?.toLowerCase() !== 'connectionid') continue;
        report({
          pointer: childPointer(parameter.pointer, 'name'),
          message: "A parameter cannot be named as 'connectionId'.",
        });
      }
    },
  },
  {
    id: 'SWG-PARAM-RESERVED',
    file: 'swagger',
    title:
      'Do not declare the Authorization header as a parameter when the connector has security definitions.',
    description:
      'The platform sets the Authorization header from the connection (SVR ReservedParameterIsUsed). Microsoft does not publish its reserved list; only this case is certain, so it is a warning.',
    levels: sameLevels('warning'),
    msCode: 'ReservedParameterIsUsed',
    msMessage: "The parameter '{0}' is reserved and cannot be used in '{1}'.",
    example: {
      placement: 'parameter',
      bad: '"securityDefinitions": { "oauth": { "type": "oauth2" } }, … { "name": "Authorization", "in": "header" }',
    },
    check({ swagger, report }) {
      if (!swagger || entriesOf(swagger.root.securityDefinitions).length === 0) return;
      for (const parameter of writtenParameters(swagger)) {
        if (parameter.in !== 'header' || parameter.name?.toLowerCase() !== 'authorization') continue;
        report({
          pointer: childPointer(parameter.pointer, 'name'),
          message: `${fill("The parameter '{0}' is reserved and cannot be used in '{1}'.", parameter.name, 'header')} The connection's security definition sets it.`,
        });
      }
    },
  },
  {
    id: 'SWG-PARAM-BODY-SCHEMA',
    file: 'swagger',
    title: "Describe body parameters with 'schema', other parameters without it.",
    description:
      'Swagger 2.0: a body parameter has a `schema` and no `type`; other parameters have a `type` and no `schema` (SVR).',
    levels: sameLevels('error'),
    msMessage: "The 'body' parameter must define a 'schema' property.",
    example: {
      placement: 'bodyParameter',
      bad: '{ "name": "body", "in": "body", "type": "object" }',
      good: '{ "name": "body", "in": "body", "schema": { "type": "object" } }',
    },
    check({ swagger, report }) {
      for (const parameter of swagger ? writtenParameters(swagger) : []) {
        const value = parameter.value;
        if (parameter.in === 'body') {
          if (!has(value, 'schema')) {
            report({
              pointer: parameter.pointer,
              message: "The 'body' parameter must define a 'schema' property.",
            });
          }
          for (const key of BODY_ONLY_IN_SCHEMA) {
            if (!has(value, key)) continue;
            report({
              pointer: childPointer(parameter.pointer, key),
              message: `The 'body' parameter cannot use property '${key}', instead, the 'schema' property should be used.`,
            });
          }
        } else if (parameter.in !== undefined && has(value, 'schema')) {
          report({
            pointer: childPointer(parameter.pointer, 'schema'),
            message: "The parameter cannot define a schema as it is not in the 'body'.",
          });
        }
      }
    },
  },
  {
    id: 'SWG-PARAM-ALLOWEMPTY',
    file: 'swagger',
    title: "Use 'allowEmptyValue' only on query and formData parameters.",
    description: 'Swagger 2.0 defines allowEmptyValue for query and formData only (SVR).',
    levels: sameLevels('error'),
    msMessage:
      "The parameter cannot use the 'allowEmptyValue' keyword as it is not in the 'query' or 'formData' location.",
    example: { placement: 'pathParameter', bad: '{ "name": "id", "in": "path", "allowEmptyValue": true }' },
    check({ swagger, report }) {
      if (!swagger) return;
      const parameters = writtenParameters(swagger);
      const keys = holderKeysOf(swagger).parameters;
      for (let index = 0; index < parameters.length; index++) {
        const parameter = parameters[index]!;
        if (
          (keys[index]! & HolderKey.allowEmptyValue) === 0 ||
          parameter.in === 'query' ||
          parameter.in === 'formData'
        )
          continue;
        report({
          pointer: childPointer(parameter.pointer, 'allowEmptyValue'),
          message:
            "The parameter cannot use the 'allowEmptyValue' keyword as it is not in the 'query' or 'formData' location.",
        });
      }
    },
  },
  {
    id: 'SWG-PARAM-REF',
    file: 'swagger',
    title: "Point parameter '$ref's at an existing '#/parameters/…' entry.",
    description:
      'Parameter references must be local JSON pointers into `parameters`, and a shared parameter may not itself be a reference (SVR).',
    levels: sameLevels('error'),
    msMessage: "The parameter reference '{0}' could not be found in the swagger document.",
    example: {
      placement: 'parameter',
      bad: '{ "$ref": "#/parameters/Missing" }',
      good: '{ "$ref": "#/parameters/TaskId" }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      for (const [name, value] of entriesOf(swagger.root.parameters)) {
        if (isObject(value) && has(value, '$ref')) {
          report({
            pointer: childPointer('/parameters', name, '$ref'),
            message: "The parameter definition may not use a '$ref' to point to another definition.",
          });
        }
      }
      // The raw lists, as written: a path item's list is shared by its operations, so it is visited
      // once, before the list of its first operation. The pointer of a list is built only to report.
      const checkList = (list: unknown, operation: OperationInfo, ofPathItem: boolean): void => {
        const entries = asArray(list);
        if (!entries) return;
        for (let index = 0; index < entries.length; index++) {
          const entry = entries[index];
          const ref = isObject(entry) ? asString(entry.$ref) : undefined;
          if (ref === undefined) continue;
          const message = !ref.startsWith('#/parameters/')
            ? `The parameter reference '${nameExcerpt(ref)}' is not valid. Parameter references must start with '#/parameters/' and be valid JSON Pointers.`
            : swagger.resolveRef(ref)
              ? undefined
              : fill(
                  "The parameter reference '{0}' could not be found in the swagger document.",
                  nameExcerpt(ref),
                );
          if (message === undefined) continue;
          const owner = ofPathItem ? operation.pathItemPointer : operation.pointer;
          report({ pointer: childPointer(owner, 'parameters', index, '$ref'), message });
        }
      };
      const visitedPaths = new Set<string>();
      for (const operation of swagger.operations) {
        // Most operations list no reference: their lists need not be read again.
        if (!operation.listsParameterRefs) continue;
        if (!visitedPaths.has(operation.path)) {
          visitedPaths.add(operation.path);
          checkList(asObject(swagger.paths?.[operation.path])?.parameters, operation, true);
        }
        checkList(operation.operation.parameters, operation, false);
      }
    },
  },
  {
    id: 'SWG-COLLECTIONFORMAT',
    file: 'swagger',
    title: "Use a Swagger 2.0 collectionFormat ('multi' only in query or formData).",
    description:
      'collectionFormat is one of csv, ssv, tsv, pipes, multi; multi repeats the parameter, so it only works in a query or form (Swagger 2.0; SVR).',
    levels: sameLevels('error'),
    msMessage: "The 'collectionFormat' keyword value '{0}' is not supported.",
    example: {
      placement: 'parameter',
      bad: '{ "name": "ids", "in": "header", "type": "array", "collectionFormat": "multi" }',
      good: '{ "name": "ids", "in": "query", "type": "array", "collectionFormat": "multi" }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      const parameters = writtenParameters(swagger);
      const keys = holderKeysOf(swagger).parameters;
      // An indexed loop, not for…of: V8 had not optimized this check in the measured runs, and each
      // step of an array iterator then makes a result object (~0.4 MB a warm corpus run).
      for (let index = 0; index < parameters.length; index++) {
        const parameter = parameters[index]!;
        if ((keys[index]! & HolderKey.collectionFormat) === 0) continue;
        const format = parameter.value.collectionFormat;
        const known = typeof format === 'string' && COLLECTION_FORMATS.includes(format);
        const misplaced = format === 'multi' && parameter.in !== 'query' && parameter.in !== 'formData';
        if (known && !misplaced) continue;
        report({
          pointer: childPointer(parameter.pointer, 'collectionFormat'),
          message: `${fill("The 'collectionFormat' keyword value '{0}' is not supported.", excerpt(String(format)))}${misplaced ? ` 'multi' is for query and formData parameters only.` : ''}`,
        });
      }
    },
  },
  {
    id: 'SWG-SAME-NAME-FETCH-SUB',
    file: 'swagger',
    title: 'Keep parameters shared by a polling trigger and its webhook alike.',
    description:
      'When a trigger names a webhook operation in x-ms-notification, the designer shows one set of inputs for both, so parameters of the same name need the same type and visibility (SVR).',
    levels: sameLevels('error'),
    msMessage:
      'Parameters of the same name in fetch and subscribe operations must be of the same type and visibility.',
    example: {
      bad: 'fetch: { "name": "folder", "type": "string" } / subscribe: { "name": "folder", "type": "integer" }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      for (const fetch of swagger.operations) {
        if ((fetch.keys & OperationKey.notification) === 0) continue;
        const targetId = asString(asObject(fetch.operation['x-ms-notification'])?.operationId);
        const subscribe = targetId === undefined ? undefined : swagger.operationById(targetId);
        if (!subscribe) continue;
        const byName = new Map(subscribe.parameters.map((parameter) => [parameter.name, parameter]));
        for (const parameter of fetch.parameters) {
          const other = byName.get(parameter.name);
          if (!other || parameter.in === 'body') continue;
          const sameType = parameter.value.type === other.value.type;
          const sameVisibility =
            (parameter.value['x-ms-visibility'] ?? '') === (other.value['x-ms-visibility'] ?? '');
          if (sameType && sameVisibility) continue;
          report({
            pointer: parameter.pointer,
            message: `Parameters of the same name in fetch and subscribe operations must be of the same type and visibility. '${nameExcerpt(parameter.name)}' differs in '${operationLabel(subscribe)}'.`,
          });
        }
      }
    },
  },
  {
    id: 'SWG-PARAM-IN-ENUM',
    file: 'swagger',
    title: 'Give every parameter a valid location and type.',
    description:
      'Swagger 2.0: `in` is query, header, path, formData or body; non-body parameters have a `type` of string, number, integer, boolean or array (file in formData).',
    levels: sameLevels('error'),
    example: {
      placement: 'pathParameter',
      bad: '{ "name": "id", "in": "url", "type": "guid" }',
      good: '{ "name": "id", "in": "path", "type": "string", "format": "uuid" }',
    },
    check({ swagger, report }) {
      for (const parameter of swagger ? writtenParameters(swagger) : []) {
        if (parameter.in === undefined || !LOCATIONS.includes(parameter.in)) {
          report({
            pointer: has(parameter.value, 'in') ? childPointer(parameter.pointer, 'in') : parameter.pointer,
            message: `The parameter 'in' must be one of: ${LOCATIONS.join(', ')}.`,
          });
          continue;
        }
        if (parameter.in === 'body') continue;
        const type = parameter.value.type;
        const allowed = parameter.in === 'formData' ? [...SIMPLE_TYPES, 'file'] : SIMPLE_TYPES;
        if (typeof type === 'string' && allowed.includes(type)) continue;
        report({
          pointer: has(parameter.value, 'type') ? childPointer(parameter.pointer, 'type') : parameter.pointer,
          message: `A '${parameter.in}' parameter needs a 'type' of ${allowed.join(', ')}${type === undefined ? '' : `, not '${excerpt(String(type))}'`}.`,
        });
      }
    },
  },
];
