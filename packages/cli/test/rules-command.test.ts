import { describe, expect, it } from '@jest/globals';
import os from 'node:os';
import { ALL_CHANGE_RULES, ALL_RULES } from '@connector-alm/validator';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

describe('connector-alm rules', () => {
  it('lists every validation rule with its levels, then every change rule with its impact and severity', async () => {
    const io = memoryIo(os.tmpdir());
    expect(await runCli(['rules'], io)).toBe(0);
    const lines = io.out().split('\n');
    const swaggerTitle = lines.find((line) => line.startsWith('SWG-OPID-UNIQUE '));
    expect(swaggerTitle).toMatch(/^SWG-OPID-UNIQUE +error\/error\/error +\S/);
    const deleted = lines.find((line) => line.startsWith('BRK-OP-DELETED '));
    expect(deleted).toMatch(
      /^BRK-OP-DELETED +breaking\/error +The operation has been deleted\. This change breaks existing flows\.$/,
    );
    const listed = lines.filter((line) => /^[A-Z]+-[A-Z0-9-]+ /.test(line)).map((line) => line.split(' ')[0]);
    expect(listed).toEqual([...ALL_RULES.map((rule) => rule.id), ...ALL_CHANGE_RULES.map((rule) => rule.id)]);
  });

  it('gives both lists in JSON', async () => {
    const io = memoryIo(os.tmpdir());
    expect(await runCli(['rules', '--format', 'json'], io)).toBe(0);
    const { rules, changeRules } = JSON.parse(io.out()) as {
      rules: { id: string; levels: Record<string, string> }[];
      changeRules: { id: string; impact: string; severity: string; message: string; source: string }[];
    };
    expect(rules.map((rule) => rule.id)).toEqual(ALL_RULES.map((rule) => rule.id));
    expect(changeRules.find((rule) => rule.id === 'BRK-PARAM-LOCATION')).toEqual({
      id: 'BRK-PARAM-LOCATION',
      impact: 'breaking',
      severity: 'error',
      message:
        'The location has been changed for the parameter. Existing flows will continue to send the parameter in the old location.',
      source: expect.stringMatching(/^Microsoft change validator/),
    });
    expect(changeRules).toHaveLength(ALL_CHANGE_RULES.length);
  });

  it('refuses an unknown format as a usage error, naming the formats as every other --format does', async () => {
    const io = memoryIo(os.tmpdir());
    expect(await runCli(['rules', '--format', 'yaml'], io)).toBe(2);
    expect(io.err()).toBe(
      "error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are text, json, markdown.\n(run with --help for usage)\n",
    );
  });

  it('lists the formats in --help as choices, as the other commands list theirs', async () => {
    const io = memoryIo(os.tmpdir());
    expect(await runCli(['rules', '--help'], io)).toBe(0);
    // Help wraps its lines to the terminal's width: compared as one line.
    expect(io.out().replace(/\s+/g, ' ')).toContain(
      '--format <format> output format; markdown is the rule reference, as in docs/rules.md (choices: "text", "json", "markdown", default: "text")',
    );
  });
});
