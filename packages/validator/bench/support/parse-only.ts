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
