import { childPointer } from '../json/pointer.js';
import { asObject, asString, has, isObject, type JsonObject } from '../swagger/json-values.js';
import type { SwaggerModel } from '../swagger/swagger-model.js';
import { quoted } from '../text/message-values.js';
import { CHANGE_RULES } from './change-rules.js';
import type { SwaggerDiffContext } from './diff-context.js';
import { jsonEqual } from './json-equal.js';
import { whyUnfollowed } from './schema-view.js';

/*
 * A path item may be written as a `$ref` (`"/tasks": { "$ref": "#/x-paths/tasks" }`). The models of
 * a diff read its operations from the path item it leads to, so they compare as operations do. One
 * that cannot be followed (another file, nothing, a loop) has no operations to compare: read as
 * none, each operation of the other version at its path was told "deleted" (breaking) or "added".
 * They are not compared, and one change at the `$ref` says why, as for a schema or a parameter.
 */

/** The paths whose path item is a `$ref` that cannot be followed, with why not. */
export function unfollowedPathItems(model: SwaggerModel): Map<string, string> {
  const unfollowed = new Map<string, string>();
  const paths = model.paths;
  for (const path in paths) {
    if (!has(paths, path)) continue;
    const pathItem = refPathItem(paths[path]);
    if (!pathItem || model.pathItemTarget(pathItem)) continue;
    const why = whyUnfollowed(model, pathItem, childPointer('/paths', path));
    unfollowed.set(path, why ?? `its $ref ${quoted(pathItem.$ref)} leads to no path item`);
  }
  return unfollowed;
}

/**
 * The pointers of the path items that `$ref`s lead to (`/x-paths/tasks`): their edits are told by
 * the operations compared there, not again as a change of the section that holds them.
 */
export function followedPathItems(model: SwaggerModel): Set<string> {
  const targets = new Set<string>();
  const paths = model.paths;
  for (const path in paths) {
    if (!has(paths, path)) continue;
    const pathItem = refPathItem(paths[path]);
    const target = pathItem && model.pathItemTarget(pathItem);
    if (target) targets.add(target.pointer);
  }
  return targets;
}

/**
 * One change for each path item whose `$ref` was added, removed or changed: the operations it leads
 * to may compare equal, but the file changed. A `$ref` that cannot be followed says why, unless it
 * is the same in both versions (then nothing changed that diff can see).
 */
export function diffPathItemRefs(context: SwaggerDiffContext): void {
  const pathsBefore = context.old.paths ?? {};
  const pathsAfter = context.new.paths ?? {};
  const unfollowedBefore = unfollowedPathItems(context.old);
  const unfollowedAfter = unfollowedPathItems(context.new);
  const all = new Set([...Object.keys(pathsBefore), ...Object.keys(pathsAfter)]);
  for (const path of all) {
    const before = has(pathsBefore, path) ? pathsBefore[path] : undefined;
    const after = has(pathsAfter, path) ? pathsAfter[path] : undefined;
    const refBefore = refPathItem(before)?.$ref;
    const refAfter = refPathItem(after)?.$ref;
    if (refBefore === undefined && refAfter === undefined) continue;
    const whyAfter = unfollowedAfter.get(path);
    const whyBefore = unfollowedBefore.get(path);
    if (whyAfter === undefined && whyBefore === undefined && jsonEqual(refBefore, refAfter)) continue;
    // The same `$ref` that cannot be followed, in both versions: the same path item, as far as
    // diff can read.
    if (whyAfter !== undefined && jsonEqual(before, after)) continue;
    const pathItemPointer = childPointer('/paths', path);
    if (after === undefined) {
      // A deleted path is the operations' business, unless they could not be read.
      if (whyBefore !== undefined) {
        context.sink.add({
          rule: CHANGE_RULES.other,
          file: 'swagger',
          side: 'old',
          pointer: childPointer(pathItemPointer, '$ref'),
          detail: `The path item ${quoted(path)} has been removed; it was not compared: in the base version, ${whyBefore}.`,
        });
      }
      continue;
    }
    const detail =
      whyAfter !== undefined
        ? `The path item ${quoted(path)} was not compared: ${whyAfter}.`
        : whyBefore !== undefined
          ? `The path item ${quoted(path)} was not compared: in the base version, ${whyBefore}.`
          : refEdit(path, refBefore, refAfter);
    context.sink.add({
      rule: CHANGE_RULES.other,
      file: 'swagger',
      side: 'new',
      pointer: refAfter === undefined ? pathItemPointer : childPointer(pathItemPointer, '$ref'),
      detail,
    });
  }
}

function refEdit(path: string, before: string | undefined, after: string | undefined): string {
  if (before === undefined)
    return `The path item ${quoted(path)} is written as a $ref to ${quoted(after)} now.`;
  if (after === undefined)
    return `The path item ${quoted(path)} is written in place now, not as a $ref to ${quoted(before)}.`;
  return `The $ref of the path item ${quoted(path)} changed from ${quoted(before)} to ${quoted(after)}.`;
}

/** A path item written as a `$ref` string, or undefined. */
function refPathItem(value: unknown): (JsonObject & { $ref: string }) | undefined {
  const pathItem = asObject(value);
  return pathItem && asString(pathItem.$ref) !== undefined
    ? (pathItem as JsonObject & { $ref: string })
    : undefined;
}

/**
 * True when two values differ only inside `skipped` places (pointers below `pointer`): a section
 * such as `x-paths` whose only edits are in path items that `$ref`s lead to.
 */
export function equalApartFrom(
  before: unknown,
  after: unknown,
  pointer: string,
  skipped: ReadonlySet<string>,
): boolean {
  if (skipped.has(pointer)) return true;
  if (jsonEqual(before, after)) return true;
  // A section added or removed whole (`x-paths` with the path item that is now written in place):
  // each of its entries must be a skipped place.
  const objectBefore = before === undefined ? {} : before;
  const objectAfter = after === undefined ? {} : after;
  if (!isObject(objectBefore) || !isObject(objectAfter)) return false;
  const prefix = `${pointer}/`;
  if (![...skipped].some((place) => place.startsWith(prefix))) return false;
  const keys = new Set([...Object.keys(objectBefore), ...Object.keys(objectAfter)]);
  for (const key of keys) {
    const valueBefore = has(objectBefore, key) ? objectBefore[key] : undefined;
    const valueAfter = has(objectAfter, key) ? objectAfter[key] : undefined;
    if (!equalApartFrom(valueBefore, valueAfter, childPointer(pointer, key), skipped)) return false;
  }
  return true;
}
