import { encodeSegment } from '../../json/pointer.js';
import { HTTP_METHODS, type SwaggerModel } from '../../swagger/swagger-model.js';
import { asArray, entriesOf, forEachEntry, isObject, type JsonObject } from '../../swagger/json-values.js';

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

/** JSON value types as Microsoft's messages name them (Newtonsoft JTokenType). */
export type JsonTypeName = 'Object' | 'Array' | 'String' | 'Integer' | 'Float' | 'Boolean' | 'Null';

/** What a field must hold: `Number` accepts Integer and Float; `Any` anything. */
type FieldType = JsonTypeName | 'Number' | 'Any';

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

/** A Swagger object met by the walk, as written (no `$ref` followed). */
export interface StructureNode {
  kind: NodeKind;
  value: JsonObject;
  pointer: string;
  /** For schemas: where the outermost schema of its tree is written. */
  schemaOrigin?: SchemaOrigin;
  /** For schemas: the property name it is written under, if any. */
  propertyName?: string;
  /** For schemas: how many schemas it is nested in (0 for the outermost). */
  schemaDepth?: number;
}

export type SchemaOrigin =
  'definition' | 'body-parameter' | 'response' | 'global-parameter' | 'global-response' | 'other';

/** A `$ref` as written, with the kind of object expected at its position. */
export interface RefUse {
  ref: string;
  /** The object holding the `$ref`. */
  pointer: string;
  expects: 'schema' | 'parameter' | 'response' | 'pathItem';
  /** The holder's other keys (Swagger 2.0 ignores them; Microsoft rejects them). */
  siblings: string[];
}

/** A value of the wrong JSON type at a position whose type the Swagger 2.0 schema fixes. */
export interface TypeIssue {
  pointer: string;
  expected: JsonTypeName;
  actual: JsonTypeName;
}

export interface SwaggerStructure {
  nodes: StructureNode[];
  byKind: Map<NodeKind, StructureNode[]>;
  refs: RefUse[];
  typeIssues: TypeIssue[];
}

/** The walk descends no deeper than this (the JSON parser already refuses more than 256 levels). */
const MAX_WALK_DEPTH = 200;

const cache = new WeakMap<JsonObject, SwaggerStructure>();

/** Every Swagger object of the document by kind, with `$ref` uses and JSON type errors; built once. */
export function structureOf(model: SwaggerModel): SwaggerStructure {
  let structure = cache.get(model.root);
  if (!structure) {
    structure = new StructureWalker().walk(model.root);
    cache.set(model.root, structure);
  }
  return structure;
}

export function jsonTypeOf(value: unknown): JsonTypeName {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'Array';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'boolean':
      return 'Boolean';
    case 'number':
      return Number.isInteger(value) ? 'Integer' : 'Float';
    default:
      return 'Object';
  }
}

/**
 * `childPointer` for the walk's hot path: most keys need no escaping, so the two replacements of
 * `encodeSegment` run only for keys that contain `~` or `/`.
 */
function childPointer(pointer: string, ...segments: (string | number)[]): string {
  let result = pointer;
  for (const segment of segments) result += '/' + encodeSegment(segment);
  return result;
}

/** The allowed types of every field, as lists, computed once. */
const ALLOWED_TYPES = Object.fromEntries(
  Object.entries(OBJECT_FIELDS).map(([kind, fields]) => [
    kind,
    new Map(Object.entries(fields).map(([key, type]) => [key, Array.isArray(type) ? type : [type]])),
  ]),
) as Record<NodeKind, Map<string, FieldType[]>>;

function matches(value: unknown, expected: FieldType): boolean {
  if (expected === 'Any') return true;
  const actual = jsonTypeOf(value);
  if (expected === 'Number') return actual === 'Integer' || actual === 'Float';
  return actual === expected;
}

class StructureWalker {
  private readonly result: SwaggerStructure = { nodes: [], byKind: new Map(), refs: [], typeIssues: [] };

  walk(root: JsonObject): SwaggerStructure {
    this.visitRoot(root);
    return this.result;
  }

