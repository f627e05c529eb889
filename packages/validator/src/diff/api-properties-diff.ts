import { appendAll } from '@connector-alm/core';
import { childPointer } from '../json/pointer.js';
import { asArray, asObject, asString, has, type JsonObject } from '../swagger/json-values.js';
import { CHANGE_RULES } from './change-rules.js';
import { differingKeys, jsonEqual } from './json-equal.js';
import { isRerouting, policyInstanceLabel as policyLabel } from './reroute-policies.js';
import { ChangeSink } from './change-sink.js';
import { canonicalText } from './element-places.js';
import { policyParameterEdits } from './policy-parameter-edits.js';
import type { RawChange } from './raw-change.js';
import { scopesNote } from './scope-note.js';
import { scriptOperationsChanges } from './script-operations-diff.js';
import { excerpt, nameList, quoted, quoteList, sentencesWithin } from '../text/message-values.js';
import { changedKeyList } from './changed-keys.js';

/** apiProperties keys whose edits Microsoft counts as a minor update. */
const MINOR_PROPERTY_KEYS: ReadonlySet<string> = new Set(['iconBrandColor', 'publisher', 'stackOwner']);
/** Connection-parameter texts whose edits are a minor update (the others are major). */
const MINOR_UI_KEYS: ReadonlySet<string> = new Set(['description', 'tooltip']);

/**
 * Compares two apiProperties values: branding and tooltip edits are minor, anything else is listed
 * as a major change. Whether the sign-in of existing connections breaks is decided with the swagger
 * (auth-diff), which also drops the entries here that its breaking changes include.
 */
export function diffApiPropertiesValues(before: JsonObject, after: JsonObject): RawChange[] {
  const sink = new ChangeSink();
  const propertiesBefore = asObject(before.properties) ?? {};
  const propertiesAfter = asObject(after.properties) ?? {};
  const add = (change: Omit<RawChange, 'file' | 'side'> & { side?: 'old' | 'new' }): void =>
    sink.add({ file: 'apiProperties', side: 'new', ...change });

  let scriptToldOnce = false;
  for (const key of differingKeys(propertiesBefore, propertiesAfter, new Set())) {
    const pointer = childPointer('/properties', key);
    const side = has(propertiesAfter, key) ? 'new' : 'old';
    if (MINOR_PROPERTY_KEYS.has(key)) {
      add({ rule: CHANGE_RULES.textEdited, side, pointer, detail: `Edited: ${key}.`, impact: 'minor' });
    } else if (key === 'connectionParameters') {
      diffConnectionParameters(propertiesBefore[key], propertiesAfter[key], add);
    } else if (key === 'connectionParameterSets') {
      const added = setNamesAdded(propertiesBefore[key], propertiesAfter[key]);
      if (added) {
        add({
          rule: CHANGE_RULES.other,
          side,
          pointer,
          detail: `Changed: connectionParameterSets, which now also offer ${quoteList(added)}; existing connections keep theirs.`,
        });
        continue;
      }
      // One entry for the sets, so that a breaking change of their sign-in (auth-diff) includes it.
      const { minor, major, notes } = setEdits(propertiesBefore[key], propertiesAfter[key]);
      const named = (edits: readonly string[]) => `connectionParameterSets ${nameList(edits)}`;
      if (minor.length > 0) {
        add({
          rule: CHANGE_RULES.textEdited,
          side,
          pointer,
          detail: `Edited: ${named(minor)}.`,
          impact: 'minor',
        });
      }
      if (major.length > 0 || minor.length === 0) {
        add({
          rule: CHANGE_RULES.other,
          side,
          pointer,
          detail:
            major.length > 0
              ? `Changed: ${named(major)}.${notes.map((note) => ` ${note}`).join('')}`
              : `Changed: ${excerpt(key)}.`,
        });
      }
    } else if (key === 'policyTemplateInstances') {
      const detail = policiesEdited(propertiesBefore[key], propertiesAfter[key]);
      if (detail !== undefined)
        add({ rule: CHANGE_RULES.other, side, pointer, detail: `Changed: ${detail}` });
    } else if (key === 'scriptOperations' || key === 'script') {
      // Both keys may hold the script's list: told once, as the one reading of it says.
      if (scriptToldOnce) continue;
      scriptToldOnce = true;
      for (const change of scriptOperationsChanges(propertiesBefore, propertiesAfter))
        add({ rule: CHANGE_RULES.other, ...change });
    } else {
      const detail = `Changed: ${changedKeyList([key], propertiesBefore, propertiesAfter)}.`;
      add({ rule: CHANGE_RULES.other, side, pointer, detail });
    }
  }
  for (const key of differingKeys(before, after, new Set(['properties']))) {
    add({
      rule: CHANGE_RULES.other,
      side: has(after, key) ? 'new' : 'old',
      pointer: `/${key}`,
      detail: `Changed: ${changedKeyList([key], before, after)}.`,
    });
  }
  return sink.changes;
}

