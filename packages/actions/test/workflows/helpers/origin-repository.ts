import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git } from './git-actions.js';

/**
 * A bare "origin" repository whose main branch holds the given folders (copied from elsewhere, e.g.
 * the shared fixtures) and files, as a user's repository would. Returns its path and a disposer.
 */
export function originRepository(content: {
  folders?: Record<string, string>;
  files?: Record<string, string | Buffer>;
}): { origin: string; dispose(): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'origin-'));
  const work = path.join(root, 'work');
  mkdirSync(work);
  for (const [target, source] of Object.entries(content.folders ?? {}))
    cpSync(source, path.join(work, target), { recursive: true });
  for (const [target, text] of Object.entries(content.files ?? {})) {
    mkdirSync(path.dirname(path.join(work, target)), { recursive: true });
    writeFileSync(path.join(work, target), text);
  }
  git(work, ['init', '--quiet', '--initial-branch', 'main']);
  git(work, ['add', '-A']);
  git(work, ['commit', '--quiet', '-m', 'Initial commit']);
  const origin = path.join(root, 'origin.git');
  git(root, ['clone', '--quiet', '--bare', work, origin]);
  return { origin, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
