import { appendAll } from '@connector-alm/core';
import { childPointer } from '../json/pointer.js';
import { has, type JsonObject } from '../swagger/json-values.js';
import { CASE_RULES, CHANGE_RULES } from './change-rules.js';
import type { ChangeRule } from './change-rule-type.js';
import {
  effectiveAuthentication,
  NO_AUTHENTICATION,
  type AuthOption,
  type AuthPlace,
  type EffectiveAuthentication,
  type Credential,
} from './effective-auth.js';
import { jsonEqual } from './json-equal.js';
import type { RawChange } from './raw-change.js';
import { securityScopesNotes } from './scope-note.js';
import { excerpt, quoted, quoteList } from '../text/message-values.js';

/** The two files of one version that say how users sign in; either may be missing. */
export interface AuthFiles {
  swagger?: JsonObject;
  apiProperties?: JsonObject;
  /**
   * The swagger is there but cannot be read (CHG-UNCOMPARABLE): its securityDefinitions are unknown,
   * not absent, so only a sign-in that apiProperties.json decides is compared.
   */
  swaggerUnreadable?: boolean;
}

/** What existing connections lose (their sign-in, a value): what broke, and where it is written. */
interface Break {
  /** BRK-AUTH-TYPE for a change of the sign-in; the others for a value connections lack. */
  rule: ChangeRule;
  place: AuthPlace;
  side: 'old' | 'new';
  detail: string;
  /** What to do, where the rule's advice does not say it (RawChange.advice). */
  advice?: string;
  /** The apiProperties places whose "Changed" entries are this one change. */
  covers: string[];
}

/**
 * Compares how existing connections sign in, across both files: each option of the old version
 * (the parameters outside sets, each parameter set) against the same option of the new one. An
 * option breaks when its kind changes, its OAuth identity provider or flow changes, it needs a
 * credential that existing connections do not hold (an API key parameter renamed, a new
 * 'token:' parameter), or it is removed. New options (a parameter set added to a multi-auth
 * connector) and removed authentication leave existing connections working, and so does an API key
 * sent in another header or in the query: a connection holds the key's value, not where it goes, so
 * it is listed with the other securityDefinitions edits, not reported as breaking. Where the sign-in
 * still works, a connection parameter added that every connection must fill in (required, shown,
 * no default) breaks existing connections too: they hold no value for it (BRK-REQ-CONN-PARAM-ADDED);
 * and so does an optional or hidden one made so, as they may hold none (BRK-CONN-OPTIONAL-TO-REQUIRED).
 */
export function diffAuthentication(before: AuthFiles, after: AuthFiles): RawChange[] {
  const old = effectiveAuthentication(before.swagger, before.apiProperties);
  const now = effectiveAuthentication(after.swagger, after.apiProperties);
  const swaggerUnknown = before.swaggerUnreadable === true || after.swaggerUnreadable === true;
  if (swaggerUnknown && (decidedBySwagger(old) || decidedBySwagger(now))) return [];
  const breaks: Break[] = [];
  if (old.outsideSets) {
    appendAll(
      breaks,
      now.outsideSets
        ? compareOption(old.outsideSets, now.outsideSets)
        : [lostOutsideSets(old.outsideSets, now.sets)],
    );
  }
  appendAll(breaks, compareSets(old.sets, now.sets));

  // A breaking change of the sign-in includes the securityDefinitions edits that came with it.
  const signInBroken = breaks.some((broken) => broken.rule === CHANGE_RULES.authType);
  const edits =
    signInBroken || swaggerUnknown ? [] : swaggerEdits(before, after, [old.outsideSets, now.outsideSets]);
  return edits.concat(
    breaks.map((broken) => ({
      rule: broken.rule,
      file: broken.place.file,
      side: broken.side,
      pointer: broken.place.pointer,
      detail: broken.detail,
      advice: broken.advice,
      supersedes: broken.covers.map((pointer) => ({ file: 'apiProperties' as const, pointer })),
    })),
  );
}

/** Whether a version's sign-in is the swagger's securityDefinitions (apiProperties.json has none). */
function decidedBySwagger(authentication: EffectiveAuthentication): boolean {
  return authentication.outsideSets?.place.file === 'swagger';
}

