import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every file of the connector folders: what the parse-only baseline reads. */
export async function folderFiles(folders: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const folder of folders) {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      if (entry.isFile()) files.push(path.join(folder, entry.name));
    }
  }
  return files;
}

/**
 * The baseline of the validation benches: only reading every file and JSON.parse-ing the JSON ones.
 * Synchronous reads, the fastest way to read many small files, so that the baseline is not flattered.
 */
export function readAndParseOnly(files: readonly string[]): void {
  for (const file of files) {
    const bytes = readFileSync(file);
    if (file.toLowerCase().endsWith('.json')) {
      try {
        JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
      } catch {
        // The corpus has files that are not strict JSON; parse-only simply moves on.
      }
    }
  }
}

/** The parsed values of every JSON file, kept: what a pass over the documents walks. */
export function parsedValues(files: readonly string[]): unknown[] {
  const values: unknown[] = [];
  for (const file of files) {
    if (!file.toLowerCase().endsWith('.json')) continue;
    try {
      values.push(JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')));
    } catch {
      // Not strict JSON: not part of the walk.
    }
  }
  return values;
}

/**
 * Visits every object, array and member of a parsed value and does nothing else: the least one pass
 * of a single-pass design over the documents would cost. Returns the number of members seen, so that
 * the walk cannot be optimised away.
 */
export function bareWalk(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let members = 0;
  if (Array.isArray(value)) {
    for (const element of value) members += 1 + bareWalk(element);
    return members;
  }
  for (const key in value) members += 1 + bareWalk((value as Record<string, unknown>)[key]);
  return members;
}
