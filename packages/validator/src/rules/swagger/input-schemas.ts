import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { SchemaStep } from '../../swagger/schema-walk.js';
import { isObject, type JsonObject } from '../../swagger/json-values.js';
import { ConnectorCache } from '../../model/connector-cache.js';
import { structureOf } from './structure.js';
import type { SchemaStructureNode } from './structure/nodes.js';
import type { SwaggerStructure } from './structure/swagger-structure.js';
import { meantTypeOf } from '../../swagger/meant-type.js';

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

/** The request-body schemas that the input rules report, each list in walk order. */
export interface InputSchemaFindings {
  /** Read-only and required (SWG-REQ-READONLY). */
  readonly requiredReadOnly: InputSchemaNode[];
  /** Nested string/binary (SWG-BINARY-POS). */
  readonly nestedBinary: InputSchemaNode[];
}

const cache = new ConnectorCache<object, InputSchemaFindings>();

/**
 * Every schema of every body parameter is walked once per document for both rules, each written
 * schema visited at most once nested and once at the top, so definitions shared by many operations
 * are expanded once, not once per operation. Only the nodes a rule reports are kept: listing all
 * ~24,000 of the corpus (for 12 findings) made a node and a place for each.
 */
export function inputSchemaFindings(model: SwaggerModel): InputSchemaFindings {
  let findings = cache.get(model.root);
  if (findings) return findings;
  findings = mayHoldFindings(model) ? walkBodies(model) : { requiredReadOnly: [], nestedBinary: [] };
  cache.set(model.root, findings);
  return findings;
}

/**
 * Whether a body's schemas can hold a finding. Only a schema with `readOnly: true` or of format
 * binary can, and most documents have neither (319 of the corpus's 370): their bodies need no walk,
 * which was most of SWG-REQ-READONLY's ~7 ms and 2.4 MB a corpus run. The structure walk noted those
 * schemas; but a body walk may meet objects that walk did not list as schemas, and then it must be
 * done. When it meets only listed schemas, it meets only those of parameters and definitions: the
 * read-only and binary schemas of responses (all those of 25 of the 51 other corpus documents) then
 * need no walk either.
 */
function mayHoldFindings(model: SwaggerModel): boolean {
  const structure = structureOf(model);
  const { keywords } = structure;
  if (keywords.readOnly.length === 0 && keywords.binaryFormat.length === 0) {
    return !bodiesMeetOnlyListedSchemas(model, structure);
  }
  for (const node of keywords.readOnly) if (inBodyTree(node) && node.value.readOnly === true) return true;
  // At the top of a body, binary is allowed: a parameter's own schema is met only there.
  for (const node of keywords.binaryFormat)
    if (inBodyTree(node) && (node.depth > 0 || node.origin === 'definition')) return true;
  return !bodiesMeetOnlyListedSchemas(model, structure);
}

/** A schema written in a definition or in a parameter, where a body walk of listed schemas goes. */
function inBodyTree(node: SchemaStructureNode): boolean {
  return node.origin !== 'response' && node.origin !== 'global-response';
}

/**
 * True when every object a body walk can meet is a schema node of the structure walk. A body walk
 * starts at the schema of each body parameter of the model's operations (found through the
 * parameter's `$ref`s) and goes into the same children as the structure walk, through `$ref`s.
 * Those objects are listed schemas when every parameter and schema reference names one entry of
 * the root's `parameters` or `definitions` maps (what the structure walk reads), every `$ref` is a
 * string (the model reads a parameter with another as written, the structure walk skips it), and no
 * operation is under a path key that starts with `x-` (the model lists those, the structure walk
 * does not).
 */
function bodiesMeetOnlyListedSchemas(model: SwaggerModel, structure: SwaggerStructure): boolean {
  const root = model.root;
  if (Array.isArray(root.definitions) || Array.isArray(root.parameters)) return false;
  for (const issue of structure.typeIssues) if (issue.pointer.endsWith('/$ref')) return false;
  for (const use of structure.refs) {
    if (use.expects === 'schema' && !namesEntryOf(use.ref, '#/definitions/')) return false;
    if (use.expects === 'parameter' && !namesEntryOf(use.ref, '#/parameters/')) return false;
  }
  // The model's operations, not the path keys: an x- key without operations starts no body walk, and
  // for…in over every document's paths, then hasOwnProperty on each key, cost ~0.2-0.4 ms a run.
  for (const operation of model.operations) if (operation.path.startsWith('x-')) return false;
  return true;
}

/** `#/definitions/Name`: one entry of a root map, with no escape whose reading could vary. */
function namesEntryOf(ref: string, map: string): boolean {
  return ref.startsWith(map) && ref.indexOf('/', map.length) === -1 && !ref.includes('~');
}

function walkBodies(model: SwaggerModel): InputSchemaFindings {
  const requiredReadOnly: InputSchemaNode[] = [];
  const nestedBinary: InputSchemaNode[] = [];
  // Written schemas already met at the top of a body and nested in one (two sets: no key to build).
  // A schema object is the one written at its place, so the objects stand for their pointers.
  const seenTop = new Set<JsonObject>();
  const seenNested = new Set<JsonObject>();
  const visit = (step: SchemaStep): boolean | void => {
    const schema = step.schema;
    const seen = step.nested ? seenNested : seenTop;
    if (seen.has(schema)) return false;
    seen.add(schema);
    if (step.required && schema.readOnly === true) requiredReadOnly.push(step.node());
    if (step.nested && schema.format === 'binary' && meantTypeOf(schema) === 'string')
      nestedBinary.push(step.node());
  };
  for (const operation of model.operations) {
    for (const parameter of operation.parameters) {
      if (parameter.in !== 'body' || !isObject(parameter.value.schema)) continue;
      // The body's pointer is built only if one of its nodes is kept.
      model.walkSchemaSteps(
        parameter.value.schema,
        { owner: parameter.definitionPlace, segment: 'schema' },
        visit,
      );
    }
  }
  return { requiredReadOnly, nestedBinary };
}
