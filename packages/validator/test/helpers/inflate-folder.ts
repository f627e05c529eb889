import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../../src/model/finding.js';
import { validateFolder } from '../../src/validate.js';
import { MAX_NAME_LENGTH } from '../../src/text/message-values.js';
import {
  countStrings,
  inflateJson,
  inflateReadme,
  inflateScript,
  PAD,
  type InflateOptions,
} from './inflate.js';

/**
 * The I/O of inflation (inflate.ts): a connector folder copied with its files inflated, and the
 * findings of such a copy that quote a value whole.
 */

/** What one JSON file's copy may hold in padding, so that no copy nears MAX_FILE_BYTES (64 MB). */
const JSON_PADDING_BUDGET = 16_000_000;
/** A script over 1 MB is not compiled (rules/script.ts): its padding stays well under. */
const SCRIPT_PADDING_BUDGET = 800_000;
/** A script identifier or literal is padded to no less than this, or fewer of them are. */
const MIN_SCRIPT_LENGTH = 2_000;

export interface FolderInflation extends InflateOptions {
  /** Pads the script's identifiers as well as its string literals. */
  identifiers?: boolean;
}

/**
 * Copies the connector folder `source` to `target` (which it creates) with apiDefinition.swagger.json,
 * apiProperties.json and settings.json, the readme and script.csx inflated; other files as they are.
 * A JSON file that does not parse is copied as it is. A large file has every `stride`-th string
 * padded instead of each, its stride made larger so that its copy holds no more than a budget.
 */
export function inflateConnector(source: string, target: string, options: FolderInflation): void {
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source)) {
    const from = path.join(source, name);
    const to = path.join(target, name);
    if (!statSync(from).isFile()) continue;
    const lower = name.toLowerCase();
    const text = () => readFileSync(from, 'utf8');
    if (lower.endsWith('.json')) {
      writeFileSync(to, inflatedJsonText(text(), options));
    } else if (lower === 'readme.md' || lower === 'intro.md') {
      writeFileSync(to, inflateReadme(text(), options));
    } else if (lower === 'script.csx') {
      writeFileSync(to, inflatedScript(text(), options));
    } else {
      copyFileSync(from, to);
    }
  }
}

function inflatedJsonText(text: string, options: FolderInflation): string {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return text;
  }
  const length = options.valueLength ?? 12_000;
  const least = Math.ceil((countStrings(value) * length) / JSON_PADDING_BUDGET);
  const stride = Math.max(options.stride ?? 1, least);
  return JSON.stringify(inflateJson(value, { ...options, stride }), null, 2);
}

function inflatedScript(text: string, options: FolderInflation): string {
  const tokens = (text.match(/"|[A-Za-z_][A-Za-z0-9_]*/g) ?? []).length;
  const length = Math.max(
    MIN_SCRIPT_LENGTH,
    Math.min(options.valueLength ?? 12_000, Math.floor(SCRIPT_PADDING_BUDGET / Math.max(tokens, 1))),
  );
  const least = Math.ceil((tokens * length) / SCRIPT_PADDING_BUDGET);
  // Identifiers are padded alike wherever they occur, so all of them or none: when they would not
  // fit, only the literals are.
  const identifiers = options.identifiers === true && least <= 1;
  return inflateScript(text, {
    ...options,
    identifiers,
    length,
    stride: Math.max(options.stride ?? 1, least),
  });
}

/**
 * The findings of the connector folder `folder` inflated as `options` says: validated in-process, as
 * the CLI does, in a copy under a top folder of the same name (so with the same profile), removed
 * once validated.
 */
export async function inflatedFindings(folder: string, options: FolderInflation): Promise<Finding[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'connector-alm-inflated-'));
  try {
    const target = path.join(root, path.basename(path.dirname(folder)), path.basename(folder));
    inflateConnector(folder, target, options);
    return (await validateFolder(target, { cwd: root })).findings;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A message at least this long quoted something unbounded: real ones stay under 5,000. */
export const LONG_MESSAGE = 6_000;

/** Why a finding of an inflated copy is a defect, or undefined when it is not. */
export function quotesWhole(finding: Finding): string | undefined {
  const { message } = finding;
  if (message.includes('(Message cut:')) return 'cut';
  if (message.length > LONG_MESSAGE) return `long (${message.length})`;
  if (longestRun(message, PAD) > MAX_NAME_LENGTH) return 'quotes a padded value or key whole';
  if (message.startsWith('Internal error')) return 'internal error';
  if (!(finding.line >= 1) || !(finding.column >= 1)) return 'no line';
  return undefined;
}

function longestRun(text: string, character: string): number {
  let longest = 0;
  let run = 0;
  for (let index = 0; index < text.length; index++) {
    run = text[index] === character ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
