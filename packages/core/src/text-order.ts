import path from 'node:path';
import { slashSeparated } from './paths.js';

/**
 * One collation for every machine. `localeCompare` without a locale follows the machine's (LANG,
 * LC_ALL): Swedish sorts 'ä' after 'z' and Turkish puts 'ı' before 'I', so the same check listed its
 * findings in another order on a maker's laptop than in CI. English is what the runners use, so the
 * order there is unchanged.
 */
let english: Intl.Collator | undefined;

/**
 * Orders text as people read it (case and accents second), the same on every machine. The collator is
 * made when first used: making it loads ICU's collation data, a fifth of what loading the CLI bundle
 * ran at the top level (~5 ms of every start, `--version` and `--help` included).
 */
export function compareText(a: string, b: string): number {
  return (english ??= new Intl.Collator('en')).compare(a, b);
}

/** Orders by UTF-16 code unit, as `Array.prototype.sort()` does: what no locale changes. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders folder paths as discovery lists them (loader/discover.ts `sortFolderPaths`), by their
 * '/'-separated form: `validate` reports connectors in this order, and whatever else lists them
 * (findings sorted together, the PR check's results) must agree with it. `paths` lets tests pass
 * path.win32.
 */
export function compareFolderPaths(a: string, b: string, paths: path.PlatformPath = path): number {
  return compareCodeUnits(slashSeparated(a, paths), slashSeparated(b, paths));
}
