import type { GitRepository } from './git-repository.js';

/** A file a pull request changes, as its Files tab (GET pulls/{n}/files) lists it. */
export interface PullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed';
  /** The blob after the change; the one removed for a removed file, as GitHub gives it. */
  sha: string;
  additions: number;
  deletions: number;
  /** A renamed or copied file's path before. */
  previousFilename?: string;
}

const STATUS: Record<string, PullFile['status']> = {
  A: 'added',
  D: 'removed',
  M: 'modified',
  R: 'renamed',
  C: 'copied',
  T: 'changed',
};

/**
 * What `head` changes since its merge base with `base` (git diff base...head, with renames), as
 * GitHub lists a pull request's files. Read from `git`, the head's repository, which reads the
 * network's objects.
 */
export async function pullFiles(git: GitRepository, base: string, head: string): Promise<PullFile[]> {
  const range = `${base}...${head}`;
  const [raw, numstat] = await Promise.all([
    git.git(['diff', '--raw', '-z', '-M', '--no-abbrev', range]),
    git.git(['diff', '--numstat', '-z', '-M', range]),
  ]);
  const counts = countsByPath(numstat);
  const files: PullFile[] = [];
  const fields = raw.split('\0');
  for (let index = 0; index < fields.length - 1;) {
    // ":100644 100644 <old sha> <new sha> R100", then the path, and the new path of a rename or copy.
    const [, , oldSha, newSha, code] = fields[index]!.slice(1).split(' ');
    const letter = code!.charAt(0);
    const paired = letter === 'R' || letter === 'C';
    const filename = fields[index + (paired ? 2 : 1)]!;
    const count = counts.get(filename) ?? { additions: 0, deletions: 0 };
    files.push({
      filename,
      status: STATUS[letter] ?? 'modified',
      sha: letter === 'D' ? oldSha! : newSha!,
      ...count,
      ...(paired ? { previousFilename: fields[index + 1]! } : {}),
    });
    index += paired ? 3 : 2;
  }
  return files;
}

/**
 * `git diff --numstat -z`'s lines and deletions by path (after a rename): "added\tdeleted\tpath\0",
 * or "added\tdeleted\t\0old\0new\0" for a rename; "-" for a binary file, which GitHub counts as 0.
 */
function countsByPath(numstat: string): Map<string, { additions: number; deletions: number }> {
  const counts = new Map<string, { additions: number; deletions: number }>();
  const fields = numstat.split('\0');
  for (let index = 0; index < fields.length - 1;) {
    const [added, deleted, path] = fields[index]!.split('\t');
    const renamed = path === '';
    const filename = renamed ? fields[index + 2]! : path!;
    counts.set(filename, { additions: Number(added) || 0, deletions: Number(deleted) || 0 });
    index += renamed ? 3 : 1;
  }
  return counts;
}
