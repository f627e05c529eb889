import { appendAll } from '@connector-alm/core';
import { childPointer } from '../json/pointer.js';
import { asArray, has } from '../swagger/json-values.js';
import { MAX_SCHEMA_WALK_DEPTH, type Located, type SwaggerModel } from '../swagger/swagger-model.js';
import type { ChangeImpact } from './change.js';
import { CHANGE_RULES, type ChangeRule } from './change-rules.js';
import { differingKeys, jsonEqual } from './json-equal.js';
import { nameList, quoted, quoteList } from '../text/message-values.js';
import { ownChange, type ComparedPart, type ComparedSchema } from './schema-change-list.js';
import { SchemaLists, type ComparedChanges, type SchemaListOptions } from './schema-lists.js';
import { layersApart, requiresLess, requiresMore, type LayerPair } from './schema-layers.js';
import { memberRun, Order, type ComparedProperties, type MemberRun } from './member-runs.js';
import { isFilledForFlows, viewLayers, viewSchema, whyUnfollowed, type SchemaView } from './schema-view.js';

/** Inputs are what flows send, outputs what they read: the same edit breaks one and not the other. */
export type Direction = 'input' | 'output';

/** A change found inside a schema; `path` is relative to the compared schema (Microsoft's ValuePath style). */
export interface SchemaChange {
  rule: ChangeRule;
  side: 'old' | 'new';
  pointer: string;
  path: string[];
  detail?: string;
  impact?: ChangeImpact;
  /**
   * How many more paths lead to the same change, not listed: on the last listed one of its kind
   * (schema-change-list.ts), when a definition reused at several levels is reached by more paths
   * than are listed.
   */
  unlisted?: number;
}

/** Keys the comparer understands; a difference in any other key is reported as CHG-OTHER. */
const SCHEMA_KEYS: ReadonlySet<string> = new Set([
  '$ref',
  'type',
  'format',
  'enum',
  'properties',
  'required',
  'items',
  'allOf',
  'x-ms-visibility',
]);
/** Display texts: editing them never breaks a flow. */
export const TEXT_KEYS = ['title', 'x-ms-summary', 'description', 'example', 'x-example'] as const;

/** Nothing found: no change. */
const NOTHING: ComparedSchema = { parts: [], cut: false, depth: 0 };
/**
 * Nothing found for a pair not compared again, being compared higher on the branch: what holds it
 * is of that branch (SchemaComparer.propertiesOf).
 */
const SKIPPED: ComparedSchema = { parts: [], cut: false, depth: 0 };

/** A question asked of two versions' views, answered per layer (requiresMore, requiresLess). */
type LayerTest = (before: SchemaView, after: SchemaView) => boolean;

/**
 * Compares schemas of two versions of a swagger, following `$ref`s on both sides. Results are
 * memoized per pair of schema locations, so a definition used by fifty operations is compared once,
 * and a pair already being compared higher on the branch is skipped, so recursive definitions end.
 * A result holds the results of the pairs nested in it, not copies of their changes: a definition
 * reused by two properties at each of thirty levels is compared thirty times, not 2^30.
 */
export class SchemaComparer {
  private readonly memo = new Map<string, ComparedSchema>();
  /** Compared properties of pairs of views, those of no one branch (ComparedProperties). */
  private readonly propertyMemo = new Map<string, ComparedProperties>();
  /**
   * inSomeLayer's answers, per test and pair of members: keyed by the test itself, not its name,
   * which a bundler may change.
   */
  private readonly layerTests = new Map<LayerTest, Map<string, boolean>>();
  /** Each compared root's changes as listed, for the operations that share it. */
  private readonly lists: SchemaLists;
  /** Whether allOf members' compared properties are shared (MemberRun); tests compare without. */
  private readonly shareMembers: boolean;
  private readonly active = new Set<string>();
  private readonly oldViews = new Map<string, SchemaView | undefined>();
  private readonly newViews = new Map<string, SchemaView | undefined>();
  /** Schema locations the comparer looked at, per version (their differences are reported). */
  readonly visitedOld = new Set<string>();
  readonly visitedNew = new Set<string>();

