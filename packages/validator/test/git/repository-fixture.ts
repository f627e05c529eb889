import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';

/** A real git repository in a temporary directory, driven by the real git executable. */
export interface Repository {
  dir: string;
  git(...args: string[]): string;
  /** Writes files (objects as pretty JSON) relative to the repository. */
  write(files: Record<string, string | Buffer | object>): void;
  remove(file: string): void;
  commitAll(message: string): string;
}

export function createRepository(initialBranch = 'dev'): Repository {
  const dir = temporaryFolder('connector-alm-repo-');
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
    });
  git('init', '--quiet', `--initial-branch=${initialBranch}`);
  // Written into the repository's config file rather than by four `git config` calls: each git child
  // of a test worker costs 10-35 ms, and suites make a repository per test.
  appendFileSync(path.join(dir, '.git', 'config'), LOCAL_CONFIG);
  return {
    dir,
    git,
    write(files) {
      for (const [file, content] of Object.entries(files)) {
        const target = path.join(dir, file);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(
          target,
          typeof content === 'string' || Buffer.isBuffer(content)
            ? content
            : JSON.stringify(content, null, 2),
        );
      }
    },
    remove(file) {
      rmSync(path.join(dir, file), { recursive: true, force: true });
    },
    commitAll(message) {
      git('add', '--all');
      git('commit', '--quiet', '--allow-empty', '-m', message);
      return headCommit(dir) ?? git('rev-parse', 'HEAD').trim();
    },
  };
}

const LOCAL_CONFIG = [
  '[user]',
  '\tname = Test',
  '\temail = test@example.com',
  '[commit]',
  '\tgpgsign = false',
  '[core]',
  '\tautocrlf = false',
  '',
].join('\n');

/**
 * The commit HEAD names, read from the files git just wrote (`ref: refs/heads/dev`, then the branch's
 * file) to spare a `git rev-parse` per commit. Undefined when they are not plain files of a commit id
 * (a packed ref, another ref storage): the caller asks git then.
 */
function headCommit(dir: string): string | undefined {
  const read = (file: string) => {
    try {
      return readFileSync(path.join(dir, '.git', file), 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  const head = read('HEAD');
  const commit = head?.startsWith('ref: ') ? read(head.slice('ref: '.length)) : head;
  return commit !== undefined && /^[0-9a-f]{40}$/.test(commit) ? commit : undefined;
}

/** The connector's files under `folder`, with file names as keys. */
export function connectorFiles(
  folder: string,
  files: Record<string, string | Buffer | object>,
): Record<string, string | Buffer | object> {
  return Object.fromEntries(Object.entries(files).map(([name, content]) => [`${folder}/${name}`, content]));
}
