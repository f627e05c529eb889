import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { has } from '../../swagger/json-values.js';
import { DYNAMIC_EXTENSIONS } from './dynamic-index.js';
import { writtenParameters } from './parameter-index.js';

export const dynamicOnBodyRule: RuleDefinition = {
  id: 'SWG-DYN-ON-BODY',
  file: 'swagger',
  title: 'Put dynamic extensions in the body schema, not on the body parameter.',
  description: 'The platform reads dynamic values and schemas of a body from its schema (SVR).',
  levels: sameLevels('error'),
  msMessage:
    'Dynamic extensions are not allowed to be defined on the body parameter. It should be in the schema.',
  example: {
    placement: 'bodyParameter',
    bad: '{ "name": "body", "in": "body", "x-ms-dynamic-schema": { … }, "schema": { "type": "object" } }',
    good: '{ "name": "body", "in": "body", "schema": { "type": "object", "x-ms-dynamic-schema": { … } } }',
  },
  check({ swagger, report }) {
    for (const parameter of swagger ? writtenParameters(swagger) : []) {
      if (parameter.in !== 'body') continue;
      for (const extension of DYNAMIC_EXTENSIONS) {
        if (!has(parameter.value, extension)) continue;
        report({
          pointer: childPointer(parameter.pointer, extension),
          message:
            'Dynamic extensions are not allowed to be defined on the body parameter. It should be in the schema.',
        });
      }
    }
  },
};
