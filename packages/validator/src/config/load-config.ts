import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import {
  closestMatcher,
  didYouMean,
  errorMessage,
  fileReadError,
  FileTooLarge,
  formatByteLimit,
  isUserError,
  readFileWithin,
  separatesFoldersWithBackslash,
  toDisplayPath,
  UsageError,
  userErrorsTogether,
  withoutByteOrderMark,
  withoutFullStop,
} from '@connector-alm/core';
import type { RuleOverrides } from '../engine.js';
import type { Profile } from '../model/finding.js';
import { ALL_RULES } from '../rules/index.js';
import { describeSchemaError, distinctErrors, RULES_HINT } from './config-schema-problems.js';
// CONFIG_SCHEMA (./config-schema.ts), compiled ahead of time: npm run schema-validators.
import validateConfig from '../generated/validate-config.cjs';
import {
  DEFAULT_CONFIG,
  type ConfigOverride,
  type ConfigPlace,
  type ValidatorConfig,
} from './config-types.js';
import { CONFIGURATION_RULE_IDS } from '../repository/rules/configuration-rules.js';
import { changeRuleInConfig } from './change-rule-in-config.js';
import { configMergeConflict } from './config-merge-conflict.js';
import { packageRuleInConfig } from './package-rule-in-config.js';
import { patternWithSlashes } from './ignore-backslashes.js';
import { findConfigFileOfPaths } from './config-of-paths.js';
import { CONFIG_FILE_NAMES, isJsonFile } from './find-config.js';
import { offsetOfPath } from './yaml-locate.js';
import { syntaxSlip } from './yaml-syntax-slips.js';
import { parsedSlip } from './yaml-parsed-slips.js';
import { JsonDocument } from '../json/json-document.js';
import type { JsonSyntaxIssue } from '../json/syntax/syntax-issue.js';
import { COMMENT as JSON_COMMENT } from '../json/syntax/comment-tokens.js';
import { isObject } from '../swagger/json-values.js';
import { excerpt, nameExcerpt } from '../text/message-values.js';

export interface LoadConfigOptions {
  /** Where the search starts, and what paths in messages are relative to. */
  cwd: string;
  /** A file named by the user (`--config`, the action's `config` input): no search, and it must exist. */
  explicitPath?: string;
  /**
   * The paths the command works on (from `cwd`): when the working directory is outside their
   * repository, the search starts at its top level (findConfigFileOfPaths). None: from `cwd`.
   */
  paths?: readonly string[];
  /** The rule ids the file may name (default: every validation rule). */
  ruleIds?: readonly string[];
}

const IGNORE_BACKSLASH_HINT =
  'Patterns separate folders with /, on Windows too; a \\ only escapes a glob character other than * and ? (\\[, \\{, \\!).';

