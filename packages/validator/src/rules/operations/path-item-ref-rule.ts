import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asObject, has } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { HTTP_METHODS } from '../../swagger/path-item-methods.js';

export const pathItemRefRule: RuleDefinition = {
  id: 'SWG-PATH-REF',
  file: 'swagger',
  title: "Write path items in place; '$ref' is not supported there.",
  description: 'The service does not resolve a `$ref` on a path item (SVR PathItemRefNotSuppored).',
  levels: sameLevels('error'),
  msCode: 'PathItemRefNotSuppored',
  msMessage: "The '$ref' property in a path is not supported.",
  example: { placement: 'paths', bad: '"/tasks": { "$ref": "other.json#/tasks" }' },
  check({ swagger, report }) {
    if (!swagger) return;
    const paths = swagger.paths;
    for (const path in paths) {
      if (!has(paths, path)) continue;
      const pathItem = asObject(paths[path]);
      if (!pathItem || !has(pathItem, '$ref')) continue;
      report({
        pointer: childPointer('/paths', path, '$ref'),
        message: `The '$ref' property in a path is not supported. ${unreadOperations(swagger, pathItem)}`,
      });
    }
  },
};

/**
 * What a path item's `$ref` hides: the operations it leads to are checked by no rule (the service
 * does not resolve it, so neither does the operation walk), which the bare message left unsaid. A
 * maker who moved operations under `x-paths` to share them would otherwise see one error, fix
 * nothing else, and learn of the rest one review round later.
 */
function unreadOperations(swagger: SwaggerModel, pathItem: Record<string, unknown>): string {
  const target = swagger.pathItemTarget(pathItem);
  const methods = target ? HTTP_METHODS.filter((method) => asObject(target.value[method])) : [];
  if (methods.length === 0) return 'Write the path item here, in place of the $ref.';
  const which =
    methods.length === 1
      ? `The operation it leads to (${methods[0]}) is`
      : `The ${methods.length} operations it leads to (${methods.join(', ')}) are`;
  return `${which} checked by no rule until written here, in place of the $ref.`;
}
