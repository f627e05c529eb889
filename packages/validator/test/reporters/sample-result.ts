import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import type { RuleDefinition } from '../../src/model/rule.js';
import { findRule } from '../../src/rules/index.js';
import { asObject, asString, entriesOf } from '../../src/swagger/json-values.js';
import { childPointer } from '../../src/json/pointer.js';
import { validatePaths, type ValidationResult } from '../../src/validate.js';
import { validApiProperties, validReadme, validSwagger } from '../helpers/valid-connector.js';

/**
 * Small rules of our own, so that reporter tests do not change whenever a catalog rule is tuned:
 * one per kind of location (JSON pointer, text line, folder) and per severity.
 */
export const SAMPLE_RULES: RuleDefinition[] = [
  {
    id: 'TEST-TITLE-WORDS',
    file: 'swagger',
    title: 'Keep "API" out of the title.',
    description: 'Reviewers reject titles with `API` in them; see <the catalog> | GEN-RESTRICTED-WORDS.',
    levels: { certified: 'error', 'independent-publisher': 'error', custom: 'warning' },
    msCode: 'TitleHasRestrictedWords',
    msMessage: "The value '{0}' contains at least one of the restricted words: '{1}'.",
    example: { bad: '{ "info": { "title": "Contoso API" } }', good: '{ "info": { "title": "Contoso" } }' },
    check(context) {
      const title = asString(asObject(context.swagger?.root.info)?.title);
      if (title?.includes('API')) {
        context.report({
          pointer: '/info/title',
          message: `The value '${title}' contains at least one of the restricted words: 'api'.`,
        });
      }
    },
  },
  {
    id: 'TEST-OP-SUMMARY',
    file: 'swagger',
    title: 'Summaries end without a period.',
    description: 'Summaries are shown as action names.',
    levels: { certified: 'warning', 'independent-publisher': 'warning', custom: 'off' },
    check(context) {
      for (const [pathKey, item] of entriesOf(asObject(context.swagger?.root.paths))) {
        for (const [method, operation] of entriesOf(asObject(item))) {
          const summary = asString(asObject(operation)?.summary);
          if (summary?.endsWith('.')) {
            context.report({
              pointer: childPointer(childPointer(childPointer('/paths', pathKey), method), 'summary'),
              message: `The summary '${summary}' ends with a period.`,
            });
          }
        }
      }
    },
  },
  {
    id: 'TEST-README-TODO',
    file: 'readme',
    title: 'Leave no TODO in the readme.',
    description: 'Template leftovers reach the docs page.',
    levels: { certified: 'info', 'independent-publisher': 'info', custom: 'info' },
    example: { bad: '# Contoso\nTODO: write this' },
    check(context) {
      const text = context.connector.files.readme?.document?.text ?? '';
      const offset = text.indexOf('TODO');
      if (offset >= 0) context.report({ offset, length: 4, message: 'The readme still has a TODO.' });
    },
  },
  {
    id: 'TEST-NO-SCRIPT',
    file: 'folder',
    title: 'Connectors have a script.',
    description: 'Only for these tests.',
    levels: { certified: 'warning', 'independent-publisher': 'warning', custom: 'off' },
    check(context) {
      if (!context.connector.files.script) context.report({ message: 'The folder has no script.csx.' });
    },
  },
  findRule('GEN-JSON-PARSE')!,
];

/** A repository with two connectors: a certified one with findings (its name has a space), and a clean custom one. */
export function writeSampleRepository(options: { extraInfoLines?: number } = {}): string {
  const root = temporaryFolder('connector-alm-reporters-');
  const swagger = validSwagger();
  swagger.info.title = 'Contoso Tasks API';
  // Keys before `title` move it down without changing what is wrong: fingerprints must not move.
  const info: Record<string, unknown> = {};
  for (let i = 0; i < (options.extraInfoLines ?? 0); i++) info[`x-note-${i}`] = 'moved';
  swagger.info = { ...info, ...swagger.info };
  swagger.paths['/tasks'].get.summary = 'List tasks.';
  writeFolder(path.join(root, 'certified-connectors', 'Contoso Tasks'), {
    'apiDefinition.swagger.json': JSON.stringify(swagger, null, 2),
    'apiProperties.json': JSON.stringify(validApiProperties(), null, 2),
    'readme.md': `${validReadme()}\nTODO: describe the triggers\n`,
  });
  writeFolder(path.join(root, 'custom-connectors', 'Clean'), {
    'apiDefinition.swagger.json': JSON.stringify(validSwagger(), null, 2),
    'apiProperties.json': JSON.stringify(validApiProperties(), null, 2),
    'readme.md': validReadme(),
    'script.csx': 'public class Script : ScriptBase { }\n',
  });
  return root;
}

/** Validates the sample repository with the sample rules, from its root. */
export async function sampleResult(options: { extraInfoLines?: number } = {}): Promise<{
  root: string;
  result: ValidationResult;
}> {
  const root = writeSampleRepository(options);
  const result = await validatePaths(['.'], { cwd: root, rules: SAMPLE_RULES });
  return { root, result };
}

/** The 1-based line of the first line of a file that contains `text`. */
export function lineOf(root: string, file: string, text: string): number {
  return (
    readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1
  );
}

function writeFolder(folder: string, files: Record<string, string>): void {
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
}