function diffConnectionParameters(
  before: unknown,
  after: unknown,
  add: (change: Omit<RawChange, 'file' | 'side'> & { side?: 'old' | 'new' }) => void,
): void {
  const parametersBefore = asObject(before) ?? {};
  const parametersAfter = asObject(after) ?? {};
  for (const name of differingKeys(parametersBefore, parametersAfter, new Set())) {
    const pointer = childPointer('/properties/connectionParameters', name);
    const was = asObject(parametersBefore[name]);
    const is = asObject(parametersAfter[name]);
    if (!was || !is) {
      add({
        rule: CHANGE_RULES.other,
        side: is ? 'new' : 'old',
        pointer,
        detail: is
          ? `The connection parameter ${quoted(name)} has been added.`
          : `The connection parameter ${quoted(name)} has been removed; existing connections may have to be updated.`,
      });
      continue;
    }
    const { minor, major } = parameterEdits(was, is);
    if (minor.length > 0) {
      add({
        rule: CHANGE_RULES.textEdited,
        pointer,
        detail: `Edited: ${minor.map((key) => key.replace(/^uiDefinition\./, '')).join(', ')}.`,
        impact: 'minor',
      });
    }
    if (major.length > 0) {
      const note = major.includes(SCOPES) ? scopesNote(scopesOf(was), scopesOf(is)) : undefined;
      const detail = `Changed: ${nameList(major)}.${note === undefined ? '' : ` ${note}`}`;
      add({ rule: CHANGE_RULES.other, pointer, detail });
    }
  }
}

/** A connection parameter's OAuth scopes, as `parameterEdits` names their edit. */
const SCOPES = 'oAuthSettings.scopes';

function scopesOf(parameter: JsonObject): unknown {
  return asObject(parameter.oAuthSettings)?.scopes;
}

/** What a maker edited, as the keys that name it: minor ones (texts of a minor update) and major ones. */
interface Edits {
  minor: string[];
  major: string[];
}

/** A connection parameter's edits: its description and tooltip are minor, the rest is major. */
function parameterEdits(was: JsonObject, is: JsonObject): Edits {
  const uiEdited = differingKeys(
    asObject(was.uiDefinition) ?? {},
    asObject(is.uiDefinition) ?? {},
    new Set(),
  );
  return {
    minor: uiEdited.filter((key) => MINOR_UI_KEYS.has(key)).map((key) => `uiDefinition.${key}`),
    major: [
      ...differingKeys(was, is, new Set(['uiDefinition'])).flatMap((key) => keyPaths(key, was[key], is[key])),
      ...uiEdited.filter((key) => !MINOR_UI_KEYS.has(key)).map((key) => `uiDefinition.${key}`),
    ],
  };
}

/**
 * `key`, or the keys inside it that changed when it is an object on both sides: 'oAuthSettings.scopes'
 * tells the maker more than 'oAuthSettings'.
 */
