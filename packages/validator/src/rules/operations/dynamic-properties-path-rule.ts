import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asObject, asString } from '../../swagger/json-values.js';
import { nameExcerpt } from '../../text/message-values.js';
import { dynamicCalls } from './dynamic-index.js';
import { fill } from './rule-kit.js';

export const dynamicPropertiesPathRule: RuleDefinition = {
  id: 'SWG-DYN-PROPS-PATH',
  file: 'swagger',
  title: 'Point x-ms-dynamic-properties at the same place as x-ms-dynamic-schema.',
  description:
    "x-ms-dynamic-properties.itemValuePath is x-ms-dynamic-schema's value-path without its trailing 'properties' (SVR).",
  levels: sameLevels('error'),
  msMessage:
    "The 'x-ms-dynamic-properties' extension should have the same item value path as 'x-ms-dynamic-schema' extension without 'properties' ending. The expected path is '{0}'.",
  example: {
    placement: 'parameter',
    bad: '"x-ms-dynamic-schema": { "value-path": "schema/properties" }, "x-ms-dynamic-properties": { "itemValuePath": "data" }',
    good: '"x-ms-dynamic-schema": { "value-path": "schema/properties" }, "x-ms-dynamic-properties": { "itemValuePath": "schema" }',
  },
  check({ swagger, report }) {
    for (const call of swagger ? dynamicCalls(swagger) : []) {
      if (call.extension !== 'x-ms-dynamic-properties') continue;
      const valuePath = asString(asObject(call.holder['x-ms-dynamic-schema'])?.['value-path']);
      const itemValuePath = asString(call.call.itemValuePath);
      if (valuePath === undefined || itemValuePath === undefined) continue;
      const expected = valuePath.replace(/\/?properties$/, '');
      if (itemValuePath === expected) continue;
      report({
        pointer: childPointer(call.pointer, 'itemValuePath'),
        message: fill(
          "The 'x-ms-dynamic-properties' extension should have the same item value path as 'x-ms-dynamic-schema' extension without 'properties' ending. The expected path is '{0}'.",
          nameExcerpt(expected),
        ),
      });
    }
  },
};
