import { plural } from '@connector-alm/core';
import { DEFAULT_CONFIG, type ValidatorConfig } from '../config/config-types.js';
import { loadConnectorFolder, type JsonFile } from '../loader/connector-folder.js';
import { foldersToValidate } from '../validate.js';
import { fixJsonText } from './json-fix.js';
import { writeFixedFile } from './write-fixed-file.js';

/** A JSON file whose syntax slips were written fixed. */
export interface FixedJsonFile {
  /** The path as findings name it. */
  file: string;
  /** How many GEN-JSON-PARSE findings the fix made go away. */
  slips: number;
}

/** A JSON file with syntax errors that was left as it is, and why. */
export interface UnfixedJsonFile {
  file: string;
  reason: string;
}

export interface JsonFixReport {
  fixed: FixedJsonFile[];
  notFixed: UnfixedJsonFile[];
}

export interface FixOptions {
  cwd?: string;
  config?: ValidatorConfig;
}

/**
 * `validate --fix`: writes into the JSON files of the connector folders that `validatePaths` checks
 * (the same paths, the same configuration) the edits that their GEN-JSON-PARSE findings name, each
 * file whose findings all name one. Files are read as the loader reads them, so a link out of the
 * folder is neither read nor written. Validating afterwards reports the files as they are now.
 */
export async function fixJsonSlips(
  paths: readonly string[],
  options: FixOptions = {},
): Promise<JsonFixReport> {
  const cwd = options.cwd ?? process.cwd();
  const report: JsonFixReport = { fixed: [], notFixed: [] };
  for (const folder of await foldersToValidate(paths, cwd, options.config ?? DEFAULT_CONFIG)) {
    const connector = await loadConnectorFolder(folder, cwd);
    const { swagger, apiProperties, settings } = connector.files;
    for (const file of [swagger, apiProperties, settings]) {
      if (file === undefined) continue;
      const outcome = await fixJsonFile(connector.absolutePath, file);
      if (typeof outcome === 'number') report.fixed.push({ file: file.displayPath, slips: outcome });
      else if (outcome !== undefined) report.notFixed.push({ file: file.displayPath, reason: outcome });
    }
  }
  return report;
}

/** The number of slips fixed; the reason the file was left as it is; or undefined: nothing to fix. */
async function fixJsonFile(folder: string, file: JsonFile): Promise<number | string | undefined> {
  const document = file.document;
  // A file that could not be read says why under its own rule (GEN-SYMLINK, GEN-UNREADABLE, …).
  if (document === undefined || document.isStrictJson) return undefined;
  if (file.issues.some((issue) => issue.ruleId === 'GEN-ENCODING')) {
    // Its text holds U+FFFD for the bytes that are not UTF-8: written back, they would be lost.
    return 'it is not valid UTF-8 (GEN-ENCODING); save it as UTF-8 first.';
  }
  const read = (document.hadBom ? '\ufeff' : '') + document.text;
  const fix = fixJsonText(read);
  if (fix.outcome === 'strict') return undefined;
  if (fix.outcome === 'not-fixed') return fix.reason;
  const written = await writeFixedFile(folder, file.name, read, fix.text);
  return written.written ? fix.slips : written.reason;
}

/** One line per file, as `validate --fix` prints them on stderr. */
export function describeFixes(report: JsonFixReport): string[] {
  return [
    ...report.fixed.map(({ file, slips }) => `fixed ${plural(slips, 'JSON slip')} in ${file}`),
    ...report.notFixed.map(({ file, reason }) => `not fixed: ${file}: ${reason}`),
  ];
}
