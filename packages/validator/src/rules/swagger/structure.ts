import { ConnectorCache } from '../../model/connector-cache.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { MAX_SCHEMA_WALK_DEPTH } from '../../swagger/schema-walk.js';
import type { WrittenSchema } from '../../swagger/written-schema.js';
import type { JsonObject } from '../../swagger/json-values.js';
import type { StructureNode } from './structure/nodes.js';
import { StructureWalker } from './structure/structure-walker.js';
import type { NodeKind } from './structure/swagger-fields.js';
import type { SwaggerStructure } from './structure/swagger-structure.js';

/**
 * The Swagger 2.0 objects of a swagger by position, walked once per document: what kind of object
 * sits where (the same key `type` is a keyword in a schema and a property name inside `properties`),
 * with their `$ref`s, JSON type errors, unknown keys and the keywords some rules check. The pieces
 * live in ./structure/: the field tables of Swagger 2.0, the nodes, the notes the walk takes, the
 * walk itself.
 */

const cache = new ConnectorCache<JsonObject, SwaggerStructure>();

function walkStructure(root: JsonObject): SwaggerStructure {
  return new StructureWalker().walk(root);
}

/** Every Swagger object of the document by kind, with `$ref` uses and JSON type errors; built once. */
export function structureOf(model: SwaggerModel): SwaggerStructure {
  return cache.getOrBuild(model.root, walkStructure);
}

/**
 * Readonly by type but not frozen: rules loop over it with for…of, and a frozen array met there made
 * V8 leave the loops unoptimized, allocating an iterator result per node (~23 MB a corpus run).
 */
const NO_NODES: readonly StructureNode[] = [];

/**
 * The structure's lists of the given kinds, in that order, for rules that read a few kinds: they
 * loop over these instead of every node (~140,000 a corpus run), and no list of them is copied.
 */
export function nodesOfKinds(
  structure: SwaggerStructure,
  kinds: readonly NodeKind[],
): (readonly StructureNode[])[] {
  return kinds.map((kind) => structure.byKind.get(kind) ?? NO_NODES);
}

/**
 * Every schema object written in the document, each exactly once and without following `$ref`s:
 * definitions, global parameters' and responses' schemas, then those of the paths' parameters and
 * responses, each followed by everything nested in it (properties, items, additionalProperties,
 * allOf) down to MAX_SCHEMA_WALK_DEPTH. Rules that check schemas in isolation iterate this list
 * instead of walking the document again.
 *
 * These are the schema nodes of the document's structure walk, which meets the same
 * schemas anyway: a second walk made a second node for each of them (~15 MB and a walk over
 * ~100,000 schemas a corpus run). So, like that walk, it leaves out what Swagger 2.0 does not read
 * as a schema: under `x-` keys of `paths` and `responses`, and beside the `$ref` of a parameter or
 * response; but a webhook's payload schema, `x-ms-notification-content` on a path item, is there
 * (origin 'response', under the path item's pointer), as the platform reads it.
 */
export function writtenSchemasOf(model: SwaggerModel): readonly WrittenSchema[] {
  const structure = structureOf(model);
  structure.writtenSchemas ??= documentOrder(structure);
  return structure.writtenSchemas;
}

/**
 * The structure's schema nodes (met in document order: the root's definitions, parameters and
 * responses, then the paths'), without those nested deeper than the schema walks go: almost always
 * none, and then the list is the structure's own.
 */
function documentOrder(structure: SwaggerStructure): readonly WrittenSchema[] {
  const { schemas } = structure;
  if (structure.schemasBelowSchemaWalk === 0) return schemas;
  const list = new Array<WrittenSchema>(schemas.length - structure.schemasBelowSchemaWalk);
  let next = 0;
  for (const schema of schemas) if (schema.depth <= MAX_SCHEMA_WALK_DEPTH) list[next++] = schema;
  return list;
}

/**
 * The HolderKey bits (see holderKeysOf) of each schema of writtenSchemasOf, by index: the walk's
 * own, almost always, or those of the schemas documentOrder keeps.
 */
export function writtenSchemaHolderKeys(model: SwaggerModel): Uint16Array {
  const structure = structureOf(model);
  const { schemas, schemaHolderKeys } = structure;
  const written = writtenSchemasOf(model);
  if (written === schemas) return schemaHolderKeys;
  const kept = new Uint16Array(written.length);
  let next = 0;
  for (let index = 0; index < schemas.length; index++)
    if (schemas[index]!.depth <= MAX_SCHEMA_WALK_DEPTH) kept[next++] = schemaHolderKeys[index]!;
  return kept;
}
