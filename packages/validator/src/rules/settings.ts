import { excerpt, nameExcerpt, quoted } from '../text/message-values.js';
import { childPointer } from '../json/pointer.js';
import type { RuleContext, RuleDefinition } from '../model/rule.js';
import { asObject, asString } from '../swagger/json-values.js';
import { swapAwareDistance } from '@connector-alm/core';
import { cachedSchemaProblems, schemaProblemsValidator } from './json-schema/ajv-validator.js';
// SETTINGS_SCHEMA, compiled ahead of time: npm run schema-validators.
import validateSettings from '../generated/validate-settings.cjs';
import { ENVIRONMENT_ID, SETTINGS_SCHEMA } from './settings/schema.js';
import { FILE_SETTINGS, nestedFileKey, settingsFilePath } from '../loader/settings-file-paths.js';

const problemsOf = cachedSchemaProblems(schemaProblemsValidator(validateSettings));

function settingsValue(context: RuleContext): unknown {
  return context.connector.files.settings?.document?.value;
}

const SETTING_NAMES = Object.keys(SETTINGS_SCHEMA.properties);

/**
 * The setting an unknown top-level key was probably meant to be (`apiProperty` for apiProperties),
 * compared without case; within a third of the key's length, at most 3 edits, so that a key of its
 * own (`colour`) gets no suggestion.
 */
function intendedSetting(key: string): string | undefined {
  const limit = Math.min(3, Math.floor(key.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const name of SETTING_NAMES) {
    const distance = swapAwareDistance(key.toLowerCase(), name.toLowerCase(), limit);
    if (distance >= bestDistance) continue;
    best = name;
    bestDistance = distance;
  }
  return best;
}

/**
 * Why a file settings.json names by an absolute path, or outside the connector folder, is a problem,
 * and the name to give instead: the file's own name when the folder has a file of that name.
 */
function elsewhereMessage(kind: 'absolute' | 'outside', file: string, names: ReadonlySet<string>): string {
  const what = kind === 'absolute' ? 'an absolute path' : 'a file outside the connector folder';
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const instead = names.has(base.toLowerCase())
    ? `Write ${quoted(base)}, the connector folder's file.`
    : 'Put the file in the connector folder and name it relative to the folder.';
  return `${what}: \`paconn create --settings\` fails for anyone else, whose files are elsewhere. ${instead}`;
}

export const settingsRules: RuleDefinition[] = [
  {
    id: 'SET-SCHEMA',
    file: 'settings',
    title: 'settings.json matches the paconn settings schema.',
    description:
      "settings.json is paconn's file: connectorId, environment, apiProperties, apiDefinition, icon, script, powerAppsUrl, powerAppsApiVersion and flowApiVersion (2016-11-01), flowUrl (schemas/paconn-settings.schema.json, plus what paconn reads and writes). Unknown keys are ignored by paconn and are most likely typos.",
    levels: { certified: 'warning', 'independent-publisher': 'warning', custom: 'warning' },
    example: {
      bad: '{ "apiDefinitions": "apiDefinition.swagger.json" }',
      good: '{ "apiDefinition": "apiDefinition.swagger.json" }',
    },
    check(context) {
      const value = settingsValue(context);
      if (value === undefined) return;
      for (const problem of problemsOf(value)) {
        // An unknown key of the top-level object, as the schema problem itself says.
        const unknownTopLevelKey =
          problem.keyword === 'additionalProperties' && problem.segments.length === 0
            ? problem.key
            : undefined;
        const meant = unknownTopLevelKey === undefined ? undefined : intendedSetting(unknownTopLevelKey);
        const hint = meant === undefined ? '' : ` Did you mean '${meant}'?`;
        context.report({ pointer: problem.pointer, message: problem.message + hint });
      }
    },
  },
  {
    id: 'SET-ENV',
    file: 'settings',
    title: 'environment is an environment id.',
    description:
      "The schema's pattern for environment is a GUID; default environments are named `Default-<guid>` (a merged connector uses one), so that prefix is accepted too.",
    levels: { certified: 'warning', 'independent-publisher': 'warning', custom: 'warning' },
    example: {
      bad: '"environment": "My environment"',
      good: '"environment": "Default-dd15e603-0000-4b3c-9d6a-1b2c3d4e5f60"',
    },
    check(context) {
      const environment = asString(asObject(settingsValue(context))?.environment);
      if (environment === undefined || ENVIRONMENT_ID.test(environment)) return;
      context.report({
        pointer: '/environment',
        message: `String '${excerpt(environment)}' does not match regex pattern of an environment id (a GUID, optionally prefixed with "Default-").`,
      });
    },
  },
  {
    id: 'SET-FILES-EXIST',
    file: 'settings',
    title: 'Files named in settings.json exist.',
    description:
      'paconn reads the files settings.json names; two merged connectors reference an icon.png that is not committed, so `paconn create --settings` fails for anyone else. So it does for an absolute path (`C:\\Users\\…`, `\\\\server\\…`, `/home/…`) or one outside the connector folder, which name files on your machine. A path into a nested folder (`scripts\\script.csx`, with either separator) is looked up there.',
    levels: { certified: 'warning', 'independent-publisher': 'warning', custom: 'warning' },
    example: { bad: '"icon": "icon.png" without icon.png in the folder' },
    check(context) {
      const settings = asObject(settingsValue(context));
      if (!settings) return;
      const { connector } = context;
      const names = new Set(connector.entries.map((entry) => entry.name.toLowerCase()));
      for (const key of FILE_SETTINGS) {
        const file = asString(settings[key]);
        if (file === undefined || file.trim() === '') continue;
        const where = settingsFilePath(file);
        const named = `settings.json names ${nameExcerpt(file)} as ${key}`;
        const pointer = childPointer('', key);
        if (where.kind !== 'inside') {
          context.report({ pointer, message: `${named}, ${elsewhereMessage(where.kind, file, names)}` });
          continue;
        }
        const { segments } = where;
        const found =
          segments.length === 1
            ? names.has(segments[0]!.toLowerCase())
            : segments.length > 1 && connector.filesNamedBelow?.has(nestedFileKey(segments)) === true;
        if (!found) context.report({ pointer, message: `${named}, but the folder has no such file.` });
      }
    },
  },
  {
    id: 'SET-NOT-IN-PR',
    file: 'settings',
    title: 'Leave settings.json out of the pull request.',
    description:
      'settings.json holds the ids of your own environment and connector; only 3 of 1,035 merged folders commit it. It is useful locally with paconn, not in PowerPlatformConnectors. One that git ignores (.gitignore) is left out of every commit already, and gets no finding.',
    levels: { certified: 'info', 'independent-publisher': 'info', custom: 'off' },
    example: { bad: 'certified-connectors/Contoso/settings.json' },
    check(context) {
      const settings = context.connector.files.settings;
      if (!settings) return;
      // Kept out of the pull request as the finding asks: "add it to .gitignore" was said of one in it.
      const entry = context.connector.entries.find((candidate) => candidate.name === settings.name);
      if (entry?.ignoredByGit) return;
      context.report({
        line: 1,
        message:
          'settings.json is specific to your environment; keep it out of the pull request (add it to .gitignore).',
      });
    },
  },
];
