import type { ComparedSchema } from './schema-change-list.js';
import type { SchemaView } from './schema-view.js';

/*
 * How an inline schema that merges definitions through allOf shares a member's compared properties
 * (SchemaComparer.memberRuns): which members' properties are the schema's own, where they stand, and
 * what comparing a pair of views' properties found, kept for such sharing.
 */

/**
 * What comparing the properties of two schema views found: the parts of the new version's
 * properties, in order (added, made required, and each one's nested result), then those of the
 * properties deleted. Kept per pair of views, so that a schema that merges a definition through
 * allOf shares the definition's, spliced in where its properties stand.
 */
export interface ComparedProperties {
  readonly present: ComparedSchema;
  readonly removed: ComparedSchema;
  /** An input field newly required that flows need not send: 'required' is listed as changed. */
  readonly tightened: boolean;
  /** A property's pair was skipped, being compared higher on the branch: of this branch alone. */
  readonly skipped: boolean;
}

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

/** A view's property names in order, and which of them a member's run has taken. */
export class Order {
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
export function memberRun(
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
