import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  path: string;
  /** Blob size in bytes; absent for trees and submodules. */
  size?: number;
}

export interface CommitObject {
  sha: string;
  tree: string;
  parents: string[];
  author: Signature;
  committer: Signature;
  message: string;
}

export interface Signature {
  name: string;
  email: string;
  /** ISO 8601. */
  date: string;
}

/** A change to apply on top of a base tree: a blob at a path, or the removal of whatever is there. */
export type IndexChange = { path: string; mode: string; sha: string } | { path: string; remove: true };

/**
 * A bare git repository driven with git itself, so every object and ref the local server hands out
 * is one git made and can read back: the same hashes, trees and modes GitHub would compute.
 */
export class GitRepository {
  private constructor(readonly directory: string) {}

  /** An empty bare repository; `alternates` lets it read another repository's objects (a fork network). */
  static async init(directory: string, alternates?: string): Promise<GitRepository> {
    await fs.mkdir(directory, { recursive: true });
    const repository = new GitRepository(directory);
    await repository.git(['init', '--bare', '--quiet', '--initial-branch=main']);
    if (alternates) {
      await fs.writeFile(
        path.join(directory, 'objects/info/alternates'),
        `${path.join(alternates, 'objects')}\n`,
      );
    }
    return repository;
  }

  async git(
    args: readonly string[],
    options: { input?: Buffer | string; env?: Record<string, string> } = {},
  ): Promise<string> {
    return (await this.gitBytes(args, options)).toString('utf8');
  }

  /** Runs git with the repository as GIT_DIR and returns stdout as bytes; rejects with git's stderr. */
  gitBytes(
    args: readonly string[],
    options: { input?: Buffer | string; env?: Record<string, string> } = {},
  ): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', args, {
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          GIT_DIR: this.directory,
          GIT_CONFIG_NOSYSTEM: '1',
          HOME: this.directory,
          ...options.env,
        },
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve(Buffer.concat(out));
        else reject(new GitError(args, Buffer.concat(err).toString('utf8').trim()));
      });
      if (child.stdin) {
        // git may exit before reading all of stdin; its exit code tells what happened.
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input);
      }
    });
  }

  async writeBlob(content: Buffer): Promise<string> {
    return (await this.git(['hash-object', '-w', '--stdin'], { input: content })).trim();
  }

  async readBlob(sha: string): Promise<Buffer> {
    return this.gitBytes(['cat-file', 'blob', sha]);
  }

  /** The object's type, or undefined when this repository cannot see it. */
  async objectType(sha: string): Promise<string | undefined> {
    if (!/^[0-9a-f]{40}$/.test(sha)) return undefined;
    try {
      return (await this.git(['cat-file', '-t', sha])).trim();
    } catch {
      return undefined;
    }
  }

  /** Applies changes to `baseTree` (or to nothing) through a throwaway index and writes the tree. */
  async writeTree(baseTree: string | undefined, changes: readonly IndexChange[]): Promise<string> {
    const indexFile = path.join(
      this.directory,
      `index-${process.pid}-${Math.random().toString(36).slice(2)}`,
    );
    const env = { GIT_INDEX_FILE: indexFile, GIT_LITERAL_PATHSPECS: '1' };
    try {
      if (baseTree) await this.git(['read-tree', baseTree], { env });
      else await this.git(['read-tree', '--empty'], { env });
      // --index-info works without a work tree (these repositories are bare); mode 0 removes a path.
      const lines: string[] = [];
      for (const change of changes) {
        if ('remove' in change) {
          // A path may name a folder: remove every file under it.
          const listed = (await this.git(['ls-files', '-z', '--', change.path], { env }))
            .split('\0')
            .filter(Boolean);
          for (const file of listed) lines.push(`0 ${'0'.repeat(40)}\t${file}`);
        } else {
          lines.push(`${change.mode} ${change.sha}\t${change.path}`);
        }
      }
      if (lines.length > 0)
        await this.git(['update-index', '-z', '--index-info'], {
          env,
          input: lines.map((line) => `${line}\0`).join(''),
        });
      return (await this.git(['write-tree'], { env })).trim();
    } finally {
      await fs.rm(indexFile, { force: true });
    }
  }

  /** Entries of a tree: its direct children, or with `recursive` every blob and subtree below it. */
  async listTree(treeSha: string, recursive = false): Promise<TreeEntry[]> {
    const output = await this.git(['ls-tree', '-l', '-z', ...(recursive ? ['-r', '-t'] : []), treeSha]);
    return output
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const tab = line.indexOf('\t');
        const [mode, type, sha, size] = line.slice(0, tab).split(/\s+/) as [
          string,
          TreeEntry['type'],
          string,
          string,
        ];
        const entry: TreeEntry = { mode, type, sha, path: line.slice(tab + 1) };
        if (type === 'blob') entry.size = Number(size);
        return entry;
      });
  }

  async writeCommit(
    tree: string,
    parents: readonly string[],
    message: string,
    author: Signature,
    committer: Signature,
  ): Promise<string> {
    const args = ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent])];
    return (
      await this.git(args, {
        input: message,
        env: {
          GIT_AUTHOR_NAME: author.name,
          GIT_AUTHOR_EMAIL: author.email,
          GIT_AUTHOR_DATE: author.date,
          GIT_COMMITTER_NAME: committer.name,
          GIT_COMMITTER_EMAIL: committer.email,
          GIT_COMMITTER_DATE: committer.date,
        },
      })
    ).trim();
  }

  async readCommit(sha: string): Promise<CommitObject> {
    const raw = await this.git(['cat-file', 'commit', sha]);
    const split = raw.indexOf('\n\n');
    const headers = raw.slice(0, split).split('\n');
    const commit: CommitObject = {
      sha,
      tree: '',
      parents: [],
      author: { name: '', email: '', date: '' },
      committer: { name: '', email: '', date: '' },
      message: raw.slice(split + 2),
    };
    for (const header of headers) {
      const [key, ...rest] = header.split(' ');
      const value = rest.join(' ');
      if (key === 'tree') commit.tree = value;
      else if (key === 'parent') commit.parents.push(value);
      else if (key === 'author') commit.author = parseSignature(value);
      else if (key === 'committer') commit.committer = parseSignature(value);
    }
    return commit;
  }

  async readRef(ref: string): Promise<string | undefined> {
    try {
      return (await this.git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim() || undefined;
    } catch {
      return undefined;
    }
  }

  async listRefs(prefix: string): Promise<Map<string, string>> {
    const output = await this.git(['for-each-ref', '--format=%(refname) %(objectname)', prefix]);
    return new Map(
      output
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' ') as [string, string]),
    );
  }

  async updateRef(ref: string, sha: string): Promise<void> {
    await this.git(['update-ref', ref, sha]);
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    try {
      await this.git(['merge-base', '--is-ancestor', ancestor, descendant]);
      return true;
    } catch {
      return false;
    }
  }

  /** Commits reachable from `head` and not from `base`. */
  async countCommitsBetween(base: string, head: string): Promise<number> {
    return Number((await this.git(['rev-list', '--count', `${base}..${head}`])).trim());
  }
}

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed: ${stderr}`);
  }
}

function parseSignature(text: string): Signature {
  const match = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(text);
  if (!match) return { name: text, email: '', date: '' };
  return {
    name: match[1]!,
    email: match[2]!,
    date: new Date(Number(match[3]) * 1000).toISOString().replace('.000Z', 'Z'),
  };
}
