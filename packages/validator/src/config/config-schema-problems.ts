import type { ErrorObject } from 'ajv';
import { didYouMean, isObject } from '@connector-alm/core';
import { PROFILES } from '../model/finding.js';
import { parsePointer } from '../json/pointer.js';
import { enclosedExcerpt, excerpt, nameExcerpt } from '../text/message-values.js';
import { LEVELS } from './config-schema.js';
import type { ConfigSyntax } from './config-types.js';
import { yamlQuoted } from './yaml-slip.js';
import { profileLevelAdvice, spacelessMarkAdvice } from './yaml-spaceless-marks.js';

export const SETTINGS = ['profile', 'rules', 'ignore', 'overrides'];
export const RULES_HINT = 'The rule ids are listed in docs/rules.md.';
const OVERRIDE_KEYS = ['files', 'profile', 'rules'];
const LEVEL_LIST = 'error, warning, info or off';
const LEVEL_HINT = `A level is ${LEVEL_LIST}.`;
const PROFILES_HINT = `The profiles are ${PROFILES.join(', ')}.`;

/**
 * The hints that show what to write, in the file's own syntax: YAML's in a `.connector-alm.json`,
 * copied as shown, would be a syntax error there.
 */
const EXAMPLES = {
  yaml: {
    override:
      'For example: "- files: [\'integrations/legacy/**\']" with "profile: custom" or "rules: { SWG-FORMAT: off }" under it.',
    settings: "Write each setting as a key and its value, on a line of its own: 'profile: custom'.",
    level: (ruleId: string) => `For example: "${ruleId}: warning" or "${ruleId}: { custom: off }".`,
  },
  json: {
    override:
      'For example: { "files": ["integrations/legacy/**"], "profile": "custom" }, or "rules": { "SWG-FORMAT": "off" } beside "files".',
    settings: 'Write the settings as an object of keys and values: { "profile": "custom" }.',
    level: (ruleId: string) => `For example: "${ruleId}": "warning" or "${ruleId}": { "custom": "off" }.`,
  },
} satisfies Record<ConfigSyntax, unknown>;
const PATTERNS_HINT = 'Patterns are relative to the configuration file, e.g. "custom-connectors/Legacy*".';

/** A mistake of the file that its schema finds, said about the user's setting. */
export interface SchemaProblem {
  message: string;
  hint?: string;
  /** The path of the offending value in the document. */
  path: string[];
  /** Point at the key rather than the value (unknown keys). */
  atKey: boolean;
}

/**
 * Ajv's errors, one per mistake: a bad level of a rule fails both the level's enum and the `if`
 * that chose it, and only the former says what is wrong; an override without `files` fails both
 * `required` and the `minProperties` that asks for something besides them, and only the former is
 * the mistake.
 */
