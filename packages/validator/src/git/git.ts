import { execFile, spawn } from 'node:child_process';
import { closestMatch, UsageError, withoutTrailingSlashes } from '@connector-alm/core';
import { unknownRefHint } from './fetch-advice.js';
import { missingAncestorHint, relativeRefStart } from './relative-ref.js';
import { noCommonHistoryHint } from './no-common-history.js';
import type { FileRename } from './renamed-folders.js';
import { parseLineChanges, type FileLineChanges } from './line-changes.js';
import { RepositoryOwnerError, repositoryRefusedForOwner } from './refused-ownership.js';

/** Git output can be large (a whole tree listing): allow far more than Node's 1 MB default. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** One entry of `git ls-tree`. */
/** A folder that git takes for a repository of its own (Git.nestedRepositories). */
export interface NestedRepository {
  /** Relative to the folder git ran in, ending with `/`. */
  path: string;
  /**
   * Whether git tracks it, as a link (a gitlink, mode 160000: a submodule, initialised or not, or a
   * clone that `git add` met, committed or staged). .gitignore leaves a tracked path tracked: only
   * `git rm --cached` stops a commit carrying the link.
   */
  linked: boolean;
}

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  object: string;
  /** Relative to the repository's top level, `/`-separated. */
  path: string;
}

/**
 * The git commands this package needs, one method per verb, run with `execFile` (no shell, so
 * paths with spaces or quotes are passed as they are). Paths are repository-relative and
 * `/`-separated; `--literal-pathspecs` keeps folder names such as `[Beta] Foo` literal.
 */
export class Git {
  constructor(
    /** Any folder inside the work tree. */
    readonly cwd: string,
    private readonly executable: string = 'git',
  ) {}

  /** The top level, asked once: hasFilesIn needs it for each of thousands of folders a change may touch. */
  private topLevelAnswer: Promise<string> | undefined;

  /** The absolute path of the work tree's top level. */
  topLevel(): Promise<string> {
    this.topLevelAnswer ??= this.text(['rev-parse', '--show-toplevel']).then(
      (output) => output.trim(),
      (error: unknown) => {
        // A failure is not kept: git may be installed, or the folder made a clone, before the next call.
        this.topLevelAnswer = undefined;
        throw notAWorkTree(error, this.cwd);
      },
    );
    return this.topLevelAnswer;
  }

  /**
   * The commit a ref names. One that names none (a branch not fetched, a commit outside a shallow
   * clone) is a UsageError: like a path that does not exist, the argument names nothing the command
   * can compare with (exit code 2 on the CLI). HEAD names none on a branch without a commit.
   */
  async resolveCommit(ref: string): Promise<string> {
    const commit = await this.commitOf(ref);
    if (commit !== undefined) return commit;
    // Not to be fetched as a base ref would be: there is no commit yet to compare.
    if (ref === 'HEAD')
      throw new UsageError('HEAD names no commit: the branch has no commit yet.', {
        hint: 'Commit the change first, or leave out the base ref.',
      });
    const [remotes, shallow] = await Promise.all([this.remotes(), this.isShallow()]);
    const start = relativeRefStart(ref);
    if (start !== undefined && (await this.commitOf(start)) !== undefined)
      throw new UsageError(`The git ref "${ref}" does not name a commit in this repository.`, {
        hint: missingAncestorHint(ref, start, shallow),
      });
    // An ancestor expression of a ref that names nothing here is fetched, and spelt, as that ref.
    const named = start ?? ref;
    const closest = misspeltRef(named)
      ? closestMatch(named, await this.refNames().catch(() => []))
      : undefined;
    // `mian~2` is offered as `main~2`: the expression with the name it most likely meant.
    const meant = closest === undefined ? '' : ` Did you mean '${closest}${ref.slice(named.length)}'?`;
    const hint = unknownRefHint(named, remotes, shallow, ref.slice(named.length));
    throw new UsageError(`The git ref "${ref}" does not name a commit in this repository.${meant}`, {
      // Beside a close name, fetching the ref as typed is the second guess, not the first advice:
      // `--base mian` was told to run `git fetch origin mian`.
      hint:
        meant === ''
          ? hint
          : `If "${ref}" is spelt as meant: ${hint.charAt(0).toLowerCase()}${hint.slice(1)}`,
    });
  }

