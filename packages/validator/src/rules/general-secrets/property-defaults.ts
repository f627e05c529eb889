import { childPointer } from '../../json/pointer.js';
import type { JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { HolderKey } from '../operations/holder-key-bits.js';
import { holderKeysOf } from '../operations/holder-keys.js';
import { SchemaStructureNode } from '../swagger/structure/nodes.js';
import { structureOf, writtenSchemasOf } from '../swagger/structure.js';
import { secretDefault, secretLookingDefault } from './secret-default.js';

/**
 * Where a schema is written, which says who gets its default: a body parameter's schema is sent, a
 * response's is returned, and a definition's is whichever its users make it.
 */
export type SchemaSide = 'request' | 'response' | 'definition';

export interface SecretPropertyDefault {
  /** Where the default is written. */
  readonly pointer: string;
  /** The property's name, or its array's when the default is that of the array's items. */
  readonly name: string;
  readonly side: SchemaSide;
  readonly value: string;
}

/**
 * The defaults of schema properties that carry a credential and look like real secrets
 * (secret-default.ts), as parameters' are: `"api_key": {"type": "string", "default": "9f8c…"}` in a
 * body's schema is sent by every user as surely as an internal api_key parameter, and, like any
 * default, published with the connector. So response schemas count too: there the key is not sent,
 * but whoever reads the connector can use it. The breaking-change check calls such a field's
 * deletion right (diff/secret-deletion.ts), and the two agree on what a secret default is.
 *
 * Cheap where most documents have nothing: only the schemas with a `default` are read (a list the
 * structure walk's notes give, shared with SWG-INTERNAL-DEFAULT; ~2,400 of the corpus's ~100,000
 * schemas), and their names tested first (~1.4 ms a corpus run in all). A property given by a `$ref`
 * has the target's default: it is reported at that default, named by the first property that uses
 * it, and the document's references are read only when some target has a default that would be a
 * secret (2 of the corpus's documents, for a name of no credential).
 */
export function secretPropertyDefaults(model: SwaggerModel): SecretPropertyDefault[] {
  const keys = holderKeysOf(model);
  const withDefault = keys.schemasWith(HolderKey.default);
  if (withDefault.length === 0) return [];
  const schemas = writtenSchemasOf(model);
  const found: SecretPropertyDefault[] = [];
  let unnamed: Map<JsonObject, SchemaStructureNode> | undefined;
  for (let at = 0; at < withDefault.length; at++) {
    // The written schemas are the structure walk's nodes, which know their place (fieldName).
    const node = schemas[withDefault[at]!];
    if (!(node instanceof SchemaStructureNode)) continue;
    const name = fieldName(node);
    if (name === undefined) {
      if (secretLookingDefault(node.schema.default) !== undefined)
        (unnamed ??= new Map()).set(node.schema, node);
      continue;
    }
    // No host: a Function app reads its key (`code`) from the query or a header, never a body.
    const value = secretDefault(name, node.schema.default, undefined);
    if (value !== undefined) found.push(reportedDefault(node, name, sideOf(node), value));
  }
  if (unnamed !== undefined) found.push(...referencedDefaults(model, unnamed));
  return found;
}

/**
 * The defaults of the schemas in `unnamed` (a definition, mostly) that a secret-named property
 * takes through its `$ref`: each once, at the schema's default, named by the first such property.
 */
function referencedDefaults(
  model: SwaggerModel,
  unnamed: ReadonlyMap<JsonObject, SchemaStructureNode>,
): SecretPropertyDefault[] {
  const found: SecretPropertyDefault[] = [];
  const reported = new Set<SchemaStructureNode>();
  for (const use of structureOf(model).refs) {
    const holder = use.holder;
    if (use.expects !== 'schema' || !(holder instanceof SchemaStructureNode)) continue;
    const name = fieldName(holder);
    if (name === undefined) continue;
    const target = model.resolveRef(use.ref)?.value;
    const node = target === undefined ? undefined : unnamed.get(target as JsonObject);
    if (node === undefined || reported.has(node)) continue;
    const value = secretDefault(name, node.schema.default, undefined);
    if (value === undefined) continue;
    reported.add(node);
    found.push(reportedDefault(node, name, sideOf(holder), value));
  }
  return found;
}

/**
 * The name a schema's value is sent or returned under: a property's own, and the array property's
 * for the array's items (`"api_keys": {"type": "array", "items": {"default": …}}`). Undefined for a
 * schema that is neither: a definition, a body's or response's whole schema, a map's values.
 */
function fieldName(node: SchemaStructureNode): string | undefined {
  let field = node;
  for (let array = field.itemsOf; array !== undefined; array = field.itemsOf) field = array;
  return field.propertyName;
}

function sideOf(node: SchemaStructureNode): SchemaSide {
  switch (node.origin) {
    case 'parameter':
    case 'global-parameter':
      return 'request';
    case 'response':
    case 'global-response':
      return 'response';
    default:
      return 'definition';
  }
}

function reportedDefault(
  node: SchemaStructureNode,
  name: string,
  side: SchemaSide,
  value: string,
): SecretPropertyDefault {
  return { pointer: childPointer(node.pointer, 'default'), name, side, value };
}
