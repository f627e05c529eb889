import path from 'node:path';
import {
  inFolderMadeFor,
  printable,
  refuseBlockedOutputPath,
  targetWriteError,
  writeReportFile,
  UsageError,
  VERSION,
} from '@connector-alm/core';
import {
  describeLeftOut,
  formatJson,
  formatText,
  sarifReport,
  type JsonFixReport,
  type SarifLimits,
  type TextReportOptions,
  type ValidationResult,
} from '@connector-alm/validator';
import { useColor } from './io.js';
import { inertToWorkflowCommands } from './workflow-safe.js';
import { repositoryRoot } from './repository-root.js';
import type { CommandContext } from './command-context.js';

export type ReportFormat = 'text' | 'json' | 'sarif';

/**
 * Renders a validation result in the asked format. SARIF paths are relative to the repository root.
 * `fixes` (validate --fix) go into the JSON output; the other formats leave them to stderr. `notes`
 * say what the report left out (a SARIF report cut to code scanning's limits), for stderr.
 */
export function renderReport(
  result: ValidationResult,
  format: ReportFormat,
  options: {
    cwd: string;
    color: boolean;
    fixes?: JsonFixReport;
    breakingChangesFail?: boolean;
    quiet?: TextReportOptions['quiet'];
    failOn?: TextReportOptions['failOn'];
    runOptions?: TextReportOptions['runOptions'];
    sarifLimits?: Partial<SarifLimits>;
  },
): { text: string; notes: string[] } {
  if (format === 'json') return { text: formatJson(result, options.fixes), notes: [] };
  if (format === 'sarif') {
    const report = sarifReport(result, {
      toolVersion: VERSION,
      baseDir: repositoryRoot(options.cwd),
      cwd: options.cwd,
      limits: options.sarifLimits,
    });
    const notes = report.leftOut
      ? [`${describeLeftOut(report.leftOut)} --format json or text lists every finding.`]
      : [];
    return { text: report.text, notes };
  }
  const text = formatText(result, {
    color: options.color,
    breakingChangesFail: options.breakingChangesFail,
    quiet: options.quiet,
    failOn: options.failOn,
    runOptions: options.runOptions,
  });
  return { text, notes: [] };
}

/**
 * Refuses, before anything is fixed or validated, an -o path that runs through a file (or a link that
 * leads nowhere), located at that file, which is what to move: mkdir said EEXIST or ENOENT at the
 * report's path, which did not name it. And one that is itself a link the report cannot be written
 * through (round in a loop, to a missing folder), located at the link: the write said ELOOP, as a
 * bug of ours, after validating, or "cannot be created there" without naming the link.
 */
export function refuseReportPathThroughFile(output: string | undefined, cwd: string): void {
  if (output === undefined) return;
  refuseBlockedOutputPath(output, {
    cwd,
    throughFileHint: 'Give -o a path that runs through folders only, or move the file out of the way.',
    brokenLinkHint: 'Give -o the path of the report file to write, e.g. report.sarif, or remove the link.',
  });
}

/**
 * Writes the report to stdout, or to a file when `output` is given. The file's missing folders are
 * made, and removed again when the write fails or is interrupted (inFolderMadeFor). Written in place,
 * not through a temporary file renamed onto it: `-o` may name a link or a device (/dev/stdout), which a
 * rename would replace.
 */
export async function writeReport(
  context: CommandContext,
  result: ValidationResult,
  options: {
    format: ReportFormat;
    output?: string;
    fixes?: JsonFixReport;
    breakingChangesFail?: boolean;
    quiet?: TextReportOptions['quiet'];
    failOn?: TextReportOptions['failOn'];
    runOptions?: TextReportOptions['runOptions'];
  },
): Promise<void> {
  const { io } = context;
  const { text, notes } = renderReport(result, options.format, {
    cwd: io.cwd,
    color: options.output === undefined && useColor(io),
    fixes: options.fixes,
    breakingChangesFail: options.breakingChangesFail,
    quiet: options.quiet,
    failOn: options.failOn,
    runOptions: options.runOptions,
    sarifLimits: io.sarifLimits,
  });
  if (options.output) {
    const target = path.resolve(io.cwd, options.output);
    try {
      await inFolderMadeFor(target, () => writeReportFile(target, text));
    } catch (error) {
      throw reportNotWritten(error as NodeJS.ErrnoException, options.output);
    }
  } else {
    io.stdout.write(inertToWorkflowCommands(text, options.format === 'text' ? 'text' : 'json', io.env));
  }
  for (const note of notes) io.stderr.write(`warning: ${printable(note)}\n`);
}

const REPORT_PATH_HINT = 'Give -o the path of the report file to write, e.g. report.sarif.';

/**
 * -o naming a folder, or a path under a file, or one the user may not write: said at the path as
 * given, with what to give instead (Node's EISDIR text read as an internal failure).
 */
function reportNotWritten(error: NodeJS.ErrnoException, output: string): Error {
  const problem: Record<string, string> = {
    EISDIR: 'is a folder; the report cannot be written there.',
    ENOTDIR: 'is under a file, not a folder; the report cannot be written there.',
    EEXIST: 'is under a file, not a folder; the report cannot be written there.',
    EACCES: 'cannot be written (permission denied).',
    EPERM: 'cannot be written (permission denied).',
    EROFS: 'is on a read-only file system.',
    ENAMETOOLONG: 'has a name longer than the file system allows; the report cannot be written there.',
    ENOENT: 'cannot be created there.',
    // Refused up front (refuseReportPathThroughFile) unless the loop was made while validating.
    ELOOP: 'is a symbolic link that leads round in a loop; the report cannot be written through it.',
  };
  const message = error.code === undefined ? undefined : problem[error.code];
  // Any other refusal of the file system (a full disk, an I/O error) in its own words, at the path.
  if (message === undefined) return targetWriteError(output, error) as Error;
  return new UsageError(message, {
    location: { file: output },
    hint: REPORT_PATH_HINT,
  });
}