/**
 * Finds and reads the configuration file (`.connector-alm.yml`, `.yaml` or `.json`), or returns the
 * defaults when there is none. A mistake in the file is a UsageError located on its line (exit code
 * 2, as a bad option: nothing was validated, which findings' exit code 1 must not suggest), with a
 * suggestion where one is likely (a misspelt rule id or level), never a stack trace. The file's
 * other mistakes come with it (`also`), in the file's order, so that one run lists them all.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<ValidatorConfig> {
  if (options.explicitPath) {
    const file = path.resolve(options.cwd, options.explicitPath);
    return parseConfig(await readConfigText(file, options.cwd), file, options);
  }
  const file = findConfigFileOfPaths(options.paths ?? [], options.cwd);
  if (!file) return { ...DEFAULT_CONFIG, rules: {}, ignore: [], foundBySearch: true };
  const text = await readConfigText(file, options.cwd);
  return { ...parseConfig(text, file, options), foundBySearch: true };
}

/** Parses and validates a configuration file's text; `file` is its absolute path. */
export function parseConfig(
  text: string,
  file: string,
  options: Pick<LoadConfigOptions, 'cwd' | 'ruleIds'>,
): ValidatorConfig {
  const source = withoutByteOrderMark(text);
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  const problemAt = (message: string, offset: number, hint?: string): Problem => {
    const { line, col } = lineCounter.linePos(offset);
    const location = { file: toDisplayPath(options.cwd, file), line, column: col };
    return { offset, error: new UsageError(message, { location, hint }) };
  };
  const fail = (message: string, offset: number, hint?: string): never => {
    throw problemAt(message, offset, hint).error;
  };

  // An empty YAML file is YAML's empty document, and marks where the search stops; an empty .json
  // file is no JSON at all, which every other tool that opens it refuses.
  if (isJsonFile(file) && source.trim() === '') {
    fail(
      'The configuration file is empty, which is not valid JSON.',
      0,
      'Write {} in it for a configuration that changes nothing, or write the settings there.',
    );
  }
  // Before either syntax: the markers are no YAML and no JSON, and each parser's words mislead.
  const conflict = configMergeConflict(source, (offset) => lineCounter.linePos(offset).line);
  if (conflict) fail(conflict.message, conflict.offset, conflict.hint);
  // YAML reads JSON, and also trailing commas, comments and unquoted keys: a file named .json is held
  // to JSON, as every other tool that opens it will.
  const jsonIssue = isJsonFile(file) ? firstJsonSyntaxIssue(source) : undefined;
  if (jsonIssue) {
    // The swagger's advice (a description holds the note) does not fit here: the schema has none.
    const problem =
      jsonIssue.message === JSON_COMMENT
        ? 'Comments are not allowed in JSON; remove it, or write the file as .connector-alm.yml, where # comments are allowed'
        : withoutFullStop(jsonIssue.message);
    fail(
      `The configuration file is not valid JSON: ${problem}.`,
      jsonIssue.offset,
      'Fix the syntax at this position.',
    );
  }
  // Only the first syntax error: the parser's later ones are mostly its confusion after the first.
  const syntaxError = document.errors[0];
  // The parser's own stack overflow, which it reports as a syntax error in V8's words: "not valid
  // YAML: Maximum call stack size exceeded" said nothing of the file (100,000 '[' gave it).
  if (syntaxError && STACK_OVERFLOW.test(syntaxError.message)) {
    fail(
      'The configuration file nests too deeply to be read: thousands of levels of lists or maps.',
      syntaxError.pos[0],
      'A configuration file nests a few levels: check that the path names it.',
    );
  }
  if (syntaxError) {
    // A common slip (a tab, a line indented too deep, a key without its space) in plain words.
    const slip = syntaxSlip(syntaxError, source, document, lineCounter, isJsonFile(file) ? 'json' : 'yaml');
    if (slip) fail(slip.message, slip.offset, slip.hint);
    fail(
      `The configuration file is not valid ${isJsonFile(file) ? 'JSON' : 'YAML'}: ${parserMessage(syntaxError.message)}.`,
      syntaxError.pos[0],
      'Fix the syntax at this position.',
    );
  }

  // A glob that starts with * (an alias to no anchor), a list item indented into the one above.
  const slip = parsedSlip(source, document);
  if (slip) fail(slip.message, slip.offset, slip.hint);
  // An empty YAML file is a valid configuration: it only marks where the search stops.
  const value: unknown = toPlainValue(document, fail) ?? {};
  // Every mistake of a file that parses, so that one run lists them all.
  const problems: Problem[] = [];
  if (!validateConfig(value)) {
    for (const error of distinctErrors(validateConfig.errors ?? [])) {
      const problem = describeSchemaError(error, value, isJsonFile(file) ? 'json' : 'yaml');
      problems.push(
        problemAt(
          problem.message,
          offsetOfPath(document, problem.path, { key: problem.atKey }),
          problem.hint,
        ),
      );
    }
  }
  const config = value as {
    profile?: Profile;
    rules?: RuleOverrides;
    ignore?: string[];
    overrides?: ConfigOverride[];
  };
  // Each entry at its index, which messages name: one that is no map (the schema's mistake) as empty.
  const overrides = Array.isArray(config.overrides)
    ? config.overrides.map((entry: unknown) => (isObject(entry) ? entry : {}))
    : [];

  const known = options.ruleIds ?? ALL_RULES.map((rule) => rule.id);
  const knownSet = new Set(known);
  // Prepared once for every unknown rule id the file names, not lowercased again for each.
  const closestRule = closestMatcher(known);
  for (const { at, rules, where } of ruleMapsOf(config.rules, overrides)) {
    for (const ruleId of Object.keys(rules)) {
      const offset = offsetOfPath(document, [...at, ruleId], { key: true });
      // Their findings are on the configuration file, not on a folder an override names.
      if (where !== '' && CONFIGURATION_RULE_IDS.has(ruleId)) {
        problems.push(
          problemAt(
            `${ruleId} judges the configuration file itself, not connector folders: it has no level${where}.`,
            offset,
            "Set its level in the file's top-level rules.",
          ),
        );
        continue;
      }
      if (knownSet.has(ruleId)) continue;
      const otherCheck = changeRuleInConfig(ruleId) ?? packageRuleInConfig(ruleId);
      problems.push(
        otherCheck
          ? problemAt(otherCheck.message, offset, otherCheck.hint)
          : problemAt(
              `Unknown rule '${nameExcerpt(ruleId)}'${where}.${didYouMean(ruleId, closestRule)}`,
              offset,
              RULES_HINT,
            ),
      );
    }
  }
  // A pattern written with Windows separators matches nothing: a mistake of the file like the others
  // (the file is refused), since warned and used, it would let the folders it names be validated.
  for (const { at, patterns, named, where } of patternListsOf(config.ignore, overrides)) {
    for (const [index, pattern] of patterns.entries()) {
      const meant = typeof pattern === 'string' ? patternWithSlashes(pattern) : undefined;
      if (meant === undefined) continue;
      problems.push(
        problemAt(
          `The ${named} '${nameExcerpt(pattern as string)}'${where} ${separatesFoldersWithBackslash('a glob reads as an escape: it matches no folder', nameExcerpt(meant))}`,
          offsetOfPath(document, [...at, String(index)]),
          IGNORE_BACKSLASH_HINT,
        ),
      );
    }
  }
  // In the file's order: the first reads as it would alone, the others follow it.
  if (problems.length > 0)
    throw userErrorsTogether(problems.sort((a, b) => a.offset - b.offset).map((problem) => problem.error));

  const ignore = config.ignore ?? [];
  const placeOf = (at: string[]): ConfigPlace => {
    const { line, col } = lineCounter.linePos(offsetOfPath(document, at));
    return { line, column: col };
  };
  return {
    path: file,
    ...(config.profile && { profile: config.profile }),
    rules: config.rules ?? {},
    ignore,
    ignorePlaces: ignore.map((_, index) => placeOf(['ignore', String(index)])),
    ...(config.overrides && {
      overrides: config.overrides,
      overridePlaces: config.overrides.map((override, index) =>
        override.files.map((_, glob) => placeOf(['overrides', String(index), 'files', String(glob)])),
      ),
    }),
  };
}

