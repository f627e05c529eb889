import { readdirSync } from 'node:fs';
import path from 'node:path';
import { slashedPathToRead } from './backslash-paths.js';
import { closestMatch } from './did-you-mean.js';
import type { UsageError } from './errors.js';
import { missingPathError } from './file-in-the-way.js';

/**
 * missingPathError for a path meant to name a folder (a connector folder, or one that holds them),
 * with the folder beside it that it most likely misspells: "does not exist. Did you mean
 * 'certified-connectors/Airmeet'?" for `certified-connectors/airmeet`, as someone used to a file
 * system that ignores case types it, or `Airtable` for `Airtable [DEPRECATED]`. `pr`, `validate` and
 * `diff` say it alike; only `pr` did. A `\` slip keeps its own words, with the `/` version to give.
 */
export function missingFolderError(
  given: string,
  hint: string,
  options: { cwd?: string; cause?: unknown } = {},
): UsageError {
  const cwd = options.cwd ?? process.cwd();
  const meant = slashedPathToRead(given, { cwd }) === undefined ? folderMeant(given, cwd) : undefined;
  return missingPathError(given, hint, {
    ...options,
    cwd,
    ...(meant === undefined ? {} : { message: `does not exist. Did you mean '${meant}'?` }),
  });
}

/** The folder beside a missing path whose name is closest to its name, named as the path was given. */
function folderMeant(given: string, cwd: string): string | undefined {
  const absolute = path.resolve(cwd, given);
  let folders: string[];
  try {
    folders = readdirSync(path.dirname(absolute), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    // The folder above is not there (or not readable) either: nothing beside the path to offer.
    return undefined;
  }
  const match = closestMatch(path.basename(absolute), folders);
  return match === undefined ? undefined : path.join(path.dirname(given), match);
}
