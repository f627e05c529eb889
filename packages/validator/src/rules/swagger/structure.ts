import { childPointer } from '../../json/pointer.js';
import { PointerPlace } from '../../json/pointer-place.js';
import { KNOWN_XMS_EXTENSIONS } from './known-extensions.js';
import {
  HTTP_METHODS,
  MAX_SCHEMA_WALK_DEPTH,
  type SwaggerModel,
  type WrittenSchema,
} from '../../swagger/swagger-model.js';
import { asArray, entriesOf, has, isObject, type JsonObject } from '../../swagger/json-values.js';
import { ConnectorCache } from '../../model/connector-cache.js';
import { bitOfKey, HolderKey, SCHEMA_HOLDER_KEY_BITS } from '../operations/holder-key-bits.js';
import { mayRepeatName, onlyRepeatsName } from './repeated-name.js';
import { isInternalVisibility } from '../operations/rule-kit.js';

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

/**
 * A Swagger object met by the walk, as written (no `$ref` followed). Its pointer is built only when
 * read (see PointerPlace): rules read it for the nodes they report, not for every node.
 */
export abstract class StructureNode extends PointerPlace {
  abstract readonly kind: NodeKind;
  // `declare`d, set in the constructor only: see PointerPlace's fields.
  declare readonly value: JsonObject;

  constructor(
    value: JsonObject,
    parent: PointerPlace | undefined,
    first?: string | number,
    second?: string | number,
  ) {
    super(parent, first, second);
    this.value = value;
  }
}

/**
 * A node of any kind but schema, which holds its kind. Schema nodes (most nodes) answer theirs from
 * their class: the field cost ~0.8 MB a corpus run on them.
 */
class ObjectNode extends StructureNode {
  declare readonly kind: Exclude<NodeKind, 'schema'>;

  constructor(
    kind: Exclude<NodeKind, 'schema'>,
    value: JsonObject,
    parent: PointerPlace | undefined,
    first?: string | number,
    second?: string | number,
  ) {
    super(value, parent, first, second);
    this.kind = kind;
  }
}

export type SchemaOrigin = WrittenSchema['origin'];

const SCHEMA_ORIGINS: readonly SchemaOrigin[] = [
  'definition',
  'global-parameter',
  'global-response',
  'parameter',
  'response',
];

/**
 * The index of each origin in SCHEMA_ORIGINS, which the walk passes down a schema tree: looking the
 * name up in the list for each node took ~1.5% of the walk.
 */
const ORIGIN = {
  definition: 0,
  globalParameter: 1,
  globalResponse: 2,
  parameter: 3,
  response: 4,
} as const;
type OriginIndex = (typeof ORIGIN)[keyof typeof ORIGIN];

/** Bits of SchemaStructureNode's placement, below its depth. */
const ORIGIN_BITS = 7;
const VIA_ALL_OF = 8;
const STRING_REF = 16;
const ODD_PROPERTY = 32;
const INTERNAL = 64;
const DEPTH_SHIFT = 7;

/**
 * A schema object as written: a node of the structure, and the same object is an entry of the
 * model's `writtenSchemas`. One walk and one object per schema serve both, where two walks built a
 * node each (saves ~15 MB and a walk over ~100,000 schemas a corpus run).
 */
export class SchemaStructureNode extends StructureNode implements WrittenSchema {
  /**
   * Depth, origin and the facts the schema measure reads, in one small integer (see the bits above):
   * one field instead of five on each of ~100,000 nodes a corpus run (~0.8 MB a field).
   */
  declare private placement: number;

  constructor(
    value: JsonObject,
    parent: PointerPlace,
    first: string | number,
    second: string | number | undefined,
    origin: OriginIndex,
    depth: number,
  ) {
    super(value, parent, first, second);
    this.placement = (depth << DEPTH_SHIFT) | origin | (first === 'allOf' ? VIA_ALL_OF : 0);
  }

  get kind(): 'schema' {
    return 'schema';
  }

  /** Where the outermost schema of its tree is written. */
  get origin(): SchemaOrigin {
    return SCHEMA_ORIGINS[this.placement & ORIGIN_BITS]!;
  }

  /** How many schemas it is nested in (0 for the outermost). */
  get depth(): number {
    return this.placement >> DEPTH_SHIFT;
  }

  /** The schema object (WrittenSchema's name for the node's value). */
  get schema(): JsonObject {
    return this.value;
  }

  /** A member of its parent's `allOf`, not a property, items or additionalProperties schema. */
  get viaAllOf(): boolean {
    return (this.placement & VIA_ALL_OF) !== 0;
  }

  /** Its `$ref` is a string: it stands for what that leads to, whatever is written beside it. */
  get hasStringRef(): boolean {
    return (this.placement & STRING_REF) !== 0;
  }

  /** One of its `properties` is no object, so no node (the schema measure counts it a level). */
  get hasOddProperty(): boolean {
    return (this.placement & ODD_PROPERTY) !== 0;
  }

  /** Notes the facts above that the walk learns after making the node. */
  noteStringRef(): void {
    this.placement |= STRING_REF;
  }

  noteOddProperty(): void {
    this.placement |= ODD_PROPERTY;
  }

  /** Its `x-ms-visibility` is internal: makers never see it (noted by add(), which reads it anyway). */
  get isInternal(): boolean {
    return (this.placement & INTERNAL) !== 0;
  }

  noteInternal(): void {
    this.placement |= INTERNAL;
  }

  /** Its name in its parent's `properties`; undefined when it is no property. */
  get propertyName(): string | undefined {
    return this.first === 'properties' ? (this.second as string) : undefined;
  }

  /** The schema whose `properties` hold it; undefined when it is no property. */
  get propertyOf(): SchemaStructureNode | undefined {
    return this.first === 'properties' ? (this.parent as SchemaStructureNode) : undefined;
  }
}

/** A `$ref` as written, with the kind of object expected at its position. */
export class RefUse {
  constructor(
    readonly ref: string,
    /** The object holding the `$ref`. */
    private readonly holder: StructureNode,
    readonly expects: 'schema' | 'parameter' | 'response' | 'pathItem',
  ) {}

  /** The object holding the `$ref`. */
  get pointer(): string {
    return this.holder.pointer;
  }

  /** The holder is a definition itself, `#/definitions/<name>`, not a schema written inside one. */
  get heldByDefinition(): boolean {
    const holder = this.holder;
    return holder instanceof SchemaStructureNode && holder.depth === 0 && holder.origin === 'definition';
  }

  /** The value of the object holding the `$ref`: asking who holds it builds no pointer. */
  get holderValue(): JsonObject {
    return this.holder.value;
  }