  constructor(
    private readonly oldModel: SwaggerModel,
    private readonly newModel: SwaggerModel,
    options?: SchemaListOptions,
  ) {
    this.lists = new SchemaLists(options);
    this.shareMembers = options?.share ?? true;
  }

  /**
   * Changes between two schemas. `extraKeys` are keys the caller handles itself (a parameter's
   * `name`, `in`, `required`), which are then not reported as other changes.
   */
  compare(
    oldValue: unknown,
    oldPointer: string,
    newValue: unknown,
    newPointer: string,
    direction: Direction,
    extraKeys?: ReadonlySet<string>,
  ): readonly ComparedChanges[] {
    return this.lists.of(this.compareAt(oldValue, oldPointer, newValue, newPointer, direction, 0, extraKeys));
  }

  private compareAt(
    oldValue: unknown,
    oldPointer: string,
    newValue: unknown,
    newPointer: string,
    direction: Direction,
    depth: number,
    extraKeys?: ReadonlySet<string>,
  ): ComparedSchema {
    if (depth > MAX_SCHEMA_WALK_DEPTH) return { parts: [], cut: true, depth };
    const kind = `${direction}|${extraKeys ? 'parameter' : 'schema'}`;
    // Most pairs are properties of shared definitions, met again from every operation: look them
    // up by where they are written before paying for `$ref` resolution.
    const writtenKey = `${kind}|${oldPointer}|${newPointer}`;
    const seen = this.memo.get(writtenKey);
    if (seen && reusableAt(seen, depth)) return seen;
    const layers = this.layersOf(oldValue, oldPointer, newValue, newPointer);
    const before = layers?.before.own ?? this.view(this.oldViews, this.oldModel, oldValue, oldPointer);
    const after = layers?.after.own ?? this.view(this.newViews, this.newModel, newValue, newPointer);
    if (!before || !after) return this.unfollowed(oldValue, oldPointer, newValue, newPointer);
    const key = `${kind}|${before.pointer}|${after.pointer}`;
    const known = this.memo.get(key);
    if (known && reusableAt(known, depth)) {
      this.memo.set(writtenKey, known);
      return known;
    }
    if (this.active.has(key)) return SKIPPED;
    this.active.add(key);
    this.visitedOld.add(before.pointer);
    this.visitedNew.add(after.pointer);
    const result = this.compareViews(before, after, direction, depth, extraKeys, layers);
    this.active.delete(key);
    this.memo.set(key, result);
    this.memo.set(writtenKey, result);
    return result;
  }

  /**
   * A schema written in both versions that one of them cannot be followed to (its `$ref` points to
   * nothing or round a loop, or it is no object): there is nothing to compare it with, but the edit
   * is still a change, told where the new version writes the schema (for each operation that uses
   * it: a deleted definition takes the fields of all of them). A schema written in one version only
   * is the caller's (a response that gains or loses its body).
   */
  private unfollowed(
    oldValue: unknown,
    oldPointer: string,
    newValue: unknown,
    newPointer: string,
  ): ComparedSchema {
    if (oldValue === undefined || newValue === undefined) return NOTHING;
    const whyNew = whyUnfollowed(this.newModel, newValue, newPointer);
    const whyOld = whyUnfollowed(this.oldModel, oldValue, oldPointer);
    // The same `$ref` broken in both versions is no change; one whose definition went is.
    if (whyNew !== undefined && whyOld !== undefined && jsonEqual(oldValue, newValue)) return NOTHING;
    const why = whyNew ?? (whyOld === undefined ? undefined : `in the base version, ${whyOld}`);
    if (why === undefined) return NOTHING;
    const change: SchemaChange = {
      rule: CHANGE_RULES.other,
      side: 'new',
      pointer: newPointer,
      path: [],
      detail: `The schema was not compared: ${why}.`,
    };
    return { parts: [ownChange(change)], cut: false, depth: 0 };
  }

