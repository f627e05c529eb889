import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validApiProperties, validReadme, validSwagger } from '@connector-alm/validator/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const FOLDER = path.join('certified-connectors', 'Contoso Tasks');
const PROPERTIES = path.join(FOLDER, 'apiProperties.json');
const PRETTY_PROPERTIES = JSON.stringify(validApiProperties(), null, 2);
/** apiProperties.json as a hand edit leaves it: a comment, single quotes, a trailing comma. */
const SLIPPED_PROPERTIES = PRETTY_PROPERTIES.replace(
  '"properties": {',
  "// branding\n  'properties': {",
).replace(/\n}$/, ',\n}');

/** A valid certified connector whose apiProperties.json is `properties`. */
function repository(properties: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cli-fix-'));
  roots.push(root);
  const folder = path.join(root, FOLDER);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(validSwagger(), null, 2));
  writeFileSync(path.join(folder, 'apiProperties.json'), properties);
  writeFileSync(path.join(folder, 'readme.md'), validReadme());
  return root;
}

const propertiesOf = (root: string): string => readFileSync(path.join(root, PROPERTIES), 'utf8');

function git(cwd: string, ...args: string[]): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@e.x',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@e.x',
  };
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
}

describe('connector-alm validate --fix', () => {
  it('writes the fixes, says so on stderr, and reports and exits as for the fixed files', async () => {
    const root = repository(SLIPPED_PROPERTIES);
    const before = memoryIo(root);
    expect(await runCli(['validate', '.'], before)).toBe(1);
    expect(before.out()).toContain('GEN-JSON-PARSE');
    expect(propertiesOf(root)).toBe(SLIPPED_PROPERTIES);

    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix'], io)).toBe(0);
    expect(io.err()).toBe(`fixed 3 JSON slips in ${PROPERTIES}\n`);
    expect(io.out()).not.toContain('GEN-JSON-PARSE');
    expect(propertiesOf(root)).toBe(PRETTY_PROPERTIES);

    // A second run has nothing to fix.
    const again = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix'], again)).toBe(0);
    expect(again.err()).toBe('');
    expect(propertiesOf(root)).toBe(PRETTY_PROPERTIES);
  });

  it('writes nothing when a path of the command line holds no connector folder (exit 2)', async () => {
    const root = repository(SLIPPED_PROPERTIES);
    mkdirSync(path.join(root, 'docs'));
    const io = memoryIo(root);
    expect(await runCli(['validate', FOLDER, 'docs', '--fix'], io)).toBe(2);
    expect(io.err()).toBe(
      'docs: error: holds no connector folder. A connector folder holds apiDefinition.swagger.json and apiProperties.json.\n',
    );
    expect(propertiesOf(root)).toBe(SLIPPED_PROPERTIES);
  });

  it('lists the fixed files in the JSON output, after the keys of its contract', async () => {
    const root = repository(SLIPPED_PROPERTIES);
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix', '--format', 'json'], io)).toBe(0);
    const report = JSON.parse(io.out()) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['findings', 'connectors', 'counts', 'fixed', 'notFixed']);
    expect(report.fixed).toEqual([{ file: PROPERTIES, slips: 3 }]);
    expect(report.notFixed).toEqual([]);
    expect((report.findings as { ruleId: string }[]).map((f) => f.ruleId)).not.toContain('GEN-JSON-PARSE');

    // Without --fix, the output is what it was: no such keys.
    const plain = memoryIo(root);
    await runCli(['validate', '.', '--format', 'json'], plain);
    expect(Object.keys(JSON.parse(plain.out()) as object)).toEqual(['findings', 'connectors', 'counts']);
  });

  it('leaves a file with a slip that names no single edit as it is, says why, and exits 1 on its findings', async () => {
    const broken = SLIPPED_PROPERTIES.replace(/"iconBrandColor": "[^"]*"/, '"iconBrandColor": ');
    expect(broken).not.toBe(SLIPPED_PROPERTIES);
    const root = repository(broken);
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--fix', '--format', 'json'], io)).toBe(1);
    expect(io.err()).toMatch(
      new RegExp(`^not fixed: ${PROPERTIES.replace(/\\/g, '\\\\')}: .*GEN-JSON-PARSE.*\\n$`),
    );
    const report = JSON.parse(io.out()) as {
      findings: { ruleId: string }[];
      fixed: unknown[];
      notFixed: unknown[];
    };
    expect(report.fixed).toEqual([]);
    expect(report.notFixed).toEqual([{ file: PROPERTIES, reason: expect.any(String) }]);
    expect(report.findings.filter((f) => f.ruleId === 'GEN-JSON-PARSE').length).toBeGreaterThan(1);
    expect(propertiesOf(root)).toBe(broken);
  });

  it('fixes the work tree with --base, and compares the fixed files with the base', async () => {
    const root = repository(PRETTY_PROPERTIES);
    git(root, 'init', '-q', '-b', 'dev');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    git(root, 'checkout', '-qb', 'feature');
    writeFileSync(path.join(root, PROPERTIES), SLIPPED_PROPERTIES);
    git(root, 'commit', '-qam', 'hand edit');

    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--base', 'dev', '--fix', '--format', 'json'], io)).toBe(0);
    const report = JSON.parse(io.out()) as { findings: { ruleId: string }[]; fixed: unknown[] };
    expect(report.fixed).toEqual([{ file: PROPERTIES, slips: 3 }]);
    // The fix gave back the base's file: nothing new, nothing breaking.
    expect(
      report.findings.filter((f) => f.ruleId === 'GEN-JSON-PARSE' || f.ruleId.startsWith('BRK-')),
    ).toEqual([]);
    expect(git(root, 'diff', '--stat', 'dev')).toBe('');
  });
});
