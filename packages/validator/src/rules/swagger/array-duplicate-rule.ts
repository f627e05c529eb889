import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import { duplicateIndexes } from './duplicate-entries.js';
import { structureOf } from './structure.js';
import type { StructureNode } from './structure/nodes.js';

/**
 * The arrays of the root and of operations that Swagger 2.0 declares `uniqueItems` (read on the
 * nodes the structure walk noted with one of two or more entries). The others are the `enum` of
 * schemas, parameters, items and headers and the `required` of schemas, read from the nodes the
 * structure walk noted with those keys rather than from every node of those kinds.
 */
const UNIQUE_ARRAYS: Partial<Record<StructureNode['kind'], string[]>> = {
  root: ['schemes', 'consumes', 'produces'],
  operation: ['schemes', 'consumes', 'produces', 'tags'],
};

/** Reports the repeated entries of `node.value[key]`, if it is an array. */
function reportDuplicates(context: RuleContext, node: StructureNode, key: string): void {
  const list = node.value[key];
  if (!Array.isArray(list) || list.length < 2) return;
  // Pointers only for what is reported: building one per node and key cost more than the check.
  for (const index of duplicateIndexes(list)) {
    context.report({
      pointer: childPointer(node.pointer, key, index),
      message: 'The array contains duplicate values, values must be unique.',
    });
  }
}

export const arrayDuplicateRule: RuleDefinition = {
  id: 'SWG-ARRAY-DUP',
  file: 'swagger',
  title: 'Do not repeat values in enum, required, schemes, consumes or produces.',
  description:
    'Swagger 2.0 declares these arrays `uniqueItems`; the validator rejects repeated values (SVR: ArrayDuplicateValue). A repeated enum value also shows twice in the designer.',
  levels: sameLevels('error'),
  msCode: 'ArrayDuplicateValue',
  msMessage: 'The array contains duplicate values, values must be unique.',
  example: {
    placement: 'parameter',
    bad: '{ "enum": ["open", "done", "open"] }',
    good: '{ "enum": ["open", "done"] }',
  },
  check(context) {
    if (!context.swagger) return;
    const keywords = structureOf(context.swagger).keywords;
    // The root, then the operations, as noted: only those with a list of two or more entries.
    for (const node of keywords.uniqueLists) {
      for (const key of UNIQUE_ARRAYS[node.kind]!) reportDuplicates(context, node, key);
    }
    for (const node of keywords.enum) reportDuplicates(context, node, 'enum');
    for (const node of keywords.required) reportDuplicates(context, node, 'required');
  },
};