/** The swagger's words on authentication: the schemes, and the requirement that names them. */
const SWAGGER_KEYS = ['securityDefinitions', 'security'] as const;

const SETS_POINTER = '/properties/connectionParameterSets';

/**
 * Each set of the old version against the set of the same name. Sets that were removed are one
 * change, and so is one edit made to several sets (a parameter renamed in every region). A set
 * renamed (one gone, one new with the same parameters) is told as such, on the new set: connections
 * name the set they were made with, so they lose their sign-in as if it had been removed.
 */
function compareSets(old: readonly AuthOption[], now: readonly AuthOption[]): Break[] {
  const removed: AuthOption[] = [];
  const byDetail = new Map<string, { broken: Break; sets: string[] }>();
  for (const set of old) {
    const kept = now.find((candidate) => candidate.set === set.set);
    if (!kept) removed.push(set);
    for (const broken of kept ? compareOption(set, kept) : []) {
      const same = byDetail.get(broken.detail);
      if (same) {
        same.sets.push(set.set!);
        appendAll(same.broken.covers, broken.covers);
      } else {
        byDetail.set(broken.detail, {
          broken: { ...broken, covers: [...broken.covers, SETS_POINTER] },
          sets: [set.set!],
        });
      }
    }
  }
  const breaks = [...byDetail.values()].map(({ broken, sets }) => ({
    ...broken,
    detail: `In the parameter ${sets.length === 1 ? 'set' : 'sets'} ${quoteList(sets)}: ${broken.detail}`,
  }));
  const renamed = renamedSet(
    removed,
    now.filter((set) => !old.some((was) => was.set === set.set)),
  );
  if (renamed) {
    breaks.push({
      rule: CHANGE_RULES.authType,
      place: renamed.now.place,
      side: 'new',
      detail: `The parameter set ${quoted(renamed.old.set)} is now ${quoted(renamed.now.set)}; connections made with it name the set by its old name and can no longer sign in.`,
      advice: "Keep the old name (the set's uiDefinition.displayName is what users see, and can change).",
      covers: [SETS_POINTER],
    });
  } else if (removed.length > 0) {
    const one = removed.length === 1;
    breaks.push({
      rule: CHANGE_RULES.authType,
      place: removed[0]!.place,
      side: 'old',
      detail: `The parameter ${one ? 'set' : 'sets'} ${quoteList(removed.map((set) => set.set))} ${one ? 'has' : 'have'} been removed; connections made with ${one ? 'it' : 'them'} can no longer sign in.`,
      covers: [SETS_POINTER],
    });
  }
  return breaks;
}

/**
 * The set that was renamed, when one set is gone and one new set took its place with the same
 * parameters and sign-in (by names, as the platform matches connection parameters). Two gone, or two
 * new, cannot be paired with certainty: they are told as removed.
 */
function renamedSet(
  removed: readonly AuthOption[],
  added: readonly AuthOption[],
): { old: AuthOption; now: AuthOption } | undefined {
  if (removed.length !== 1 || added.length !== 1) return undefined;
  const [old, now] = [removed[0]!, added[0]!];
  const sorted = (option: AuthOption) => (option.parameterNames ?? []).map(parameterKey).sort();
  if (old.kind !== now.kind || !jsonEqual(sorted(old), sorted(now))) return undefined;
  return compareOption(old, now).length === 0 ? { old, now } : undefined;
}

/** securityDefinitions or security edited without breaking any sign-in: listed as a major change. */
function swaggerEdits(
  before: AuthFiles,
  after: AuthFiles,
  outsideSets: readonly (AuthOption | undefined)[],
): RawChange[] {
  const edited = SWAGGER_KEYS.filter((key) => !jsonEqual(before.swagger?.[key], after.swagger?.[key]));
  if (edited.length === 0) return [];
  const key = edited[0]!;
  const fromApiProperties = outsideSets.every((option) => option?.place.file !== 'swagger');
  return [
    {
      rule: CHANGE_RULES.other,
      file: 'swagger',
      side: after.swagger && has(after.swagger, key) ? 'new' : 'old',
      pointer: `/${key}`,
      detail: `Changed: ${edited.join(', ')}.${fromApiProperties ? ` ${NO_SIGN_IN_CHANGED}` : scopesNotes(before, after)}`,
    },
  ];
}

