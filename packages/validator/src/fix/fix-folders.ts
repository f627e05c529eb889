import { plural } from '@connector-alm/core';
import { DEFAULT_CONFIG, type ValidatorConfig } from '../config/config-types.js';
import { ruleReports } from '../engine.js';
import {
  JSON_FILE_KINDS,
  displayPathIn,
  loadConnectorFolder,
  type ConnectorFolder,
  type JsonFile,
  type JsonFileKind,
} from '../loader/connector-folder.js';
import type { FileKind, Profile } from '../model/finding.js';
import type { FileRename } from '../model/report.js';
import type { RuleDefinition } from '../model/rule.js';
import { ALL_RULES } from '../rules/index.js';
import { checkedFoldersToValidate, resolveProfile } from '../validate.js';
import { folderSettings } from '../config/folder-settings.js';
import type { JsonDocument } from '../json/json-document.js';
import { renameConnectorFiles, type RenamedFile } from './file-renames.js';
import { fixJsonFileText, savedAsUtf16 } from './json-fix.js';
import type { JsonEdits } from './json-edits.js';
import { keyAt, renameKeys, type KeyRename } from './key-renames.js';
import { unmarkedFixReason } from './marked-fixes.js';
import { writeValues, type ValueWrite } from './value-writes.js';
import { writeFixedFile } from './write-fixed-file.js';

/** A JSON file whose syntax slips, misspelled keys or values were written fixed. */
export interface FixedJsonFile {
  /** The path as findings name it. */
  file: string;
  /** How many GEN-JSON-PARSE findings the fix made go away. */
  slips: number;
  /** How many misspelled keys were renamed to the spelling their finding names. */
  keys: number;
  /** How many values were written as their finding names them (`Advanced` as `advanced`). */
  values: number;
}

/** A JSON file left as it is, or a key or value of it left as written, and why. */
export interface UnfixedJsonFile {
  file: string;
  reason: string;
}

export interface JsonFixReport {
  /** The connector files renamed to their canonical names, before any was edited; absent when none. */
  renamed?: RenamedFile[];
  fixed: FixedJsonFile[];
  notFixed: UnfixedJsonFile[];
}

export interface FixOptions {
  cwd?: string;
  config?: ValidatorConfig;
  /** As `validate --profile`: the rules on in that profile name the keys to rename. */
  profile?: Profile;
  /**
   * The rules whose fixes are made: RULES_NAMING_FIXES. Another list is for tests, which prove with
   * a made-up rule what no rule of the catalog does (a fix of another kind than its mark).
   */
  rules?: readonly RuleDefinition[];
}

/**
 * `validate --fix`: writes into the JSON files of the connector folders that `validatePaths` checks
 * (the same paths, the same configuration) the edits that their GEN-JSON-PARSE findings name, each
 * file whose findings all name one; then, read again as fixed, the keys that the rules name the
 * spelling of (SWG-ADDL-PROP's `basepath`, SWG-XMS-UNKNOWN's `x-ms-visibilty`); then, read again as
 * renamed, the values whose right form the rules name (SWG-VISIBILITY-ENUM's `Advanced`, an integer
 * default "10"). A file left with its syntax errors gets no key renamed nor value written, and its
 * reason says so. Files are read as the loader reads them,
 * so a link out of the folder is neither read nor written. Validating afterwards reports the files
 * as they are now.
 */
