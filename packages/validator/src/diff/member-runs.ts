import { childPointer } from '../json/pointer.js';
import { asArray } from '../swagger/json-values.js';
import type { ComparedProperties } from './found-parts.js';
import type { KeptViews } from './kept-views.js';
import type { SchemaView } from './schema-view.js';

/*
 * How a schema that merges definitions through allOf shares a member's compared properties
 * (PropertyComparer): which members' properties are the schema's own, and where they stand.
 */

/**
 * An allOf member whose properties are the merged schema's own, in the member's order, with the
 * member's required names, in both versions: the member's compared properties are the schema's
 * for those names (ComparedProperties), spliced in at `present` and `removed`.
 */
export interface MemberRun {
  readonly before: SchemaView;
  readonly after: SchemaView;
  /** The name that begins the member's properties in the new version's, and in the old one's. */
  readonly firstPresent: string | undefined;
  readonly firstRemoved: string | undefined;
  compared?: ComparedProperties;
}

/**
 * The runs of a pair of views, each by the name it begins with among the new version's properties
 * (`present`) and among the old version's (`removed`, when the old member's names stand together).
 */
export interface MemberRuns {
  readonly present: ReadonlyMap<string, MemberRun>;
  readonly removed: ReadonlyMap<string, MemberRun>;
}

/** No runs: of a view without allOf, or when members are not shared. */
export const NO_RUNS: MemberRuns = { present: new Map(), removed: new Map() };

/**
 * The allOf members of both views (by position) whose properties are the views' own, as
 * MemberRun says: a member's names that another's run has are left to the views' own comparison.
 * Which names a view merges from a member depends on the others (the first written wins; a
 * definition merged twice is merged once; allOf is merged MAX_ALL_OF_DEPTH levels deep), so each
 * name is checked, not assumed.
 */
export function memberRuns(
  before: SchemaView,
  after: SchemaView,
  oldViews: KeptViews,
  newViews: KeptViews,
): MemberRuns {
  const oldMembers = asArray(before.node.allOf) ?? [];
  const newMembers = asArray(after.node.allOf) ?? [];
  const count = Math.min(oldMembers.length, newMembers.length);
  if (count === 0) return NO_RUNS;
  const present = new Map<string, MemberRun>();
  const removed = new Map<string, MemberRun>();
  const afterOrder = new Order(after);
  const beforeOrder = new Order(before);
  for (let index = 0; index < count; index++) {
    const oldMember = oldViews.of(oldMembers[index], childPointer(before.pointer, 'allOf', index));
    const newMember = newViews.of(newMembers[index], childPointer(after.pointer, 'allOf', index));
    if (!oldMember || !newMember) continue;
    const run = memberRun(before, after, oldMember, newMember, beforeOrder, afterOrder);
    if (!run) continue;
    if (run.firstPresent !== undefined) present.set(run.firstPresent, run);
    if (run.firstRemoved !== undefined) removed.set(run.firstRemoved, run);
  }
  return { present, removed };
}

/** A view's property names in order, and which of them a member's run has taken. */
class Order {
  readonly names: string[];
  readonly positions = new Map<string, number>();
  readonly taken: boolean[];

  constructor(view: SchemaView) {
    this.names = [...view.properties.keys()];
    this.names.forEach((name, position) => this.positions.set(name, position));
    this.taken = this.names.map(() => false);
  }

  /**
   * Where `names` stand one after the other, in their order, none taken; undefined when they do not.
   */
  runOf(names: readonly string[]): number | undefined {
    const start = this.positions.get(names[0]!);
    if (start === undefined) return undefined;
    for (let offset = 0; offset < names.length; offset++) {
      if (this.names[start + offset] !== names[offset] || this.taken[start + offset]) return undefined;
    }
    return start;
  }

  take(start: number, length: number): void {
    for (let offset = 0; offset < length; offset++) this.taken[start + offset] = true;
  }
}

/**
 * The member's run when comparing the member's properties is comparing the views' for the same
 * names: each of the member's names (in either version) is the view's property, written where the
 * member's is, required in the view exactly when in the member (and listed at the same place in the
 * new version), and in the new view exactly when in the new member. The new member's names stand
 * in the new view one after the other, in the member's order; when the old member's stand so in the
 * old view too, the member's deletions are spliced in where they stand.
 */
function memberRun(
  before: SchemaView,
  after: SchemaView,
  oldMember: SchemaView,
  newMember: SchemaView,
  beforeOrder: Order,
  afterOrder: Order,
): MemberRun | undefined {
  if (oldMember.properties.size === 0 && newMember.properties.size === 0) return undefined;
  // A member that leads back to the schema (`Item: {allOf: [Item]}`, or through another) merges the
  // schema's own properties, at their places: taken for a run, comparing it would compare the
  // schema again, without end.
  if (oldMember.merged.has(before.pointer) || newMember.merged.has(after.pointer)) return undefined;
  const samePlace = (view: SchemaView, member: SchemaView, name: string): boolean =>
    view.properties.get(name)?.pointer === member.properties.get(name)?.pointer &&
    view.required.has(name) === member.required.has(name);
  for (const name of newMember.properties.keys()) {
    if (!samePlace(after, newMember, name) || !samePlace(before, oldMember, name)) return undefined;
    if (after.requiredAt.get(name) !== newMember.requiredAt.get(name)) return undefined;
  }
  let lost = false;
  for (const name of oldMember.properties.keys()) {
    if (!samePlace(before, oldMember, name)) return undefined;
    if (after.properties.has(name) !== newMember.properties.has(name)) return undefined;
    if (!newMember.properties.has(name)) lost = true;
  }
  const newNames = [...newMember.properties.keys()];
  const presentAt = newNames.length > 0 ? afterOrder.runOf(newNames) : undefined;
  if (newNames.length > 0 && presentAt === undefined) return undefined;
  // Deletions not one after the other in the old view are compared there, as the view's own.
  const oldNames = lost ? [...oldMember.properties.keys()] : [];
  const removedAt = lost ? beforeOrder.runOf(oldNames) : undefined;
  if (presentAt !== undefined) afterOrder.take(presentAt, newNames.length);
  if (removedAt !== undefined) beforeOrder.take(removedAt, oldNames.length);
  return {
    before: oldMember,
    after: newMember,
    firstPresent: newNames[0],
    firstRemoved: removedAt === undefined ? undefined : oldNames[0],
  };
}
