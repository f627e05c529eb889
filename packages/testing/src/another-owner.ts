import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { NOBODY } from './as-nobody.js';

/**
 * Why a test cannot make git refuse a repository for its owner here, or undefined when it can: the
 * repository is given to nobody (only root may give a file away), and git (2.35.2 on) refuses to
 * work in a repository that belongs to another user than the one running it.
 */
export function cannotGiveRepositoryAway(): string | undefined {
  if (process.platform !== 'linux') return 'files are given to another user with chown, on Linux only';
  if (process.getuid?.() !== 0) return 'the tests do not run as root, so they cannot give a folder away';
  return undefined;
}

/** Gives `folder` and everything in it to nobody, as a checkout by another user would leave it. */
export function giveToNobody(folder: string): void {
  const run = spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, folder], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`chown failed: ${run.stderr}`);
}

/**
 * The environment of a git with no system or global configuration (`home` as its home, which holds
 * none): a `safe.directory` of the machine's, or of the person running the tests, would let the
 * repository in.
 */
export function gitEnvWithoutTrust(home: string): Record<string, string> {
  return { HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig') };
}
