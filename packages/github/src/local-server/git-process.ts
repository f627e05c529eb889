import { spawn, type ChildProcess } from 'node:child_process';

export interface GitRunOptions {
  input?: Buffer | string;
  env?: Record<string, string>;
}

/**
 * The environment of every git the local server starts: the repository as GIT_DIR, and no system or
 * user configuration (HOME is the repository), so a developer's git settings cannot change a hash.
 */
export function gitEnvironment(directory: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GIT_DIR: directory,
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: directory,
    ...env,
  };
}

/** Starts git on `directory` with stdout and stderr piped, stdin piped only when asked. */
export function spawnGit(
  directory: string,
  args: readonly string[],
  options: GitRunOptions & { stdin?: boolean } = {},
): ChildProcess {
  return spawn('git', args, {
    env: gitEnvironment(directory, options.env),
    stdio: [options.stdin || options.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
}

/** Runs one git to its end and returns stdout as bytes; rejects with git's stderr. */
export function runGit(
  directory: string,
  args: readonly string[],
  options: GitRunOptions = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(directory, args, options);
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

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed: ${stderr}`);
  }
}
