import { promises as fs } from 'node:fs';
import path from 'node:path';
import { shellWord, toDisplayPath, UsageError, type SaySetting } from '@connector-alm/core';
import { FOLDER_SOLUTION } from './layout.js';

/**
 * What a solution zip was given for: to be read (extract-connectors, build-solution --existing,
 * which take an unpacked folder too), unpacked, or imported. Each is told what to give instead.
 */
export type ZipUse = 'read' | 'unpack' | 'import';

/**
 * How many folders up from what was given its solution's root is looked for: Other/Solution.xml is
 * one below the root, a connector's part or a flow one or two, a web resource's file a few more.
 */
const LEVELS_UP = 4;

/** The first bytes of every zip: a local file header, or the end record of an empty archive. */
const ZIP_STARTS = ['PK\x03\x04', 'PK\x05\x06'];

/**
 * The usage error for an unpacked solution, or a file or folder of one, given where a solution zip
 * goes (`extract-connectors u/Other/Solution.xml cc` was told that the file "is not a zip archive…
 * Export or download the solution again"), saying what to give instead; undefined when `given` is
 * no such thing, or is a zip (a broken zip kept in the folder keeps the zip reader's own error).
 * `cwd` names the solution's folder as the person reaches it.
 */
export async function unpackedForZipError(
  given: string,
  use: ZipUse,
  options: { cwd: string; say: SaySetting },
): Promise<UsageError | undefined> {
  const target = path.resolve(options.cwd, given);
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat) return undefined;
  if (stat.isFile() && (await startsLikeZip(target))) return undefined;
  const root = await solutionRootOf(stat.isDirectory() ? target : path.dirname(target));
  if (root === undefined) return undefined;
  // As typed in a command: the hint's commands take it as it is, and prose quotes it where a space would blur it.
  const folder = shellWord(toDisplayPath(options.cwd, root));
  // The location names the file or folder given: the message does not say it again.
  const what =
    root === target
      ? 'is an unpacked solution folder, not a solution zip.'
      : `is a ${stat.isDirectory() ? 'folder' : 'file'} of the unpacked solution in ${folder}, not a solution zip.`;
  return new UsageError(what, { location: { file: target }, hint: whatToGive(use, folder, options.say) });
}

function whatToGive(use: ZipUse, folder: string, say: SaySetting): string {
  const pack = say({
    option: `connector-alm pack ${folder} <solution.zip>`,
    input: `the pack-solution action with folder: ${folder}`,
  });
  if (use === 'read') return `Give the solution's folder itself: ${folder}.`;
  if (use === 'unpack')
    return `It is unpacked already: edit its files there. To make a solution zip of it, pack it (${pack}).`;
  return `Pack the solution's folder first (${pack}), then import the zip.`;
}

/** The nearest folder from `folder` up that holds Other/Solution.xml, up to LEVELS_UP folders up. */
async function solutionRootOf(folder: string): Promise<string | undefined> {
  let current = folder;
  for (let level = 0; level <= LEVELS_UP; level++) {
    const manifest = await fs.stat(path.join(current, FOLDER_SOLUTION)).catch(() => undefined);
    if (manifest?.isFile()) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

async function startsLikeZip(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return ZIP_STARTS.includes(buffer.toString('latin1', 0, bytesRead));
  } finally {
    await handle.close();
  }
}
