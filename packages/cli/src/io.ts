import type { SarifLimits } from '@connector-alm/validator';

/**
 * What a CLI run talks to. The real process in production; buffers in tests, so that a command can
 * be run in-process and its output, exit code and files checked without spawning anything.
 */
export interface CliIo {
  /** `columns` is a terminal's width, which text meant for reading (`rules <id>`) is wrapped to. */
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The script the process runs (process.argv[1]), for lines that run the CLI again; none in-process. */
  script?: string;
  /** What code scanning takes from a SARIF report (default: GitHub's documented limits); tests lower them. */
  sarifLimits?: Partial<SarifLimits>;
}

/** Conventional exit codes: 0 success, 1 findings or a failed job, 2 usage error. */
export const ExitCode = {
  Success: 0,
  Failure: 1,
  Usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). FORCE_COLOR
 * decides where it is set: `0` or `false` turn colour off, on a terminal too, any other value turns
 * it on, as Node.js's own streams and the supports-color package read it.
 */
export function useColor(io: CliIo, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return io[stream].isTTY === true && io.env.TERM !== 'dumb';
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    ...(process.argv[1] ? { script: process.argv[1] } : {}),
  };
}

/** Lines of prose longer than this are hard to follow, however wide the terminal. */
const MOST_READABLE_WIDTH = 100;

/**
 * The width to wrap prose at: the terminal's, up to MOST_READABLE_WIDTH. None when stdout is not a
 * terminal, so that a pipe or a file gets each paragraph on one line.
 */
export function readingWidth(io: CliIo): number | undefined {
  const { isTTY, columns } = io.stdout;
  if (isTTY !== true || columns === undefined || columns <= 0) return undefined;
  return Math.min(columns, MOST_READABLE_WIDTH);
}
