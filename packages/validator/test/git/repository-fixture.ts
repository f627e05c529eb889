import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.com');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'core.autocrlf', 'false');
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
      return git('rev-parse', 'HEAD').trim();
    },
  };
}

/** The connector's files under `folder`, with file names as keys. */
export function connectorFiles(
  folder: string,
  files: Record<string, string | Buffer | object>,
): Record<string, string | Buffer | object> {
  return Object.fromEntries(Object.entries(files).map(([name, content]) => [`${folder}/${name}`, content]));
}
