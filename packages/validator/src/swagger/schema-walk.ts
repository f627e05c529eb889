import { childPointer } from '../json/pointer.js';
import { PointerPlace } from '../json/pointer-place.js';
import { asArray, asObject, asString, isObject, type JsonObject } from './json-values.js';
import { newSchemaFields, readSchemaFields, type SchemaFields } from './schema-fields.js';

/** Schemas nest deeper than this only through recursion; walks stop there. */
export const MAX_SCHEMA_WALK_DEPTH = 64;
/** A `required` list longer than this is put in a set for the walk's lookups. */
const LONG_REQUIRED_LIST = 16;

/**
 * One node met while walking a schema. Its pointer is built only when read (see PointerPlace): the
 * walks meet every schema of every request body, and rules report a few of them.
 */
export class SchemaNode extends PointerPlace {
  constructor(
    readonly schema: JsonObject,
    /** Where this schema is written (after `$ref`s: below the definition's pointer). */
    parent: PointerPlace | undefined,
    first: string | number | undefined,
    second: string | number | undefined,
    /**
     * Below the walk's root through `properties`, `items` or `additionalProperties` (an `allOf`
     * member of the root is the root's own shape, not nested).
     */
    readonly nested: boolean,
    readonly depth: number,
    /** The walk reached this node through a `$ref`. */
    readonly viaRef: boolean,
    /** The nearest parent object schema lists this property as required. */
    readonly required: boolean,
  ) {
    super(parent, first, second);
  }
}

/**
 * The node a walk is at, valid during the visit only: its facts, and `node()` to keep it. Most
 * visitors keep a few nodes of the many they meet (SWG-REQ-READONLY and SWG-BINARY-POS report 12
 * of the corpus's ~24,000 request-body nodes), so no SchemaNode is made for the others.
 */
export interface SchemaStep {
  readonly schema: JsonObject;
  readonly nested: boolean;
  readonly depth: number;
  readonly viaRef: boolean;
  readonly required: boolean;
  /** This node as a SchemaNode, with its place (the same object when asked twice). */
  node(): SchemaNode;
}

/** What the walk needs of the model: `$ref` targets and one place per definition. */
export interface RefTargets {
  /** The end of the `$ref` chain of an object with a `$ref`; undefined when broken or circular. */
  refTarget(value: JsonObject): { value: unknown; pointer: string } | undefined;
  placeAt(pointer: string): PointerPlace;
}

/** What the model's walker holds between walks: nothing of the last document's schemas or visitor. */
const NO_SCHEMA: JsonObject = Object.freeze({});
const NO_VISIT = (): undefined => undefined;

/** Where a walk's root schema is: a pointer, or a segment below something whose pointer is lazy. */
export type WalkRoot = string | { readonly owner: { readonly pointer: string }; readonly segment: string };

/**
 * The `$ref`s followed on the way down one branch of a schema walk, innermost first. A linked list
 * shared by the branches below it: following a reference adds one link instead of copying a set.
 */
interface RefChain {
  ref: string;
  parent: RefChain | undefined;
}

function chainHas(chain: RefChain | undefined, ref: string): boolean {
  for (let link = chain; link !== undefined; link = link.parent) if (link.ref === ref) return true;
  return false;
}

/**
 * The walk's record of the node at one depth. Pre-order: while a node is visited, the frames above
 * its depth hold its ancestors, so its place can be built from them when a visitor asks for it.
 */
interface Frame {
  schema: JsonObject;
  /** The place this node is written below when it is not its parent node: a `$ref` target's. */
  anchor: PointerPlace | undefined;
  first: string | number | undefined;
  second: string | number | undefined;
  nested: boolean;
  viaRef: boolean;
  required: boolean;
  node: SchemaNode | undefined;
}

/**
 * Visits a schema and everything under it: `properties`, `items`, `additionalProperties`, `allOf`.
 * A `$ref` is followed, but never twice on the same branch, so recursive definitions end. The
 * visitor returns false to skip a node's children.
 *
 * One walker per model serves its walks, and it is the step its visitors see: a node's facts are
 * written into a frame reused per depth, and a SchemaNode (with the places of its ancestors) is
 * made only for a node a visitor keeps. Making one for every node was ~3 MB a warm corpus run.
 */
export class SchemaWalker implements SchemaStep {
  /** A walk is running: a walk started from one of its visitors needs another walker. */
  busy = false;
  schema: JsonObject = NO_SCHEMA;
  nested = false;
  depth = 0;
  viaRef = false;
  required = false;
  private readonly frames: Frame[] = [];
  /** The fields of the schema the walk read last (see readSchemaFields). */
  private readonly fields: SchemaFields = newSchemaFields();
  private root: WalkRoot = '';
  private rootPlace: PointerPlace | undefined;
  private visit: (step: SchemaStep) => boolean | void = NO_VISIT;

  constructor(private readonly targets: RefTargets) {}

