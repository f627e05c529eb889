import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A folder in which nothing can be created, or undefined where the test cannot have one. A normal
 * user gets a folder with mode 0555. Root ignores modes; on Linux it still cannot create files in
 * sysfs (/sys/kernel: mkdir fails with EPERM, open with EACCES), a real refusal of the same kind.
 */
export function unwritableFolder(): { folder: string; cleanup(): void } | undefined {
  if (process.getuid?.() !== 0 && process.platform !== 'win32') {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'read-only-'));
    chmodSync(folder, 0o555);
    return {
      folder,
      cleanup: () => {
        chmodSync(folder, 0o755);
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  if (process.platform === 'linux' && existsSync('/sys/kernel'))
    return { folder: '/sys/kernel', cleanup() {} };
  return undefined;
}
