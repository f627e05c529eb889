import { quoted } from '../text/message-values.js';
import { isObject } from '../swagger/json-values.js';
import { MAX_SCHEMA_WALK_DEPTH } from '../swagger/schema-walk.js';
import type { Located } from '../swagger/local-refs.js';
import { CHANGE_RULES } from './change-rules.js';
import { FoundProperties, type ComparedProperties, type FoundParts } from './found-parts.js';
import type { KeptViews } from './kept-views.js';
import { memberRuns, NO_RUNS, type MemberRun } from './member-runs.js';
import type { ComparedSchema } from './schema-change-list.js';
import type { Direction, SchemaChange } from './schema-change.js';
import { requiresLess, requiresMore, type LayerPair } from './schema-layers.js';
import { isFilledForFlows, type SchemaView } from './schema-view.js';
import { secretDeletion } from './secret-deletion.js';
import { notificationUrlDeletion } from './notification-url-deletion.js';
import { memberRenames, renameNote, type MemberRename } from './member-renames.js';
import { sameType } from './same-type.js';

/** What comparing properties asks of the schema comparer: the pair of schemas each property holds. */
export interface NestedPairs {
  compareAt(
    oldValue: unknown,
    oldPointer: string,
    newValue: unknown,
    newPointer: string,
    direction: Direction,
    depth: number,
  ): ComparedSchema;
}

/** A question asked of two versions' views, answered per layer (requiresMore, requiresLess). */
type LayerTest = (before: SchemaView, after: SchemaView) => boolean;

/**
 * Compares the properties of pairs of schema views, sharing what an allOf member's properties
 * compared to (ComparedProperties) with each view that merges the member: as a run of the view's
 * own properties (MemberRun), or as a layer of an inline schema whose fields stand apart
 * (schema-layers.ts).
 */
export class PropertyComparer {
  /** Compared properties of pairs of views, those of no one branch (ComparedProperties). */
  private readonly memo = new Map<string, ComparedProperties>();
  /**
   * inSomeLayer's answers, per test and pair of members: keyed by the test itself, not its name,
   * which a bundler may change.
   */
  private readonly layerTests = new Map<LayerTest, Map<string, boolean>>();

  constructor(
    private readonly pairs: NestedPairs,
    private readonly oldViews: KeptViews,
    private readonly newViews: KeptViews,
    /** Whether allOf members' compared properties are shared (MemberRun); tests compare without. */
    private readonly shareMembers: boolean,
  ) {}