  run(schema: unknown, root: WalkRoot, visit: (step: SchemaStep) => boolean | void): void {
    this.busy = true;
    this.root = root;
    this.rootPlace = undefined;
    this.visit = visit;
    try {
      this.walk(schema, undefined, undefined, false, 0, undefined, false, false);
    } finally {
      // Nothing of this walk stays reachable from the model's walker.
      this.busy = false;
      this.root = '';
      this.rootPlace = undefined;
      this.visit = NO_VISIT;
      this.schema = NO_SCHEMA;
      for (const frame of this.frames) frame.node = undefined;
    }
  }

  node(): SchemaNode {
    return this.nodeAt(this.depth);
  }

  private nodeAt(depth: number): SchemaNode {
    const frame = this.frames[depth]!;
    if (frame.node === undefined) {
      const parent = frame.anchor ?? (depth === 0 ? this.rootPlaceOf() : this.nodeAt(depth - 1));
      frame.node = new SchemaNode(
        frame.schema,
        parent,
        frame.first,
        frame.second,
        frame.nested,
        depth,
        frame.viaRef,
        frame.required,
      );
    }
    return frame.node;
  }

  private rootPlaceOf(): PointerPlace {
    const root = this.root;
    this.rootPlace ??= PointerPlace.at(
      typeof root === 'string' ? root : childPointer(root.owner.pointer, root.segment),
    );
    return this.rootPlace;
  }

  private walk(
    value: unknown,
    first: string | number | undefined,
    second: string | number | undefined,
    nested: boolean,
    depth: number,
    refs: RefChain | undefined,
    viaRef: boolean,
    required: boolean,
  ): void {
    if (depth > MAX_SCHEMA_WALK_DEPTH || !isObject(value)) return;
    let schemaObject = value;
    let reachedByRef = viaRef;
    let branchRefs = refs;
    let anchor: PointerPlace | undefined;
    const fields = this.fields;
    readSchemaFields(value, fields);
    const ref = asString(fields.$ref);
    if (ref !== undefined) {
      if (chainHas(refs, ref)) return;
      const target = this.targets.refTarget(value);
      if (target === undefined) return;
      const targetObject = asObject(target.value);
      if (!targetObject) return;
      branchRefs = { ref, parent: refs };
      schemaObject = targetObject;
      // A reference is never answered with its own place, only with its target's: one place per
      // definition, shared by every reference to it (and its text built once).
      anchor = this.targets.placeAt(target.pointer);
      first = second = undefined;
      reachedByRef = true;
    }
    this.enter(depth, schemaObject, anchor, first, second, nested, reachedByRef, required);
    if (this.visit(this) === false) return;
    // A reference's target is read only when its children are walked: visitors skip many of them.
    // (A walk started by the visitor has a walker, and fields, of its own.)
    if (ref !== undefined) readSchemaFields(schemaObject, fields);
    // Read before the descents below, which read other schemas' fields into `fields`.
    const { properties, required: requiredField, items, additionalProperties, allOf: allOfField } = fields;
    // Loops rather than callbacks, and no set of required names for the many schemas without any:
    // this runs for every schema node of every body and response.
    if (isObject(properties)) {
      // Short lists are searched in place: a set (and a filtered copy) per object schema was most
      // of the walk's garbage besides the nodes. Non-strings never equal a property name.
      const requiredList = asArray(requiredField);
      const requiredSet =
        requiredList !== undefined && requiredList.length > LONG_REQUIRED_LIST
          ? new Set(requiredList)
          : undefined;
      for (const name in properties) {
        if (!Object.prototype.hasOwnProperty.call(properties, name)) continue;
        const isRequired =
          requiredSet !== undefined
            ? requiredSet.has(name)
            : requiredList !== undefined && requiredList.includes(name);
        this.walk(
          properties[name],
          'properties',
          name,
          true,
          depth + 1,
          branchRefs,
          reachedByRef,
          isRequired,
        );
      }
    }
    if (isObject(items)) {
      this.walk(items, 'items', undefined, true, depth + 1, branchRefs, reachedByRef, false);
    }
    if (isObject(additionalProperties)) {
      this.walk(
        additionalProperties,
        'additionalProperties',
        undefined,
        true,
        depth + 1,
        branchRefs,
        reachedByRef,
        false,
      );
    }
    const allOf = asArray(allOfField);
    if (allOf) {
      for (let index = 0; index < allOf.length; index++) {
        this.walk(allOf[index], 'allOf', index, nested, depth + 1, branchRefs, reachedByRef, required);
      }
    }
  }

  /** Records the node at `depth` (its children overwrite the frames below) and makes it the step. */
  private enter(
    depth: number,
    schema: JsonObject,
    anchor: PointerPlace | undefined,
    first: string | number | undefined,
    second: string | number | undefined,
    nested: boolean,
    viaRef: boolean,
    required: boolean,
  ): void {
    let frame = this.frames[depth];
    if (frame === undefined) {
      frame = { schema, anchor, first, second, nested, viaRef, required, node: undefined };
      this.frames[depth] = frame;
    } else {
      frame.schema = schema;
      frame.anchor = anchor;
      frame.first = first;
      frame.second = second;
      frame.nested = nested;
      frame.viaRef = viaRef;
      frame.required = required;
      frame.node = undefined;
    }
    this.schema = schema;
    this.nested = nested;
    this.depth = depth;
    this.viaRef = viaRef;
    this.required = required;
  }
}