export async function fixJsonSlips(
  paths: readonly string[],
  options: FixOptions = {},
): Promise<JsonFixReport> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? DEFAULT_CONFIG;
  const rules = options.rules ?? RULES_NAMING_FIXES;
  const report: JsonFixReport = { fixed: [], notFixed: [] };
  for (const folder of await checkedFoldersToValidate(paths, cwd, config)) {
    let connector = await loadConnectorFolder(folder, cwd);
    const profile = resolveProfile(connector.absolutePath, options.profile, config);
    const overrides = folderSettings(connector.absolutePath, config).rules;
    const fixesNamed = (connector: ConnectorFolder): NamedFixes => {
      const named = markedFixesNamed(connector, { profile, rules, overrides });
      notFixedOnce(report, named.unmarked);
      return named;
    };
    // Files first: the edits below are made in, and named by, the files as renamed.
    const fileRenames = fixesNamed(connector).files;
    if (fileRenames.length > 0) {
      const { renamed, notRenamed } = await renameConnectorFiles(connector, fileRenames);
      if (renamed.length > 0) report.renamed = [...(report.renamed ?? []), ...renamed];
      report.notFixed.push(...notRenamed);
      if (renamed.length > 0) connector = await loadConnectorFolder(folder, cwd);
    }
    const fixed = new Map<JsonFileKind, FixedJsonFile>();
    const leftAsIs = new Map<JsonFileKind, UnfixedJsonFile>();
    for (const kind of JSON_FILE_KINDS) {
      const file = connector.files[kind];
      if (file === undefined) continue;
      const outcome = await fixJsonFile(connector.absolutePath, file);
      if (typeof outcome === 'number') {
        fixed.set(kind, { file: file.displayPath, slips: outcome, keys: 0, values: 0 });
      } else if (outcome !== undefined) leftAsIs.set(kind, { file: file.displayPath, reason: outcome });
    }
    // The rules read the files as they are now: the keys are renamed in the fixed text.
    if (fixed.size > 0) connector = await loadConnectorFolder(folder, cwd);
    let fixes = fixesNamed(connector);
    // A file left with its syntax errors gets no key renamed nor value written (where a key stands
    // in text that is not JSON is a reading of it, not a fact): its reason says so, lest the maker
    // take them for made.
    for (const [kind, { file, reason }] of leftAsIs) {
      const left = [renamesLeft(fixes.renames.get(kind) ?? []), writesLeft(fixes.writes.get(kind) ?? [])];
      report.notFixed.push({ file, reason: [reason, ...left.filter((text) => text !== '')].join(' ') });
    }
    const count = (kind: JsonFileKind): FixedJsonFile => {
      const counted = fixed.get(kind) ?? {
        file: connector.files[kind]!.displayPath,
        slips: 0,
        keys: 0,
        values: 0,
      };
      fixed.set(kind, counted);
      return counted;
    };
    // A renamed key can bring keys to light that no rule read under it while it was misspelled
    // (`"Parameters": [{ "In": "query" }]`): the rules read the renamed files again, and rename
    // those too, so that one run makes every rename its findings named, nested ones included.
    for (let round = 1; round <= MAX_RENAME_ROUNDS; round++) {
      let renamed = false;
      for (const kind of JSON_FILE_KINDS) {
        const file = connector.files[kind];
        if (file === undefined || leftAsIs.has(kind)) continue;
        const keys = await renameKeysOfFile(
          connector.absolutePath,
          file,
          fixes.renames.get(kind) ?? [],
          report,
        );
        if (keys > 0) {
          count(kind).keys += keys;
          renamed = true;
        }
      }
      if (!renamed) break;
      // Values are written once the keys are renamed: a value under a misspelled key
      // (`x-ms-visibilty: "Advanced"`) is judged only once the key is spelled right, and the places
      // of the rest are read from the renamed text.
      connector = await loadConnectorFolder(folder, cwd);
      fixes = fixesNamed(connector);
    }
    const valueWrites = fixes.writes;
    for (const kind of JSON_FILE_KINDS) {
      const file = connector.files[kind];
      if (file === undefined || leftAsIs.has(kind)) continue;
      const values = await writeValuesOfFile(
        connector.absolutePath,
        file,
        valueWrites.get(kind) ?? [],
        report,
      );
      if (values > 0) count(kind).values = values;
    }
    report.fixed.push(...JSON_FILE_KINDS.flatMap((kind) => fixed.get(kind) ?? []));
  }
  return report;
}

/**
 * The most rounds of renames one run makes: each renames keys that the round before brought to
 * light under a key it renamed, so this bounds how deep renamed keys nest (a misnamed `Parameters`
 * holding a misnamed `In` is two), never how many are renamed.
 */
const MAX_RENAME_ROUNDS = 4;

/** The rules whose reports may carry a fix: the rest could only find what validating finds next. */
export const RULES_NAMING_FIXES = ALL_RULES.filter((rule) => rule.namesFixes);

/**
 * The fixes that the rules on for the folder name: by file, keys to rename and values to write; and
 * the folder's files to rename. `unmarked`: the fixes left as not of the kind their rule is marked
 * with, and why.
 */
interface NamedFixes {
  renames: Map<FileKind, KeyRename[]>;
  writes: Map<FileKind, ValueWrite[]>;
  files: FileRename[];
  unmarked: UnfixedJsonFile[];
}