/** The file's rule maps, where they are in it, and how messages name an override's. */
function ruleMapsOf(
  rules: unknown,
  overrides: readonly { rules?: unknown }[],
): { at: string[]; rules: Record<string, unknown>; where: string }[] {
  return [
    { at: ['rules'], rules: isObject(rules) ? rules : {}, where: '' },
    ...overrides.map((entry, index) => ({
      at: ['overrides', String(index), 'rules'],
      rules: isObject(entry.rules) ? entry.rules : {},
      where: ` in overrides[${index}]`,
    })),
  ];
}

/** The file's lists of folder globs, where they are in it, and how messages name their patterns. */
function patternListsOf(
  ignore: unknown,
  overrides: readonly { files?: unknown }[],
): { at: string[]; patterns: readonly unknown[]; named: string; where: string }[] {
  return [
    { at: ['ignore'], patterns: Array.isArray(ignore) ? ignore : [], named: 'ignore pattern', where: '' },
    ...overrides.map((entry, index) => ({
      at: ['overrides', String(index), 'files'],
      patterns: Array.isArray(entry.files) ? entry.files : [],
      named: 'files pattern',
      where: ` in overrides[${index}]`,
    })),
  ];
}

/** The first syntax error of JSON text (none in an empty file, which only marks where the search stops). */
function firstJsonSyntaxIssue(text: string): JsonSyntaxIssue | undefined {
  return JsonDocument.parse(text).syntaxIssues[0];
}

