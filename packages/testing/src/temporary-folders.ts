import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
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

/**
 * The staging files and folders that core's `temporarySibling` made for `target` and left beside it
 * (`.<name>.<random>.tmp`): only this target's, since other test files running at the same time stage
 * their own in the same system temp folder.
 */
export function stagingLeftBeside(target: string): string[] {
  const prefix = `.${path.basename(target)}.`;
  return readdirSync(path.dirname(target)).filter(
    (name) => name.startsWith(prefix) && /\.tmp[^/]*$/.test(name),
  );
}
