import { didYouMean } from '@connector-alm/core';
import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { excerpt, nameExcerpt } from '../../text/message-values.js';
import { HolderKey } from './holder-key-bits.js';
import { holderKeysOf } from './holder-keys.js';
import { writtenParameters, type WrittenParameter } from './parameter-index.js';
import { fill } from './rule-kit.js';
import { meantTypeOf } from '../../swagger/meant-type.js';

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

/** The encodings x-ms-url-encoding names: the value URL-encoded once, or twice. */
const URL_ENCODINGS = ['single', 'double'];

/**
 * Path parameter types whose values hold no `/`, `%` or other reserved character (digits, sign,
 * point, exponent; `true`/`false`), with the article a message names them with. A flow cannot pass
 * them text either: the platform refuses an input of another type before the call ("requires the
 * property 'id' to be of type 'Integer' but is of type 'String'"), so the encoding changes nothing.
 */
const PATH_SAFE_TYPES: Readonly<Record<string, string>> = {
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
};

export const pathParameterEncodingRule: RuleDefinition = {
  id: 'SWG-PATH-PARAM-ENCODING',
  file: 'swagger',
  title: 'Declare x-ms-url-encoding on path parameters.',
  description:
    'Without `"x-ms-url-encoding": "single"` a value with `/` or `%` can change the request path (SVR PathParameterMissingEncoding, a warning). 126 merged certified connectors lack it. An `integer`, `number` or `boolean` path parameter is told at info, as its values hold no reserved character: Microsoft\'s documented check names every path parameter, but the encoding changes nothing there (132 of the 2,265 warnings on the 1,037 upstream connector folders were on such parameters).',
  levels: sameLevels('warning'),
  milderCases: [{ when: 'for an integer, number or boolean parameter', atMost: 'info' }],
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
      const name = nameExcerpt(parameter.name ?? '');
      const type = meantTypeOf(parameter.value);
      const safeType = type !== undefined && Object.hasOwn(PATH_SAFE_TYPES, type) ? type : undefined;
      report({
        pointer: parameter.pointer,
        ...(safeType
          ? {
              severity: 'info',
              message: `Encoding for path parameter '${name}' is missing, which cannot change the request path here: ${PATH_SAFE_TYPES[safeType]} value holds no '/' or '%'. Microsoft's validator asks for it on every path parameter (PathParameterMissingEncoding); "x-ms-url-encoding": "single" answers it.`,
            }
          : {
              message: fill(
                'Encoding for path parameter \'{0}\' is missing, which might lead to invalid requests. Use "x-ms-url-encoding": "single" to ensure the value is URL encoded.',
                name,
              ),
            }),
      });
    }
  },
};

export const queryEncodingRule: RuleDefinition = {
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
};

export const urlEncodingEnumRule: RuleDefinition = {
  id: 'SWG-URL-ENCODING-ENUM',
  file: 'swagger',
  title: "Use 'single' or 'double' for x-ms-url-encoding.",
  description:
    'The extension names how often the value is URL-encoded: `single` or `double`, the only values merged connectors write (about 2,000 `single`, 27 `double`). Another (`"tripple"`, `"Single"`) passed SWG-PATH-PARAM-ENCODING, which only looks for the key, and is reported at the value with the one likely meant. Query parameters are left to SWG-QUERY-ENCODING, which reports the key whatever its value.',
  levels: sameLevels('error'),
  example: {
    placement: 'pathParameter',
    bad: '{ "name": "taskId", "in": "path", "required": true, "type": "string", "x-ms-url-encoding": "singel" }',
    good: '{ "name": "taskId", "in": "path", "required": true, "type": "string", "x-ms-url-encoding": "single" }',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    const parameters = writtenParameters(swagger);
    const keys = holderKeysOf(swagger).parameters;
    for (let index = 0; index < parameters.length; index++) {
      if ((keys[index]! & HolderKey.urlEncoding) === 0) continue;
      const parameter = parameters[index]!;
      const value = parameter.value['x-ms-url-encoding'];
      if (parameter.in === 'query' || (typeof value === 'string' && URL_ENCODINGS.includes(value))) continue;
      report({
        pointer: childPointer(parameter.pointer, 'x-ms-url-encoding'),
        message:
          `The property value must be one of the following: ${URL_ENCODINGS.join(', ')}. Parameter '${nameExcerpt(parameter.name ?? '')}' has '${excerpt(value)}'.` +
          (typeof value === 'string' ? didYouMean(value, URL_ENCODINGS) : ''),
      });
    }
  },
};