  /**
   * The properties' parts of two views (or of their layers), into `found`; 'required' named in
   * `others` when the names listed in it changed without a breaking change.
   */
  compare(
    before: SchemaView,
    after: SchemaView,
    direction: Direction,
    depth: number,
    found: FoundParts,
    others: string[],
    layers: LayerPair | undefined,
  ): void {
    const compared = this.of(before, after, direction, depth, layers);
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
  private of(
    before: SchemaView,
    after: SchemaView,
    direction: Direction,
    depth: number,
    layers?: LayerPair,
  ): ComparedProperties {
    const key = `${direction}|${before.pointer}|${after.pointer}`;
    const known = this.memo.get(key);
    // At the depth limit, a property's pair is cut where it was not: compared again, as it would be.
    if (known && depth < MAX_SCHEMA_WALK_DEPTH) return known;
    const compared = layers
      ? this.compareLayers(layers, direction, depth)
      : this.compareEachProperty(before, after, direction, depth);
    if (!known && !compared.skipped && !compared.present.cut) this.memo.set(key, compared);
    return compared;
  }

  /**
   * The views' properties one by one, in order, those of a member's run (MemberRun) by the member's
   * compared properties, spliced in where the run stands.
   */
  private compareEachProperty(
    before: SchemaView,
    after: SchemaView,
    direction: Direction,
    depth: number,
  ): ComparedProperties {
    const found = new FoundProperties();
    const runs = this.shareMembers ? memberRuns(before, after, this.oldViews, this.newViews) : NO_RUNS;
    const compareRun = (run: MemberRun): ComparedProperties =>
      (run.compared ??= this.of(run.before, run.after, direction, depth));
    for (const step of inRuns(after.properties, runs.present, (run) => run.after.properties.size)) {
      if (step.run) found.splicePresent(compareRun(step.run));
      else this.compareProperty(step.name, step.property, before, after, direction, depth, found);
    }
    let renames: Map<string, MemberRename> | undefined;
    for (const step of inRuns(before.properties, runs.removed, (run) => run.before.properties.size)) {
      if (step.run) found.spliceRemoved(compareRun(step.run));
      else if (!after.properties.has(step.name)) {
        renames ??= this.renames(before, after);
        found.removed.add(this.deleted(step.name, step.property, direction, renames.get(step.name)));
      }
    }
    return found.result(depth);
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
    const found = new FoundProperties();
    for (const [name, property] of after.own.properties)
      this.compareProperty(name, property, before.own, after.own, direction, depth, found);
    // compareEachProperty compares a run where its first name stands: a member that lost all its
    // properties, among the deletions.
    const compared: (ComparedProperties | undefined)[] = [];
    after.members.forEach((newMember, index) => {
      const oldMember = before.members[index];
      if (!oldMember || !newMember || newMember.properties.size === 0) return;
      found.splicePresent((compared[index] = this.of(oldMember, newMember, direction, depth)));
    });
    let renames: Map<string, MemberRename> | undefined;
    for (const [name, property] of before.own.properties) {
      if (after.own.properties.has(name)) continue;
      renames ??= this.renames(before.own, after.own);
      found.removed.add(this.deleted(name, property, direction, renames.get(name)));
    }
    before.members.forEach((oldMember, index) => {
      const newMember = after.members[index];
      if (!oldMember || !newMember || oldMember.properties.size === 0) return;
      // A member that lost none of its properties has no deletions (nor cut): spliced in, nothing.
      found.spliceRemoved((compared[index] ??= this.of(oldMember, newMember, direction, depth)));
    });
    return found.result(depth);
  }

  /**
   * Compares the property `name` of the new view with the old view's, the parts found added to
   * `found.present`. An input newly required that flows need not send is not breaking: `found` is
   * then tightened ('required' is listed as changed).
   */
  private compareProperty(
    name: string,
    property: Located,
    before: SchemaView,
    after: SchemaView,
    direction: Direction,
    depth: number,
    found: FoundProperties,
  ): void {
    const previous = before.properties.get(name);
    const mustSend =
      direction === 'input' &&
      after.required.has(name) &&
      !isFilledForFlows(this.newViews.model, property.value, property.pointer);
    if (!previous) {
      const rule =
        direction === 'output'
          ? CHANGE_RULES.outputAdded
          : mustSend
            ? CHANGE_RULES.requiredFieldAdded
            : CHANGE_RULES.inputFieldAdded;
      found.present.add({ rule, side: 'new', pointer: property.pointer, path: [name] });
      return;
    }
    if (direction === 'input' && after.required.has(name) && !before.required.has(name)) {
      if (mustSend) {
        found.present.add({
          rule: CHANGE_RULES.optionalToRequired,
          side: 'new',
          // The line edited; the field itself can be far above the list, outside the diff.
          pointer: after.requiredAt.get(name) ?? property.pointer,
          path: [name],
          detail: `${quoted(name)} is now listed in 'required'.`,
        });
      } else {
        found.tightened = true;
      }
    }
    const nested = this.pairs.compareAt(
      previous.value,
      previous.pointer,
      property.value,
      property.pointer,
      direction,
      depth + 1,
    );
    found.present.nest(name, nested);
  }

  /**
   * The deleted properties of two views that look renamed (member-renames.ts): a property added in
   * the place of one that is gone, with a name that differs by a slip, or the one added where the one
   * deleted was, of the same type.
   */
  private renames(before: SchemaView, after: SchemaView): Map<string, MemberRename> {
    const typeOf = (views: KeptViews, property: Located) => views.of(property.value, property.pointer)?.type;
    return memberRenames([...before.properties.keys()], [...after.properties.keys()], (was, is) =>
      sameType(
        typeOf(this.oldViews, before.properties.get(was)!),
        typeOf(this.newViews, after.properties.get(is)!),
      ),
    );
  }

  /**
   * The change of a base version's property that is gone: an output deleted, or an input, saying
   * which property looks like its new name (`rename`). A field whose default was a secret is told as
   * such a parameter's deletion is (secret-deletion.ts): removing it is right, and keeping it would
   * keep the leaked key.
   */
  private deleted(
    name: string,
    property: Located,
    direction: Direction,
    rename: MemberRename | undefined,
  ): SchemaChange {
    const { pointer } = property;
    // A field given by a $ref has the definition's default: a sibling of $ref is ignored.
    const field = this.oldViews.model.resolve(property.value, pointer).value;
    const secret = isObject(field) ? secretDeletion(name, field.default, undefined, direction) : undefined;
    if (direction === 'output') {
      // The ValuePath names the output field: the detail only says what its default was, or what
      // looks like its new name.
      if (secret) return { rule: secret.rule, side: 'old', pointer, path: [name], detail: secret.detail };
      const deleted: SchemaChange = { rule: CHANGE_RULES.outputDeleted, side: 'old', pointer, path: [name] };
      return rename ? { ...deleted, detail: renameNote(rename, 'read') } : deleted;
    }
    const callbackUrl = notificationUrlDeletion('input field', name, field);
    if (callbackUrl) return { ...callbackUrl, side: 'old', pointer, path: [name] };
    const removed = `The input field ${quoted(name)} has been removed.`;
    const note = secret?.detail ?? (rename && renameNote(rename, 'send'));
    return {
      rule: secret?.rule ?? CHANGE_RULES.parameterDeleted,
      side: 'old',
      pointer,
      path: [name],
      detail: note ? `${removed} ${note}` : removed,
    };
  }
}

/** A view's property, or a member's run of them (MemberRun). */
type Step =
  | { readonly run: MemberRun }
  | { readonly run?: undefined; readonly name: string; readonly property: Located };

/**
 * A view's properties in order, each member's run as one step where its first name stands (`runs`,
 * by that name). A run's names stand one after the other (memberRun checks), `size` of them: those
 * after its first are passed over, being the run's.
 */
function* inRuns(
  properties: ReadonlyMap<string, Located>,
  runs: ReadonlyMap<string, MemberRun>,
  size: (run: MemberRun) => number,
): Generator<Step, void, undefined> {
  let passOver = 0;
  for (const [name, property] of properties) {
    if (passOver > 0) {
      passOver--;
      continue;
    }
    const run = runs.get(name);
    if (run) passOver = size(run) - 1;
    yield run ? { run } : { name, property };
  }
}