  /**
   * Records a node and checks its fields' types. Returns the node's value with fields of the wrong
   * type hidden, so the walk descends only into what has the right shape.
   */
  private add(
    kind: NodeKind,
    value: JsonObject,
    pointer: string,
    extra?: Pick<StructureNode, 'schemaOrigin' | 'schemaDepth' | 'propertyName'>,
  ): JsonObject {
    // Built field by field (no spread): this runs for every object of every swagger.
    const node: StructureNode = extra
      ? {
          kind,
          value,
          pointer,
          schemaOrigin: extra.schemaOrigin,
          schemaDepth: extra.schemaDepth,
          propertyName: extra.propertyName,
        }
      : { kind, value, pointer };
    this.result.nodes.push(node);
    let list = this.result.byKind.get(kind);
    if (!list) this.result.byKind.set(kind, (list = []));
    list.push(node);
    const allowedByKey = ALLOWED_TYPES[kind];
    let wrong: Set<string> | undefined;
    for (const key in value) {
      const allowed = allowedByKey.get(key);
      if (allowed === undefined || !Object.prototype.hasOwnProperty.call(value, key)) continue;
      const field = value[key];
      if (allowed.length === 1 ? matches(field, allowed[0]!) : allowed.some((type) => matches(field, type)))
        continue;
      this.result.typeIssues.push({
        pointer: childPointer(pointer, key),
        expected: toTypeName(allowed[0]!),
        actual: jsonTypeOf(field),
      });
      (wrong ??= new Set()).add(key);
    }
    if (!wrong) return value;
    const good: JsonObject = {};
    for (const key of Object.keys(value)) if (!wrong.has(key)) good[key] = value[key];
    return good;
  }

  private typeIssue(pointer: string, expected: JsonTypeName, value: unknown): void {
    this.result.typeIssues.push({ pointer, expected, actual: jsonTypeOf(value) });
  }

  private ref(value: JsonObject, pointer: string, expects: RefUse['expects']): boolean {
    if (!('$ref' in value)) return false;
    if (typeof value.$ref !== 'string') {
      this.typeIssue(childPointer(pointer, '$ref'), 'String', value.$ref);
      return true;
    }
    this.result.refs.push({
      ref: value.$ref,
      pointer,
      expects,
      siblings: Object.keys(value).filter((key) => key !== '$ref'),
    });
    return true;
  }

  private visitRoot(root: JsonObject): void {
    const fields = this.add('root', root, '');
    if (isObject(fields.info)) this.visitInfo(fields.info);
    if (isObject(fields.externalDocs)) this.add('externalDocs', fields.externalDocs, '/externalDocs');
    this.eachObject(fields.tags, '/tags', (tag, at) => {
      const tagFields = this.add('tag', tag, at);
      if (isObject(tagFields.externalDocs))
        this.add('externalDocs', tagFields.externalDocs, childPointer(at, 'externalDocs'));
    });
    for (const [path, item] of entriesOf(fields.paths)) {
      if (path.startsWith('x-')) continue;
      const at = childPointer('/paths', path);
      if (isObject(item)) this.visitPathItem(item, at);
      else this.typeIssue(at, 'Object', item);
    }
    for (const [name, schema] of entriesOf(fields.definitions)) {
      this.visitSchema(schema, childPointer('/definitions', name), 'definition', 0);
    }
    for (const [name, parameter] of entriesOf(fields.parameters)) {
      this.visitParameter(parameter, childPointer('/parameters', name), 'global-parameter');
    }
    for (const [code, response] of entriesOf(fields.responses)) {
      this.visitResponse(response, childPointer('/responses', code), 'global-response');
    }
    for (const [name, scheme] of entriesOf(fields.securityDefinitions)) {
      const at = childPointer('/securityDefinitions', name);
      if (isObject(scheme)) {
        const schemeFields = this.add('securityScheme', scheme, at);
        this.checkMapOf(schemeFields.scopes, childPointer(at, 'scopes'), 'String');
      } else this.typeIssue(at, 'Object', scheme);
    }
    this.visitSecurity(fields.security, '/security');
  }

  private visitInfo(info: JsonObject): void {
    const fields = this.add('info', info, '/info');
    if (isObject(fields.contact)) this.add('contact', fields.contact, '/info/contact');
    if (isObject(fields.license)) this.add('license', fields.license, '/info/license');
  }

  private visitPathItem(item: JsonObject, at: string): void {
    this.ref(item, at, 'pathItem');
    const fields = this.add('pathItem', item, at);
    this.visitParameters(fields.parameters, childPointer(at, 'parameters'));
    for (const method of HTTP_METHODS) {
      const operation = fields[method];
      if (isObject(operation)) this.visitOperation(operation, childPointer(at, method));
    }
  }

  private visitOperation(operation: JsonObject, at: string): void {
    const fields = this.add('operation', operation, at);
    if (isObject(fields.externalDocs))
      this.add('externalDocs', fields.externalDocs, childPointer(at, 'externalDocs'));
    this.visitParameters(fields.parameters, childPointer(at, 'parameters'));
    for (const [code, response] of entriesOf(fields.responses)) {
      if (code.startsWith('x-')) continue;
      this.visitResponse(response, childPointer(at, 'responses', code), 'response');
    }
    this.visitSecurity(fields.security, childPointer(at, 'security'));
  }

