import { childPointer } from '../json/pointer.js';
import { asArray, asObject, asString, has, type JsonObject } from '../swagger/json-values.js';
import { CHANGE_RULES } from './change-rules.js';
import { differingKeys } from './json-equal.js';
import { ChangeSink, type RawChange } from './raw-change.js';
import { excerpt, nameList, quoted, quoteList } from '../text/message-values.js';

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

  for (const key of differingKeys(propertiesBefore, propertiesAfter, new Set())) {
    const pointer = childPointer('/properties', key);
    const side = has(propertiesAfter, key) ? 'new' : 'old';
    if (MINOR_PROPERTY_KEYS.has(key)) {
      add({ rule: CHANGE_RULES.textEdited, side, pointer, detail: `Edited: ${key}.`, impact: 'minor' });
    } else if (key === 'connectionParameters') {
      diffConnectionParameters(propertiesBefore[key], propertiesAfter[key], add);
    } else if (key === 'connectionParameterSets') {
      const added = setNamesAdded(propertiesBefore[key], propertiesAfter[key]);
      add({
        rule: CHANGE_RULES.other,
        side,
        pointer,
        detail: added
          ? `Changed: connectionParameterSets, which now also offer ${quoteList(added)}; existing connections keep theirs.`
          : `Changed: ${excerpt(key)}.`,
      });
    } else {
      add({ rule: CHANGE_RULES.other, side, pointer, detail: `Changed: ${excerpt(key)}.` });
    }
  }
  for (const key of differingKeys(before, after, new Set(['properties']))) {
    add({
      rule: CHANGE_RULES.other,
      side: has(after, key) ? 'new' : 'old',
      pointer: `/${key}`,
      detail: `Changed: ${excerpt(key)}.`,
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
    const uiBefore = asObject(was.uiDefinition) ?? {};
    const uiAfter = asObject(is.uiDefinition) ?? {};
    const uiEdited = differingKeys(uiBefore, uiAfter, new Set());
    const otherEdited = differingKeys(was, is, new Set(['uiDefinition']));
    const minor = uiEdited.filter((key) => MINOR_UI_KEYS.has(key));
    const major = uiEdited.filter((key) => !MINOR_UI_KEYS.has(key));
    if (minor.length > 0) {
      add({
        rule: CHANGE_RULES.textEdited,
        pointer,
        detail: `Edited: ${minor.join(', ')}.`,
        impact: 'minor',
      });
    }
    if (major.length + otherEdited.length > 0) {
      add({
        rule: CHANGE_RULES.other,
        pointer,
        detail: `Changed: ${nameList([...otherEdited, ...major.map((key) => `uiDefinition.${key}`)])}.`,
      });
    }
  }
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
