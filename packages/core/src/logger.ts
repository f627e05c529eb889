import { printable } from './printable.js';

/**
 * The logging port. Packages log through this interface only, so the same code writes
 * workflow commands inside an action and plain lines on a terminal, and tests can capture it.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Runs `fn` inside a collapsible group (Actions) or under a heading (terminal). */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * A logger for terminals: info to stdout, the rest to stderr, debug only when asked for. Messages
 * name solutions, connectors and folders, so control characters show as escapes (see printable).
 */
export function createConsoleLogger(
  options: { debug?: boolean; stream?: NodeJS.WritableStream } = {},
): Logger {
  const out = options.stream ?? process.stdout;
  const err = options.stream ?? process.stderr;
  return {
    debug: (message) => {
      if (options.debug) err.write(`debug: ${printableLines(message)}\n`);
    },
    info: (message) => void out.write(`${printableLines(message)}\n`),
    warning: (message) => void err.write(`warning: ${printableLines(message)}\n`),
    error: (message) => void err.write(`error: ${printableLines(message)}\n`),
    group: async (title, fn) => {
      out.write(`${printable(title)}\n`);
      return fn();
    },
  };
}

function printableLines(message: string): string {
  return printable(message, { lineBreaks: true });
}

/** A logger that keeps every line, for tests. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (message) => void lines.push(`debug: ${message}`),
    info: (message) => void lines.push(message),
    warning: (message) => void lines.push(`warning: ${message}`),
    error: (message) => void lines.push(`error: ${message}`),
    group: async (title, fn) => {
      lines.push(`## ${title}`);
      return fn();
    },
  };
}