  /**
   * The holder has keys besides `$ref` (Swagger 2.0 ignores them; Microsoft rejects them). Asked
   * before `siblings`: most references have none, and the question needs no list of keys.
   */
  get hasSiblings(): boolean {
    for (const key in this.holder.value) if (key !== '$ref' && has(this.holder.value, key)) return true;
    return false;
  }

  /** The holder's other keys, listed when asked: a list per reference cost ~1 MB a corpus run. */
  get siblings(): string[] {
    return Object.keys(this.holder.value).filter((key) => key !== '$ref');
  }
}

/** A value of the wrong JSON type at a position whose type the Swagger 2.0 schema fixes. */
export interface TypeIssue {
  pointer: string;
  expected: JsonTypeName;
  actual: JsonTypeName;
}

/** A key of a node that the key rules report. */
export interface KeyUse {
  node: StructureNode;
  key: string;
}

/** The keys of every Swagger object sorted into what the three key rules report. */
export interface KeyClasses {
  /** Not a field of the object and not an `x-` extension. */
  unknown: KeyUse[];
  /** Unknown, and shaped like a misspelled extension prefix. */
  lookalike: KeyUse[];
  /** An `x-ms-` extension that is not known. */
  unknownXms: KeyUse[];
  /**
   * `x-ms-agentic-protocol` on any object: an operation's marks an MCP server, anywhere else it is
   * misplaced (SWG-MCP-PLACE). Noted here since the walk meets every object's keys anyway.
   */
  agenticProtocol: KeyUse[];
}

export interface SwaggerStructure {
  /**
   * The nodes of each kind in walk order. No list of all nodes: rules read the kinds they check, and
   * that list of ~140,000 nodes a corpus run cost ~3.4 MB.
   */
  byKind: Map<NodeKind, StructureNode[]>;
  /**
   * The schema nodes in walk order (the root's definitions, parameters and responses, then the
   * paths'): the list `byKind` holds for 'schema', with its own type.
   */
  schemas: SchemaStructureNode[];
  /** writtenSchemasOf's list, made when first asked for: almost always `schemas` itself. */
  writtenSchemas?: readonly WrittenSchema[];
  refs: RefUse[];
  typeIssues: TypeIssue[];
  /** Sorted while the walk reads each node's keys for the type checks: no second pass over them. */
  keys: KeyClasses;
  /** Noted the same way: the few nodes that carry a keyword some rules check. */
  keywords: KeywordHolders;
  /**
   * Noted the same way: the HolderKey bits of each schema in `schemas`, by index. holderKeysOf
   * went through the keys of each of ~104,000 schemas a corpus run again for them (~3.3 ms).
   */
  schemaHolderKeys: Uint16Array;
}

/**
 * The schemas, parameters, items and headers that own each of the keywords a few rules check, in walk
 * order (and the few roots and operations `uniqueLists` names). Those rules went through every such
 * node (~117,000 a corpus run) to find the few that do; the walk reads every key of every node anyway.
 */
export interface KeywordHolders {
  pattern: StructureNode[];
  enum: StructureNode[];
  /** Any of the keys SWG-NUMERIC checks (multipleOf, the bounds, the length and count limits). */
  numeric: StructureNode[];
  /** Schemas only: a parameter's `required` is a flag. */
  required: SchemaStructureNode[];
  'x-ms-editor': StructureNode[];
  /**
   * The labels SWG-FIELD-LEN and SWG-END-ALNUM check. ~21,000 of the corpus's ~117,000 schemas and
   * parameters have one: asking all of them for it, a name absent from most, cost the two rules
   * ~3.5 ms a corpus run.
   */
  'x-ms-summary': StructureNode[];
  /** Schemas only, whatever the value. Few documents have any (see inputSchemaFindings). */
  readOnly: SchemaStructureNode[];
  /** Schemas whose `format` is `binary`. */
  binaryFormat: SchemaStructureNode[];
  /**
   * Schemas, items and headers whose `type` is a string but not a Swagger 2.0 data type
   * (SWG-JSONENUM): 6 of the corpus's ~94,000 types; reading each type again cost it ~2 ms a run.
   */
  oddType: StructureNode[];
  /**
   * The root and operations with a `schemes`, `consumes` or `produces` list (or an operation's
   * `tags`) of two or more entries, which Swagger 2.0 declares uniqueItems (SWG-ARRAY-DUP): 701 of
   * the corpus's ~6,500; asking all for the four lists, most of them absent, cost the rule ~1 ms.
   */
  uniqueLists: StructureNode[];
  /**
   * Schemas, parameters, items and headers whose `type` is 'array' (SWG-ARRAY-ITEMS), and schemas
   * with a `discriminator` or an `x-ms-capabilities` key, whatever its value (SWG-DISCRIMINATOR,
   * SWG-FILTERFUNCTIONS): asking every node for those keys, most of them absent, cost the three rules
   * ~3 ms a corpus run.
   */
  arrayType: StructureNode[];
  discriminator: SchemaStructureNode[];
  'x-ms-capabilities': SchemaStructureNode[];
  /**
   * Schemas with a `title`, `description` or `x-ms-summary`, and responses and tags with a
   * `description`, that may be empty or blank (mayBeBlank): the few that SWG-TEXT-EMPTY reads. Asking
   * each of the corpus's ~104,000 schemas for its three texts, most of them absent, cost the rule
   * ~25 ms a corpus run.
   */
  blankText: StructureNode[];
  /**
   * Property schemas and parameters whose `description` only repeats their name (onlyRepeatsName),
   * and which are not internal, nor properties of an internal schema: what SWG-DESC-IS-NAME reports,
   * ~13,000 of the corpus's ~80,000 properties and ~13,000 parameters. Going through every schema's
   * `properties` and every parameter for them touched each object again, and cost the rule ~30 ms a
   * corpus run; add() has each description and name in hand, and screens nearly all with
   * mayRepeatName.
   */
  describedByName: StructureNode[];
  /**
   * Schemas at MAX_WALK_DEPTH with a `properties` object, whose properties the walk does not visit,
   * so cannot note in `describedByName`: SWG-DESC-IS-NAME reads those itself. Never seen in practice.
   */
  propertiesBelowWalk: SchemaStructureNode[];
}

/**
 * Keys that were meant as extensions but miss the exact `x-` prefix: `X-ms-summary`, `ms-summary`,
 * `x_ms_summary`, `x ms-summary`. The schema only treats lower-case `x-` as an extension.
 */
const EXTENSION_LOOKALIKE = /^(?:X-|x[_ .]|ms[-_])/;

/** The walk descends no deeper than this (the JSON parser already refuses more than 256 levels). */
export const MAX_WALK_DEPTH = 200;

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
 * response.
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
  let kept = 0;
  for (const schema of schemas) if (schema.depth <= MAX_SCHEMA_WALK_DEPTH) kept++;
  if (kept === schemas.length) return schemas;
  const list = new Array<WrittenSchema>(kept);
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
 * JSON types as bits: a field's allowed types are one number, and checking a value is one AND. The
 * walk checks every key of ~140,000 objects a corpus run; naming each value's type and comparing
 * names took ~8 ms of it.
 */
