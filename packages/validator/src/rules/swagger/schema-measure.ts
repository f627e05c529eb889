import { childPointer } from '../../json/pointer.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { Located } from '../../swagger/local-refs.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { asArray, isObject, type JsonObject } from '../../swagger/json-values.js';
import { perModel } from '../operations/rule-kit.js';
import { newSchemaFields, readSchemaFields, type SchemaFields } from '../../swagger/schema-fields.js';
import { MAX_WALK_DEPTH } from './structure/structure-walker.js';
import { structureOf } from './structure.js';
import type { SchemaStructureNode } from './structure/nodes.js';

/**
 * How big a schema is once its `$ref`s are expanded, the way the platform counts it. Each definition
 * is measured once and memoized, so operations that share definitions cost nothing extra; a `$ref`
 * back into a definition being measured counts as nothing, so recursive definitions end.
 */
export interface SchemaSize {
  /** Schemas in the expanded tree, capped at MAX_COUNT. */
  count: number;
  /** Levels of properties / items / additionalProperties nesting below this schema. */
  depth: number;
}

const MAX_COUNT = 1e9;

// Shared answers for the commonest sizes: nothing, and a schema without children (most schemas of a
// document). A new object for each was most of the measure's garbage. Sizes are only ever read.
const NOTHING: SchemaSize = Object.freeze({ count: 0, depth: 0 });
const LEAF: SchemaSize = Object.freeze({ count: 1, depth: 0 });
/** Deeper native recursion than this is cut; the depth reported is then at least this. */
const MAX_RECURSION = 400;

export interface OperationSchemaSize extends SchemaSize {
  /** The deepest schema of the operation, for the finding's location. */
  readonly deepestPointer: string | undefined;
}

/** A parameter or response of an operation: its definition's pointer is built when read. */
interface SchemaHolder {
  readonly definitionPointer: string;
}

/**
 * An operation's size, which keeps the parameter or response whose schema is the deepest and builds
 * the pointers when read: reading each holder's definition pointer while measuring built ~50,000
 * strings a corpus run (4.3 MB), for the one pointer SWG-SCHEMA-DEPTH reads when it reports.
 */
class OperationSize implements OperationSchemaSize {
  count = 0;
  depth = 0;
  /** The parameter or response whose schema is the deepest (the first of equals). */
  private deepestHolder: SchemaHolder | undefined = undefined;

  get deepestPointer(): string | undefined {
    return this.deepestHolder === undefined
      ? undefined
      : childPointer(this.deepestHolder.definitionPointer, 'schema');
  }

  /** Adds one schema of the operation, written in `holder`. */
  add(count: number, depth: number, holder: SchemaHolder): void {
    this.count = Math.min(MAX_COUNT, this.count + count);
    if (depth > this.depth || this.deepestHolder === undefined) {
      this.depth = Math.max(this.depth, depth);
      this.deepestHolder = holder;
    }
  }
}

/**
 * A tree of the walk's schema list is measured from the list only when no schema of it can reach the
 * recursion limit: its schemas are less than MAX_WALK_DEPTH deep (the JSON parser refuses more than
 * 256 levels, so every parsed document's are), and it is entered at most this deep.
 */
const MAX_TREE_RECURSION = MAX_RECURSION - MAX_WALK_DEPTH;
/**
 * The sizes of the open schemas of the trees being measured (measureTree), by depth: a tree measured
 * for a `$ref` inside another takes the frames after its holder's. Shared, as measuring is
 * synchronous: three typed arrays per connector cost ~1 ms a corpus run to make. The deepest corpus
 * schema, through its `$ref`s, needs ~30.
 */
const frames: { counts: Int32Array; depths: Int32Array; levels: Int32Array } = {
  counts: new Int32Array(256),
  depths: new Int32Array(256),
  levels: new Int32Array(256),
};

function growFrames(): void {
  const grown = (list: Int32Array): Int32Array => {
    const larger = new Int32Array(list.length * 2);
    larger.set(list);
    return larger;
  };
  frames.counts = grown(frames.counts);
  frames.depths = grown(frames.depths);
  frames.levels = grown(frames.levels);
}

/** Marks a definition in the memo while it is being measured: a `$ref` back to it counts as nothing. */
const MEASURING: SchemaSize = Object.freeze({ count: 0, depth: 0 });

/** One measurer per document, kept by its model like the other per-document indexes. */
export const schemaMeasurer = perModel((model: SwaggerModel) => new SchemaMeasurer(model));

export class SchemaMeasurer {
  /** Sizes by definition pointer; MEASURING while a definition is being measured. */
  private readonly memo = new Map<string, SchemaSize>();
  /** operationSizes' list, once measured. */
  private sizes: readonly OperationSchemaSize[] | undefined;
  private recursion = 0;
  /** The size measureInto found last. */
  private lastCount = 0;
  private lastDepth = 0;

  /** The fields of the schema read last (readSchemaFields); measureFields() takes them at once. */
  private readonly fields: SchemaFields = newSchemaFields();

