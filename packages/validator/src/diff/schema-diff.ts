import { appendAll } from '@connector-alm/core';
import type { SwaggerModel } from '../swagger/swagger-model.js';
import { MAX_SCHEMA_WALK_DEPTH } from '../swagger/schema-walk.js';
import { CHANGE_RULES } from './change-rules.js';
import { PropertyComparer, type NestedPairs } from './compared-properties.js';
import { FoundParts, NOTHING, SKIPPED } from './found-parts.js';
import { differingKeys, jsonEqual } from './json-equal.js';
import { KeptViews } from './kept-views.js';
import { changedKeyList } from './changed-keys.js';
import { SecretDefaultValues } from './secret-default-values.js';
import { dynamicSourceNote } from './dynamic-source-note.js';
import { brokenCallNote, brokenDynamicCalls } from './broken-dynamic-calls.js';
import type { Direction, SchemaChange } from './schema-change.js';
import { ownChange, type ComparedSchema } from './schema-change-list.js';
import { SchemaLists, type ComparedChanges, type SchemaListOptions } from './schema-lists.js';
import { layersApart, type LayerPair } from './schema-layers.js';
import { compareKeywords, TEXT_KEYS, type AddChange } from './schema-keywords.js';
import { containerRetyped } from './container-kinds.js';
import { viewLayers, whyUnfollowed, type SchemaView } from './schema-view.js';

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
const SCHEMA_WITH_TEXT_KEYS: ReadonlySet<string> = new Set([...SCHEMA_KEYS, ...TEXT_KEYS]);

/**
 * Compares schemas of two versions of a swagger, following `$ref`s on both sides. Results are
 * memoized per pair of schema locations, so a definition used by fifty operations is compared once,
 * and a pair already being compared higher on the branch is skipped, so recursive definitions end.
 * A result holds the results of the pairs nested in it, not copies of their changes: a definition
 * reused by two properties at each of thirty levels is compared thirty times, not 2^30. Properties
 * are compared by a PropertyComparer, which asks this comparer for the pair each property holds.
 */
export class SchemaComparer implements NestedPairs {
  private readonly memo = new Map<string, ComparedSchema>();
  /** Each compared root's changes as listed, for the operations that share it. */
  private readonly lists: SchemaLists;
  /** Whether allOf members' compared properties are shared (MemberRun); tests compare without. */
  private readonly shareMembers: boolean;
  private readonly active = new Set<string>();
  private readonly oldViews: KeptViews;
  private readonly newViews: KeptViews;
  private readonly properties: PropertyComparer;
  /** What GEN-SECRETS calls a secret by where it is written: an edited default shows it masked. */
  private readonly secretDefaults: SecretDefaultValues;
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
    this.oldViews = new KeptViews(oldModel);
    this.newViews = new KeptViews(newModel);
    this.properties = new PropertyComparer(this, this.oldViews, this.newViews, this.shareMembers);
    this.secretDefaults = new SecretDefaultValues([oldModel, newModel]);
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

  /** The changes between two schemas compared `depth` levels below a root (memoized per pair). */
  compareAt(
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
    const before = layers?.before.own ?? this.oldViews.of(oldValue, oldPointer);
    const after = layers?.after.own ?? this.newViews.of(newValue, newPointer);
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
      this.oldViews.of(member, pointer),
    );
    if (!before) return undefined;
    const after = viewLayers(this.newModel, newValue, newPointer, (member, pointer) =>
      this.newViews.of(member, pointer),
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
    const add: AddChange = (change) => {
      found.add({ ...change, path: change.path ?? [] });
    };

    compareKeywords(before, after, direction, add, others);
    // A schema retyped between an object, an array and a plain value no longer holds its fields, or
    // its items: that is its type's change, told above, and breaking. Each field told deleted or added
    // beside it only repeated it: ForceManager CRM's 78e483eb made six webhook payloads arrays, and
    // 222 fields were told deleted beside the six type changes.
    const fieldsCompared = !containerRetyped(before.type, after.type, 'object');
    const itemsCompared = !containerRetyped(before.type, after.type, 'array');
    if (fieldsCompared) this.properties.compare(before, after, direction, depth, found, others, layers);

    if (itemsCompared && before.items && after.items) {
      const nested = this.compareAt(
        before.items.value,
        before.items.pointer,
        after.items.value,
        after.items.pointer,
        direction,
        depth + 1,
      );
      found.nest('items', nested);
    } else if (itemsCompared && Boolean(before.items) !== Boolean(after.items)) {
      others.push('items');
    }

    const ignored = extraKeys ? new Set([...SCHEMA_KEYS, ...TEXT_KEYS, ...extraKeys]) : SCHEMA_WITH_TEXT_KEYS;
    appendAll(others, differingKeys(before.node, after.node, ignored));
    if (others.length > 0) {
      const keys = [...new Set(others)];
      // A dynamic call whose base target did not exist listed nothing: its change fixes a dropdown.
      const broken = brokenDynamicCalls(keys, before.node, this.oldModel);
      const note = dynamicSourceNote(keys.filter((key) => !broken.has(key)));
      const notes = [note, broken.size > 0 ? brokenCallNote(broken) : undefined].filter(
        (text) => text !== undefined,
      );
      add({
        rule: CHANGE_RULES.other,
        side: 'new',
        pointer: after.pointer,
        detail: `Changed: ${changedKeyList(keys, before.node, after.node, { isSecret: this.secretDefaults.has })}.${notes.map((text) => ` ${text}`).join('')}`,
        ...(broken.size === keys.length && { impact: 'minor' as const }),
      });
    }
    return { parts: found.parts, cut: found.cut, depth };
  }
}

/**
 * Whether a pair's result holds at `depth`: one that the depth limit cut, compared deeper than
 * `depth`, misses what is below the cut, which is within reach from here (a definition first met at
 * the end of a long path, then by a short one). It is compared again, at most once per depth.
 */
function reusableAt(result: ComparedSchema, depth: number): boolean {
  return !result.cut || depth >= result.depth;
}