  /**
   * The view of the schema written at `pointer`, built once per version and schema: 2,000 operations
   * whose body `$ref`s one definition of 10,000 properties held a view of it each (gigabytes).
   */
  private view(
    cache: Map<string, SchemaView | undefined>,
    model: SwaggerModel,
    value: unknown,
    pointer: string,
  ): SchemaView | undefined {
    if (cache.has(pointer)) return cache.get(pointer);
    // A view is the schema's at the end of the `$ref` chain: keyed there too, after a NUL that no
    // written pointer starts with.
    const resolved = model.resolve(value, pointer);
    // A schema written where it is compared is compared there once (memo): its view is not kept. A
    // body that merges a definition of 10,000 properties through allOf, in each of 400 operations,
    // kept 400 views of 10,000 properties.
    if (!resolved.viaRef) return viewSchema(model, value, pointer);
    const target = resolved.broken ? undefined : `\u0000${resolved.pointer}`;
    const view =
      target !== undefined && cache.has(target) ? cache.get(target) : viewSchema(model, value, pointer);
    cache.set(pointer, view);
    if (target !== undefined) cache.set(target, view);
    return view;
  }

  /**
   * Both versions of a schema written in place that merges allOf members, in layers (schema-view.ts
   * SchemaLayers), when their fields stand apart (layersApart); undefined otherwise, or when members
   * are not shared (then each of their properties is compared where it is). A member's view is kept,
   * as any other of a schema `$ref`ed is.
   */
  private layersOf(
    oldValue: unknown,
    oldPointer: string,
    newValue: unknown,
    newPointer: string,
  ): LayerPair | undefined {
    if (!this.shareMembers) return undefined;
    const before = viewLayers(this.oldModel, oldValue, oldPointer, (member, pointer) =>
      this.view(this.oldViews, this.oldModel, member, pointer),
    );
    if (!before) return undefined;
    const after = viewLayers(this.newModel, newValue, newPointer, (member, pointer) =>
      this.view(this.newViews, this.newModel, member, pointer),
    );
    return after && layersApart(before, after) ? { before, after } : undefined;
  }

  private compareViews(
    before: SchemaView,
    after: SchemaView,
    direction: Direction,
    depth: number,
    extraKeys: ReadonlySet<string> | undefined,
    layers: LayerPair | undefined,
  ): ComparedSchema {
    const found = new FoundParts();
    const others: string[] = [];
    const add = (change: Omit<SchemaChange, 'path'> & { path?: string[] }): void => {
      found.add({ ...change, path: change.path ?? [] });
    };

    compareType(before, after, direction, add, others);
    compareEnum(before, after, direction, add, others);

    // An output field hidden from the designer is still in the payload existing flows read.
    if (!before.isInternal && after.isInternal && direction === 'input') {
      add({
        rule: CHANGE_RULES.visibilityInternal,
        side: 'new',
        pointer: keyPointer(after, 'x-ms-visibility'),
      });
    } else if (!jsonEqual(before.node['x-ms-visibility'], after.node['x-ms-visibility'])) {
      others.push('x-ms-visibility');
    }

    const edited = TEXT_KEYS.filter((key) => !jsonEqual(before.node[key], after.node[key]));
    if (edited.length > 0) {
      add({
        rule: CHANGE_RULES.textEdited,
        side: 'new',
        pointer: after.pointer,
        detail: `Edited: ${edited.join(', ')}.`,
        impact: 'major',
      });
    }

    this.compareProperties(before, after, direction, depth, found, others, layers);

    if (before.items && after.items) {
      const nested = this.compareAt(
        before.items.value,
        before.items.pointer,
        after.items.value,
        after.items.pointer,
        direction,
        depth + 1,
      );
      found.nest('items', nested);
    } else if (Boolean(before.items) !== Boolean(after.items)) {
      others.push('items');
    }

    const ignored = extraKeys ? new Set([...SCHEMA_KEYS, ...TEXT_KEYS, ...extraKeys]) : SCHEMA_WITH_TEXT_KEYS;
    appendAll(others, differingKeys(before.node, after.node, ignored));
    if (others.length > 0) {
      add({
        rule: CHANGE_RULES.other,
        side: 'new',
        pointer: after.pointer,
        detail: `Changed: ${nameList([...new Set(others)])}.`,
      });
    }
    return { parts: found.parts, cut: found.cut, depth };
  }

