import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// What a process asks of the kernel, seen by strace: whether a file's bytes reach the disk before
// its rename is a matter of system calls, which no test of the file's content can tell.

/** Why strace cannot watch a Node.js process here, or undefined when it can. */
export function cannotTrace(): string | undefined {
  const probe = spawnSync('strace', ['-f', '-o', os.devNull, process.execPath, '-e', '0'], {
    encoding: 'utf8',
  });
  if (probe.error) return `strace cannot be run (${probe.error.message})`;
  if (probe.status !== 0) {
    const said = probe.stderr.trim().split('\n')[0];
    return `strace cannot trace a process here, as in a container without ptrace (${said})`;
  }
  return undefined;
}

/** A system call strace saw: its name, its arguments as written, and what it returned. */
export interface SystemCall {
  name: string;
  args: string;
  result: string;
}

/**
 * Runs `node script …args` under strace, following its threads (Node.js does file work on libuv's
 * threads), and returns the calls named in `calls` in the order they ended. Strings are written
 * whole (strace cuts them at 32 characters by default, shorter than a temporary's path).
 */
export function traceNode(script: string, args: readonly string[], calls: readonly string[]): SystemCall[] {
  const log = path.join(path.dirname(script), 'strace.log');
  const run = spawnSync(
    'strace',
    [
      '-f',
      '-qq',
      '-s',
      '4096',
      '-e',
      `trace=${calls.join(',')}`,
      '-o',
      log,
      process.execPath,
      script,
      ...args,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`the traced script exited ${run.status}: ${run.stderr}`);
  return parseTrace(readFileSync(log, 'utf8'));
}

// `1234 openat(AT_FDCWD, "/a", O_RDONLY) = 3`; a call another thread's call cut in two is written
// `1234 fsync(3 <unfinished ...>`, then later `1234 <... fsync resumed>) = 0`.
const WHOLE = /^(\d+) +(\w+)\((.*)\) += (.*)$/;
// The log is strace's, of a script the test ran, not text anyone else wrote.
// eslint-disable-next-line regexp/no-super-linear-backtracking
const STARTED = /^(\d+) +(.*) <unfinished \.\.\.>$/;
const RESUMED = /^(\d+) +<\.\.\. \w+ resumed>(.*)$/;

function parseTrace(log: string): SystemCall[] {
  const started = new Map<string, string>();
  const seen: SystemCall[] = [];
  for (const line of log.split('\n')) {
    const start = STARTED.exec(line);
    if (start) {
      started.set(start[1]!, start[2]!);
      continue;
    }
    const resumed = RESUMED.exec(line);
    const whole = WHOLE.exec(resumed ? `${resumed[1]} ${started.get(resumed[1]!) ?? ''}${resumed[2]}` : line);
    if (whole) seen.push({ name: whole[2]!, args: whole[3]!, result: whole[4]! });
  }
  return seen;
}
