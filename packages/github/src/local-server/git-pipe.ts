import type { ChildProcess } from 'node:child_process';
import { GitError, spawnGit } from './git-process.js';

/**
 * What a request's answer is, read from the front of what git wrote: the answer and the bytes it
 * took, or how many bytes must have arrived before it can be read.
 */
export type AnswerParser<T> = (data: Buffer) => { answer: T; length: number } | { needed: number };

interface Pending {
  input: string;
  parse: AnswerParser<unknown>;
  resolve(answer: unknown): void;
  reject(error: Error): void;
}

/**
 * One long-lived git process that answers requests written to its stdin in order (`cat-file
 * --batch-command`, `hash-object --stdin-paths`): a request costs a line on a pipe instead of a
 * process, which from a grown test worker takes 10-35 ms to start. Requests are written as they
 * come, so requests made together travel down the pipe together.
 *
 * The process starts with the first request, and again after it died (what was waiting is rejected
 * with git's error). It keeps the event loop alive only while an answer is awaited, so one that is
 * never closed cannot keep a test run from ending; close() ends it.
 */
export class GitPipe {
  private child?: ChildProcess;
  private readonly queue: Pending[] = [];
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Bytes the oldest request needs before its parser is worth calling again. */
  private needed = 1;
  private closed = false;

  constructor(
    private readonly directory: string,
    private readonly args: readonly string[],
  ) {}

  ask<T>(input: string, parse: AnswerParser<T>): Promise<T> {
    if (this.closed) return Promise.reject(new GitError(this.args, 'the repository was closed'));
    return new Promise<T>((resolve, reject) => {
      const child = this.start();
      this.queue.push({ input, parse, resolve: resolve as (answer: unknown) => void, reject });
      hold(child, true);
      child.stdin!.write(input);
    });
  }

  /** Ends the git process and waits for it to exit. */
  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    child.stdin!.end();
    await exited;
  }

  private start(): ChildProcess {
    if (this.child) return this.child;
    const child = spawnGit(this.directory, this.args, { stdin: true });
    this.child = child;
    const stderr: Buffer[] = [];
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stdin!.on('error', () => undefined);
    const fail = (why: string) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.chunks = [];
      this.buffered = 0;
      this.needed = 1;
      for (const pending of this.queue.splice(0))
        pending.reject(new GitError([...this.args, pending.input.trim()], why));
    };
    child.on('error', (error) => fail(error.message));
    child.on('close', (code, signal) =>
      fail(Buffer.concat(stderr).toString('utf8').trim() || `git exited (${signal ?? code})`),
    );
    return child;
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (this.queue.length > 0 && this.buffered >= this.needed) {
      // Joined only when the oldest request may be answered: a large blob arrives in many chunks.
      const data = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      const parsed = this.queue[0]!.parse(data);
      if ('needed' in parsed) {
        this.chunks = [data];
        this.needed = Math.max(parsed.needed, data.length + 1);
        break;
      }
      const rest = data.subarray(parsed.length);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
      this.needed = 1;
      this.queue.shift()!.resolve(parsed.answer);
    }
    if (this.queue.length === 0 && this.child) hold(this.child, false);
  }
}

/** Keeps the event loop alive for the process, or lets it end with the process still there. */
function hold(child: ChildProcess, waiting: boolean): void {
  // The pipes are sockets, which can be unreferenced like the process (their type does not say so).
  const handles = [child, child.stdin, child.stdout, child.stderr] as ({
    ref?(): void;
    unref?(): void;
  } | null)[];
  for (const handle of handles) {
    if (waiting) handle?.ref?.();
    else handle?.unref?.();
  }
}

/** The next `count` lines, without their line feeds. */
export function lines(count: number): AnswerParser<string[]> {
  return (data) => {
    let end = -1;
    for (let i = 0; i < count; i++) {
      end = data.indexOf(0x0a, end + 1);
      if (end < 0) return { needed: data.length + 1 };
    }
    return { answer: data.toString('utf8', 0, end).split('\n'), length: end + 1 };
  };
}
