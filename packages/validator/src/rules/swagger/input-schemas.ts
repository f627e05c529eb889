import { childPointer } from '../../json/pointer.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { isObject, type JsonObject } from '../../swagger/json-values.js';

/** A schema reachable from a request body, following `$ref`s. */
export interface InputSchemaNode {
  schema: JsonObject;
  /** Where the schema is written (below a definition's pointer when reached through a `$ref`). */
  readonly pointer: string;
  /** Below the top level of the body. */
  readonly nested: boolean;
  /** Its parent object lists it as required. */
  readonly required: boolean;
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
  // A schema object is the one written at its place, so the objects stand for their pointers.
  const seenTop = new Set<JsonObject>();
  const seenNested = new Set<JsonObject>();
  for (const operation of model.operations) {
    for (const parameter of operation.parameters) {
      if (parameter.in !== 'body' || !isObject(parameter.value.schema)) continue;
      const at = childPointer(parameter.definitionPointer, 'schema');
      model.walkSchema(parameter.value.schema, at, (node) => {
        const seen = node.nested ? seenNested : seenTop;
        if (seen.has(node.schema)) return false;
        seen.add(node.schema);
        list.push(node);
      });
    }
  }
  nodes = list;
  cache.set(model.root, nodes);
  return nodes;
}