  /**
   * The structure walk's schemas, in preorder: each tree (a definition, a parameter's or response's
   * schema) is a run that starts at depth 0. Measuring a tree from its run reads each schema's depth
   * and a few bits the walk noted instead of the schema's keys, which the walk has just read: read
   * from their keys, the corpus's ~94,000 measured schemas cost SWG-SCHEMA-COUNT ~12.5 ms of CPU a
   * run, ~10.5 from the list.
   */
  private readonly schemaList: readonly SchemaStructureNode[];
  /** Where trees start in schemaList, by their root schema (see treeStartsOf). */
  private treeStarts: Map<JsonObject, number> | undefined;
  /** Where the `frames` of the tree measured now start: those before are its holders'. */
  private frameBase = 0;

  constructor(private readonly model: SwaggerModel) {
    this.schemaList = structureOf(model).schemas;
  }

  /**
   * The schemas of each operation's parameters and responses, expanded, by the operation's index in
   * the model's list; measured in that order on first use. A list, not a map by operation: both size
   * rules read every operation in that order, and a map entry per operation (~6,100 a corpus run,
   * each operation's first identity hash) cost ~0.7 ms a run.
   */
  operationSizes(): readonly OperationSchemaSize[] {
    if (this.sizes === undefined) {
      const operations = this.model.operations;
      const sizes = new Array<OperationSchemaSize>(operations.length);
      for (let index = 0; index < operations.length; index++)
        sizes[index] = this.operation(operations[index]!);
      this.sizes = sizes;
    }
    return this.sizes;
  }

  /** The schemas of an operation's parameters and responses, expanded. */
  private operation(operation: OperationInfo): OperationSchemaSize {
    const result = new OperationSize();
    for (const parameter of operation.parameters) {
      if (isObject(parameter.value.schema)) {
        this.measureSchema(parameter.value.schema);
        result.add(this.lastCount, this.lastDepth, parameter);
      } else {
        result.count += 1;
      }
    }
    for (const response of operation.responses) {
      if (isObject(response.value.schema)) {
        this.measureSchema(response.value.schema);
        result.add(this.lastCount, this.lastDepth, response);
      }
    }
    return result;
  }

  /** The size of a schema, `$ref`s expanded. */
  measure(schema: unknown): SchemaSize {
    this.measureInto(schema);
    return this.lastSize();
  }

  /**
   * Measures a schema into `lastCount` and `lastDepth`, which the caller reads at once: an answer
   * object per inline schema with children was most of what measuring allocated (~1.2 MB a corpus
   * run). Definitions' sizes are memoized as objects, one per definition.
   */
  private measureInto(schema: unknown): void {
    if (!isObject(schema)) return this.answer(0, 0);
    readSchemaFields(schema, this.fields);
    const ref = this.fields.$ref;
    if (typeof ref !== 'string') return this.measureFields();
    const target = this.refTarget(schema, ref);
    if (!target || !isObject(target.value)) return this.answer(1, 0);
    const key = target.pointer;
    const known = this.memo.get(key);
    if (known) return known === MEASURING ? this.answer(0, 0) : this.answer(known.count, known.depth);
    this.memo.set(key, MEASURING);
    const start = this.treeStartOf(target.value);
    if (start >= 0 && !this.schemaList[start]!.hasStringRef) {
      this.measureTree(start);
    } else {
      readSchemaFields(target.value, this.fields);
      this.measureFields();
    }
    this.memo.set(key, this.lastSize());
  }

  /** measureInto for a schema that may be the root of one of the walk's trees. */
  private measureSchema(schema: JsonObject): void {
    const start = this.treeStartOf(schema);
    if (start >= 0) this.measureTree(start);
    else this.measureInto(schema);
  }

  /** Where the tree of `schema` starts in schemaList, or -1 when it is to be measured from its keys. */
  private treeStartOf(schema: JsonObject): number {
    if (this.recursion > MAX_TREE_RECURSION) return -1;
    this.treeStarts ??= treeStartsOf(this.schemaList);
    return this.treeStarts.get(schema) ?? -1;
  }

