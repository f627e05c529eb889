import { statSync } from 'node:fs';
import path from 'node:path';
import { optionWords, shellWord, toDisplayPath, UsageError, type SaySetting } from '@connector-alm/core';
import { fileHead } from './file-head.js';

/**
 * A solution given where connector folders go (`validate x.zip`, `pr solutions/Contoso`): its
 * connectors are in Dataverse's layout, not PowerPlatformConnectors', and the rules read them only
 * once extract-connectors has written them into connector folders. Recognised here, to say so.
 */
export interface SolutionGiven {
  /**
   * A zip, an unpacked solution folder, a file of one (`Connectors/x_openapidefinition.json`), or a
   * folder of one (`Connectors/`; only from `folderOfUnpackedSolution`).
   */
  kind: 'zip' | 'unpacked' | 'file of unpacked' | 'folder of unpacked';
  /** The zip or unpacked folder, named as the path was given: what to give extract-connectors. */
  source: string;
}

/** Where unpack (and SolutionPackager) keep the manifest: the solution package's FOLDER_SOLUTION. */
const UNPACKED_MANIFEST = path.join('Other', 'Solution.xml');

/** How far above a file its unpacked solution is looked for: `Connectors/` and the like are one level down. */
const FOLDERS_UP = 3;

/** A zip's first bytes: a local file header, or the end record of an empty zip. */
const ZIP_SIGNATURES = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

/**
 * What `given` is of a solution, if anything: a zip (by its first bytes, whatever its name), an
 * unpacked solution (it holds Other/Solution.xml), or a file inside one. A path that cannot be read
 * is none: the caller's own error says so.
 */
export function solutionGiven(given: string, cwd: string): SolutionGiven | undefined {
  const absolute = path.resolve(cwd, given);
  const stat = statOrUndefined(absolute);
  if (stat === undefined) return undefined;
  if (stat.isDirectory())
    return isUnpackedSolution(absolute) ? { kind: 'unpacked', source: given } : undefined;
  if (stat.isFile() && startsLikeZip(absolute)) return { kind: 'zip', source: given };
  const solution = unpackedSolutionAbove(absolute, given, cwd);
  return solution === undefined ? undefined : { kind: 'file of unpacked', source: solution };
}

/**
 * The unpacked solution that a folder is in (`solutions/Contoso/Connectors`), named as the path was
 * given, or undefined. Not part of solutionGiven: a folder inside a solution's folder may well be a
 * connector folder (one extracted there); the caller asks only of a folder that holds no connector.
 */
export function folderOfUnpackedSolution(given: string, cwd: string): SolutionGiven | undefined {
  const solution = unpackedSolutionAbove(path.resolve(cwd, given), given, cwd);
  return solution === undefined ? undefined : { kind: 'folder of unpacked', source: solution };
}

/** The unpacked solution up to FOLDERS_UP folders above `absolute`, named as `given` is (absolute or not). */
function unpackedSolutionAbove(absolute: string, given: string, cwd: string): string | undefined {
  let folder = path.dirname(absolute);
  for (let up = 0; up < FOLDERS_UP; up++, folder = path.dirname(folder)) {
    if (isUnpackedSolution(folder)) return path.isAbsolute(given) ? folder : toDisplayPath(cwd, folder);
    if (path.dirname(folder) === folder) break;
  }
  return undefined;
}

/** The words of a solution given where connector folders (or a file of one) go: validate's and pr's. */
export const AS_CONNECTOR_PATH = {
  instead: 'a connector folder or a file of one',
  then: 'give those folders',
};

/** What `given` is, as a usage error's message says it of the path: "is a zip, not …". */
export function solutionGivenProblem(solution: SolutionGiven, instead: string): string {
  if (solution.kind === 'zip') return `is a zip (a solution?), not ${instead}.`;
  if (solution.kind === 'unpacked') return `is an unpacked solution, not ${instead}.`;
  if (solution.kind === 'folder of unpacked')
    return `is a folder of the unpacked solution '${solution.source}', not ${instead}.`;
  return `is a file of the unpacked solution '${solution.source}', not ${instead}.`;
}

/**
 * What to do with a solution given for its connectors: extract them into connector folders first,
 * with the command to copy (or the action, in a workflow's words). `then` says what to do after.
 */
export function extractFirstHint(
  solution: SolutionGiven,
  then: string,
  say: SaySetting = optionWords,
): string {
  const extract = say({
    option: `connector-alm extract-connectors ${shellWord(solution.source)} <destination-root>`,
    input: 'the extract-connectors action',
  });
  return `A solution's connectors are read in the PowerPlatformConnectors layout: extract them into connector folders first (${extract}, e.g. into custom-connectors), then ${then}.`;
}

/**
 * The usage error of a solution given where a connector folder or a file of one goes, located at
 * it, or undefined when `given` is no solution. `instead` is what was expected; `then` what to do
 * once the connectors are extracted.
 */
export function solutionGivenError(
  given: string,
  cwd: string,
  words: { instead: string; then: string; say?: SaySetting },
): UsageError | undefined {
  const solution = solutionGiven(given, cwd);
  if (solution === undefined) return undefined;
  return new UsageError(solutionGivenProblem(solution, words.instead), {
    location: { file: given },
    hint: extractFirstHint(solution, words.then, words.say),
  });
}

function isUnpackedSolution(folder: string): boolean {
  return statOrUndefined(path.join(folder, UNPACKED_MANIFEST))?.isFile() ?? false;
}

function startsLikeZip(file: string): boolean {
  const head = fileHead(file, 4);
  return ZIP_SIGNATURES.some((signature) => head?.equals(signature) === true);
}

function statOrUndefined(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
