import { firstIndexNotBefore } from '@connector-alm/core';
import type { JsonObject } from '../../swagger/json-values.js';
import type { LazyPointer, OperationInfo } from '../../swagger/operation-info.js';
import { foldGroups, ReachingSeeds, type SeedGroup } from '../../swagger/reaching-seeds.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { placeOfRef, REUSABLE_SECTIONS, sectionOf, topNodeOf } from '../swagger/reference-places.js';
import { SchemaStructureNode, type StructureNode } from '../swagger/structure/nodes.js';
import { structureOf } from '../swagger/structure.js';
import { shownUsers } from './shown-users.js';
import { kindOf, kindsOfList, type CallUsers, type OperationKind, type UserKind } from './user-kinds.js';

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

/** The kinds of a group's users (see user-kinds.ts), each with its first user's index; or too many to keep. */
type KindSummary = ReadonlyMap<OperationKind, { at: number; first: OperationInfo }> | typeof MANY;

/**
 * Kinds kept per group up to this many: past it, a group's kinds are read from its listed users
 * when asked (the same answer, found in time that grows with its users). Kept beyond, a chain of
 * definitions whose operations are each of their own kind would keep the pairs again. In the
 * corpus a definition's users are of 6 kinds at most (a shared parameter's, 22).
 */
const MOST_KINDS = 64;
const MANY = 'many';

/**
 * The operations showing an entry, in the model's order, with the `$ref` each reaches it by; of
 * them, those the designer shows (shownUsers: the visible ones, when some are).
 */
export class EntryUsers {
  /** Those that reach it from their inputs (a body parameter). */
  readonly inputs: CallUsers;
  /** Those that reach it from their inputs or their outputs (a response, a webhook's payload). */
  readonly all: CallUsers;

  constructor(reach: EntryReach, group: SeedGroup<Seed>) {
    this.inputs = new ReachedUsers(reach, group, false);
    this.all = new ReachedUsers(reach, group, true);
  }
}

/** The users of an entry on one side: from its inputs, or from its inputs or outputs. */
class ReachedUsers implements CallUsers {
  private known: readonly UserKind[] | undefined;

  constructor(
    private readonly reach: EntryReach,
    private readonly group: SeedGroup<Seed>,
    private readonly outputs: boolean,
  ) {}

  list(): readonly OperationInfo[] {
    const users: OperationInfo[] = [];
    for (const seed of this.reach.seedsOf(this.group)) {
      if (!this.outputs && seed.output) continue;
      if (users[users.length - 1] !== seed.operation) users.push(seed.operation);
    }
    return shownUsers(users);
  }

  kinds(): readonly UserKind[] {
    if (this.known) return this.known;
    const summary = this.reach.kindsOf(this.group, this.outputs);
    if (summary === MANY)
      return this.reach.lastKindsOf(this, () => kindsOfList(this.reach.model, this.list()));
    const kinds = [...summary.entries()].sort((a, b) => a[1].at - b[1].at);
    const internal = kinds.filter(([kind]) => kind.internal).length;
    const shown =
      internal === 0 || internal === kinds.length ? kinds : kinds.filter(([kind]) => !kind.internal);
    this.known = shown.map(([kind, { first }]) => ({ kind, first }));
    return this.known;
  }

  /**
   * The operation's own `$ref` that leads to the entry, where the operation holds it: asked for the
   * few operations a finding is told at, so found by halving rather than kept in a map per entry.
   */
  listing(operation: OperationInfo): LazyPointer | undefined {
    const at = this.reach.indexes.get(operation);
    if (at === undefined) return undefined;
    const seeds = this.reach.seedsOf(this.group);
    const low = firstIndexNotBefore(seeds.length, (index) => seeds[index]!.at < at);
    for (let index = low; index < seeds.length && seeds[index]!.operation === operation; index++) {
      const listing = seeds[index]!.listing;
      if (listing) return listing;
    }
    return undefined;
  }
}

/** The reach of the document's entries, and what is kept of it: the kinds per group, the last seeds listed. */
class EntryReach {
  private readonly inputKinds = new Map<SeedGroup<Seed>, KindSummary>();
  private readonly allKinds = new Map<SeedGroup<Seed>, KindSummary>();
  /**
   * The last group's seeds: a finding's users, then their listings, are asked one after the other.
   * Not one per group: a chain's would be the pairs again.
   */
  private last: { group: SeedGroup<Seed>; seeds: readonly Seed[] } | undefined;

  constructor(
    readonly model: SwaggerModel,
    readonly reaching: ReachingSeeds<Seed>,
    readonly indexes: ReadonlyMap<OperationInfo, number>,
  ) {}

  /** The kinds of the last users whose kinds were too many to keep: a call's are asked a few times in a row. */
  private lastKinds: { users: ReachedUsers; kinds: readonly UserKind[] } | undefined;

  lastKindsOf(users: ReachedUsers, list: () => readonly UserKind[]): readonly UserKind[] {
    if (this.lastKinds?.users !== users) this.lastKinds = { users, kinds: list() };
    return this.lastKinds.kinds;
  }

  seedsOf(group: SeedGroup<Seed>): readonly Seed[] {
    if (this.last?.group !== group) this.last = { group, seeds: this.reaching.seedsOf(group) };
    return this.last.seeds;
  }

  /** The kinds of a group's users, from its own seeds and its inherited groups' kinds. */
  kindsOf(group: SeedGroup<Seed>, outputs: boolean): KindSummary {
    const model = this.model;
    return foldGroups(group, outputs ? this.allKinds : this.inputKinds, (own, inherited) => {
      let kinds: Map<OperationKind, { at: number; first: OperationInfo }> | undefined;
      // The first inherited summary as it is, copied only when something is added to it.
      const base = inherited[0] ?? NO_KINDS;
      if (base === MANY) return MANY;
      const add = (kind: OperationKind, at: number, first: OperationInfo): void => {
        const held = (kinds ?? base).get(kind);
        if (held !== undefined && held.at <= at) return;
        kinds ??= new Map(base);
        kinds.set(kind, { at, first });
      };
      for (let index = 1; index < inherited.length; index++) {
        const summary = inherited[index]!;
        if (summary === MANY) return MANY;
        for (const [kind, { at, first }] of summary) add(kind, at, first);
      }
      for (const seed of own) {
        if (outputs || !seed.output) add(kindOf(model, seed.operation), seed.at, seed.operation);
      }
      const summary = kinds ?? base;
      return summary.size > MOST_KINDS ? MANY : summary;
    });
  }
}

const NO_KINDS: ReadonlyMap<OperationKind, { at: number; first: OperationInfo }> = new Map();

export class DefinitionUsers {
  private readonly reach: EntryReach;
  /** By group: the entries of a chain, or of a reference cycle, share one (ReachingSeeds). */
  private readonly answered = new Map<SeedGroup<Seed>, EntryUsers>();

  constructor(model: SwaggerModel) {
    const { referrers, seeds, indexes } = referenceGraph(model);
    const reaching = new ReachingSeeds<Seed>(
      { referrers: (entry) => referrers.get(entry), seeds: (entry) => seeds.get(entry) },
      // One seed per operation and side. A field, not worked out at each comparison.
      (seed) => seed.key,
    );
    this.reach = new EntryReach(model, reaching, indexes);
  }

  /** The users of the entry `/definitions/<name>` (or `/responses/<name>`, `/parameters/<name>`). */
  of(entry: string): EntryUsers {
    const group = this.reach.reaching.groupOf(entry);
    let users = this.answered.get(group);
    if (!users) this.answered.set(group, (users = new EntryUsers(this.reach, group)));
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