/** A mistake of the file and where it starts, to report them in the file's order. */
interface Problem {
  offset: number;
  error: UsageError;
}

/** The document as plain data; the yaml package throws on alias bombs (too many `*alias` expansions). */
function toPlainValue(
  document: Document,
  fail: (message: string, offset: number, hint?: string) => never,
): unknown {
  try {
    return document.toJS();
  } catch (error) {
    return fail(
      `The configuration file cannot be read as data: ${parserMessage((error as Error).message)}.`,
      0,
      'Avoid YAML aliases.',
    );
  }
}

/** V8's message for a stack overflow (a RangeError), which the YAML parser catches into its errors. */
const STACK_OVERFLOW = /Maximum call stack size exceeded/;

/**
 * The longest the YAML parser's message is shown. Its own sentences are under 100 characters, but some
 * end with the text they are about (a tag, an alias, a block scalar's header), quoted whole: a tag of
 * 12,000 characters made a message of 12,000.
 */
const MAX_PARSER_MESSAGE_LENGTH = 200;

/** The YAML parser's message for the user's, cut to a line, without its full stop. */
function parserMessage(message: string): string {
  return excerpt(withoutFullStop(message), MAX_PARSER_MESSAGE_LENGTH);
}

/**
 * The most bytes of a configuration file read. One is a few lines; a file of every rule id, each with
 * a comment, is under 64 KB. 1 MB leaves room for any that is written by hand or by a script, and a
 * path that names something else (/dev/zero grew to 640 MB before Node's string limit stopped it, a
 * log file) is refused after that, not read whole.
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;

async function readConfigText(file: string, cwd: string): Promise<string> {
  try {
    return (await readFileWithin(file, MAX_CONFIG_BYTES)).toString('utf8');
  } catch (error) {
    const shown = toDisplayPath(cwd, file);
    if (error instanceof FileTooLarge) {
      throw new UsageError(
        `The configuration file holds more than ${formatByteLimit(MAX_CONFIG_BYTES)}; it was not read.`,
        {
          location: { file: shown },
          hint: 'A configuration file is a few lines of YAML or JSON: check that the path names it.',
        },
      );
    }
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
      throw new UsageError('is a folder, not a configuration file.', {
        location: { file: shown },
        hint: `Give the file itself, e.g. ${path.join(shown, CONFIG_FILE_NAMES[0]!)}.`,
      });
    }
    // Not there (located at the file in the way of its path, or at the link that leads nowhere or
    // round in a loop), or refused by the file system: core's words for a file that cannot be read.
    const said = fileReadError(shown, error, {
      cwd,
      hint: `Check the path, or leave it out to use ${CONFIG_FILE_NAMES.join(', ')} from the repository.`,
      subject: 'The configuration file',
      missing: 'The configuration file does not exist.',
    });
    if (isUserError(said)) throw said;
    throw new UsageError(`The configuration file cannot be read: ${notReadReason(error)}.`, {
      location: { file: shown },
      hint: 'A configuration file is a few lines of YAML or JSON: check that the path names it.',
      cause: error,
    });
  }
}

/** Why Node could not read a file that the file system did not refuse (no system call failed). */
function notReadReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${errorMessage(error)} (${code})` : errorMessage(error);
}