  private compareProperties(
    before: SchemaView,
    after: SchemaView,
    direction: Direction,
    depth: number,
    found: FoundParts,
    others: string[],
    layers: LayerPair | undefined,
  ): void {
    const compared = this.propertiesOf(before, after, direction, depth, layers);
    found.splice(compared.present);
    found.splice(compared.removed);
    // A name newly listed in 'required' that is not breaking is still a change to list, not none:
    // any output's (flows read more, not less), and an existing input's that flows need not send
    // (it has a default), found with the properties.
    const tightened =
      compared.tightened || (direction === 'output' && this.inSomeLayer(requiresMore, before, after, layers));
    // Fields that stopped being required are harmless for inputs, but still a change to list.
    const relaxed = this.inSomeLayer(requiresLess, before, after, layers);
    if (relaxed || tightened) others.push('required');
  }

  /**
   * Whether `test` holds of the views, or of some layer of them: each name being in one layer,
   * that of the views' own fields, or a member's, kept per pair of members.
   */
  private inSomeLayer(
    test: LayerTest,
    before: SchemaView,
    after: SchemaView,
    layers: LayerPair | undefined,
  ): boolean {
    if (test(before, after)) return true;
    if (!layers) return false;
    return layers.after.members.some((newMember, index) => {
      const oldMember = layers.before.members[index];
      if (!oldMember || !newMember) return false;
      let answers = this.layerTests.get(test);
      if (!answers) {
        answers = new Map();
        this.layerTests.set(test, answers);
      }
      const key = `${oldMember.pointer}|${newMember.pointer}`;
      let answer = answers.get(key);
      if (answer === undefined) {
        answer = test(oldMember, newMember);
        answers.set(key, answer);
      }
      return answer;
    });
  }

  /**
   * The compared properties of two views: kept, unless of one branch (cut by the depth limit, or
   * with a pair skipped as compared higher up), for the schemas that merge the pair's through allOf.
   * One of another branch is compared again here, where its pairs are compared as they would be.
   */
  private propertiesOf(
    before: SchemaView,
    after: SchemaView,
    direction: Direction,
    depth: number,
    layers?: LayerPair,
  ): ComparedProperties {
    const key = `${direction}|${before.pointer}|${after.pointer}`;
    const known = this.propertyMemo.get(key);
    // At the depth limit, a property's pair is cut where it was not: compared again, as it would be.
    if (known && depth < MAX_SCHEMA_WALK_DEPTH) return known;
    const compared = layers
      ? this.compareLayers(layers, direction, depth)
      : this.compareEachProperty(before, after, direction, depth);
    if (!known && !compared.skipped && !compared.present.cut) this.propertyMemo.set(key, compared);
    return compared;
  }

  private compareEachProperty(
    before: SchemaView,
    after: SchemaView,
    direction: Direction,
    depth: number,
  ): ComparedProperties {
    const present = new FoundParts();
    const removed = new FoundParts();
    let tightened = false;
    const runs = this.memberRuns(before, after);
    const compareRun = (run: MemberRun): ComparedProperties =>
      (run.compared ??= this.propertiesOf(run.before, run.after, direction, depth));
    let skip = 0;
    for (const [name, property] of after.properties) {
      if (skip > 0) {
        skip--;
        continue;
      }
      const run = runs.get(`+${name}`);
      if (run) {
        const compared = compareRun(run);
        present.splice(compared.present);
        if (compared.skipped) present.skipped = true;
        tightened ||= compared.tightened;
        skip = run.after.properties.size - 1;
        continue;
      }
      tightened = this.compareProperty(name, property, before, after, direction, depth, present) || tightened;
    }
    for (const [name, property] of before.properties) {
      if (skip > 0) {
        skip--;
        continue;
      }
      const run = runs.get(`-${name}`);
      if (run) {
        removed.splice(compareRun(run).removed);
        skip = run.before.properties.size - 1;
        continue;
      }
      if (!after.properties.has(name)) removed.add(deletedProperty(name, property.pointer, direction));
    }
    return {
      present: present.result(depth),
      removed: removed.result(depth),
      tightened,
      skipped: present.skipped,
    };
  }

