import path from 'node:path';
import type { AskGit } from '@connector-alm/core';

/**
 * Why git cannot give a file's content back: it is in a git work tree but changed since the last
 * commit (staged or not) or not in it at all (`untracked`), or it is outside any work tree (`outside`
 * says why, as git's answer does: `it is not in a git work tree`).
 */
export type Uncommitted = { state: 'changed' | 'untracked' | 'ignored' } | { outside: string };

/**
 * The files of `files` (absolute paths, in any folders) whose content git's last commit does not
 * have, each with why; a file missing from the answer is committed as it is, so that git gives it
 * back (`git restore`, `git diff`). Git is asked once per folder, as AskGit takes one folder's files
 * (a subfolder may even be another repository). `askGit` undefined: every file is taken to be
 * outside a work tree, as nothing asked git.
 */
export async function uncommittedFiles(
  files: readonly string[],
  askGit: AskGit | undefined,
): Promise<Map<string, Uncommitted>> {
  const byFolder = new Map<string, string[]>();
  for (const file of files)
    byFolder.set(path.dirname(file), [...(byFolder.get(path.dirname(file)) ?? []), file]);
  const uncommitted = new Map<string, Uncommitted>();
  for (const inFolder of byFolder.values()) {
    const inGit = askGit ? await askGit(inFolder) : { inWorkTree: false as const, why: 'git was not asked' };
    for (const file of inFolder) {
      if (!inGit.inWorkTree) {
        uncommitted.set(file, { outside: inGit.why });
        continue;
      }
      // One git did not answer for: nothing shows that git has it.
      const state = inGit.states.get(file) ?? 'untracked';
      if (state !== 'committed') uncommitted.set(file, { state });
    }
  }
  return uncommitted;
}

/**
 * Why nothing else has a file's content (or `count` files' sharing it), for the messages that say
 * what extraction left in place: `the change is not committed`, `git has no commit of it (the file is
 * untracked)`, `git ignores it (.gitignore), so no commit keeps it`, `nothing else has it (it is not in
 * a git work tree)`.
 */
export function uncommittedWords(why: Uncommitted, count = 1): string {
  const many = count > 1;
  if ('outside' in why) return `nothing else has ${many ? 'them' : 'it'} (${why.outside})`;
  if (why.state === 'changed') return many ? 'the changes are not committed' : 'the change is not committed';
  if (why.state === 'ignored')
    return many
      ? 'git ignores them (.gitignore), so no commit keeps them'
      : 'git ignores it (.gitignore), so no commit keeps it';
  return many
    ? 'git has no commit of them (the files are untracked)'
    : 'git has no commit of it (the file is untracked)';
}
