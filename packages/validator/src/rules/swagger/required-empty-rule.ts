import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import { nodesOfKinds, structureOf } from './structure.js';
import type { NodeKind } from './structure/swagger-fields.js';
import type { StructureNode } from './structure/nodes.js';

/**
 * The lists of the kinds a rule reads. Its findings are sorted by place afterwards, so reading kind
 * by kind rather than in document order changes nothing; three rules went through all ~140,000
 * nodes of the corpus, through a callback, to pick a few kinds.
 */
function nodeListsOf(context: RuleContext, kinds: readonly NodeKind[]): (readonly StructureNode[])[] {
  return context.swagger ? nodesOfKinds(structureOf(context.swagger), kinds) : [];
}

/** A string the Swagger 2.0 schema requires, with what to write: the message alone does not say. */
interface RequiredString {
  key: string;
  whatToWrite: string;
}

/**
 * Strings the Swagger 2.0 schema requires that must also not be empty, per kind. Each key holds its
 * own text, so a key cannot be added without one.
 */
const REQUIRED_STRINGS: Partial<Record<StructureNode['kind'], readonly RequiredString[]>> = {
  info: [
    { key: 'title', whatToWrite: 'Give the connector its name.' },
    { key: 'version', whatToWrite: 'Give the version of the API, such as "1.0".' },
  ],
  parameter: [{ key: 'name', whatToWrite: 'Name the parameter (a body parameter is usually named "body").' }],
  tag: [{ key: 'name', whatToWrite: 'Name the tag, or remove it.' }],
};

const REQUIRED_STRING_KINDS = Object.keys(REQUIRED_STRINGS) as NodeKind[];

export const requiredEmptyRule: RuleDefinition = {
  id: 'SWG-REQUIRED-EMPTY',
  file: 'swagger',
  title: 'Do not leave required strings empty.',
  description:
    'A required string that is present but empty (`"title": ""`, a parameter or tag without a name) passes the schema but not the validator (SVR: RequiredValueEmpty).',
  levels: certificationLevels('error'),
  msCode: 'RequiredValueEmpty',
  msMessage: "The '{0}' property must have not empty value.",
  example: { bad: '{ "info": { "title": "", "version": "1.0" } }' },
  check(context) {
    for (const nodes of nodeListsOf(context, REQUIRED_STRING_KINDS)) {
      for (const node of nodes) {
        for (const { key, whatToWrite } of REQUIRED_STRINGS[node.kind]!) {
          const value = node.value[key];
          if (typeof value === 'string' && value.trim() === '') {
            context.report({
              pointer: childPointer(node.pointer, key),
              message: `The '${key}' property must have not empty value${value === '' ? '.' : ': it holds only white space.'} ${whatToWrite}`,
            });
          }
        }
      }
    }
  },
};
