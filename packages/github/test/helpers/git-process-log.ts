import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';

export interface GitProcess {
  pid: number;
  /** git's first argument: its command. */
  command: string;
}

/**
 * Puts a `git` first on PATH that writes its process id and command to a log and then becomes the
 * real git (exec keeps the id), so a test can count the git processes the local server starts and
 * check that none is left running. `restore` puts PATH back.
 */
export function logGitProcesses(): { started(): GitProcess[]; restore(): void } {
  const folder = temporaryFolder('git-process-log-');
  const log = path.join(folder, 'started.log');
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const shim = path.join(folder, 'git');
  writeFileSync(shim, `#!/bin/sh\necho "$$ $1" >> '${log}'\nexec '${realGit}' "$@"\n`);
  chmodSync(shim, 0o755);
  const before = process.env.PATH;
  process.env.PATH = `${folder}${path.delimiter}${before ?? ''}`;
  return {
    started: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => {
              const [pid, command] = line.split(' ');
              return { pid: Number(pid), command: command ?? '' };
            })
        : [],
    restore: () => {
      process.env.PATH = before;
    },
  };
}

/** Whether a process of this id is running (a finished child is gone once Node has reaped it). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
