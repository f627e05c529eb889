import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ValidationResult } from '@connector-alm/validator';
import { useColor } from './io.js';
import type { CommandContext } from './program.js';

/** Renders a validation result in the asked format, to stdout or to a file. */
export async function writeReport(
  context: CommandContext,
  result: ValidationResult,
  options: { format: 'text' | 'json' | 'sarif'; output?: string },
): Promise<void> {
  const { io } = context;
  const color = options.output === undefined && useColor(io);
  let text: string;
  if (options.format === 'json')
    text = `${JSON.stringify({ findings: result.findings, counts: result.counts }, null, 2)}\n`;
  else
    text =
      result.findings
        .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`)
        .join('\n') + '\n';
  void color;
  if (options.output) {
    const target = path.resolve(io.cwd, options.output);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, text);
  } else {
    io.stdout.write(text);
  }
}
