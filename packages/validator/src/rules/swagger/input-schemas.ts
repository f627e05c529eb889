import type { SchemaStep, SwaggerModel } from '../../swagger/swagger-model.js';
import { isObject, type JsonObject } from '../../swagger/json-values.js';
import { ConnectorCache } from '../../model/connector-cache.js';

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
    if (step.nested && schema.type === 'string' && schema.format === 'binary') nestedBinary.push(step.node());
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
  findings = { requiredReadOnly, nestedBinary };
  cache.set(model.root, findings);
  return findings;
}
