import { childPointer } from '../../json/pointer.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { isObject, type JsonObject } from '../../swagger/json-values.js';

/** A schema reachable from a request body, following `$ref`s. */
export interface InputSchemaNode {
  schema: JsonObject;
  /** Where the schema is written (a definition's pointer when reached through a `$ref`). */
  pointer: string;
  /** Below the top level of the body. */
  nested: boolean;
  /** Its parent object lists it as required. */
  required: boolean;
}

const cache = new WeakMap<object, InputSchemaNode[]>();

/**
 * Every schema of every body parameter, each written schema visited at most once nested and once at
 * the top, so definitions shared by many operations are expanded once, not once per operation.
 */
export function inputSchemaNodes(model: SwaggerModel): InputSchemaNode[] {
  let nodes = cache.get(model.root);
  if (nodes) return nodes;
  const list: InputSchemaNode[] = [];
  // Written schemas already met at the top of a body and nested in one (two sets: no key to build).
  const seenTop = new Set<string>();
  const seenNested = new Set<string>();
  for (const operation of model.operations) {
    for (const parameter of operation.parameters) {
      if (parameter.in !== 'body' || !isObject(parameter.value.schema)) continue;
      const at = childPointer(parameter.definitionPointer, 'schema');
      model.walkSchema(parameter.value.schema, at, (node) => {
        const nested = node.path.length > 0;
        const seen = nested ? seenNested : seenTop;
        if (seen.has(node.pointer)) return false;
        seen.add(node.pointer);
        list.push({ schema: node.schema, pointer: node.pointer, nested, required: node.required });
      });
    }
  }
  nodes = list;
  cache.set(model.root, nodes);
  return nodes;
}