  private visitParameters(list: unknown, at: string): void {
    (asArray(list) ?? []).forEach((parameter, index) => {
      this.visitParameter(parameter, childPointer(at, index), 'body-parameter');
    });
  }

  private visitParameter(parameter: unknown, at: string, origin: SchemaOrigin): void {
    if (!isObject(parameter)) return this.typeIssue(at, 'Object', parameter);
    if (this.ref(parameter, at, 'parameter')) return;
    const fields = this.add('parameter', parameter, at);
    if (isObject(fields.schema)) this.visitSchema(fields.schema, childPointer(at, 'schema'), origin, 0);
    if (isObject(fields.items)) this.visitItems(fields.items, childPointer(at, 'items'), 0);
  }

  private visitItems(items: JsonObject, at: string, depth: number): void {
    if (depth > MAX_WALK_DEPTH) return;
    const fields = this.add('items', items, at);
    if (isObject(fields.items)) this.visitItems(fields.items, childPointer(at, 'items'), depth + 1);
  }

  private visitResponse(response: unknown, at: string, origin: SchemaOrigin): void {
    if (!isObject(response)) return this.typeIssue(at, 'Object', response);
    if (this.ref(response, at, 'response')) return;
    const fields = this.add('response', response, at);
    if (isObject(fields.schema)) this.visitSchema(fields.schema, childPointer(at, 'schema'), origin, 0);
    for (const [name, header] of entriesOf(fields.headers)) {
      const headerAt = childPointer(at, 'headers', name);
      if (!isObject(header)) {
        this.typeIssue(headerAt, 'Object', header);
        continue;
      }
      const headerFields = this.add('header', header, headerAt);
      if (isObject(headerFields.items))
        this.visitItems(headerFields.items, childPointer(headerAt, 'items'), 0);
    }
  }

  private visitSchema(
    schema: unknown,
    at: string,
    origin: SchemaOrigin,
    depth: number,
    propertyName?: string,
  ): void {
    if (depth > MAX_WALK_DEPTH) return;
    if (!isObject(schema)) return this.typeIssue(at, 'Object', schema);
    this.ref(schema, at, 'schema');
    const fields = this.add('schema', schema, at, { schemaOrigin: origin, schemaDepth: depth, propertyName });
    forEachEntry(fields.properties, (name, property) => {
      this.visitSchema(property, childPointer(at, 'properties', name), origin, depth + 1, name);
    });
    if (isObject(fields.items)) this.visitSchema(fields.items, childPointer(at, 'items'), origin, depth + 1);
    else if (Array.isArray(schema.items)) this.typeIssue(childPointer(at, 'items'), 'Object', schema.items);
    if (isObject(fields.additionalProperties)) {
      this.visitSchema(
        fields.additionalProperties,
        childPointer(at, 'additionalProperties'),
        origin,
        depth + 1,
      );
    }
    this.eachObject(fields.allOf, childPointer(at, 'allOf'), (member, memberAt) =>
      this.visitSchema(member, memberAt, origin, depth + 1),
    );
    if (isObject(fields.xml)) this.add('xml', fields.xml, childPointer(at, 'xml'));
    if (isObject(fields.externalDocs))
      this.add('externalDocs', fields.externalDocs, childPointer(at, 'externalDocs'));
  }

  private visitSecurity(list: unknown, at: string): void {
    this.eachObject(list, at, (requirement, requirementAt) => {
      for (const [name, scopes] of entriesOf(requirement)) {
        const scopesAt = childPointer(requirementAt, name);
        // A missing value (null) is SWG-SEC-EMPTY's finding.
        if (!Array.isArray(scopes) && scopes !== null) this.typeIssue(scopesAt, 'Array', scopes);
      }
    });
  }

  private eachObject(list: unknown, at: string, visit: (value: JsonObject, pointer: string) => void): void {
    (asArray(list) ?? []).forEach((entry, index) => {
      const entryAt = childPointer(at, index);
      if (isObject(entry)) visit(entry, entryAt);
      else this.typeIssue(entryAt, 'Object', entry);
    });
  }

  private checkMapOf(map: unknown, at: string, expected: JsonTypeName): void {
    for (const [key, value] of entriesOf(map)) {
      if (!matches(value, expected)) this.typeIssue(childPointer(at, key), expected, value);
    }
  }
}

function toTypeName(type: FieldType): JsonTypeName {
  return type === 'Number' ? 'Float' : type === 'Any' ? 'Object' : type;
}