  /**
   * The compared properties of two views in layers whose fields stand apart (layersApart): as
   * compareEachProperty finds them, each member being a run of its own (MemberRun), in the same
   * order, without a look at the members' names. The views' own properties, then each member's
   * compared properties, then the views' own deletions and each member's.
   */
  private compareLayers(
    { before, after }: LayerPair,
    direction: Direction,
    depth: number,
  ): ComparedProperties {
    const present = new FoundParts();
    const removed = new FoundParts();
    let tightened = false;
    for (const [name, property] of after.own.properties)
      tightened =
        this.compareProperty(name, property, before.own, after.own, direction, depth, present) || tightened;
    // compareEachProperty compares a run where its first name stands: a member that lost all its
    // properties, among the deletions.
    const compared: (ComparedProperties | undefined)[] = [];
    after.members.forEach((newMember, index) => {
      const oldMember = before.members[index];
      if (!oldMember || !newMember || newMember.properties.size === 0) return;
      const run = this.propertiesOf(oldMember, newMember, direction, depth);
      compared[index] = run;
      present.splice(run.present);
      if (run.skipped) present.skipped = true;
      tightened ||= run.tightened;
    });
    for (const [name, property] of before.own.properties)
      if (!after.own.properties.has(name)) removed.add(deletedProperty(name, property.pointer, direction));
    before.members.forEach((oldMember, index) => {
      const newMember = after.members[index];
      if (!oldMember || !newMember || oldMember.properties.size === 0) return;
      // A member that lost none of its properties has no deletions (nor cut): spliced in, nothing.
      removed.splice((compared[index] ??= this.propertiesOf(oldMember, newMember, direction, depth)).removed);
    });
    return {
      present: present.result(depth),
      removed: removed.result(depth),
      tightened,
      skipped: present.skipped,
    };
  }

  /**
   * Compares the property `name` of the new view with the old view's, the parts found added to
   * `present`. True when it was newly required, an input that flows need not send (not breaking,
   * 'required' is then listed as changed).
   */
  private compareProperty(
    name: string,
    property: Located,
    before: SchemaView,
    after: SchemaView,
    direction: Direction,
    depth: number,
    present: FoundParts,
  ): boolean {
    let tightened = false;
    const previous = before.properties.get(name);
    const mustSend =
      direction === 'input' &&
      after.required.has(name) &&
      !isFilledForFlows(this.newModel, property.value, property.pointer);
    if (!previous) {
      const rule =
        direction === 'output'
          ? CHANGE_RULES.outputAdded
          : mustSend
            ? CHANGE_RULES.requiredFieldAdded
            : CHANGE_RULES.inputFieldAdded;
      present.add({ rule, side: 'new', pointer: property.pointer, path: [name] });
      return false;
    }
    if (direction === 'input' && after.required.has(name) && !before.required.has(name)) {
      if (mustSend) {
        present.add({
          rule: CHANGE_RULES.optionalToRequired,
          side: 'new',
          // The line edited; the field itself can be far above the list, outside the diff.
          pointer: after.requiredAt.get(name) ?? property.pointer,
          path: [name],
          detail: `${quoted(name)} is now listed in 'required'.`,
        });
      } else {
        tightened = true;
      }
    }
    const nested = this.compareAt(
      previous.value,
      previous.pointer,
      property.value,
      property.pointer,
      direction,
      depth + 1,
    );
    present.nest(name, nested);
    return tightened;
  }