/** Said of a swagger sign-in edit where apiProperties.json decides how connections sign in. */
const NO_SIGN_IN_CHANGED =
  'Connections sign in as the connection parameters of apiProperties.json say, so this edit alone changes no sign-in.';

/**
 * What the OAuth scopes changed in securityDefinitions mean for existing connections, as for those of
 * a connection parameter (scopesNote), each with its leading space. Said only where the swagger
 * decides the sign-in: otherwise the platform asks for the scopes of apiProperties.json, and the
 * swagger's change none.
 */
function scopesNotes(before: AuthFiles, after: AuthFiles): string {
  const notes = securityScopesNotes(before.swagger?.securityDefinitions, after.swagger?.securityDefinitions);
  return notes.map((note) => ` ${note}`).join('');
}

/**
 * What existing connections of an option lose in the new version: their sign-in, or else the values
 * of the required connection parameters added beside it (a sign-in change means they are made again
 * anyway, so it is told alone).
 */
function compareOption(old: AuthOption, now: AuthOption): Break[] {
  const signIn = compareSignIn(old, now);
  return signIn ? [signIn] : requiredValuesAdded(old, now);
}

/**
 * The parameters every connection must now fill in that existing connections may hold no value
 * for: ones the option did not have (located on the parameter), and ones it had as optional or
 * hidden (located on their `required` constraint, the edit that made them so). The sign-in's own
 * credentials are compareSignIn's.
 */
function requiredValuesAdded(old: AuthOption, now: AuthOption): Break[] {
  const had = new Set((old.parameterNames ?? []).map(parameterKey));
  const mayBeEmpty = new Map(old.mayBeEmpty.map((value) => [parameterKey(value.name), value.reason]));
  const signIn = new Set(names(now.credentials ?? []).map(parameterKey));
  return now.requiredValues.flatMap(({ name, place }): Break[] => {
    const key = parameterKey(name);
    if (signIn.has(key)) return [];
    if (!had.has(key)) {
      return [
        {
          rule: CHANGE_RULES.requiredConnectionParameterAdded,
          place,
          side: 'new',
          detail: `${quoted(name)} is required, shown and has no defaultValue.`,
          covers: [place.pointer],
        },
      ];
    }
    const reason = mayBeEmpty.get(key);
    if (reason === undefined) return [];
    return [
      {
        rule:
          reason === 'hidden'
            ? CASE_RULES.hiddenConnectionParameterRequired
            : CHANGE_RULES.connectionParameterRequired,
        place: {
          file: place.file,
          pointer: childPointer(place.pointer, 'uiDefinition', 'constraints', 'required'),
        },
        side: 'new',
        detail: `${quoted(name)} was ${reason} and is now required, shown and has no defaultValue.`,
        covers: [place.pointer],
      },
    ];
  });
}

/** What breaks in the sign-in between an option and the same option in the new version, if anything. */
function compareSignIn(old: AuthOption, now: AuthOption): Break | undefined {
  const covers = coveredPlaces(old, now);
  const breakAt = (place: AuthPlace, detail: string): Break => ({
    rule: CHANGE_RULES.authType,
    place,
    side: 'new',
    detail,
    covers,
  });
  const missing = missingCredentials(old, now);

  if (old.kind !== now.kind) {
    // Removing authentication leaves existing connections working: they just hold a value less.
    if (now.kind === NO_AUTHENTICATION) return undefined;
    const change = `It changed from ${describe(old)} to ${describe(now)}`;
    // Between kinds that only differ in the credentials a connection holds (an API key, a user
    // name and password, custom parameters), what counts is whether existing ones still hold them.
    if (missing && old.kind !== 'oauth2' && now.kind !== 'oauth2') {
      if (missing.length === 0) return undefined;
      return breakAt(
        missing[0]!.place,
        `${change}; existing connections hold no value for ${quoteList(names(missing))}.`,
      );
    }
    return breakAt(now.kindPlace, `${change}.`);
  }
  const provider = [old.identityProvider, now.identityProvider];
  if (provider[0] && provider[1] && provider[0].value.toLowerCase() !== provider[1].value.toLowerCase()) {
    return breakAt(
      provider[1].place,
      `The OAuth identity provider changed from ${quoted(provider[0].value)} to ${quoted(provider[1].value)}; existing connections hold tokens of the old one.`,
    );
  }
  if (old.flow && now.flow && old.flow.value !== now.flow.value) {
    return breakAt(
      now.flow.place,
      `The OAuth flow changed from ${quoted(old.flow.value)} to ${quoted(now.flow.value)}.`,
    );
  }
  if (missing && missing.length > 0) {
    const kept = new Set(names(now.credentials!).map(parameterKey));
    const gone = old.credentials!.filter((credential) => !kept.has(parameterKey(credential.name)));
    const detail =
      gone.length === 1 && missing.length === 1
        ? `The connection parameter ${quoted(gone[0]!.name)} of the sign-in is now ${quoted(missing[0]!.name)}; existing connections hold no value under the new name.`
        : `The sign-in now needs ${quoteList(names(missing))}, which existing connections hold no value for.`;
    return breakAt(missing[0]!.place, detail);
  }
  return undefined;
}