function markedFixesNamed(
  connector: ConnectorFolder,
  options: {
    profile: Profile;
    rules: readonly RuleDefinition[];
    overrides: ReturnType<typeof folderSettings>['rules'];
  },
): NamedFixes {
  const fixes: NamedFixes = { renames: new Map(), writes: new Map(), files: [], unmarked: [] };
  const add = <T>(map: Map<FileKind, T[]>, kind: FileKind, fix: T): void => {
    map.set(kind, [...(map.get(kind) ?? []), fix]);
  };
  for (const { rule, report } of ruleReports(connector, options)) {
    const { fix, pointer } = report;
    if (fix === undefined) continue;
    const kind = report.file ?? rule.file;
    const unmarked = unmarkedFixReason(rule, fix);
    if (unmarked !== undefined) {
      const file =
        'renameFile' in fix
          ? displayPathIn(connector.displayPath, fix.renameFile.from)
          : (connector.files[kind as keyof ConnectorFolder['files']]?.displayPath ?? connector.displayPath);
      fixes.unmarked.push({ file, reason: unmarked });
      continue;
    }
    if ('renameFile' in fix) fixes.files.push(fix.renameFile);
    if ('renameFile' in fix || pointer === undefined || report.path !== undefined) continue;
    if ('renameKey' in fix) add(fixes.renames, kind, { pointer, to: fix.renameKey });
    else add(fixes.writes, kind, { pointer, to: fix.writeValue });
  }
  return fixes;
}

/** Adds each reason to `report.notFixed` unless it is there: the rules are run several times a folder. */
function notFixedOnce(report: JsonFixReport, left: readonly UnfixedJsonFile[]): void {
  for (const { file, reason } of left) {
    if (!report.notFixed.some((said) => said.file === file && said.reason === reason))
      report.notFixed.push({ file, reason });
  }
}

/**
 * Writes the values of one file that findings name; the number written. Why a write was not made
 * goes to `report.notFixed`. A file whose syntax was left as it is does not come here (see `writesLeft`).
 */
async function writeValuesOfFile(
  folder: string,
  file: JsonFile,
  writes: readonly ValueWrite[],
  report: JsonFixReport,
): Promise<number> {
  if (writes.length === 0) return 0;
  return editFile(folder, file, report, `${valuesNamed(writes, 'its')} written`, (document) =>
    writeValues(document, writes),
  );
}

/** What the reason of a file left with its syntax errors adds about the values findings name in it. */
function writesLeft(writes: readonly ValueWrite[]): string {
  if (writes.length === 0) return '';
  return `${valuesNamed(writes, 'Its')} written either: values are written only in a file that is strict JSON; run validate --fix again once its syntax is fixed.`;
}

/** `Its value at /x was not`, `its 2 values (…) were not`. */
function valuesNamed(writes: readonly ValueWrite[], its: string): string {
  const pointers = [...new Set(writes.map((write) => write.pointer))];
  const named = pointers.slice(0, 3).map((pointer) => pointer || '/');
  if (pointers.length > 3) named.push(`${pointers.length - 3} more`);
  if (named.length === 1) return `${its} value at ${named[0]!} was not`;
  const list = `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]!}`;
  return `${its} ${plural(pointers.length, 'value')} (at ${list}) were not`;
}

/**
 * Renames the keys of one file and writes it; the number renamed. Why a rename was not made goes to
 * `report.notFixed`. A file whose syntax was left as it is does not come here (see `renamesLeft`).
 */
async function renameKeysOfFile(
  folder: string,
  file: JsonFile,
  renames: readonly KeyRename[],
  report: JsonFixReport,
): Promise<number> {
  if (renames.length === 0) return 0;
  return editFile(folder, file, report, `${keysNamed(renames, 'its')} renamed`, (document) =>
    renameKeys(document, renames),
  );
}

/**
 * Makes the edits `edit` works out in a strict JSON file, and writes it; the number of fixes made.
 * Why one was not made goes to `report.notFixed`; `unmade` says what was not done in a file that is
 * not UTF-8 ("its misspelled key … was not renamed").
 */