const TYPE_BITS: Record<JsonTypeName, number> = {
  Object: 1,
  Array: 2,
  String: 4,
  Integer: 8,
  Float: 16,
  Boolean: 32,
  Null: 64,
};

function typeBitsOf(type: FieldType): number {
  if (type === 'Any') return 127;
  if (type === 'Number') return TYPE_BITS.Integer | TYPE_BITS.Float;
  return TYPE_BITS[type];
}

/** The bit of a JSON value's type (as jsonTypeOf names it), tested in the order values are common. */
function typeBitOf(value: unknown): number {
  if (typeof value === 'string') return 4;
  if (typeof value === 'object') return value === null ? 64 : Array.isArray(value) ? 2 : 1;
  if (typeof value === 'boolean') return 32;
  if (typeof value === 'number') return Number.isInteger(value) ? 8 : 16;
  return 1;
}

/**
 * Keywords noted for KeywordHolders, as bits above the type bits (all below 128): the walk learns
 * them from the same lookup that gives a field's allowed types, at no extra lookup per key.
 */
const NOTE_PATTERN = 1 << 7;
const NOTE_ENUM = 1 << 8;
const NOTE_NUMERIC = 1 << 9;
const NOTE_REQUIRED = 1 << 10;
const NOTE_EDITOR = 1 << 11;
const NOTE_SUMMARY = 1 << 12;
const NOTE_READ_ONLY = 1 << 13;
/** A schema's `format`: noted as binaryFormat when its value is `binary`. */
const NOTE_FORMAT = 1 << 14;
const NOTE_BINARY = 1 << 15;
/**
 * The `type` of a schema, parameter, items or header: noted as arrayType when 'array', and (but for
 * a parameter's) as oddType when not a Swagger 2.0 data type.
 */
const NOTE_TYPE = 1 << 16;
const NOTE_ODD_TYPE = 1 << 17;
/** A uniqueItems list of the root or an operation: noted in uniqueLists when it has 2+ entries. */
const NOTE_LIST = 1 << 18;
const NOTE_LONG_LIST = 1 << 19;
const NOTE_ARRAY = 1 << 20;
const NOTE_DISCRIMINATOR = 1 << 21;
const NOTE_CAPABILITIES = 1 << 22;
/**
 * A schema's HolderKey bits, shifted above the note bits: the walk learns those of fields from the
 * lookup that gives their types, as it does the notes, and those of extensions in classifyKey.
 */
const HOLDER_SHIFT = 32 - SCHEMA_HOLDER_KEY_BITS;
// The HolderKey bits fill the 32 of a bitwise number, the last one its sign bit (read back with >>>),
// and the notes end just below them (NOTE_CAPABILITIES is bit 22): a note more needs a bit freed first.
const HOLDER_FILE_TYPE = HolderKey.fileType << HOLDER_SHIFT;
const NOTES =
  NOTE_PATTERN |
  NOTE_ENUM |
  NOTE_NUMERIC |
  NOTE_REQUIRED |
  NOTE_EDITOR |
  NOTE_SUMMARY |
  NOTE_READ_ONLY |
  NOTE_BINARY |
  NOTE_ODD_TYPE |
  NOTE_LONG_LIST |
  NOTE_ARRAY |
  NOTE_DISCRIMINATOR |
  NOTE_CAPABILITIES;

/** The keys SWG-NUMERIC checks. maxProperties and minProperties are unknown keys outside schemas. */
const NUMERIC_CHECKED = new Set([
  'multipleOf',
  'maxLength',
  'minLength',
  'maxItems',
  'minItems',
  'maxProperties',
  'minProperties',
  'minimum',
  'maximum',
  'exclusiveMaximum',
  'exclusiveMinimum',
]);

/** The lists of the root and of operations that Swagger 2.0 declares uniqueItems. */
function isUniqueList(kind: 'root' | 'operation', key: string): boolean {
  if (key === 'schemes' || key === 'consumes' || key === 'produces') return true;
  return key === 'tags' && kind === 'operation';
}

/** A Swagger 2.0 data type: the values SWG-JSONENUM accepts in the `type` of any typed object. */
function isDataType(type: string): boolean {
  switch (type) {
    case 'string':
    case 'object':
    case 'integer':
    case 'array':
    case 'number':
    case 'boolean':
    case 'file':
      return true;
    default:
      return false;
  }
}

/**
 * Whether a value may be a text that is empty or blank (all white space, as `trim` reads it), judged
 * by its first character: every character `trim` removes is at most U+0020 or at least U+00A0, and
 * a blank text starts with one. So a text that starts with a letter, a digit or punctuation (nearly
 * all) is not blank, and the few others are read in full by the rule.
 */
export function mayBeBlank(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (value.length === 0) return true;
  const first = value.charCodeAt(0);
  return first <= 0x20 || first >= 0xa0;
}

/**
 * The fields whose texts add() screens, by kind: whether they may be blank, for SWG-TEXT-EMPTY (a
 * schema's `x-ms-summary`, an extension, is screened apart), and a property's or parameter's
 * `description` whether it only repeats the name, for SWG-DESC-IS-NAME. FieldTable marks them with
 * TEXT_SCREENED instead of a child slot.
 */
const SCREENED_TEXT_FIELDS: Partial<Record<NodeKind, readonly string[]>> = {
  schema: ['title', 'description'],
  response: ['description'],
  tag: ['description'],
  parameter: ['name', 'description'],
};

/** An `x-ms-visibility` key's note, as classifyKey answers it (see extensionHolderNoteOf). */
const VISIBILITY_NOTE = HolderKey.visibility << HOLDER_SHIFT;

/**
 * The `slots` entry of a field that is no child and whose text add() screens. In the slot table, not
 * in the field's bits, which are all taken (see HOLDER_SHIFT): a field that is no child costs one
 * more comparison, and no other table is read for each key.
 */
const TEXT_SCREENED = -2;

/** The kinds whose keywords are noted: those that carry JSON-schema validation keywords. */
function isKeywordKind(kind: NodeKind): boolean {
  return kind === 'schema' || kind === 'parameter' || kind === 'items' || kind === 'header';
}

/** The note bits of a known field of a kind. */
function noteBitsOf(kind: NodeKind, key: string): number {
  if (kind === 'root' || kind === 'operation') return isUniqueList(kind, key) ? NOTE_LIST : 0;
  if (!isKeywordKind(kind)) return 0;
  if (key === 'pattern') return NOTE_PATTERN;
  if (key === 'enum') return NOTE_ENUM;
  if (NUMERIC_CHECKED.has(key)) return NOTE_NUMERIC;
  if (key === 'type') return NOTE_TYPE;
  if (kind !== 'schema') return 0;
  if (key === 'required') return NOTE_REQUIRED;
  if (key === 'readOnly') return NOTE_READ_ONLY;
  if (key === 'format') return NOTE_FORMAT;
  if (key === 'discriminator') return NOTE_DISCRIMINATOR;
  return 0;
}

