import { promises as fs } from 'node:fs';
import path from 'node:path';
import { reachableCommits } from './commit-ancestry.js';
import { GitObjectReader, type ObjectContents } from './git-object-reader.js';
import { GitPipe, lines } from './git-pipe.js';
import { GitError, runGit, type GitRunOptions } from './git-process.js';
import { parseTreeObject } from './git-tree-format.js';
import { readAllRefs, readOneRef } from './ref-files.js';

export { GitError } from './git-process.js';

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
 *
 * Starting a process is most of what a request of the local server costs (10-35 ms from a grown test
 * worker), so objects are read through one long-lived `git cat-file`, blobs and refs written through
 * one long-lived git each (GitPipe), and refs read from their files: a test may push to a repository
 * directly (actions/checkout's origin), so they are read afresh each time, never kept.
 */
export class GitRepository {
  private readonly objects: GitObjectReader;
  /** Writes each blob git reads from a scratch file whose path it is given: one process for them all. */
  private readonly blobs: GitPipe;
  /** Updates a ref per transaction of `git update-ref --stdin`: one process for them all. */
  private readonly refWriter: GitPipe;

  private constructor(readonly directory: string) {
    this.objects = new GitObjectReader(directory);
    this.blobs = new GitPipe(directory, ['hash-object', '-w', '--no-filters', '--stdin-paths']);
    this.refWriter = new GitPipe(directory, ['update-ref', '--stdin']);
  }

  /** An empty bare repository; `alternates` lets it read another repository's objects (a fork network). */
  static async init(directory: string, alternates?: string): Promise<GitRepository> {
    await fs.mkdir(directory, { recursive: true });
    const repository = new GitRepository(directory);
    await repository.run(['init', '--bare', '--quiet', '--initial-branch=main']);
    if (alternates) {
      await fs.writeFile(
        path.join(directory, 'objects/info/alternates'),
        `${path.join(alternates, 'objects')}\n`,
      );
    }
    return repository;
  }

  /** Runs any git command on the repository and returns its stdout. */
  async git(args: readonly string[], options: GitRunOptions = {}): Promise<string> {
    return (await this.gitBytes(args, options)).toString('utf8');
  }

  /** Runs git with the repository as GIT_DIR and returns stdout as bytes; rejects with git's stderr. */
  gitBytes(args: readonly string[], options: GitRunOptions = {}): Promise<Buffer> {
    return this.run(args, options);
  }

  /** Ends the git processes that read and write objects; the repository's files stay. */
  async close(): Promise<void> {
    await Promise.all([this.objects.close(), this.blobs.close(), this.refWriter.close()]);
  }

  async writeBlob(content: Buffer): Promise<string> {
    const file = this.scratchFile('blob');
    await fs.writeFile(file, content);
    try {
      return (await this.blobs.ask(`${file}\n`, lines(1)))[0]!;
    } finally {
      await fs.rm(file, { force: true });
    }
  }

  async readBlob(sha: string): Promise<Buffer> {
    return (await this.readAs(sha, 'blob')).bytes;
  }

  /** The object's type, or undefined when this repository cannot see it. */
  async objectType(sha: string): Promise<string | undefined> {
    if (!/^[0-9a-f]{40}$/.test(sha)) return undefined;
    return (await this.objects.info(sha))?.type;
  }

  /**
   * Applies changes to `baseTree` (or to nothing) through a throwaway index and writes the tree. The
   * base's files go into the index by --index-info, as read-tree would put them, ahead of the changes:
   * a later line for a path replaces an earlier one, and mode 0 removes it. This works without a work
   * tree (these repositories are bare).
   */
  async writeTree(baseTree: string | undefined, changes: readonly IndexChange[]): Promise<string> {
    const base = baseTree
      ? (await this.treeEntries((await this.readAs(baseTree, 'tree')).bytes, '', true, false)).filter(
          (entry) => entry.type !== 'tree',
        )
      : [];
    const indexLines = base.map((entry) => `${entry.mode} ${entry.sha}\t${entry.path}`);
    for (const change of changes) {
      if ('remove' in change) {
        // A path may name a folder: remove every file under it.
        for (const file of base) {
          if (file.path === change.path || file.path.startsWith(`${change.path}/`))
            indexLines.push(`0 ${'0'.repeat(40)}\t${file.path}`);
        }
      } else {
        indexLines.push(`${change.mode} ${change.sha}\t${change.path}`);
      }
    }
    const indexFile = this.scratchFile('index');
    const env = { GIT_INDEX_FILE: indexFile };
    try {
      if (indexLines.length > 0)
        await this.run(['update-index', '-z', '--index-info'], {
          env,
          input: indexLines.map((line) => `${line}\0`).join(''),
        });
      return (await this.runText(['write-tree'], { env })).trim();
    } finally {
      await fs.rm(indexFile, { force: true });
    }
  }

  /** Entries of a tree (or of a commit's tree): its direct children, or with `recursive` every blob and subtree below it. */
  async listTree(treeSha: string, recursive = false): Promise<TreeEntry[]> {
    return this.treeEntries((await this.readAs(treeSha, 'tree')).bytes, '', recursive, true);
  }

  /**
   * The entries of a tree object in `git ls-tree [-r -t] -l` order: a subtree before what is in it.
   * Every subtree and size is asked for at once, so the requests go down the reader's pipe together.
   */
  private async treeEntries(
    tree: Buffer,
    prefix: string,
    recursive: boolean,
    withSizes: boolean,
  ): Promise<TreeEntry[]> {
    const listed = await Promise.all(
      parseTreeObject(tree).map(async ({ mode, type, sha, name }): Promise<TreeEntry[]> => {
        const entry: TreeEntry = { mode, type, sha, path: prefix + name };
        if (type === 'blob' && withSizes) entry.size = (await this.readInfo(sha)).size;
        if (type !== 'tree' || !recursive) return [entry];
        const subtree = (await this.readAs(sha, 'tree')).bytes;
        return [entry, ...(await this.treeEntries(subtree, `${entry.path}/`, true, withSizes))];
      }),
    );
    return listed.flat();
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
      await this.runText(args, {
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
    const raw = (await this.readAs(sha, 'commit')).bytes.toString('utf8');
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

  /** The commit a ref holds, as `git rev-parse <ref>^{commit}` gives it; a full ref name is read from its file. */
  async readRef(ref: string): Promise<string | undefined> {
    if (ref.startsWith('refs/')) {
      const sha = await readOneRef(this.directory, ref);
      const type = sha && (await this.objects.info(sha))?.type;
      // An annotated tag gives the commit it tags; a ref to anything else gives none.
      if (type === 'commit') return sha;
      return type === 'tag' ? this.commitId(sha!).catch(() => undefined) : undefined;
    }
    try {
      return (
        (await this.runText(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim() || undefined
      );
    } catch {
      return undefined;
    }
  }

  /**
   * The refs `prefix` selects as `git for-each-ref <prefix>` does without wildcards: the ref of that
   * name, or those below it ("refs/heads/" or "refs/heads"), in name order.
   */
  async listRefs(prefix: string): Promise<Map<string, string>> {
    const below = prefix.endsWith('/') ? prefix : `${prefix}/`;
    return new Map(
      [...(await readAllRefs(this.directory))].filter(([ref]) => ref === prefix || ref.startsWith(below)),
    );
  }

  async updateRef(ref: string, sha: string): Promise<void> {
    // One line of the ref writer's protocol holds the ref and the id: a name that could break it, a
    // revision to resolve or a name outside refs/ goes to a git of its own, which refuses or resolves it.
    if (/^refs\/[^\s]+$/.test(ref) && /^[0-9a-f]{40}$/.test(sha)) {
      await this.refWriter.ask(`start\nupdate ${ref} ${sha}\ncommit\n`, lines(2));
    } else {
      await this.run(['update-ref', ref, sha]);
    }
  }

  /** Whether `ancestor` is `descendant` or one of its ancestors; false when either is no commit here. */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    try {
      const [older, newer] = await Promise.all([this.commitId(ancestor), this.commitId(descendant)]);
      return (await this.history(newer)).has(older);
    } catch {
      return false;
    }
  }

  /** Commits reachable from `head` and not from `base`, as `git rev-list --count base..head` counts them. */
  async countCommitsBetween(base: string, head: string): Promise<number> {
    const [excluded, included] = await Promise.all([
      this.commitId(base).then((sha) => this.history(sha)),
      this.commitId(head).then((sha) => this.history(sha)),
    ]);
    return [...included].filter((commit) => !excluded.has(commit)).length;
  }

  /** Paths that differ between two commits, as `git diff --name-only` lists them. */
  async changedPaths(base: string, head: string): Promise<string[]> {
    return (await this.runText(['diff', '--name-only', base, head])).split('\n').filter(Boolean);
  }

  /** The object `name` names, peeled through tags (and from a commit to its tree) as `git cat-file <type>` does. */
  private async readAs(name: string, type: 'blob' | 'tree' | 'commit'): Promise<ObjectContents> {
    let object = await this.objects.contents(name);
    for (;;) {
      if (!object) throw new GitError(['cat-file', type, name], `fatal: Not a valid object name ${name}`);
      if (object.type === type) return object;
      const text = object.bytes.toString('latin1');
      const next =
        object.type === 'tag'
          ? /^object ([0-9a-f]{40})$/m.exec(text)?.[1]
          : object.type === 'commit' && type === 'tree'
            ? /^tree ([0-9a-f]{40})$/m.exec(text)?.[1]
            : undefined;
      if (!next) throw new GitError(['cat-file', type, name], `fatal: git cat-file ${name}: bad file`);
      object = await this.objects.contents(next);
    }
  }

  private async readInfo(sha: string): Promise<{ type: string; size: number }> {
    const info = await this.objects.info(sha);
    if (!info) throw new GitError(['cat-file', '-s', sha], `fatal: Not a valid object name ${sha}`);
    return info;
  }

  private async commitId(name: string): Promise<string> {
    return (await this.readAs(name, 'commit')).sha;
  }

  /** The commit and all its ancestors, read through the object reader. */
  private history(commit: string): Promise<Set<string>> {
    return reachableCommits(commit, async (sha) => (await this.readCommit(sha)).parents);
  }

  /** A file name of its own in the repository's folder, for a file that lives during one call. */
  private scratchFile(kind: string): string {
    return path.join(this.directory, `${kind}-${process.pid}-${Math.random().toString(36).slice(2)}`);
  }

  /** Runs one git to its end on the repository. */
  private run(args: readonly string[], options: GitRunOptions = {}): Promise<Buffer> {
    return runGit(this.directory, args, options);
  }

  private async runText(args: readonly string[], options: GitRunOptions = {}): Promise<string> {
    return (await this.run(args, options)).toString('utf8');
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
