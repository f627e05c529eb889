import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from '@jest/globals';

/**
 * Every folder temporaryFolder made in this test file (Jest gives each test file its own copy of this
 * module), removed after its last test by the hook below, which importing this module registers: a
 * test, a hook or a helper may make one wherever it runs, and none is left in the system temp folder,
 * whether the test passed or failed (test runs had left thousands there). The hook comes before the
 * test file's own top-level afterAll hooks, as the file imports this module first: those must not
 * need the folders.
 */
const made: string[] = [];
afterAll(() => removeFolders(made));

/**
 * A new, empty folder in the system temp folder (`<tmp>/<prefix>1a2b3c`), removed with all it holds
 * after the test file's last test.
 */
export function temporaryFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * temporaryFolder for one test file's folders of one kind: `make` one per test; `cleanup` removes
 * those made so far at once, for a file whose folders are too many or too large to keep to its end.
 */
export function temporaryFolders(prefix: string): { make(): string; cleanup(): void } {
  const own: string[] = [];
  return {
    make: () => {
      const dir = temporaryFolder(prefix);
      own.push(dir);
      return dir;
    },
    cleanup: () => removeFolders(own),
  };
}

/** Removes the folders and empties the list; every folder is tried before a failure is reported. */
function removeFolders(folders: string[]): void {
  const failures: string[] = [];
  for (const dir of folders.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      failures.push(String(error));
    }
  }
  if (failures.length > 0) throw new Error(`Temporary folders left behind:\n${failures.join('\n')}`);
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