  /**
   * The allOf members of both views (by position) whose properties are the views' own, as
   * MemberRun says, by the name each begins with in the new version ('+') and the old one ('-'): a
   * member's names that another's run has are left to the views' own comparison. Which names a
   * view merges from a member depends on the others (the first written wins; a definition merged
   * twice is merged once; allOf is merged MAX_ALL_OF_DEPTH levels deep), so each name is checked, not assumed.
   */
  private memberRuns(before: SchemaView, after: SchemaView): Map<string, MemberRun> {
    const runs = new Map<string, MemberRun>();
    const oldMembers = asArray(before.node.allOf) ?? [];
    const newMembers = asArray(after.node.allOf) ?? [];
    const count = this.shareMembers ? Math.min(oldMembers.length, newMembers.length) : 0;
    if (count === 0) return runs;
    const afterOrder = new Order(after);
    const beforeOrder = new Order(before);
    for (let index = 0; index < count; index++) {
      const oldMember = this.view(
        this.oldViews,
        this.oldModel,
        oldMembers[index],
        childPointer(before.pointer, 'allOf', index),
      );
      const newMember = this.view(
        this.newViews,
        this.newModel,
        newMembers[index],
        childPointer(after.pointer, 'allOf', index),
      );
      if (!oldMember || !newMember) continue;
      const run = memberRun(before, after, oldMember, newMember, beforeOrder, afterOrder);
      if (!run) continue;
      if (run.firstPresent !== undefined) runs.set(`+${run.firstPresent}`, run);
      if (run.firstRemoved !== undefined) runs.set(`-${run.firstRemoved}`, run);
    }
    return runs;
  }
}

const SCHEMA_WITH_TEXT_KEYS: ReadonlySet<string> = new Set([...SCHEMA_KEYS, ...TEXT_KEYS]);

function deletedProperty(name: string, pointer: string, direction: Direction): SchemaChange {
  return direction === 'output'
    ? { rule: CHANGE_RULES.outputDeleted, side: 'old', pointer, path: [name] }
    : {
        rule: CHANGE_RULES.parameterDeleted,
        side: 'old',
        pointer,
        path: [name],
        detail: `The input field ${quoted(name)} has been removed.`,
      };
}

/**
 * Whether a pair's result holds at `depth`: one that the depth limit cut, compared deeper than
 * `depth`, misses what is below the cut, which is within reach from here (a definition first met at
 * the end of a long path, then by a short one). It is compared again, at most once per depth.
 */
function reusableAt(result: ComparedSchema, depth: number): boolean {
  return !result.cut || depth >= result.depth;
}

/** The parts of one pair's result as they are found; nested results with nothing in them are left out. */
class FoundParts {
  readonly parts: ComparedPart[] = [];
  cut = false;
  /** Whether a nested pair was skipped, being compared higher on the branch. */
  skipped = false;

  add(change: SchemaChange): void {
    this.parts.push(ownChange(change));
  }

  nest(step: string, nested: ComparedSchema): void {
    if (nested === SKIPPED) this.skipped = true;
    if (nested.cut) this.cut = true;
    if (nested.parts.length > 0) this.parts.push({ step, nested });
  }

  /** Parts found elsewhere, where these stand: no step deeper. */
  splice(nested: ComparedSchema): void {
    if (nested.cut) this.cut = true;
    if (nested.parts.length > 0) this.parts.push({ nested });
  }

  result(depth: number): ComparedSchema {
    return this.parts.length === 0 && !this.cut ? NOTHING : { parts: this.parts, cut: this.cut, depth };
  }
}

type AddChange = (change: Omit<SchemaChange, 'path'> & { path?: string[] }) => void;

function compareType(
  before: SchemaView,
  after: SchemaView,
  direction: Direction,
  add: AddChange,
  others: string[],
): void {
  for (const key of ['type', 'format'] as const) {
    const was = before[key];
    const is = after[key];
    if (jsonEqual(was, is)) continue;
    // Declaring a type or format where there was none (or dropping one) narrows or widens the
    // field without changing what existing flows send or read: listed, but not breaking.
    if (was === undefined || is === undefined || numericChangeIsSafe(key, was, is, direction)) {
      others.push(key);
      continue;
    }
    add({
      rule: typeChangeRule(key, direction),
      side: 'new',
      pointer: keyPointer(after, key),
      path: [key],
      detail: `The ${key} changed from ${quoted(was)} to ${quoted(is)}.`,
    });
    return;
  }
}

