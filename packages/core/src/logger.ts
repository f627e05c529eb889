import { printable } from './printable.js';
import { inertToRunner } from './workflow-commands.js';

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
 * A logger for terminals: progress (info and group titles) to `progress`, warnings, errors and
 * debug lines (only when asked for) to `diagnostics`, stdout and stderr unless given. A command
 * whose stdout holds its JSON result gives stderr for both. Messages name solutions, connectors and
 * folders, so control characters show as escapes (see printable). Line breaks stay, as some
 * messages are several lines on purpose; so with `runner` (the CLI in a `run:` step of GitHub
 * Actions), a message that could hold a workflow command is fenced (inertToRunner), in case a name
 * or version put in it starts a line of its own.
 */
export function createConsoleLogger(
  options: {
    debug?: boolean;
    progress?: NodeJS.WritableStream;
    diagnostics?: NodeJS.WritableStream;
    runner?: boolean;
  } = {},
): Logger {
  const out = options.progress ?? process.stdout;
  const err = options.diagnostics ?? process.stderr;
  const line = (prefix: string, message: string): string => {
    const text = `${prefix}${printable(message, { lineBreaks: true })}\n`;
    return options.runner ? inertToRunner(text) : text;
  };
  return {
    debug: (message) => {
      if (options.debug) err.write(line('debug: ', message));
    },
    info: (message) => void out.write(line('', message)),
    warning: (message) => void err.write(line('warning: ', message)),
    error: (message) => void err.write(line('error: ', message)),
    group: async (title, fn) => {
      const heading = `${printable(title)}\n`;
      out.write(options.runner ? inertToRunner(heading) : heading);
      return fn();
    },
  };
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