  /**
   * The commit a ref names, or undefined when it names none. A repository git refuses to read names
   * none either, but that is said as it is: "does not name a commit" sent people looking for the ref.
   */
  async commitOf(ref: string): Promise<string | undefined> {
    try {
      return (
        await this.text(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])
      ).trim();
    } catch (error) {
      if (error instanceof RepositoryOwnerError) throw error;
      return undefined;
    }
  }

  /** The names of the configured remotes (`origin`, `upstream`); none when git cannot say. */
  async remotes(): Promise<string[]> {
    return (await this.text(['remote']).catch(() => '')).split('\n').filter(Boolean);
  }

  /**
   * The URLs of the configured remotes (fetch and push URLs alike, as `git config` holds them); none
   * when git cannot say (no remote, or git refuses).
   */
  async remoteUrls(): Promise<string[]> {
    // Exit code 1 when no key matches: no remote at all.
    const output = await this.text(['config', '--get-regexp', '^remote\\..*\\.(push)?url$']).catch(() => '');
    return output
      .split('\n')
      .map((line) => line.slice(line.indexOf(' ') + 1).trim())
      .filter(Boolean);
  }

  /**
   * Whether the clone is shallow (actions/checkout's default fetch-depth of 1): only then does
   * fetch-depth: 0 bring the missing history. Taken for shallow when git cannot say, as advice that
   * may not be needed is better than none.
   */
  async isShallow(): Promise<boolean> {
    const answer = await this.text(['rev-parse', '--is-shallow-repository']).catch(() => 'true');
    return answer.trim() !== 'false';
  }

  /**
   * The branches (local and remote-tracking) and tags, as a ref names them (`main`, `origin/dev`,
   * `v1`), to offer the one a mistyped base ref meant. `origin/HEAD` is no branch of its own.
   */
  async refNames(): Promise<string[]> {
    const output = await this.text([
      'for-each-ref',
      '--format=%(refname)',
      'refs/heads',
      'refs/remotes',
      'refs/tags',
    ]);
    return output
      .split('\n')
      .filter((name) => name !== '' && !name.endsWith('/HEAD'))
      .map((name) => name.replace(/^refs\/(heads|remotes|tags)\//, ''));
  }

  /** The parents of a commit, first parent first; none for a root commit or at the edge of a shallow clone. */
  async parents(rev: string): Promise<string[]> {
    const line = (await this.text(['rev-list', '--parents', '-n', '1', '--end-of-options', rev])).trim();
    return line.split(' ').slice(1);
  }

  /**
   * The best common ancestor of two commits: what a pull request is compared with. Two commits
   * without one are a UsageError, as a ref that names no commit is: the ref gives nothing to compare
   * with (a shallow clone's missing history, or another branch meant).
   */
  async mergeBase(a: string, b: string): Promise<string> {
    const [first, second] = await Promise.all([this.resolveCommit(a), this.resolveCommit(b)]);
    try {
      return (await this.text(['merge-base', first, second])).trim();
    } catch {
      throw new UsageError(`"${a}" and "${b}" have no common history.`, {
        hint: noCommonHistoryHint(await this.isShallow()),
      });
    }
  }

  /**
   * Files that differ between `from` and `to`, or between `from` and the work tree (staged and
   * unstaged edits) when `to` is undefined. Renames are listed as a deletion plus an addition, so
   * both folders of a moved file count as changed. `paths` (relative to the working directory, or
   * repository-relative run at the top level) limits the comparison to those files.
   */
  async changedFiles(from: string, to?: string, paths: readonly string[] = []): Promise<string[]> {
    const args = ['diff', '--name-only', '-z', '--no-renames', '--no-relative', '--no-ext-diff', from];
    if (to !== undefined) args.push(to);
    if (paths.length > 0) args.push('--', ...paths);
    return splitNul(await this.text(args));
  }

  /**
   * How the lines of `paths` (repository-relative, run at the top level) changed from `from` to `to`,
   * per file that differs: the hunks of a zero-context diff, to follow a line from one commit to the
   * other (lineAfterChanges). Prefixes, renames, textconv and external diffs are fixed here, whatever
   * the user's configuration says, so that the patch reads as parseLineChanges expects.
   */
  async lineChanges(
    from: string,
    to: string,
    paths: readonly string[],
  ): Promise<Map<string, FileLineChanges>> {
    if (paths.length === 0) return new Map();
    const args = [
      'diff',
      '--unified=0',
      // A user's diff.interHunkContext joins nearby hunks, and the unchanged lines between them
      // would read as lines the head does not have.
      '--inter-hunk-context=0',
      '--no-color',
      '--no-renames',
      '--no-relative',
      '--no-ext-diff',
      '--no-textconv',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      from,
      to,
      '--',
      ...paths,
    ];
    return parseLineChanges(await this.text(args));
  }

  /** Files renamed between `from` and `to` (by default the work tree's tracked files), as git detects renames. */
  async renamedFiles(from: string, to?: string): Promise<FileRename[]> {
    const args = [
      'diff',
      '--name-status',
      '-z',
      '-M',
      '--diff-filter=R',
      '--no-relative',
      '--no-ext-diff',
      from,
    ];
    if (to !== undefined) args.push(to);
    // -z: a status field (R100), then the old and the new path, each NUL-terminated.
    const fields = splitNul(await this.text(args));
    const renames: FileRename[] = [];
    for (let index = 0; index + 2 < fields.length; index += 3) {
      renames.push({ from: fields[index + 1]!, to: fields[index + 2]! });
    }
    return renames;
  }

  /**
   * Whether git knows a file under `folder` in the work tree: tracked, or untracked and not ignored.
   * Leftover ignored files (a settings.json kept after `git rm -r`) and another capitalization of
   * the name do not count.
   */
  async hasFilesIn(folder: string): Promise<boolean> {
    const top = await this.topLevel();
    const args = ['ls-files', '--cached', '--others', '--exclude-standard', '-z', ...folderPathspec(folder)];
    return splitNul((await this.run(args, { cwd: top })).toString('utf8')).length > 0;
  }

  /**
   * The files git ignores under `paths` (relative to the folder this runs in; all of it when none):
   * untracked, and matched by .gitignore, .git/info/exclude or core.excludesFile. Relative to that
   * folder and `/`-separated; the files inside an ignored folder are listed one by one, as each is a
   * file that a commit of the folder leaves out.
   */
  ignoredFiles(paths: readonly string[] = []): Promise<string[]> {
    return this.ignored(paths, []);
  }

  /**
   * What git ignores under `paths`, as ignoredFiles lists it but for a folder git ignores whole: one
   * entry ending in `/`, so that a node_modules/ is not listed file by file.
   */
  ignoredEntries(paths: readonly string[] = []): Promise<string[]> {
    return this.ignored(paths, ['--directory']);
  }

  private async ignored(paths: readonly string[], options: readonly string[]): Promise<string[]> {
    const args = ['ls-files', '--others', '--ignored', '--exclude-standard', ...options, '-z'];
    if (paths.length > 0) args.push('--', ...paths);
    return splitNul(await this.text(args));
  }

  /**
   * The folders under the one this runs in that git takes for repositories of their own, relative to
   * it and ending with `/`: those committed as a link (a gitlink, mode 160000: a submodule, or a clone
   * `git add` met) and those untracked that hold a repository git would commit as one. A folder with a
   * `.git` git does not take for a repository (an empty folder, a file that names no gitdir), or under
   * which it tracks files already, is none: git commits its files as any others. One process: `-t`
   * tags the untracked entries (`?`), which git lists as `dir/` for a repository and file by file for
   * a plain folder (so no `--directory`, which would list a plain folder as `dir/` too).
   */
  async nestedRepositories(): Promise<NestedRepository[]> {
    const args = ['ls-files', '--stage', '--others', '--exclude-standard', '-t', '-z'];
    const nested = new Map<string, boolean>();
    for (const entry of splitNul(await this.text(args))) {
      // `? path` for an untracked entry; `H 160000 <object> 0\tpath` (or another tag) for a tracked one.
      if (entry.startsWith('? ')) {
        if (entry.endsWith('/')) nested.set(entry.slice(2), false);
      } else if (entry.slice(2).startsWith('160000 ')) {
        nested.set(`${entry.slice(entry.indexOf('\t') + 1)}/`, true);
      }
    }
    return [...nested].map(([path, linked]) => ({ path, linked }));
  }

  /** Untracked files that are not ignored. */
  async untrackedFiles(): Promise<string[]> {
    // ls-files lists the current folder only: run it at the top level (`:/` is off under literal pathspecs).
    const top = await this.topLevel();
    return splitNul(
      (await this.run(['ls-files', '--others', '--exclude-standard', '-z'], { cwd: top })).toString('utf8'),
    );
  }

  /** Every file under `folder` at `rev` (recursively); empty when the folder did not exist there. */
  async listTree(rev: string, folder: string): Promise<TreeEntry[]> {
    return parseTree(await this.text(['ls-tree', '-r', '-z', '--full-tree', rev, ...folderPathspec(folder)]));
  }

  /** The files of `paths` (repository-relative) that `rev` has; none when it has none of them. */
  async listFiles(rev: string, paths: readonly string[]): Promise<TreeEntry[]> {
    if (paths.length === 0) return [];
    return parseTree(await this.text(['ls-tree', '-r', '-z', '--full-tree', rev, '--', ...paths]));
  }

  /** The entries directly in `folder` at `rev` (files and sub-folders); empty when it did not exist. */
  async listFolder(rev: string, folder: string): Promise<TreeEntry[]> {
    return parseTree(await this.text(['ls-tree', '-z', '--full-tree', rev, ...folderPathspec(folder)]));
  }

  /** The contents of blobs, byte for byte, in one `git cat-file --batch` process. */
  async readBlobs(objects: readonly string[]): Promise<Map<string, Buffer>> {
    const result = new Map<string, Buffer>();
    if (objects.length === 0) return result;
    const output = await this.run(['cat-file', '--batch'], { input: Buffer.from(`${objects.join('\n')}\n`) });
    let at = 0;
    while (at < output.length) {
      const newline = output.indexOf(0x0a, at);
      if (newline === -1) break;
      const header = output.subarray(at, newline).toString('utf8');
      const [object, type, size] = header.split(' ');
      if (type === 'missing' || size === undefined) throw new Error(`git cat-file: ${header}`);
      const start = newline + 1;
      const end = start + Number(size);
      result.set(object!, Buffer.from(output.subarray(start, end)));
      at = end + 1;
    }
    return result;
  }

  private async text(args: string[]): Promise<string> {
    return (await this.run(args)).toString('utf8');
  }

  /** Runs git and returns its stdout; rejects with git's stderr on a non-zero exit. */
  private run(args: string[], options: { input?: Buffer; cwd?: string } = {}): Promise<Buffer> {
    const { input, cwd = this.cwd } = options;
    const fullArgs = ['--literal-pathspecs', '-c', 'core.quotepath=off', ...args];
    const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
    if (input === undefined) {
      return new Promise((resolve, reject) => {
        execFile(
          this.executable,
          fullArgs,
          { cwd, env, encoding: 'buffer', maxBuffer: MAX_OUTPUT_BYTES },
          (error, stdout, stderr) => {
            if (error) reject(gitError(args, stderr, error));
            else resolve(stdout);
          },
        );
      });
    }
    // execFile cannot feed stdin; spawn does, still without a shell.
    return new Promise((resolve, reject) => {
      const child = spawn(this.executable, fullArgs, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', (error) => reject(gitError(args, Buffer.concat(err), error)));
      child.on('close', (code) => {
        if (code === 0) resolve(Buffer.concat(out));
        else reject(gitError(args, Buffer.concat(err), new Error(`exit code ${code}`)));
      });
      child.stdin.end(input);
    });
  }
}

/**
 * Whether a ref that names nothing may be a misspelt branch or tag name (`mian`): not a commit id,
 * nor an expression of one (`HEAD~3`, `main@{1}`), which no name is spelt like.
 */
function misspeltRef(ref: string): boolean {
  return !/^[0-9a-f]{7,64}$/i.test(ref) && !/[~^:@{]/.test(ref);
}

/**
 * Comparing with a base ref run outside a clone, or where git is not installed: the person's setup,
 * not a failure of ours, so it is said at the folder with what to do instead of "failed unexpectedly".
 */
function notAWorkTree(error: unknown, cwd: string): unknown {
  const cause = (error as Error).cause as NodeJS.ErrnoException | undefined;
  if (cause?.code === 'ENOENT')
    return new UsageError('Comparing with a base ref needs git, and it is not installed here.', {
      hint: 'Install git, or leave out the base ref.',
    });
  if (/not a git repository/i.test((error as Error).message)) return new NotAWorkTreeError(cwd);
  return error;
}

/**
 * A folder that is in no git work tree, where comparing with a base ref needs one: a class of its own,
 * so that an action can say what to do in its inputs' words (`base: none`).
 */
export class NotAWorkTreeError extends UsageError {
  constructor(readonly folder: string) {
    super('is not inside a git work tree; comparing with a base ref needs one.', {
      location: { file: folder },
      hint: 'Run in a clone of the repository (in GitHub Actions, after actions/checkout), or leave out the base ref.',
    });
  }
}

/**
 * The error of a git command that failed: git's refusal of a repository for its owner, which any
 * command meets and the user can fix, said as such (RepositoryOwnerError); anything else in git's words.
 */
function gitError(args: readonly string[], stderr: Buffer | string, cause: Error): Error {
  const refused = repositoryRefusedForOwner(stderr.toString());
  if (refused !== undefined) return new RepositoryOwnerError(refused);
  const detail = stderr.toString().trim() || cause.message;
  return new Error(`git ${args[0]} failed: ${detail}`, { cause });
}

function parseTree(output: string): TreeEntry[] {
  return splitNul(output).map((line) => {
    const tab = line.indexOf('\t');
    const [mode, type, object] = line.slice(0, tab).split(' ') as [string, TreeEntry['type'], string];
    return { mode, type, object, path: line.slice(tab + 1) };
  });
}

/** `folder/` limits ls-tree to the folder's content; the top level (`.`) needs no pathspec. */
function folderPathspec(folder: string): string[] {
  const trimmed = withoutTrailingSlashes(folder);
  return trimmed === '' || trimmed === '.' ? [] : ['--', `${trimmed}/`];
}

function splitNul(output: string): string[] {
  return output.split('\0').filter((item) => item.length > 0);
}