async function editFile(
  folder: string,
  file: JsonFile,
  report: JsonFixReport,
  unmade: string,
  edit: (document: JsonDocument) => JsonEdits,
): Promise<number> {
  const document = file.document;
  if (document === undefined || !document.isStrictJson) return 0;
  if (file.issues.some((issue) => issue.ruleId === 'GEN-ENCODING')) {
    // Its text holds U+FFFD for the bytes that are not UTF-8: written back, they would be lost.
    report.notFixed.push({
      file: file.displayPath,
      reason: `it is not valid UTF-8 (GEN-ENCODING), so ${unmade}: written back, the bytes that are not UTF-8 would be lost; save it as UTF-8 first.`,
    });
    return 0;
  }
  if (savedAsUtf16(file)) {
    report.notFixed.push({
      file: file.displayPath,
      reason: `it is saved as UTF-16 (GEN-BINARY), so ${unmade}; save it as UTF-8 first.`,
    });
    return 0;
  }
  const edited = edit(document);
  for (const reason of edited.refused) {
    // A rename refused is asked for again in the next round of renames: said once.
    const said = report.notFixed.some((left) => left.file === file.displayPath && left.reason === reason);
    if (!said) report.notFixed.push({ file: file.displayPath, reason });
  }
  if (edited.made === 0) return 0;
  const bom = document.hadBom ? '\ufeff' : '';
  const written = await writeFixedFile(folder, file.name, bom + document.text, bom + edited.text);
  if (written.written) return edited.made;
  report.notFixed.push({ file: file.displayPath, reason: written.reason });
  return 0;
}

/**
 * What the reason of a file left with its syntax errors adds about the keys that findings name the
 * spelling of in it; '' when none does.
 */
function renamesLeft(renames: readonly KeyRename[]): string {
  if (renames.length === 0) return '';
  return `${keysNamed(renames, 'Its')} renamed either: keys are renamed only in a file that is strict JSON; run validate --fix again once its syntax is fixed.`;
}

/** `Its misspelled key 'basepath' at /basepath was not`, `its 2 misspelled keys (…) were not`. */
function keysNamed(renames: readonly KeyRename[], its: string): string {
  const pointers = [...new Set(renames.map((rename) => rename.pointer))];
  const named = pointers.slice(0, 3).map(keyAt);
  if (pointers.length > 3) named.push(`${pointers.length - 3} more`);
  if (named.length === 1) return `${its} misspelled key ${named[0]!} was not`;
  const list = `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]!}`;
  return `${its} ${plural(pointers.length, 'misspelled key')} (${list}) were not`;
}

/** The number of slips fixed; the reason the file was left as it is; or undefined: nothing to fix. */
async function fixJsonFile(folder: string, file: JsonFile): Promise<number | string | undefined> {
  const outcome = fixJsonFileText(file);
  if (outcome === undefined) return undefined;
  const { read, fix } = outcome;
  if (fix.outcome === 'strict') return undefined;
  if (fix.outcome === 'not-fixed') return fix.reason;
  const written = await writeFixedFile(folder, file.name, read, fix.text);
  return written.written ? fix.slips : written.reason;
}

/** One line per file, as `validate --fix` prints them on stderr. */
export function describeFixes(report: JsonFixReport): string[] {
  const keys = report.fixed.reduce((count, fixed) => count + fixed.keys, 0);
  return [
    ...(report.renamed ?? []).map(({ file, to }) => `renamed ${file} to ${to}`),
    ...report.fixed.map((fixed) => `fixed ${fixedThings(fixed)} in ${fixed.file}`),
    ...report.notFixed.map(({ file, reason }) => `not fixed: ${file}: ${reason}`),
    // A slip or a value fixed changes no behaviour; a key spelled right does, and the line above only
    // counts it: `x-ms-visibiltiy: internal` renamed hides the parameter, `basepath` moves every path.
    ...(keys > 0 ? [renamedKeysNote(keys)] : []),
  ];
}

/** Said after renames: each key takes effect now, which its misspelling never did. */
function renamedKeysNote(keys: number): string {
  return `note: ${keys === 1 ? 'the renamed key takes' : `the ${keys} renamed keys take`} effect now, as a misspelled key never did: read the renames (git diff) before committing; validate --base reports one that breaks existing flows.`;
}

/** `2 JSON slips, 1 misspelled key and 3 values`, naming only what there was. */
function fixedThings({ slips, keys, values }: FixedJsonFile): string {
  const things = [];
  if (slips > 0) things.push(plural(slips, 'JSON slip'));
  if (keys > 0) things.push(plural(keys, 'misspelled key'));
  if (values > 0) things.push(plural(values, 'value'));
  return things.length === 1
    ? things[0]!
    : `${things.slice(0, -1).join(', ')} and ${things[things.length - 1]!}`;
}
