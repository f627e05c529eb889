import { nameExcerpt } from '../../text/message-values.js';
import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asObject, asString, has } from '../../swagger/json-values.js';
import { callArgument, callArguments, DYNAMIC_EXTENSIONS, dynamicCalls } from './dynamic-index.js';
import { ambiguityRule } from './dynamic-ambiguity-rule.js';
import { sourceParameter } from './dynamic-call-operations.js';
import { dynamicParametersRule } from './dynamic-parameters-rule.js';
import { dynamicResultRule } from './dynamic-result-rule.js';
import { operationIdReferenceRule } from './operation-id-reference-rule.js';
import { writtenParameters } from './parameter-index.js';
import { fill, isInternalVisibility } from './rule-kit.js';
import { operationLabel } from '../../swagger/operation-label.js';

export const dynamicRules: RuleDefinition[] = [
  {
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
  },
  ambiguityRule('SWG-DYN-LIST-AMBIG', 'x-ms-dynamic-values', 'x-ms-dynamic-list'),
  ambiguityRule('SWG-DYN-PROPS-AMBIG', 'x-ms-dynamic-schema', 'x-ms-dynamic-properties'),
  {
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
  },
  {
    id: 'SWG-DYN-TREE',
    file: 'swagger',
    title: 'Define x-ms-dynamic-tree for file pickers.',
    description:
      "A file picker (x-ms-dynamic-values with capability 'file-picker') needs x-ms-dynamic-tree to browse (SVR).",
    levels: sameLevels('error'),
    msMessage: "The 'x-ms-dynamic-tree' extension must be defined to enable file picker support.",
    example: { placement: 'parameter', bad: '"x-ms-dynamic-values": { "capability": "file-picker", … }' },
    check({ swagger, report }) {
      for (const call of swagger ? dynamicCalls(swagger) : []) {
        if (call.extension !== 'x-ms-dynamic-values' || call.call.capability !== 'file-picker') continue;
        if (has(call.holder, 'x-ms-dynamic-tree')) continue;
        report({
          pointer: call.pointer,
          message: "The 'x-ms-dynamic-tree' extension must be defined to enable file picker support.",
        });
      }
    },
  },
  operationIdReferenceRule,
  dynamicParametersRule,
  dynamicResultRule,
  {
    id: 'SWG-DYN-INTERNAL-SRC',
    file: 'swagger',
    title: 'Do not feed dynamic calls from internal parameters.',
    description:
      'A dynamic call that reads a parameter the maker cannot see gets no value at design time (SVR SourcePropertyInternal).',
    levels: sameLevels('error'),
    msCode: 'SourcePropertyInternal',
    msMessage:
      "The parameter reference '{0}' in the source operation '{1}' is internal or one of its parent(s) are internal.",
    example: {
      placement: 'dynamicValues',
      bad: '"parameters": { "site": { "parameter": "site" } } where site has "x-ms-visibility": "internal"',
    },
    check({ swagger, report }) {
      for (const call of swagger ? dynamicCalls(swagger) : []) {
        if (!call.source) continue;
        for (const [name, entry] of callArguments(call.call)) {
          const argument = callArgument(entry);
          if (argument.kind !== 'reference') continue;
          const source = sourceParameter(call, argument.name);
          if (!source || !isInternalVisibility(source['x-ms-visibility'])) continue;
          report({
            pointer: childPointer(call.pointer, 'parameters', name),
            message: fill(
              "The parameter reference '{0}' in the source operation '{1}' is internal or one of its parent(s) are internal.",
              nameExcerpt(argument.name),
              operationLabel(call.source),
            ),
          });
        }
      }
    },
  },
];
