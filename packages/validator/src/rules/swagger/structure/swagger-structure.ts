import type { WrittenSchema } from '../../../swagger/written-schema.js';
import type { JsonTypeName } from './json-types.js';
import type { RefUse, SchemaStructureNode, StructureNode } from './nodes.js';
import type { NodeKind } from './swagger-fields.js';

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
  /**
   * How many of `schemas` are nested deeper than the schema walks go (MAX_SCHEMA_WALK_DEPTH), which
   * writtenSchemas leaves out: almost always none. Counted by the walk, which knows each depth:
   * writtenSchemasOf read the depth of each of the ~105,000 nodes of a corpus run again to learn it
   * (~0.25 ms a run).
   */
  schemasBelowSchemaWalk: number;
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