/** The rule of a changed type or format: Microsoft's change validator tells a format change apart. */
function typeChangeRule(key: 'type' | 'format', direction: Direction): ChangeRule {
  if (key === 'format') return direction === 'input' ? CHANGE_RULES.inputFormat : CHANGE_RULES.outputFormat;
  return direction === 'input' ? CHANGE_RULES.inputType : CHANGE_RULES.outputType;
}

/** Numeric formats from narrowest to widest: every int32 is an int64, every integer a number. */
const NUMERIC_FORMAT_RANK: ReadonlyMap<string, number> = new Map([
  ['int32', 0],
  ['int64', 1],
  ['float', 2],
  ['double', 3],
]);

/**
 * A numeric change that no flow notices. Inputs may widen (integer to number, int32 to int64):
 * what existing flows send is still valid. Outputs may narrow (number to integer), and their numeric
 * format (int32, int64, float, double) is only a hint: flows read the same JSON number, typed by
 * `type` alone in the designer.
 */
function numericChangeIsSafe(
  key: 'type' | 'format',
  was: unknown,
  is: unknown,
  direction: Direction,
): boolean {
  if (typeof was !== 'string' || typeof is !== 'string') return false;
  if (key === 'type') {
    const widened = was === 'integer' && is === 'number';
    const narrowed = was === 'number' && is === 'integer';
    return direction === 'input' ? widened : narrowed;
  }
  const rankWas = NUMERIC_FORMAT_RANK.get(was);
  const rankIs = NUMERIC_FORMAT_RANK.get(is);
  if (rankWas === undefined || rankIs === undefined) return false;
  return direction === 'output' || rankIs >= rankWas;
}

function compareEnum(
  before: SchemaView,
  after: SchemaView,
  direction: Direction,
  add: AddChange,
  others: string[],
): void {
  const was = before.enum;
  const is = after.enum;
  if (jsonEqual(was, is)) return;
  // A boolean's enum of both values limits nothing: written or dropped, it changes no value.
  const limitsAfter = limitsValues(after);
  if (direction === 'input') {
    if (!was && is && limitsAfter) {
      add({
        rule: CHANGE_RULES.inputEnumAdded,
        side: 'new',
        pointer: keyPointer(after, 'enum'),
        path: ['enum'],
        detail: `Allowed values: ${quoteList(is)}.`,
      });
      return;
    }
    const removed =
      was && is && limitsAfter ? was.filter((value) => !is.some((other) => jsonEqual(value, other))) : [];
    if (removed.length > 0) {
      add({
        rule: CHANGE_RULES.enumNarrowed,
        side: 'new',
        pointer: keyPointer(after, 'enum'),
        path: ['enum'],
        detail: `Removed: ${quoteList(removed)}.`,
      });
      return;
    }
  } else if (was && !is && limitsValues(before)) {
    add({
      rule: CHANGE_RULES.outputEnumRemoved,
      side: 'new',
      pointer: after.pointer,
      path: ['enum'],
      detail: `The values were ${quoteList(was)}.`,
    });
    return;
  }
  others.push('enum');
}

/**
 * Whether a schema's enum limits its values: a boolean's enum of both true and false does not, so
 * adding or dropping it changes no value a flow sends or reads (Zoho Calendar's 'isallday' gained
 * one, Impexium's boolean outputs lost theirs, in PowerPlatformConnectors' history).
 */
function limitsValues(view: SchemaView): boolean {
  const values = view.enum;
  if (!values) return false;
  return !(view.type === 'boolean' && values.includes(true) && values.includes(false));
}

/** The pointer of a key of the view's node when it is written there, else of the node. */
function keyPointer(view: SchemaView, key: string): string {
  return has(view.node, key) ? childPointer(view.pointer, key) : view.pointer;
}
