import { childPointer } from '../json/pointer.js';
import { asArray, asObject, asString, entriesOf, has, type JsonObject } from '../swagger/json-values.js';
import { CHANGE_RULES } from './change-rules.js';
import { differingKeys, jsonEqual } from './json-equal.js';
import { ChangeSink, quoteList, type RawChange } from './raw-change.js';

/** apiProperties keys whose edits Microsoft counts as a minor update. */
const MINOR_PROPERTY_KEYS: ReadonlySet<string> = new Set(['iconBrandColor', 'publisher', 'stackOwner']);
/** Connection-parameter texts whose edits are a minor update (the others are major). */
const MINOR_UI_KEYS: ReadonlySet<string> = new Set(['description', 'tooltip']);
const AUTH_KEYS: ReadonlySet<string> = new Set(['connectionParameters', 'connectionParameterSets']);

/**
 * Compares two apiProperties values: the authentication (OAuth identity providers and
 * multi-auth parameter sets) must not change in an update; branding and tooltip edits are minor;
 * anything else is listed as a major change.
 */
export function diffApiPropertiesValues(before: JsonObject, after: JsonObject): RawChange[] {
  const sink = new ChangeSink();
  const propertiesBefore = asObject(before.properties) ?? {};
  const propertiesAfter = asObject(after.properties) ?? {};
  const add = (change: Omit<RawChange, 'file' | 'side'> & { side?: 'old' | 'new' }): void =>
    sink.add({ file: 'apiProperties', side: 'new', ...change });

  const authBefore = authenticationSignature(propertiesBefore);
  const authAfter = authenticationSignature(propertiesAfter);
  const setsAdded = parameterSetsOnlyAdded(propertiesBefore, propertiesAfter);
  if (setsAdded) {
    add({
      rule: CHANGE_RULES.other,
      pointer: '/properties/connectionParameterSets',
      detail: `Changed: connectionParameterSets, which now also offer ${quoteList(setsAdded)}; existing connections keep theirs.`,
    });
  } else if (!jsonEqual(authBefore, authAfter)) {
    const key = has(propertiesAfter, 'connectionParameterSets')
      ? 'connectionParameterSets'
      : 'connectionParameters';
    add({
      rule: CHANGE_RULES.authType,
      pointer: childPointer('/properties', key),
      detail: `It changed from ${describe(authBefore)} to ${describe(authAfter)}.`,
    });
  }

  for (const key of differingKeys(propertiesBefore, propertiesAfter, new Set())) {
    const pointer = childPointer('/properties', key);
    const side = has(propertiesAfter, key) ? 'new' : 'old';
    if (MINOR_PROPERTY_KEYS.has(key)) {
      add({ rule: CHANGE_RULES.textEdited, side, pointer, detail: `Edited: ${key}.`, impact: 'minor' });
    } else if (key === 'connectionParameters') {
      diffConnectionParameters(propertiesBefore[key], propertiesAfter[key], add);
    } else if (!AUTH_KEYS.has(key) || (jsonEqual(authBefore, authAfter) && !setsAdded)) {
      add({ rule: CHANGE_RULES.other, side, pointer, detail: `Changed: ${key}.` });
    }
  }
  for (const key of differingKeys(before, after, new Set(['properties']))) {
    add({
      rule: CHANGE_RULES.other,
      side: has(after, key) ? 'new' : 'old',
      pointer: `/${key}`,
      detail: `Changed: ${key}.`,
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
        detail: `The connection parameter '${name}' has been ${is ? 'added' : 'removed'}; existing connections may have to be updated.`,
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
        detail: `Changed: ${[...otherEdited, ...major.map((key) => `uiDefinition.${key}`)].join(', ')}.`,
      });
    }
  }
}

/**
 * What decides how users sign in: each OAuth parameter's identity provider, and the names of the
 * multi-auth parameter sets. API-key and basic authentication show in the swagger's securityDefinitions.
 */
function authenticationSignature(properties: JsonObject): string[] {
  const signature = new Set<string>();
  const collect = (parameters: unknown): void => {
    for (const provider of oauthProviders(parameters)) signature.add(`OAuth (${provider})`);
  };
  collect(properties.connectionParameters);
  const sets = asArray(asObject(properties.connectionParameterSets)?.values) ?? [];
  for (const set of sets) {
    const object = asObject(set);
    signature.add(`parameter set '${asString(object?.name) ?? '?'}'`);
    collect(object?.parameters);
  }
  return [...signature].sort();
}

/**
 * The names of the parameter sets (multi-auth options) that were added, when that is the whole
 * change to how users sign in: every set of the old version is still there with the same identity
 * providers, and the parameters outside the sets keep theirs. A connection is made with one set,
 * so a new option leaves existing connections alone. Undefined otherwise.
 */
function parameterSetsOnlyAdded(before: JsonObject, after: JsonObject): string[] | undefined {
  const setsBefore = parameterSets(before);
  const setsAfter = parameterSets(after);
  if (!setsBefore || !setsAfter || setsAfter.size <= setsBefore.size) return undefined;
  if (!jsonEqual(oauthProviders(before.connectionParameters), oauthProviders(after.connectionParameters)))
    return undefined;
  for (const [name, providers] of setsBefore) {
    const now = setsAfter.get(name);
    if (!now || !jsonEqual(providers, now)) return undefined;
  }
  return [...setsAfter.keys()].filter((name) => !setsBefore.has(name));
}

/** Each parameter set's name and the identity providers of its OAuth parameters; undefined without sets. */
function parameterSets(properties: JsonObject): Map<string, string[]> | undefined {
  const values = asArray(asObject(properties.connectionParameterSets)?.values);
  if (!values) return undefined;
  const sets = new Map<string, string[]>();
  for (const set of values) {
    const object = asObject(set);
    sets.set(asString(object?.name) ?? '?', oauthProviders(object?.parameters));
  }
  return sets;
}

function oauthProviders(parameters: unknown): string[] {
  const providers = new Set<string>();
  for (const [, parameter] of entriesOf(parameters)) {
    const object = asObject(parameter);
    if (asString(object?.type) !== 'oauthSetting') continue;
    providers.add(asString(asObject(object?.oAuthSettings)?.identityProvider) ?? 'no identity provider');
  }
  return [...providers].sort();
}

function describe(signature: readonly string[]): string {
  return signature.length === 0 ? 'no OAuth or parameter sets' : signature.join(' + ');
}
