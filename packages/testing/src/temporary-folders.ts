import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Temporary folders for one test file, made one per test and removed together by `cleanup` (from afterAll). */
export function temporaryFolders(prefix: string): { make(): string; cleanup(): void } {
  const made: string[] = [];
  return {
    make: () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    cleanup: () => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })),
  };
}