export function distinctErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const missing = new Set(errors.filter((error) => error.keyword === 'required').map((e) => e.instancePath));
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (error.keyword === 'if') return false;
    if (error.keyword === 'minProperties' && missing.has(error.instancePath)) return false;
    const params = error.params as { additionalProperty?: string; missingProperty?: string };
    const key = `${error.instancePath}\u0000${params.additionalProperty ?? ''}\u0000${params.missingProperty ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An Ajv error as a sentence about the user's setting, its hints written in the file's syntax. */
export function describeSchemaError(
  error: ErrorObject,
  root: unknown,
  syntax: ConfigSyntax = 'yaml',
): SchemaProblem {
  const path = parsePointer(error.instancePath);
  const value = path.reduce<unknown>(
    (node, step) => (node as Record<string, unknown> | undefined)?.[step],
    root,
  );
  const [setting] = path;

  if (error.keyword === 'additionalProperties' && path.length === 0) {
    return unknownKeyProblem(
      error,
      path,
      (key) => `Unknown setting '${nameExcerpt(key)}'.${didYouMean(key, SETTINGS)}`,
      `The settings are ${SETTINGS.join(', ')}.`,
    );
  }
  if (setting === 'profile') return profileProblem(value, path, '');
  if (setting === 'rules') return rulesProblem(error, path, 1, value, '', syntax);
  if (setting === 'ignore') {
    return {
      message: `'ignore' must be a list of glob patterns (non-empty strings).${path.length === 1 ? listAdvice(value, 'ignore', syntax) : ''}`,
      hint: PATTERNS_HINT,
      path,
      atKey: false,
    };
  }
  if (setting === 'overrides') return overrideProblem(error, path, value, syntax);
  return {
    message: `The configuration must be a map of settings (${SETTINGS.join(', ')}).${spacelessMarkAdvice(value, ':', syntax)}`,
    hint: EXAMPLES[syntax].settings,
    path,
    atKey: false,
  };
}

/** A mistake in `overrides`: `path` is ['overrides', index, …]. */
function overrideProblem(
  error: ErrorObject,
  path: string[],
  value: unknown,
  syntax: ConfigSyntax,
): SchemaProblem {
  const index = path[1];
  if (index === undefined) {
    return {
      message: "'overrides' must be a list of entries, each with files and a profile or rules.",
      hint: EXAMPLES[syntax].override,
      path,
      atKey: false,
    };
  }
  const entry = `overrides[${nameExcerpt(index)}]`;
  const [, , key] = path;
  if (key === 'profile') return profileProblem(value, path, ` in ${entry}`);
  if (key === 'rules') return rulesProblem(error, path, 3, value, ` in ${entry}`, syntax);
  if (key === 'files') {
    return {
      message: `'files' of ${entry} must be a list of one or more glob patterns (non-empty strings).${path.length === 3 ? listAdvice(value, 'files', syntax) : ''}`,
      hint: PATTERNS_HINT,
      path,
      atKey: false,
    };
  }
  if (error.keyword === 'additionalProperties') {
    return unknownKeyProblem(
      error,
      path,
      (key) => `Unknown key '${nameExcerpt(key)}' in ${entry}.${didYouMean(key, OVERRIDE_KEYS)}`,
      `An override has ${OVERRIDE_KEYS.join(', ')}.`,
    );
  }
  if (error.keyword === 'required') {
    return {
      message: `${entry} has no 'files': the glob patterns of the connector folders it applies to.`,
      hint: EXAMPLES[syntax].override,
      path,
      atKey: false,
    };
  }
  if (error.keyword === 'minProperties') {
    return {
      message: `${entry} changes nothing: give it a profile or rules for its files.`,
      hint: EXAMPLES[syntax].override,
      path,
      atKey: false,
    };
  }
  return {
    message: `${entry} must be a map with files and a profile or rules.`,
    hint: EXAMPLES[syntax].override,
    path,
    atKey: false,
  };
}

/**
 * What to change in a list of patterns written as text: the space after its dash (`-legacy/*`), or,
 * for one pattern written as the value itself (`ignore: legacy/*`), the brackets of a list, which
 * "must be a list" did not say of a pattern that is right.
 */
function listAdvice(value: unknown, key: string, syntax: ConfigSyntax): string {
  const spaceless = spacelessMarkAdvice(value, '-', syntax);
  // A leading dash is a list's mark misplaced (YAML's advice is above), not a pattern's first character.
  if (spaceless !== '' || typeof value !== 'string' || /^\s*(-|$)/.test(value)) return spaceless;
  // YAML joins lines of patterns without dashes into one text, which is no one pattern to bracket.
  if (/\s/.test(value.trim()) && syntax === 'yaml')
    return ` It holds the text ${yamlQuoted(value)}: write each pattern as a list item, '- ' and the pattern on a line of its own.`;
  const list =
    syntax === 'json'
      ? `"${key}": [${enclosedExcerpt(JSON.stringify(value))}]`
      : `${key}: [${yamlQuoted(value)}]`;
  return ` It holds one pattern as text: write it in a list, ${list}.`;
}

