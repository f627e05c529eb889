import type { JsonObject } from '../../swagger/json-values.js';
import type { LazyPointer, OperationInfo } from '../../swagger/operation-info.js';
import { ReachingSeeds } from '../../swagger/reaching-seeds.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { placeOfRef, REUSABLE_SECTIONS, sectionOf, topNodeOf } from '../swagger/reference-places.js';
import { SchemaStructureNode, type StructureNode } from '../swagger/structure/nodes.js';
import { structureOf } from '../swagger/structure.js';
import { shownUsers } from './holder-users.js';

/*
 * The operations that show a schema written in an entry of the document (`#/definitions/Task`,
 * `#/responses/NotFound`): those whose body parameter or responses `$ref` it, directly, through
 * properties, items, allOf or additionalProperties, and through other entries (a `#/parameters`
 * definition they list, a definition that references it). 891 of the corpus's dynamic holders are
 * written in `definitions`, with 318 of its 1,188 references: with no operation to read them in,
 * SWG-DYN-PARAMS checked none.
 *
 * Read once per document, from the structure walk's `$ref`s: each one held in an operation (or a
 * path item: each of its operations, or its triggers for a webhook's payload) is a seed of the entry
 * it leads into, each one held in an entry an edge between entries; ReachingSeeds then answers each
 * entry asked about from the entries that reference it.
 */

/** An operation's `$ref` into an entry, and whether it is in its inputs or its outputs. */
interface Seed {
  readonly operation: OperationInfo;
  /** The operation's index in `model.operations`: users are listed in the model's order. */
  readonly at: number;
  readonly output: boolean;
  /** `at` and `output` in one number, which orders the seeds: the model's order, inputs first. */
  readonly key: number;
  /** The object holding the `$ref`, when the operation holds it (not its path item). */
  readonly listing: LazyPointer | undefined;
}

/**
 * The operations showing an entry, in the model's order, with the `$ref` each reaches it by; of
 * them, those the designer shows (shownUsers: the visible ones, when some are).
 */
export class EntryUsers {
  /** Those that reach it from their inputs (a body parameter). */
  readonly inputs: readonly OperationInfo[];
  /** Those that reach it from their inputs or their outputs (a response, a webhook's payload). */
  readonly all: readonly OperationInfo[];

  /** `seeds`: sorted by operation, inputs first, an operation's two next to each other. */
  constructor(
    private readonly seeds: readonly Seed[],
    private readonly indexes: ReadonlyMap<OperationInfo, number>,
  ) {
    const inputs: OperationInfo[] = [];
    const all: OperationInfo[] = [];
    for (const seed of seeds) {
      const operation = seed.operation;
      if (!seed.output) inputs.push(operation);
      if (all[all.length - 1] !== operation) all.push(operation);
    }
    this.inputs = shownUsers(inputs);
    this.all = shownUsers(all);
  }

  /**
   * The operation's own `$ref` that leads to the entry, where the operation holds it: asked for the
   * few operations a finding is told at, so found by halving rather than kept in a map per entry.
   */
  listing(operation: OperationInfo): LazyPointer | undefined {
    const at = this.indexes.get(operation);
    if (at === undefined) return undefined;
    const seeds = this.seeds;
    let low = 0;
    let high = seeds.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (seeds[middle]!.at < at) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < seeds.length && seeds[index]!.operation === operation; index++) {
      const listing = seeds[index]!.listing;
      if (listing) return listing;
    }
    return undefined;
  }
}

export class DefinitionUsers {
  private readonly reach: ReachingSeeds<Seed>;
  /**
   * By answer: the entries of a chain, or of a reference cycle, share one answer (ReachingSeeds),
   * and one list of users.
   */
  private readonly answered = new Map<readonly Seed[], EntryUsers>();
  private readonly indexes: ReadonlyMap<OperationInfo, number>;

  constructor(model: SwaggerModel) {
    const { referrers, seeds, indexes } = referenceGraph(model);
    this.indexes = indexes;
    this.reach = new ReachingSeeds(
      { referrers: (entry) => referrers.get(entry), seeds: (entry) => seeds.get(entry) },
      // One seed per operation and side. A field, not worked out at each comparison: a chain of
      // definitions each sent by its own operation sorts n^2/2 seeds.
      (seed) => seed.key,
    );
  }

  /** The users of the entry `/definitions/<name>` (or `/responses/<name>`, `/parameters/<name>`). */
  of(entry: string): EntryUsers {
    const seeds = this.reach.of(entry);
    let users = this.answered.get(seeds);
    if (!users) this.answered.set(seeds, (users = new EntryUsers(seeds, this.indexes)));
    return users;
  }
}

function seedOf(
  { operation, at }: { operation: OperationInfo; at: number },
  output: boolean,
  listing: LazyPointer | undefined,
): Seed {
  return { operation, at, output, key: at * 2 + (output ? 1 : 0), listing };
}

/** Whether a `$ref` held by this node is in an operation's outputs (a response), not its inputs. */
function isOutput(holder: StructureNode): boolean {
  if (holder instanceof SchemaStructureNode) return holder.origin === 'response';
  return holder.kind === 'response';
}

/**
 * Every local `$ref` between entries (by the entry it leads into: its referrers) and from
 * operations (its seeds). A `$ref` into a place inside /paths is left out: none of the corpus's.
 */
function referenceGraph(model: SwaggerModel): {
  referrers: Map<string, string[]>;
  seeds: Map<string, Seed[]>;
  indexes: Map<OperationInfo, number>;
} {
  const structure = structureOf(model);
  const byObject = new Map<JsonObject, { operation: OperationInfo; at: number }>();
  const indexes = new Map<OperationInfo, number>();
  model.operations.forEach((operation, at) => {
    byObject.set(operation.operation, { operation, at });
    indexes.set(operation, at);
  });
  const ofPathItem = new Map<StructureNode, { operation: OperationInfo; at: number }[]>();
  for (const node of structure.byKind.get('operation') ?? []) {
    const known = byObject.get(node.value);
    if (!known) continue;
    const item = node.parentNode!;
    const listed = ofPathItem.get(item);
    if (listed) listed.push(known);
    else ofPathItem.set(item, [known]);
  }

  const referrers = new Map<string, string[]>();
  const seeds = new Map<string, Seed[]>();
  const addSeed = (entry: string, seed: Seed): void => {
    const listed = seeds.get(entry);
    if (listed) listed.push(seed);
    else seeds.set(entry, [seed]);
  };
  for (const use of structure.refs) {
    const holder = use.holder;
    const top = topNodeOf(holder);
    if (top === undefined) continue;
    const target = placeOfRef(model, use.ref);
    if (target === undefined || !REUSABLE_SECTIONS.has(sectionOf(target))) continue;
    const output = isOutput(holder);
    if (top.kind === 'operation') {
      const known = byObject.get(top.value);
      if (known) addSeed(target, seedOf(known, output, holder));
    } else if (top.kind === 'pathItem') {
      // A path item's parameter is each of its operations' input; its payload its triggers' output.
      for (const known of ofPathItem.get(top) ?? []) {
        if (!output || known.operation.isTrigger) addSeed(target, seedOf(known, output, undefined));
      }
    } else if (REUSABLE_SECTIONS.has(sectionOf(top.pointer))) {
      const from = top.pointer;
      const listed = referrers.get(target);
      if (!listed) referrers.set(target, [from]);
      else if (listed[listed.length - 1] !== from) listed.push(from);
    }
  }
  return { referrers, seeds, indexes };
}
