import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { has } from '../../swagger/json-values.js';
import { PARAMETER_LOCATIONS } from '../../swagger/parameter-location.js';
import { meantType } from '../../swagger/meant-type.js';
import { excerpt } from '../../text/message-values.js';
import { writtenSchemasOf } from '../swagger/structure.js';
import { HolderKey } from './holder-key-bits.js';
import { holderKeysOf } from './holder-keys.js';
import { writtenParameters } from './parameter-index.js';
import { fill } from './rule-kit.js';
import { valueWrite } from '../value-write-advice.js';

/* Rules on the location of written parameters and the keywords (type, schema…) each location allows. */

const LOCATIONS: readonly string[] = PARAMETER_LOCATIONS;
const SIMPLE_TYPES = ['string', 'number', 'boolean', 'integer', 'array'];
const COLLECTION_FORMATS = ['csv', 'ssv', 'tsv', 'pipes', 'multi'];
const BODY_ONLY_IN_SCHEMA = ['type', 'format', 'items', 'enum', 'collectionFormat', 'default'];

export const fileTypeRule: RuleDefinition = {
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
};

export const bodySchemaRule: RuleDefinition = {
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
};

export const allowEmptyValueRule: RuleDefinition = {
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
};

export const collectionFormatRule: RuleDefinition = {
  id: 'SWG-COLLECTIONFORMAT',
  file: 'swagger',
  title: "Use a Swagger 2.0 collectionFormat ('multi' only in query or formData).",
  description:
    'collectionFormat is one of csv, ssv, tsv, pipes, multi; multi repeats the parameter, so it only works in a query or form (Swagger 2.0; SVR). `validate --fix` writes one in other case (`CSV`) in lower case.',
  namesFixes: 'valueWrites',
  levels: sameLevels('error'),
  msMessage: "The 'collectionFormat' keyword value '{0}' is not supported.",
  example: {
    placement: 'parameter',
    bad: '{ "name": "ids", "in": "header", "type": "array", "collectionFormat": "multi" }',
    good: '{ "name": "ids", "in": "query", "type": "array", "collectionFormat": "multi" }',
  },
  check(context) {
    const swagger = context.swagger;
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
      // `CSV` is plainly `csv`, which validate --fix writes; judged where it may go as meant.
      const lower = typeof format === 'string' ? format.toLowerCase() : undefined;
      const inOtherCase = !known && lower !== undefined && COLLECTION_FORMATS.includes(lower);
      const meant = inOtherCase ? lower : format;
      const misplaced = meant === 'multi' && parameter.in !== 'query' && parameter.in !== 'formData';
      if (known && !misplaced) continue;
      context.report({
        pointer: childPointer(parameter.pointer, 'collectionFormat'),
        message: `${fill("The 'collectionFormat' keyword value '{0}' is not supported.", excerpt(String(format)))}${inOtherCase ? ` Write '${lower}' in lower case.` : ''}${misplaced ? ` 'multi' is for query and formData parameters only.` : ''}`,
        ...(inOtherCase ? valueWrite(context, 'swagger', lower) : {}),
      });
    }
  },
};

export const locationAndTypeRule: RuleDefinition = {
  id: 'SWG-PARAM-IN-ENUM',
  file: 'swagger',
  title: 'Give every parameter a valid location and type.',
  description:
    'Swagger 2.0: `in` is query, header, path, formData or body; non-body parameters have a `type` of string, number, integer, boolean or array (file in formData). A location written in other case (`Path`, `formdata`) is refused all the same; the other rules read the parameter where it is meant, and `validate --fix` writes it as Swagger spells it. No merged connector writes one so. So is a type in other case (`Integer`, `String`): the rules that judge a value by its type read the type meant, and --fix writes it in lower case.',
  levels: sameLevels('error'),
  example: {
    placement: 'pathParameter',
    bad: '{ "name": "id", "in": "url", "type": "guid" }',
    good: '{ "name": "id", "in": "path", "type": "string", "format": "uuid" }',
  },
  namesFixes: 'valueWrites',
  check(context) {
    const { swagger, report } = context;
    for (const parameter of swagger ? writtenParameters(swagger) : []) {
      // The location meant: `Path` is read as `path` (meantLocation), and told here alone.
      if (parameter.in === undefined || !LOCATIONS.includes(parameter.in)) {
        report({
          pointer: has(parameter.value, 'in') ? childPointer(parameter.pointer, 'in') : parameter.pointer,
          message: `The parameter 'in' must be one of: ${LOCATIONS.join(', ')}.`,
        });
        continue;
      }
      const written = parameter.value.in;
      if (written !== parameter.in) {
        report({
          pointer: childPointer(parameter.pointer, 'in'),
          message: `The parameter 'in' must be one of: ${LOCATIONS.join(', ')}. Write '${parameter.in}' as Swagger spells it, not '${excerpt(String(written))}'.`,
          ...valueWrite(context, 'swagger', parameter.in),
        });
      }
      if (parameter.in === 'body') continue;
      const type = parameter.value.type;
      const allowed = parameter.in === 'formData' ? [...SIMPLE_TYPES, 'file'] : SIMPLE_TYPES;
      if (typeof type === 'string' && allowed.includes(type)) continue;
      // The type meant: `Integer` is `integer`, which is named here and written by validate --fix;
      // the type of a list (`["string", "null"]`) is SWG-JSONTYPE's to name.
      const meant = meantType(type);
      if (meant !== undefined && allowed.includes(meant)) {
        if (typeof type !== 'string') continue;
        report({
          pointer: childPointer(parameter.pointer, 'type'),
          message: `A '${parameter.in}' parameter needs a 'type' of ${allowed.join(', ')}. Write '${meant}' as Swagger spells it, not '${excerpt(type)}'.`,
          ...valueWrite(context, 'swagger', meant),
        });
        continue;
      }
      report({
        pointer: has(parameter.value, 'type') ? childPointer(parameter.pointer, 'type') : parameter.pointer,
        message: `A '${parameter.in}' parameter needs a 'type' of ${allowed.join(', ')}${type === undefined ? '' : `, not '${excerpt(String(type))}'`}.`,
      });
    }
  },
};