/** A key the map at `path` does not have (Ajv's additionalProperties), pointed at on the key itself. */
function unknownKeyProblem(
  error: ErrorObject,
  path: string[],
  describe: (key: string) => string,
  hint: string,
): SchemaProblem {
  const key = String((error.params as { additionalProperty: string }).additionalProperty);
  return { message: describe(key), hint, path: [...path, key], atKey: true };
}

function profileProblem(value: unknown, path: string[], where: string): SchemaProblem {
  return {
    message: `Unknown profile '${excerpt(value)}'${where}.${didYouMean(String(value), PROFILES)}`,
    hint: PROFILES_HINT,
    path,
    atKey: false,
  };
}

/**
 * A mistake in a `rules` map whose path is `path`: the map itself when `path` ends at `at` (the
 * index of the rule id in it), else a rule's level, or its level in a profile.
 */
function rulesProblem(
  error: ErrorObject,
  path: string[],
  at: number,
  value: unknown,
  where: string,
  syntax: ConfigSyntax,
): SchemaProblem {
  const [ruleId, profile] = path.slice(at).map(nameExcerpt);
  if (ruleId === undefined && Array.isArray(value)) return rulesListProblem(path, value, where, syntax);
  if (ruleId === undefined) {
    return {
      message: `'rules'${where} must be a map of rule id to level.${spacelessMarkAdvice(value, ':', syntax)}`,
      hint: RULES_HINT,
      path,
      atKey: false,
    };
  }
  if (error.keyword === 'additionalProperties') {
    return unknownKeyProblem(
      error,
      path,
      (key) =>
        `Unknown profile '${nameExcerpt(key)}' for rule ${ruleId}${where}.${didYouMean(key, PROFILES)}`,
      PROFILES_HINT,
    );
  }
  const rule = profile ? `rule ${ruleId} in profile ${profile}` : `rule ${ruleId}`;
  if (error.keyword === 'enum') {
    return {
      message:
        `Bad level '${excerpt(value)}' for ${rule}${where}.${didYouMean(String(value), LEVELS)}` +
        (profile ? '' : profileLevelAdvice(value, ruleId, PROFILES, syntax)),
      hint: LEVEL_HINT,
      path,
      atKey: false,
    };
  }
  if (error.keyword === 'minProperties') {
    return { message: `No level given for ${rule}${where}.`, hint: LEVEL_HINT, path, atKey: false };
  }
  return {
    message: `The level of ${rule}${where} must be ${LEVEL_LIST}, or a map of profile to level.`,
    hint: EXAMPLES[syntax].level(ruleId),
    path,
    atKey: false,
  };
}

/**
 * `rules` written as a list (`- SWG-FORMAT: off`, or rule ids alone), as `ignore` is: "must be a map"
 * did not say that the dashes are the mistake. The example names the first rule of the list.
 */
function rulesListProblem(
  path: string[],
  list: unknown[],
  where: string,
  syntax: ConfigSyntax,
): SchemaProblem {
  const [first] = list;
  const ruleId = isObject(first) ? Object.keys(first)[0] : typeof first === 'string' ? first : undefined;
  // An empty list is most likely meant as no rules at all, which an empty map says.
  const mend =
    syntax === 'json'
      ? "write it as an object, in { } rather than [ ], each rule id a key and its level the key's value"
      : list.length === 0
        ? 'write {} for no rules, or each rule id as a key with its level on a line below'
        : "write each rule id as a key with its level, without the '- ' before it";
  return {
    message: `'rules'${where} is a list, and must be a map of rule id to level: ${mend}.`,
    hint: ruleId && !/\s/.test(ruleId) ? EXAMPLES[syntax].level(nameExcerpt(ruleId)) : RULES_HINT,
    path,
    atKey: false,
  };
}
