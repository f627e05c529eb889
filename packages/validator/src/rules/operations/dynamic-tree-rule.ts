import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { has } from '../../swagger/json-values.js';
import { dynamicCalls } from './dynamic-index.js';

export const dynamicTreeRule: RuleDefinition = {
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
};