  /**
   * measureInto for the tree that starts at `start` in schemaList, with the same answer: in preorder,
   * each schema's size is folded into its parent's once its last child is done, and each `$ref` is
   * measured by measureInto where the recursion would meet it, in the same order, so the memo fills
   * the same way (a definition met in progress counts as nothing).
   */
  private measureTree(start: number): void {
    const nodes = this.schemaList;
    const recursion = this.recursion;
    const base = this.frameBase;
    let top = -1;
    let index = start;
    do {
      const node = nodes[index]!;
      const depth = node.depth;
      for (; top >= depth; top--) this.foldFrame(base + top);
      top = depth;
      const frame = base + depth;
      if (frame >= frames.counts.length) growFrames();
      // A property, items or additionalProperties schema is a level below its parent; allOf is not.
      frames.levels[frame] = node.viaAllOf ? 0 : 1;
      index++;
      if (node.hasStringRef) {
        // What the $ref leads to, measured as deep as the recursion would; nothing written beside it.
        this.recursion = recursion + depth;
        this.frameBase = frame + 1;
        this.measureInto(node.value);
        this.recursion = recursion;
        this.frameBase = base;
        frames.counts[frame] = this.lastCount;
        frames.depths[frame] = this.lastDepth;
        while (index < nodes.length && nodes[index]!.depth > depth) index++;
      } else {
        frames.counts[frame] = 1;
        // A property that is no schema measures (0, 0), one level down.
        frames.depths[frame] = node.hasOddProperty ? 1 : 0;
      }
    } while (index < nodes.length && nodes[index]!.depth > 0);
    for (; top > 0; top--) this.foldFrame(base + top);
    this.answer(frames.counts[base]!, frames.depths[base]!);
  }

  /** Adds a finished schema's size to its parent's, the frame before it. */
  private foldFrame(frame: number): void {
    frames.counts[frame - 1] = Math.min(MAX_COUNT, frames.counts[frame - 1]! + frames.counts[frame]!);
    frames.depths[frame - 1] = Math.max(
      frames.depths[frame - 1]!,
      frames.depths[frame]! + frames.levels[frame]!,
    );
  }

  private answer(count: number, depth: number): void {
    this.lastCount = count;
    this.lastDepth = depth;
  }

  /** The last size measured, as an object: shared for the commonest sizes. */
  private lastSize(): SchemaSize {
    const count = this.lastCount;
    const depth = this.lastDepth;
    if (depth === 0 && count <= 1) return count === 0 ? NOTHING : LEAF;
    return { count, depth };
  }

  /**
   * Where a `$ref` leads, following chains; undefined when broken. Most references lead straight to
   * a definition: the model's memo of targets answers them without a new answer object (~1 MB a
   * corpus run).
   */
  private refTarget(schema: JsonObject, ref: string): Located | undefined {
    const direct = this.model.resolveRef(ref);
    if (direct && !(isObject(direct.value) && typeof direct.value.$ref === 'string')) return direct;
    const target = this.model.resolve(schema, '');
    return target.broken ? undefined : target;
  }

  /** Measures the schema whose fields were read last, its `$ref` aside. */
  private measureFields(): void {
    if (this.recursion > MAX_RECURSION) return this.answer(1, MAX_RECURSION);
    // Read before the first measure below, which reads the next schema's fields over them.
    const { properties, items, additionalProperties, allOf: allOfField } = this.fields;
    this.recursion++;
    // Loops, not callbacks: this runs for every schema of every operation's expanded tree.
    let count = 1;
    let depth = 0;
    try {
      if (isObject(properties)) {
        for (const name in properties) {
          if (!Object.prototype.hasOwnProperty.call(properties, name)) continue;
          this.measureInto(properties[name]);
          count = Math.min(MAX_COUNT, count + this.lastCount);
          depth = Math.max(depth, this.lastDepth + 1);
        }
      }
      if (isObject(items)) {
        this.measureInto(items);
        count = Math.min(MAX_COUNT, count + this.lastCount);
        depth = Math.max(depth, this.lastDepth + 1);
      }
      if (isObject(additionalProperties)) {
        this.measureInto(additionalProperties);
        count = Math.min(MAX_COUNT, count + this.lastCount);
        depth = Math.max(depth, this.lastDepth + 1);
      }
      const allOf = asArray(allOfField);
      if (allOf) {
        for (const member of allOf) {
          this.measureInto(member);
          count = Math.min(MAX_COUNT, count + this.lastCount);
          depth = Math.max(depth, this.lastDepth);
        }
      }
    } finally {
      this.recursion--;
    }
    this.answer(count, depth);
  }
}

/**
 * Where each tree of the walk's schema list starts, by its root schema, for the trees of at least
 * MIN_LISTED_TREE schemas; -1 for a tree with a schema at MAX_WALK_DEPTH, below which the walk lists
 * nothing.
 */
/**
 * Smaller trees are measured from their keys, as fast: a lone schema is often only a `$ref`, and
 * the ~2,800 trees of two or three schemas a corpus run were 30% of the map's ~9,300 entries (the
 * measure allocates 2.87 MB a corpus run instead of 3.21-3.28, its CPU unchanged).
 */
const MIN_LISTED_TREE = 4;

function treeStartsOf(schemas: readonly SchemaStructureNode[]): Map<JsonObject, number> {
  const starts = new Map<JsonObject, number>();
  let root = -1;
  for (let index = 0; index < schemas.length; index++) {
    const depth = schemas[index]!.depth;
    if (depth === 0) {
      root = index;
    } else if (depth >= MAX_WALK_DEPTH) {
      starts.set(schemas[root]!.value, -1);
    } else if (index === root + MIN_LISTED_TREE - 1) {
      starts.set(schemas[root]!.value, root);
    }
  }
  return starts;
}