/** The parameters outside sets were the sign-in of existing connections; now only sets remain. */
function lostOutsideSets(old: AuthOption, sets: readonly AuthOption[]): Break {
  const offered = `the parameter ${sets.length === 1 ? 'set' : 'sets'} ${quoteList(sets.map((set) => set.set))}`;
  if (old.place.file === 'apiProperties') {
    return {
      rule: CHANGE_RULES.authType,
      place: old.place,
      side: 'old',
      detail:
        'The connection parameters outside connectionParameterSets have been removed; connections made without a parameter set used them.',
      advice: `Keep them beside ${offered}.`,
      covers: [
        ...(old.credentials ?? []).map((credential) => credential.place.pointer),
        old.kindPlace.pointer,
      ],
    };
  }
  return {
    rule: CHANGE_RULES.authType,
    place: sets[0]!.place,
    side: 'new',
    detail: `It changed from ${describe(old)} to ${offered}.`,
    covers: [SETS_POINTER],
  };
}

/** The credentials of the new option that the old one did not have; undefined when not both known. */
function missingCredentials(old: AuthOption, now: AuthOption): Credential[] | undefined {
  if (!old.credentials || !now.credentials) return undefined;
  const held = new Set(names(old.credentials).map(parameterKey));
  return now.credentials.filter((credential) => !held.has(parameterKey(credential.name)));
}

/** The apiProperties places of both options' sign-in, whose edits the breaking change includes. */
function coveredPlaces(old: AuthOption, now: AuthOption): string[] {
  const places = [old.kindPlace, now.kindPlace, ...(old.credentials ?? []), ...(now.credentials ?? [])].map(
    (item) => ('place' in item ? item.place : item),
  );
  return places.filter((place) => place.file === 'apiProperties').map((place) => place.pointer);
}

/** Connection parameter names as Azure Resource Manager matches them: without regard to case. */
function parameterKey(name: string): string {
  return name.toLowerCase();
}

function names(credentials: readonly Credential[]): string[] {
  return credentials.map((credential) => credential.name);
}

/**
 * 'an API key (\'api_key\')', 'OAuth (aad)', 'basic authentication', 'no authentication'. A swagger
 * may list any number of security definitions, of any type: the first few are named.
 */
function describe(option: AuthOption): string {
  const kinds = option.kind.split(' + ');
  const named = kinds.slice(0, MAX_KINDS_NAMED).map((kind) => {
    switch (kind) {
      case 'oauth2': {
        const detail = option.identityProvider?.value ?? option.flow?.value;
        return detail ? `OAuth (${excerpt(detail)})` : 'OAuth';
      }
      case 'apiKey': {
        const keys = option.credentials ?? [];
        return keys.length > 0 ? `an API key (${quoteList(names(keys))})` : 'an API key';
      }
      case 'basic':
        return 'basic authentication';
      case NO_AUTHENTICATION:
        return 'no authentication';
      default:
        return excerpt(kind);
    }
  });
  const rest = kinds.length - named.length;
  return rest > 0 ? `${named.join(' + ')} and ${rest} more` : named.join(' + ');
}

/** Kinds of sign-in a description names; real connectors combine two at most. */
const MAX_KINDS_NAMED = 5;