/** A schema field's HolderKey bit, shifted; a file `type` earns its bit by its value (see add). */
function holderNoteOf(kind: NodeKind, key: string): number {
  const bit = kind === 'schema' ? bitOfKey(key) : 0;
  return bit === HolderKey.fileType ? 0 : bit << HOLDER_SHIFT;
}

/** An extension's HolderKey bit, shifted: `x-ms-notification-url` earns its bit when true. */
function extensionHolderNoteOf(value: JsonObject, key: string): number {
  const bit = bitOfKey(key);
  if (bit === HolderKey.notificationUrl && value[key] !== true) return 0;
  return bit << HOLDER_SHIFT;
}

/**
 * A kind's fields, found by the key's length and then compared: the keys of parsed objects and the
 * field names here are interned strings, so each comparison is of two addresses. Each field has an
 * index, and at that index its bits (allowed types and notes) and its child slot.
 */
class FieldTable {
  /** By key length: the fields of that length, and their indexes at the same position. */
  private readonly names: (readonly string[])[] = [];
  private readonly indexes: (readonly number[])[] = [];
  /** By field index: its allowed types as bits, with its note bits (see allowedBitsOf). */
  readonly bits: readonly number[];
  /**
   * By field index: its slot among the kind's children (see CHILD_FIELDS), TEXT_SCREENED for a
   * text add() screens, or -1.
   */
  readonly slots: readonly number[];

  constructor(kind: NodeKind) {
    const fields = Object.keys(OBJECT_FIELDS[kind]);
    const longest = Math.max(...fields.map((key) => key.length));
    for (let length = 0; length <= longest; length++) {
      const named = fields.filter((key) => key.length === length).sort(byCommonness);
      this.names.push(named);
      this.indexes.push(named.map((key) => fields.indexOf(key)));
    }
    this.bits = fields.map((key) => allowedBitsOf(kind, key));
    const children = CHILD_FIELDS[kind];
    for (const child of children) {
      if (!fields.includes(child)) throw new Error(`${child} is no field of a Swagger ${kind}`);
    }
    const screened = SCREENED_TEXT_FIELDS[kind] ?? [];
    this.slots = fields.map((key) => (screened.includes(key) ? TEXT_SCREENED : children.indexOf(key)));
  }

  /** The index of a field, or -1 when the key is no field of the kind. */
  indexOf(key: string): number {
    const length = key.length;
    if (length >= this.names.length) return -1;
    const names = this.names[length]!;
    for (let index = 0; index < names.length; index++) {
      if (names[index] === key) return this.indexes[length]![index]!;
    }
    return -1;
  }
}

/**
 * Fields that share their length with rarer ones, most common first: FieldTable compares them
 * first. A schema's `type` (~92,000 a corpus run) came after `$ref` and `enum`, and `properties`
 * after `multipleOf`: the ~440,000 keys of a corpus run took ~672,000 comparisons, now ~477,000.
 */
const COMMONEST_FIRST = ['type', 'properties', 'required', 'example'];

function byCommonness(first: string, second: string): number {
  return rankOf(first) - rankOf(second);
}

function rankOf(field: string): number {
  const rank = COMMONEST_FIRST.indexOf(field);
  return rank < 0 ? COMMONEST_FIRST.length : rank;
}

/** The allowed types of a field of a kind, as bits, with the field's note bits. */
function allowedBitsOf(kind: NodeKind, key: string): number {
  const type = OBJECT_FIELDS[kind][key]!;
  return (
    (Array.isArray(type) ? type : [type]).reduce((bits, one) => bits | typeBitsOf(one), 0) |
    noteBitsOf(kind, key) |
    holderNoteOf(kind, key)
  );
}

/** The type a finding names for a field of the wrong type: the first it allows. */
function expectedTypeOf(kind: NodeKind, key: string): JsonTypeName {
  const type = OBJECT_FIELDS[kind][key]!;
  return toTypeName(Array.isArray(type) ? type[0]! : type);
}

function matches(value: unknown, expected: FieldType): boolean {
  return (typeBitOf(value) & typeBitsOf(expected)) !== 0;
}