function keyPaths(key: string, before: unknown, after: unknown): string[] {
  const was = asObject(before);
  const is = asObject(after);
  if (!was || !is) return [key];
  return differingKeys(was, is, new Set()).map((inner) => `${key}.${inner}`);
}

/**
 * The edits of the parameter sets that every set of the old version keeps (by name), each named by
 * its set: "'keyBasedAuth' uiDefinition.displayName". A set's or its parameters' description and
 * tooltip are minor. Sets removed or renamed, and new required values, are auth-diff's breaking changes.
 * A parameter's OAuth scopes changed come with what that means for existing connections (`notes`,
 * scopesNote), each said once however many sets changed them alike.
 */
function setEdits(before: unknown, after: unknown): Edits & { notes: string[] } {
  const edits = { minor: [] as string[], major: [] as string[], notes: [] as string[] };
  const setsBefore = asObject(before);
  const setsAfter = asObject(after);
  // Sets added or removed as a whole: "Changed: connectionParameterSets" says it all.
  if (!setsBefore || !setsAfter) return edits;
  const valuesBefore = asArray(setsBefore.values) ?? [];
  const valuesAfter = asArray(setsAfter.values) ?? [];
  appendAll(edits.major, differingKeys(setsBefore, setsAfter, new Set(['values'])));
  if (!jsonEqual(setNames(before), setNames(after))) edits.major.push('values (their sets or order)');
  for (const value of valuesBefore) {
    const was = asObject(value);
    const name = asString(was?.name);
    const is = valuesAfter.map(asObject).find((candidate) => asString(candidate?.name) === name);
    if (!was || name === undefined || !is) continue;
    const prefix = (edit: string) => `${quoted(name)} ${edit}`;
    const set = parameterEdits(was, is);
    appendAll(edits.minor, set.minor.map(prefix));
    appendAll(
      edits.major,
      set.major.filter((key) => key !== 'parameters' && !key.startsWith('parameters.')).map(prefix),
    );
    const parametersBefore = asObject(was.parameters) ?? {};
    const parametersAfter = asObject(is.parameters) ?? {};
    for (const parameter of differingKeys(parametersBefore, parametersAfter, new Set())) {
      const inner = (edit: string) => prefix(`parameter ${quoted(parameter)} ${edit}`);
      const parameterBefore = asObject(parametersBefore[parameter]);
      const parameterAfter = asObject(parametersAfter[parameter]);
      if (!parameterBefore || !parameterAfter) {
        edits.major.push(prefix(`parameter ${quoted(parameter)} ${parameterAfter ? 'added' : 'removed'}`));
        continue;
      }
      const edited = parameterEdits(parameterBefore, parameterAfter);
      appendAll(edits.minor, edited.minor.map(inner));
      appendAll(edits.major, edited.major.map(inner));
      const note = edited.major.includes(SCOPES)
        ? scopesNote(scopesOf(parameterBefore), scopesOf(parameterAfter))
        : undefined;
      if (note !== undefined && !edits.notes.includes(note)) edits.notes.push(note);
    }
  }
  return edits;
}

/** The names of the parameter sets added, when every set of the old version is still offered. */
function setNamesAdded(before: unknown, after: unknown): string[] | undefined {
  const namesBefore = setNames(before);
  const namesAfter = setNames(after);
  if (namesBefore.some((name) => !namesAfter.includes(name))) return undefined;
  const added = namesAfter.filter((name) => !namesBefore.includes(name));
  return added.length > 0 ? added : undefined;
}

function setNames(sets: unknown): string[] {
  return (asArray(asObject(sets)?.values) ?? []).map((set) => asString(asObject(set)?.name) ?? '?');
}

/**
 * What changed in the policies that policy-reroute-diff does not tell: the ones that do not decide
 * where requests go, or the order of all. Undefined when only rerouting policies were edited, added
 * or removed: each of those is told there, with the operations it moves.
 */
