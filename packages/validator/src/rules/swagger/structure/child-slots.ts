import { HTTP_METHODS } from '../../../swagger/path-item-methods.js';
import type { NodeKind } from './swagger-fields.js';

/** The slot of each name in a kind's list of children (see CHILD_FIELDS). */
function slotsOf<const Names extends readonly string[]>(
  names: Names,
): { readonly [N in Names[number]]: number } {
  return Object.fromEntries(names.map((name, slot) => [name, slot])) as { [N in Names[number]]: number };
}

/**
 * The fields each kind's visit descends into (and a schema's `$ref`), by slot: add() keeps them, as
 * written, while it reads every key of the node for the type checks, and the visit reads them from
 * there (StructureWalker.children). Swagger objects come in thousands of shapes, too many for V8's
 * caches of where a named field sits: looking the fields up by name again was slow (a schema's: ~9%
 * of the walk; then those of path items, operations, parameters and responses, ~5% of it).
 * Each descent checks the type it needs, the same the field's type check asks for, so the fields
 * are kept whatever their type.
 */
export const ROOT = slotsOf([
  'info',
  'externalDocs',
  'tags',
  'definitions',
  'parameters',
  'responses',
  'paths',
  'securityDefinitions',
  'security',
] as const);
export const INFO = slotsOf(['contact', 'license'] as const);
export const TAG = slotsOf(['externalDocs'] as const);
/** A path item's parameters, then its operations in HTTP_METHODS' order from slot 1. */
export const PATH_ITEM_PARAMETERS = 0;
export const PATH_ITEM_FIRST_METHOD = 1;
export const OPERATION = slotsOf(['externalDocs', 'parameters', 'responses', 'security'] as const);
export const PARAMETER = slotsOf(['schema', 'items'] as const);
export const ITEMS = slotsOf(['items'] as const);
export const RESPONSE = slotsOf(['schema', 'headers'] as const);
export const SCHEMA = slotsOf([
  '$ref',
  'properties',
  'items',
  'additionalProperties',
  'allOf',
  'xml',
  'externalDocs',
] as const);
export const SECURITY_SCHEME = slotsOf(['scopes'] as const);

export const CHILD_FIELDS: Record<NodeKind, readonly string[]> = {
  root: Object.keys(ROOT),
  info: Object.keys(INFO),
  contact: [],
  license: [],
  externalDocs: [],
  tag: Object.keys(TAG),
  pathItem: ['parameters', ...HTTP_METHODS],
  operation: Object.keys(OPERATION),
  parameter: Object.keys(PARAMETER),
  items: Object.keys(ITEMS),
  response: Object.keys(RESPONSE),
  header: Object.keys(ITEMS),
  schema: Object.keys(SCHEMA),
  xml: [],
  securityScheme: Object.keys(SECURITY_SCHEME),
};
