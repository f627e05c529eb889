import fs from 'node:fs';
import path from 'node:path';

/** The settings.json keys that name a file of the connector folder (paconn reads each of them). */
export const FILE_SETTINGS = ['apiProperties', 'apiDefinition', 'icon', 'script'] as const;

/**
 * Where a path settings.json gives leads: `absolute` (`C:\Users\…`, `\\server\share\…`, `/home/…`),
 * `outside` the connector folder (`../shared/icon.png`), or `inside` it, as its segments
 * (`scripts\script.csx` → scripts, script.csx; `./icon.png` → icon.png). Either separator, as
 * settings.json is written on Windows and read by paconn anywhere.
 */
export type SettingsFilePath =
  { kind: 'absolute' } | { kind: 'outside' } | { kind: 'inside'; segments: string[] };

export function settingsFilePath(value: string): SettingsFilePath {
  // A drive letter (`C:\`, or `C:` alone, which is relative to that drive's folder), a UNC or
  // root-relative path (`\\server`, `\Users`), or a POSIX one: none is the same file for anyone else.
  if (/^(?:[a-z]:|[\\/])/i.test(value)) return { kind: 'absolute' };
  const segments: string[] = [];
  for (const segment of value.split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.pop() === undefined) return { kind: 'outside' };
  }
  return { kind: 'inside', segments };
}

/** How filesNamedBelow keys a path: its segments in lower case, `/`-joined. */
export function nestedFileKey(segments: readonly string[]): string {
  return segments.join('/').toLowerCase();
}

/**
 * Of the paths settings.json gives (`settings`, its parsed value), those in a nested folder of the
 * connector folder `folder` that name a file there: keyed by nestedFileKey, so that SET-FILES-EXIST
 * looks them up without reading the disk itself. Names are matched without case, as the folder's own
 * files are (paconn runs on Windows). Links are not followed, as the loader follows none out of the
 * folder. Asks the disk only for such paths: nearly every settings.json names files beside it.
 */
export function filesNamedBelow(folder: string, settings: unknown): Set<string> {
  const found = new Set<string>();
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return found;
  for (const key of FILE_SETTINGS) {
    const value = (settings as Record<string, unknown>)[key];
    if (typeof value !== 'string') continue;
    const where = settingsFilePath(value);
    if (where.kind !== 'inside' || where.segments.length < 2) continue;
    if (holdsFile(folder, where.segments)) found.add(nestedFileKey(where.segments));
  }
  return found;
}

function holdsFile(folder: string, segments: readonly string[]): boolean {
  let at = folder;
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(at, { withFileTypes: true });
    } catch {
      // Not a folder, unreadable or gone: nothing says the file is there.
      return false;
    }
    const lower = segment.toLowerCase();
    const match =
      dirents.find((dirent) => dirent.name === segment) ??
      dirents.find((dirent) => dirent.name.toLowerCase() === lower);
    if (!match) return false;
    if (last) return match.isFile() || match.isSymbolicLink();
    if (!match.isDirectory()) return false;
    at = path.join(at, match.name);
  }
  return false;
}