function policiesEdited(before: unknown, after: unknown): string | undefined {
  const key = 'policyTemplateInstances';
  // No list on one side is an empty one: its policies were all added, or all removed.
  const listBefore = before === undefined ? [] : asArray(before);
  const listAfter = after === undefined ? [] : asArray(after);
  if (!listBefore || !listAfter) return `${key}.`;
  const others = (list: readonly unknown[]) => list.filter((instance) => !isRerouting(instance));
  if (!jsonEqual(others(listBefore), others(listAfter))) {
    const { labels, details } = policyEdits(others(listBefore), others(listAfter));
    return `${key} ${nameList(labels)}.${details.length > 0 ? ` ${sentencesWithin(details)}` : ''}`;
  }
  const rerouting = (list: readonly unknown[]) =>
    list
      .filter(isRerouting)
      .map((instance) => JSON.stringify(instance))
      .sort();
  if (!jsonEqual(rerouting(listBefore), rerouting(listAfter))) return undefined;
  // The same policies: in another order, or an empty list where there was none.
  return listBefore.length > 0 ? `${key} (their order).` : `${key}.`;
}

/**
 * The policies edited, removed or added, each by its title and template ("'Route Request -
 * CreateIssue' (routerequesttoendpoint)"): a policy decides where and how operations call the API, so
 * the maker and the reviewer want to know which one changed. An instance has no name of its own: an
 * unchanged one is found by its value, an edited one by its title and template. Each edited one also
 * gets a sentence of what its parameters changed (`details`, policy-parameter-edits.ts).
 */
function policyEdits(
  instancesBefore: readonly unknown[],
  instancesAfter: readonly unknown[],
): { labels: string[]; details: string[] } {
  // Each instance of the new list is taken at most once, the first one that fits in its order; looked
  // up by value, then by title and template, in queues built once: a fork's file can hold thousands.
  const taken = new Array<boolean>(instancesAfter.length).fill(false);
  const byValue = queuesBy(instancesAfter, canonicalText);
  const byName = queuesBy(instancesAfter, policyName);
  const take = (queues: Map<string, number[]>, key: string): number | undefined => {
    const queue = queues.get(key);
    while (queue && queue.length > 0) {
      const at = queue.shift()!;
      if (!taken[at]) {
        taken[at] = true;
        return at;
      }
    }
    return undefined;
  };
  const edits: string[] = [];
  const details: string[] = [];
  const removed = instancesBefore.filter((instance) => take(byValue, canonicalText(instance)) === undefined);
  for (const instance of removed) {
    const at = take(byName, policyName(instance));
    if (at !== undefined) {
      edits.push(policyLabel(instance));
      const detail = policyParameterEdits(instance, instancesAfter[at]);
      if (detail !== undefined) details.push(`${policyLabel(instance)}: ${detail}`);
    } else {
      edits.push(`${policyLabel(instance)} removed`);
    }
  }
  const unmatched = instancesAfter.filter((_, at) => !taken[at]);
  appendAll(
    edits,
    unmatched.map((instance) => `${policyLabel(instance)} added`),
  );
  return { labels: edits.length > 0 ? edits : ['(their order)'], details };
}

/** The positions of a list's elements, by a key of each, in the list's order. */
function queuesBy(list: readonly unknown[], keyOf: (element: unknown) => string): Map<string, number[]> {
  const queues = new Map<string, number[]>();
  list.forEach((element, at) => {
    const key = keyOf(element);
    const queue = queues.get(key);
    if (queue) queue.push(at);
    else queues.set(key, [at]);
  });
  return queues;
}

/** What names a policy instance: its template and its title (JSON text, so that no two pairs read alike). */
function policyName(instance: unknown): string {
  return JSON.stringify([
    policyField(instance, 'templateId') ?? null,
    policyField(instance, 'title') ?? null,
  ]);
}

function policyField(instance: unknown, key: 'templateId' | 'title'): string | undefined {
  return asString(asObject(instance)?.[key]);
}
