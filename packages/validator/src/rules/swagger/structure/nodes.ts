import { PointerPlace } from '../../../json/pointer-place.js';
import type { WrittenSchema } from '../../../swagger/written-schema.js';
import { has, type JsonObject } from '../../../swagger/json-values.js';
import type { NodeKind } from './swagger-fields.js';

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

  /** The node it is written in; undefined for the root. The walk places every node in another. */
  get parentNode(): StructureNode | undefined {
    return this.parent instanceof StructureNode ? this.parent : undefined;
  }
}

/**
 * A node of any kind but schema, which holds its kind. Schema nodes (most nodes) answer theirs from
 * their class: the field cost ~0.8 MB a corpus run on them.
 */
export class ObjectNode extends StructureNode {
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
export const ORIGIN = {
  definition: 0,
  globalParameter: 1,
  globalResponse: 2,
  parameter: 3,
  response: 4,
} as const;
export type OriginIndex = (typeof ORIGIN)[keyof typeof ORIGIN];

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

  /** The array schema whose `items` it is; undefined when it is no items schema. */
  get itemsOf(): SchemaStructureNode | undefined {
    return this.first === 'items' ? (this.parent as SchemaStructureNode) : undefined;
  }
}

/** A `$ref` as written, with the kind of object expected at its position. */
export class RefUse {
  constructor(
    readonly ref: string,
    /** The object holding the `$ref`. */
    readonly holder: StructureNode,
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

/** A place that is not a node of its own: its pointer is built only for a type issue. */
export function placeAt(
  parent: PointerPlace,
  first: string | number,
  second?: string | number,
): PointerPlace {
  return new PointerPlace(parent, first, second);
}
