import { HTTP_METHODS } from '../../../swagger/path-item-methods.js';
import { toTypeName, type FieldType, type JsonTypeName } from './json-types.js';

/**
 * The Swagger 2.0 objects by position. Microsoft's validator is a JSON-schema check of Swagger 2.0
 * plus semantic rules, so most structural findings depend on knowing what kind of object sits where:
 * the same key `type` is a keyword in a schema and a property name inside `properties`.
 */
export type NodeKind =
  | 'root'
  | 'info'
  | 'contact'
  | 'license'
  | 'externalDocs'
  | 'tag'
  | 'pathItem'
  | 'operation'
  | 'parameter'
  | 'items'
  | 'response'
  | 'header'
  | 'schema'
  | 'xml'
  | 'securityScheme';

const NUMERIC_KEYWORDS: Record<string, FieldType | FieldType[]> = {
  default: 'Any',
  maximum: 'Number',
  exclusiveMaximum: 'Boolean',
  minimum: 'Number',
  exclusiveMinimum: 'Boolean',
  maxLength: 'Integer',
  minLength: 'Integer',
  pattern: 'String',
  maxItems: 'Integer',
  minItems: 'Integer',
  uniqueItems: 'Boolean',
  enum: 'Array',
  multipleOf: 'Number',
};

const PRIMITIVE_FIELDS: Record<string, FieldType | FieldType[]> = {
  type: 'String',
  format: 'String',
  items: 'Object',
  collectionFormat: 'String',
  ...NUMERIC_KEYWORDS,
};

/** The fields each closed Swagger 2.0 object allows besides `x-` extensions, with their JSON types. */
export const OBJECT_FIELDS: Record<NodeKind, Record<string, FieldType | FieldType[]>> = {
  root: {
    swagger: 'String',
    info: 'Object',
    host: 'String',
    basePath: 'String',
    schemes: 'Array',
    consumes: 'Array',
    produces: 'Array',
    paths: 'Object',
    definitions: 'Object',
    parameters: 'Object',
    responses: 'Object',
    security: 'Array',
    securityDefinitions: 'Object',
    tags: 'Array',
    externalDocs: 'Object',
  },
  info: {
    title: 'String',
    version: 'String',
    description: 'String',
    termsOfService: 'String',
    contact: 'Object',
    license: 'Object',
  },
  contact: { name: 'String', url: 'String', email: 'String' },
  license: { name: 'String', url: 'String' },
  externalDocs: { description: 'String', url: 'String' },
  tag: { name: 'String', description: 'String', externalDocs: 'Object' },
  pathItem: {
    $ref: 'String',
    ...Object.fromEntries(HTTP_METHODS.map((method) => [method, 'Object' as FieldType])),
    parameters: 'Array',
  },
  operation: {
    tags: 'Array',
    summary: 'String',
    description: 'String',
    externalDocs: 'Object',
    operationId: 'String',
    produces: 'Array',
    consumes: 'Array',
    parameters: 'Array',
    responses: 'Object',
    schemes: 'Array',
    deprecated: 'Boolean',
    security: 'Array',
  },
  parameter: {
    name: 'String',
    in: 'String',
    description: 'String',
    required: 'Boolean',
    schema: 'Object',
    allowEmptyValue: 'Boolean',
    ...PRIMITIVE_FIELDS,
  },
  items: PRIMITIVE_FIELDS,
  header: { description: 'String', ...PRIMITIVE_FIELDS },
  response: { description: 'String', schema: 'Object', headers: 'Object', examples: 'Object' },
  schema: {
    $ref: 'String',
    format: 'String',
    title: 'String',
    description: 'String',
    ...NUMERIC_KEYWORDS,
    maxProperties: 'Integer',
    minProperties: 'Integer',
    required: 'Array',
    additionalProperties: ['Object', 'Boolean'],
    type: 'String',
    items: 'Object',
    allOf: 'Array',
    properties: 'Object',
    discriminator: 'String',
    readOnly: 'Boolean',
    xml: 'Object',
    externalDocs: 'Object',
    example: 'Any',
  },
  xml: { name: 'String', namespace: 'String', prefix: 'String', attribute: 'Boolean', wrapped: 'Boolean' },
  securityScheme: {
    type: 'String',
    description: 'String',
    name: 'String',
    in: 'String',
    flow: 'String',
    authorizationUrl: 'String',
    tokenUrl: 'String',
    scopes: 'Object',
  },
};

/** The type a finding names for a field of the wrong type: the first it allows. */
export function expectedTypeOf(kind: NodeKind, key: string): JsonTypeName {
  const type = OBJECT_FIELDS[kind][key]!;
  return toTypeName(Array.isArray(type) ? type[0]! : type);
}