/** A place that is not a node of its own: its pointer is built only for a type issue. */
function placeAt(parent: PointerPlace, first: string | number, second?: string | number): PointerPlace {
  return new PointerPlace(parent, first, second);
}

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
const ROOT = slotsOf([
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
const INFO = slotsOf(['contact', 'license'] as const);
const TAG = slotsOf(['externalDocs'] as const);
/** A path item's parameters, then its operations in HTTP_METHODS' order from slot 1. */
const PATH_ITEM_PARAMETERS = 0;
const PATH_ITEM_FIRST_METHOD = 1;
const OPERATION = slotsOf(['externalDocs', 'parameters', 'responses', 'security'] as const);
const PARAMETER = slotsOf(['schema', 'items'] as const);
const ITEMS = slotsOf(['items'] as const);
const RESPONSE = slotsOf(['schema', 'headers'] as const);
const SCHEMA = slotsOf([
  '$ref',
  'properties',
  'items',
  'additionalProperties',
  'allOf',
  'xml',
  'externalDocs',
] as const);
const SECURITY_SCHEME = slotsOf(['scopes'] as const);

const CHILD_FIELDS: Record<NodeKind, readonly string[]> = {
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

/** What the walk keeps for each kind: its fields' bits, and the nodes the running walk met. */
interface KindState {
  readonly kind: NodeKind;
  readonly fields: FieldTable;
  /** How many children slots its nodes take (CHILD_FIELDS). */
  readonly childCount: number;
  /** See KINDS: the walk writes its nodes here, then copies them at their length. */
  readonly nodes: (StructureNode | undefined)[];
  count: number;
}

/**
 * Each kind's state, found with one lookup per node. The walk lists each kind's nodes into `nodes`
 * and copies them at their final length when it ends: the ~140,000 nodes of a corpus run pushed onto
 * lists grown from [] made them copy themselves over and over (~2.1 MB of the walk's 17.6 a corpus
 * run). Walks are synchronous and never nested, so these lists serve them all; each walk clears the
 * entries it wrote (the lists keep their length) so that no document outlives its walk.
 */
const KINDS = Object.fromEntries(
  (Object.keys(OBJECT_FIELDS) as NodeKind[]).map((kind): [NodeKind, KindState] => [
    kind,
    { kind, fields: new FieldTable(kind), childCount: CHILD_FIELDS[kind].length, nodes: [], count: 0 },
  ]),
) as Record<NodeKind, KindState>;

/** Copies the lists of the kinds met, in that order, into `byKind`, and empties them. */
function takeNodes(kindsMet: readonly KindState[], byKind: Map<NodeKind, StructureNode[]>): void {
  for (const state of kindsMet) {
    byKind.set(state.kind, state.nodes.slice(0, state.count) as StructureNode[]);
    state.nodes.fill(undefined, 0, state.count);
    state.count = 0;
  }
}

const NO_HOLDER_KEYS = new Uint16Array(0);

/**
 * The HolderKey bits of the running walk's schemas, by index among them, copied at their count when
 * the walk ends (as KINDS' lists are): walks are synchronous and never nested. Grown by doubling.
 */
let schemaHolderScratch = new Uint16Array(4096);

function noteSchemaHolderKeys(index: number, bits: number): void {
  if (index >= schemaHolderScratch.length) {
    const grown = new Uint16Array(schemaHolderScratch.length * 2);
    grown.set(schemaHolderScratch);
    schemaHolderScratch = grown;
  }
  schemaHolderScratch[index] = bits;
}

/**
 * Where the walks keep their schemas' HolderKey bits: each walk copies its bits here after the
 * previous walk's and keeps a view of them. A Uint16Array of its own per walk, each with a buffer
 * outside the heap, cost ~1.2 µs a walk (~3% of the walk's samples). A walk whose bits do not fit
 * in what is left starts a new pool; the old one lives as long as the views of it.
 */
const HOLDER_POOL_LENGTH = 1 << 16;
let holderPool = new Uint16Array(HOLDER_POOL_LENGTH);
let holderPoolUsed = 0;

/** The running walk's `count` bits, copied from the scratch list into the pool. */
function takeSchemaHolderKeys(count: number): Uint16Array {
  if (holderPoolUsed + count > holderPool.length) {
    holderPool = new Uint16Array(Math.max(HOLDER_POOL_LENGTH, count));
    holderPoolUsed = 0;
  }
  const start = holderPoolUsed;
  holderPool.set(schemaHolderScratch.subarray(0, count), start);
  holderPoolUsed += count;
  return holderPool.subarray(start, start + count);
}

/**
 * Whether for…in over a parsed object can meet a key it does not own: one that some code made
 * enumerable on Object.prototype, which the objects of JSON.parse and jsonc-parser inherit from
 * alone. Never so in practice, and then the walk asks no such object whether it owns each key: that
 * hasOwnProperty call, which V8 does not fold away in for…in over objects of thousands of shapes,
 * took ~9% of the walk's samples.
 */
function objectPrototypeHasEnumerableKeys(): boolean {
  // for…in over Object.prototype meets exactly its enumerable string keys (it inherits from nothing):
  // listing every name and asking each whether it is enumerable cost ~4 µs a walk (~1.5 ms a run).
  for (const _key in Object.prototype) return true;
  return false;
}

class StructureWalker {
  /** See objectPrototypeHasEnumerableKeys: false but where Object.prototype was tampered with. */
  private readonly plainObjectsInherit = objectPrototypeHasEnumerableKeys();
  /** The scratch lists this walk wrote to, in the order it met their kinds. */
  private readonly kindsMet: KindState[] = [];
  /**
   * The children add() kept for the nodes being visited (see CHILD_FIELDS), as a stack: each add()
   * writes its node's at `childTop` and moves it past them; a visit that has read them moves it back.
   */
  private readonly children: unknown[] = [];
  private childTop = 0;
  /**
   * Whether the last add() kept any child: most schemas have none (a type, a description), and
   * their visit then reads none of the seven slots (~3.5% of the walk's CPU).
   */
  private keptChildren = false;
  private readonly result: SwaggerStructure = {
    byKind: new Map(),
    schemas: [],
    refs: [],
    typeIssues: [],
    keys: { unknown: [], lookalike: [], unknownXms: [], agenticProtocol: [] },
    keywords: {
      pattern: [],
      enum: [],
      numeric: [],
      required: [],
      'x-ms-editor': [],
      'x-ms-summary': [],
      readOnly: [],
      binaryFormat: [],
      oddType: [],
      uniqueLists: [],
      arrayType: [],
      discriminator: [],
      'x-ms-capabilities': [],
      blankText: [],
      describedByName: [],
      propertiesBelowWalk: [],
    },
    schemaHolderKeys: NO_HOLDER_KEYS,
  };

  walk(root: JsonObject): SwaggerStructure {
    try {
      this.visitRoot(root);
    } finally {
      // Schemas last, as byKind has always listed them.
      const schemas = this.kindsMet.indexOf(KINDS.schema);
      if (schemas >= 0) this.kindsMet.push(...this.kindsMet.splice(schemas, 1));
      this.result.schemaHolderKeys = takeSchemaHolderKeys(KINDS.schema.count);
      takeNodes(this.kindsMet, this.result.byKind);
    }
    this.result.schemas = (this.result.byKind.get('schema') ?? []) as SchemaStructureNode[];
    return this.result;
  }

  /**
   * Records a node of a kind and checks its fields' types. Keeps its children at the returned slot
   * of `children`, and leaves `childTop` past them: the caller reads them, then sets it back.
   * Schema nodes come here with their kind's state: reading `kind` from nodes of both classes, a
   * field on one and a getter on the other, made the walk slower.
   */
  /**
   * for…in over the object meets only keys it owns: it inherits from Object.prototype (or nothing),
   * as parsed objects do, and Object.prototype has no enumerable key.
   */
  private enumeratesOwnKeysOnly(object: JsonObject): boolean {
    if (this.plainObjectsInherit) return false;
    const prototype: unknown = Object.getPrototypeOf(object);
    return prototype === Object.prototype || prototype === null;
  }

  private add(node: StructureNode, state: KindState): number {
    const value = node.value;
    if (state.count === 0) this.kindsMet.push(state);
    state.nodes[state.count++] = node;
    const fields = state.fields;
    const at = this.childTop;
    const children = this.children;
    const end = at + state.childCount;
    while (children.length < end) children.push(undefined);
    for (let slot = at; slot < end; slot++) children[slot] = undefined;
    this.childTop = end;
    let notes = 0;
    let keptChildren = false;
    let blankText = false;
    let internal = false;
    // A screened description, and a parameter's name.
    let description: string | undefined;
    let name: string | undefined;
    const ownKeysOnly = this.enumeratesOwnKeysOnly(value);
    for (const key in value) {
      if (!ownKeysOnly && !Object.prototype.hasOwnProperty.call(value, key)) continue;
      const index = fields.indexOf(key);
      if (index < 0) {
        const note = this.classifyKey(node, key);
        // A schema's label, the one text SWG-TEXT-EMPTY reads that is no field.
        if (note === NOTE_SUMMARY && state === KINDS.schema && mayBeBlank(value[key])) blankText = true;
        else if (note === VISIBILITY_NOTE && isInternalVisibility(value[key])) internal = true;
        notes |= note;
        continue;
      }
      const allowed = fields.bits[index]!;
      notes |= allowed;
      const field = value[key];
      const slot = fields.slots[index]!;
      if (slot >= 0) {
        children[at + slot] = field;
        keptChildren = true;
      } else if (slot === TEXT_SCREENED && typeof field === 'string') {
        if (mayBeBlank(field)) blankText = true;
        if (key === 'description') description = field;
        else if (key === 'name') name = field;
      }
      if ((allowed & NOTE_FORMAT) !== 0 && field === 'binary') notes |= NOTE_BINARY;
      if ((allowed & NOTE_LIST) !== 0 && Array.isArray(field) && field.length > 1) notes |= NOTE_LONG_LIST;
      if ((allowed & NOTE_TYPE) !== 0 && typeof field === 'string') {
        if (field === 'array') notes |= NOTE_ARRAY;
        else if (field === 'file') notes |= HOLDER_FILE_TYPE;
        else if (!isDataType(field)) notes |= NOTE_ODD_TYPE;
      }
      // The note bits are above every type bit: they never match a type.
      if ((typeBitOf(field) & allowed) !== 0) continue;
      this.result.typeIssues.push({
        pointer: childPointer(node.pointer, key),
        expected: expectedTypeOf(state.kind, key),
        actual: jsonTypeOf(field),
      });
    }
    this.keptChildren = keptChildren;
    if (blankText && state !== KINDS.parameter) this.result.keywords.blankText.push(node);
    if (internal && state === KINDS.schema) (node as SchemaStructureNode).noteInternal();
    if (description !== undefined && !internal) this.noteDescribedByName(node, state, description, name);
    if (state === KINDS.schema) noteSchemaHolderKeys(state.count - 1, notes >>> HOLDER_SHIFT);
    if ((notes & NOTES) !== 0) this.noteKeywords(node, state.kind, notes);
    return at;
  }

  /**
   * Lists a visible property schema or parameter whose description only repeats its name (a
   * parameter's `name` is the one add() met). Few descriptions start as their name does: the
   * others cost two characters read.
   */
  private noteDescribedByName(
    node: StructureNode,
    state: KindState,
    description: string,
    parameterName: string | undefined,
  ): void {
    let name = parameterName;
    if (state === KINDS.schema) {
      const schema = node as SchemaStructureNode;
      name = schema.propertyName;
      if (name === undefined || schema.propertyOf!.isInternal) return;
    } else if (state !== KINDS.parameter || name === undefined) return;
    if (mayRepeatName(description, name) && onlyRepeatsName(description, name))
      this.result.keywords.describedByName.push(node);
  }

  /** A key that is not a field of its object: an extension, a misspelled one, or unknown. */
  private classifyKey(node: StructureNode, key: string): number {
    const keys = this.result.keys;
    if (key.startsWith('x-')) {
      if (key === 'x-ms-editor') return NOTE_EDITOR;
      if (key === 'x-ms-summary') return NOTE_SUMMARY;
      if (key === 'x-ms-capabilities') return NOTE_CAPABILITIES;
      if (key.startsWith('x-ms-')) {
        if (!KNOWN_XMS_EXTENSIONS.has(key)) keys.unknownXms.push({ node, key });
        else if (key === 'x-ms-agentic-protocol') keys.agenticProtocol.push({ node, key });
      }
      return extensionHolderNoteOf(node.value, key);
    }
    (EXTENSION_LOOKALIKE.test(key) ? keys.lookalike : keys.unknown).push({ node, key });
    // SWG-NUMERIC checks them on parameters, items and headers too, where they are not fields.
    return key === 'maxProperties' || key === 'minProperties' ? NOTE_NUMERIC : 0;
  }

  /** Lists a node under each keyword or value it was noted for (the notes' bits). */
  private noteKeywords(node: StructureNode, kind: NodeKind, notes: number): void {
    const keywords = this.result.keywords;
    // Other kinds' extensions and unknown keys are not noted; their lists are (the root, operations).
    if (!isKeywordKind(kind)) {
      if (notes & NOTE_LONG_LIST) keywords.uniqueLists.push(node);
      return;
    }
    if (notes & NOTE_PATTERN) keywords.pattern.push(node);
    if (notes & NOTE_ENUM) keywords.enum.push(node);
    if (notes & NOTE_NUMERIC) keywords.numeric.push(node);
    if (notes & NOTE_EDITOR) keywords['x-ms-editor'].push(node);
    if (notes & NOTE_SUMMARY) keywords['x-ms-summary'].push(node);
    if (notes & NOTE_ARRAY) keywords.arrayType.push(node);
    // A parameter's type is SWG-PARAM-TYPE's.
    if (notes & NOTE_ODD_TYPE && kind !== 'parameter') keywords.oddType.push(node);
    if (kind !== 'schema') return;
    const schema = node as SchemaStructureNode;
    if (notes & NOTE_REQUIRED) keywords.required.push(schema);
    if (notes & NOTE_READ_ONLY) keywords.readOnly.push(schema);
    if (notes & NOTE_BINARY) keywords.binaryFormat.push(schema);
    if (notes & NOTE_DISCRIMINATOR) keywords.discriminator.push(schema);
    if (notes & NOTE_CAPABILITIES) keywords['x-ms-capabilities'].push(schema);
  }

  /** Records a node without children (see CHILD_FIELDS) and checks its fields. */
  private addLeaf(
    kind: 'externalDocs' | 'contact' | 'license' | 'xml',
    value: JsonObject,
    parent: PointerPlace,
    first: string | number,
  ): void {
    this.add(new ObjectNode(kind, value, parent, first), KINDS[kind]);
  }

  private typeIssue(place: PointerPlace, expected: JsonTypeName, value: unknown): void {
    this.result.typeIssues.push({ pointer: place.pointer, expected, actual: jsonTypeOf(value) });
  }

  private ref(value: JsonObject, place: StructureNode, expects: RefUse['expects']): boolean {
    if (!('$ref' in value)) return false;
    if (typeof value.$ref !== 'string') {
      this.result.typeIssues.push({
        pointer: childPointer(place.pointer, '$ref'),
        expected: 'String',
        actual: jsonTypeOf(value.$ref),
      });
      return true;
    }
    this.result.refs.push(new RefUse(value.$ref, place, expects));
    return true;
  }

  /** A schema's `$ref`, which add() kept while reading the schema's keys. */
  private schemaRef(ref: unknown, node: SchemaStructureNode): void {
    if (typeof ref === 'string') {
      this.result.refs.push(new RefUse(ref, node, 'schema'));
      node.noteStringRef();
    } else this.typeIssue(placeAt(node, '$ref'), 'String', ref);
  }

  private visitRoot(root: JsonObject): void {
    const rootNode = new ObjectNode('root', root, undefined);
    const at = this.add(rootNode, KINDS.root);
    const children = this.children;
    const info = children[at + ROOT.info];
    if (isObject(info)) this.visitInfo(info, rootNode);
    const externalDocs = children[at + ROOT.externalDocs];
    if (isObject(externalDocs)) this.addLeaf('externalDocs', externalDocs, rootNode, 'externalDocs');
    this.eachObject(children[at + ROOT.tags], rootNode, 'tags', (tag, index) => {
      const tagNode = new ObjectNode('tag', tag, rootNode, 'tags', index);
      const tagAt = this.add(tagNode, KINDS.tag);
      const tagDocs = children[tagAt + TAG.externalDocs];
      this.childTop = tagAt;
      if (isObject(tagDocs)) this.addLeaf('externalDocs', tagDocs, tagNode, 'externalDocs');
    });
    // The root's definitions, parameters and responses before the paths: the schemas are then met in
    // the order of writtenSchemas, which is the list of them itself (no second list of ~100,000).
    // for…in over own keys here and below, not entriesOf or forEachEntry's callback: no list of
    // pairs per map and no closure per operation and response (~2 MB a corpus run).
    const definitions = children[at + ROOT.definitions];
    if (isObject(definitions)) {
      const ownKeysOnly = this.enumeratesOwnKeysOnly(definitions);
      for (const name in definitions) {
        if (ownKeysOnly || Object.prototype.hasOwnProperty.call(definitions, name))
          this.visitSchema(definitions[name], rootNode, 'definitions', name, ORIGIN.definition, 0);
      }
    }
    const parameters = children[at + ROOT.parameters];
    if (isObject(parameters)) {
      const ownKeysOnly = this.enumeratesOwnKeysOnly(parameters);
      for (const name in parameters) {
        if (ownKeysOnly || Object.prototype.hasOwnProperty.call(parameters, name))
          this.visitParameter(parameters[name], rootNode, 'parameters', name, ORIGIN.globalParameter);
      }
    }
    const responses = children[at + ROOT.responses];
    if (isObject(responses)) {
      const ownKeysOnly = this.enumeratesOwnKeysOnly(responses);
      for (const code in responses) {
        if (ownKeysOnly || Object.prototype.hasOwnProperty.call(responses, code))
          this.visitResponse(responses[code], rootNode, 'responses', code, ORIGIN.globalResponse);
      }
    }
    const paths = children[at + ROOT.paths];
    if (isObject(paths)) {
      const ownKeysOnly = this.enumeratesOwnKeysOnly(paths);
      for (const path in paths) {
        if (!ownKeysOnly && !Object.prototype.hasOwnProperty.call(paths, path)) continue;
        if (path.startsWith('x-')) continue;
        const item = paths[path];
        if (isObject(item)) this.visitPathItem(item, rootNode, path);
        else this.typeIssue(placeAt(rootNode, 'paths', path), 'Object', item);
      }
    }
    for (const [name, scheme] of entriesOf(children[at + ROOT.securityDefinitions])) {
      if (isObject(scheme)) {
        const schemeNode = new ObjectNode('securityScheme', scheme, rootNode, 'securityDefinitions', name);
        const schemeAt = this.add(schemeNode, KINDS.securityScheme);
        const scopes = children[schemeAt + SECURITY_SCHEME.scopes];
        this.childTop = schemeAt;
        this.checkMapOf(scopes, placeAt(schemeNode, 'scopes'), 'String');
      } else this.typeIssue(placeAt(rootNode, 'securityDefinitions', name), 'Object', scheme);
    }
    this.visitSecurity(children[at + ROOT.security], rootNode, 'security');
    this.childTop = at;
  }

  private visitInfo(info: JsonObject, rootNode: StructureNode): void {
    const infoNode = new ObjectNode('info', info, rootNode, 'info');
    const at = this.add(infoNode, KINDS.info);
    const contact = this.children[at + INFO.contact];
    const license = this.children[at + INFO.license];
    this.childTop = at;
    if (isObject(contact)) this.addLeaf('contact', contact, infoNode, 'contact');
    if (isObject(license)) this.addLeaf('license', license, infoNode, 'license');
  }

  private visitPathItem(item: JsonObject, rootNode: StructureNode, path: string): void {
    const itemNode = new ObjectNode('pathItem', item, rootNode, 'paths', path);
    this.ref(item, itemNode, 'pathItem');
    // The operations stay in their slots while the parameters and each operation are visited.
    const at = this.add(itemNode, KINDS.pathItem);
    this.visitParameters(this.children[at + PATH_ITEM_PARAMETERS], itemNode);
    for (let index = 0; index < HTTP_METHODS.length; index++) {
      const operation = this.children[at + PATH_ITEM_FIRST_METHOD + index];
      if (isObject(operation)) this.visitOperation(operation, itemNode, HTTP_METHODS[index]!);
    }
    this.childTop = at;
  }

  private visitOperation(operation: JsonObject, itemNode: StructureNode, method: string): void {
    const operationNode = new ObjectNode('operation', operation, itemNode, method);
    const at = this.add(operationNode, KINDS.operation);
    const children = this.children;
    const externalDocs = children[at + OPERATION.externalDocs];
    const parameters = children[at + OPERATION.parameters];
    const responses = children[at + OPERATION.responses];
    const security = children[at + OPERATION.security];
    this.childTop = at;
    if (isObject(externalDocs)) this.addLeaf('externalDocs', externalDocs, operationNode, 'externalDocs');
    this.visitParameters(parameters, operationNode);
    if (isObject(responses)) {
      // Object.keys, not for…in: status codes are integer-like keys, which for…in enumerates slowly
      // and hasOwnProperty looks up by number (11% of the walk's samples in a profile).
      const codes = Object.keys(responses);
      for (let index = 0; index < codes.length; index++) {
        const code = codes[index]!;
        if (!code.startsWith('x-'))
          this.visitResponse(responses[code], operationNode, 'responses', code, ORIGIN.response);
      }
    }
    this.visitSecurity(security, operationNode, 'security');
  }

  /** The `parameters` list of a path item or operation. */
  private visitParameters(list: unknown, owner: StructureNode): void {
    const parameters = asArray(list);
    if (!parameters) return;
    for (let index = 0; index < parameters.length; index++) {
      this.visitParameter(parameters[index], owner, 'parameters', index, ORIGIN.parameter);
    }
  }

  private visitParameter(
    parameter: unknown,
    parent: PointerPlace,
    first: string,
    second: string | number,
    origin: OriginIndex,
  ): void {
    if (!isObject(parameter)) return this.typeIssue(placeAt(parent, first, second), 'Object', parameter);
    const parameterNode = new ObjectNode('parameter', parameter, parent, first, second);
    if (this.ref(parameter, parameterNode, 'parameter')) return;
    const at = this.add(parameterNode, KINDS.parameter);
    const schema = this.children[at + PARAMETER.schema];
    const items = this.children[at + PARAMETER.items];
    this.childTop = at;
    if (isObject(schema)) this.visitSchema(schema, parameterNode, 'schema', undefined, origin, 0);
    if (isObject(items)) this.visitItems(items, parameterNode, 0);
  }

  private visitItems(items: JsonObject, parent: PointerPlace, depth: number): void {
    if (depth > MAX_WALK_DEPTH) return;
    const itemsNode = new ObjectNode('items', items, parent, 'items');
    const at = this.add(itemsNode, KINDS.items);
    const nested = this.children[at + ITEMS.items];
    this.childTop = at;
    if (isObject(nested)) this.visitItems(nested, itemsNode, depth + 1);
  }

  private visitResponse(
    response: unknown,
    parent: PointerPlace,
    first: string,
    second: string,
    origin: OriginIndex,
  ): void {
    if (!isObject(response)) return this.typeIssue(placeAt(parent, first, second), 'Object', response);
    const responseNode = new ObjectNode('response', response, parent, first, second);
    if (this.ref(response, responseNode, 'response')) return;
    const at = this.add(responseNode, KINDS.response);
    const schema = this.children[at + RESPONSE.schema];
    const headers = this.children[at + RESPONSE.headers];
    this.childTop = at;
    if (isObject(schema)) this.visitSchema(schema, responseNode, 'schema', undefined, origin, 0);
    if (isObject(headers)) {
      const ownKeysOnly = this.enumeratesOwnKeysOnly(headers);
      for (const name in headers) {
        if (ownKeysOnly || Object.prototype.hasOwnProperty.call(headers, name))
          this.visitHeader(headers[name], responseNode, name);
      }
    }
  }

  private visitHeader(header: unknown, responseNode: StructureNode, name: string): void {
    if (!isObject(header)) return this.typeIssue(placeAt(responseNode, 'headers', name), 'Object', header);
    const headerNode = new ObjectNode('header', header, responseNode, 'headers', name);
    const at = this.add(headerNode, KINDS.header);
    const items = this.children[at + ITEMS.items];
    this.childTop = at;
    if (isObject(items)) this.visitItems(items, headerNode, 0);
  }

  /** A schema written at `first`/`second` below `parent`. */
  private visitSchema(
    schema: unknown,
    parent: PointerPlace,
    first: string,
    second: string | number | undefined,
    origin: OriginIndex,
    depth: number,
  ): void {
    if (depth > MAX_WALK_DEPTH) return;
    if (!isObject(schema)) {
      if (first === 'properties' && parent instanceof SchemaStructureNode) parent.noteOddProperty();
      return this.typeIssue(placeAt(parent, first, second), 'Object', schema);
    }
    const node = new SchemaStructureNode(schema, parent, first, second, origin, depth);
    const at = this.add(node, KINDS.schema);
    if (!this.keptChildren) {
      this.childTop = at;
      return;
    }
    const children = this.children;
    const $ref = children[at + SCHEMA.$ref];
    const properties = children[at + SCHEMA.properties];
    const items = children[at + SCHEMA.items];
    const additionalProperties = children[at + SCHEMA.additionalProperties];
    const allOf = children[at + SCHEMA.allOf];
    const xml = children[at + SCHEMA.xml];
    const externalDocs = children[at + SCHEMA.externalDocs];
    this.childTop = at;
    if ($ref !== undefined) this.schemaRef($ref, node);
    if (isObject(properties)) {
      if (depth === MAX_WALK_DEPTH) this.result.keywords.propertiesBelowWalk.push(node);
      // for…in, not Object.keys: no list of names per object schema.
      const ownKeysOnly = this.enumeratesOwnKeysOnly(properties);
      for (const name in properties) {
        if (ownKeysOnly || Object.prototype.hasOwnProperty.call(properties, name))
          this.visitSchema(properties[name], node, 'properties', name, origin, depth + 1);
      }
    }
    if (isObject(items)) this.visitSchema(items, node, 'items', undefined, origin, depth + 1);
    else if (Array.isArray(items)) this.typeIssue(placeAt(node, 'items'), 'Object', items);
    if (isObject(additionalProperties)) {
      this.visitSchema(additionalProperties, node, 'additionalProperties', undefined, origin, depth + 1);
    }
    // A loop, not eachObject's callback: a closure over this call's variables, even one made only
    // for the few schemas with an allOf list, made V8 allocate a context for every schema visited.
    if (Array.isArray(allOf)) {
      for (let index = 0; index < allOf.length; index++) {
        const member: unknown = allOf[index];
        if (isObject(member)) this.visitSchema(member, node, 'allOf', index, origin, depth + 1);
        else this.typeIssue(placeAt(node, 'allOf', index), 'Object', member);
      }
    }
    if (isObject(xml)) this.addLeaf('xml', xml, node, 'xml');
    if (isObject(externalDocs)) this.addLeaf('externalDocs', externalDocs, node, 'externalDocs');
  }

  /** A `security` list: a loop, not eachObject's callback, which made a closure per operation. */
  private visitSecurity(list: unknown, owner: StructureNode, key: string): void {
    const requirements = asArray(list);
    if (!requirements) return;
    for (let index = 0; index < requirements.length; index++) {
      const requirement = requirements[index];
      if (!isObject(requirement)) {
        this.typeIssue(placeAt(owner, key, index), 'Object', requirement);
        continue;
      }
      for (const name in requirement) {
        if (!has(requirement, name)) continue;
        const scopes = requirement[name];
        // A missing value (null) is SWG-SEC-EMPTY's finding.
        if (!Array.isArray(scopes) && scopes !== null)
          this.typeIssue(new PointerPlace(placeAt(owner, key, index), name), 'Array', scopes);
      }
    }
  }

  /** The objects of the array at `key` of `owner`; entries that are not objects are type issues. */
  private eachObject(
    list: unknown,
    owner: PointerPlace,
    key: string,
    visit: (value: JsonObject, index: number) => void,
  ): void {
    const entries = asArray(list);
    if (!entries) return;
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index];
      if (isObject(entry)) visit(entry, index);
      else this.typeIssue(placeAt(owner, key, index), 'Object', entry);
    }
  }

  private checkMapOf(map: unknown, place: PointerPlace, expected: JsonTypeName): void {
    for (const [key, value] of entriesOf(map)) {
      if (!matches(value, expected)) this.typeIssue(new PointerPlace(place, key), expected, value);
    }
  }
}

function toTypeName(type: FieldType): JsonTypeName {
  return type === 'Number' ? 'Float' : type === 'Any' ? 'Object' : type;
}
