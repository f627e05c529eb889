import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, temporaryFolder } from '@connector-alm/testing';
import { validSwagger, writeValidConnector } from '@connector-alm/validator/testing';

/*
 * validate --quiet, through the built bundle as a maker runs it: the text report lists only the
 * findings at or above --fail-on, and its last lines say how many it left out and how to see them.
 */

const bin = path.join(REPO_ROOT, 'node_modules/.bin/connector-alm');
/** The report's last line when it lists findings: how to look a rule up. */
const LOOK_UP_RULE = 'Run connector-alm rules <rule-id> for what a rule checks and how to fix it.';
const root = temporaryFolder('cli-validate-quiet-');

function writeConnector(name: string, edit: (swagger: ReturnType<typeof validSwagger>) => void): void {
  const swagger = validSwagger();
  edit(swagger);
  writeValidConnector(path.join(root, 'certified-connectors', name), swagger);
}

beforeAll(() => {
  // Errors, warnings and info: a restricted word in the title, no contact email, a description
  // that only repeats its parameter's name.
  writeConnector('Contoso Tasks', (swagger) => {
    swagger.info.title = 'Contoso Tasks API';
    delete swagger.info.contact.email;
    swagger.paths['/tasks'].get.parameters[0].description = 'status';
  });
  // Warnings only: nothing that fails the check by default.
  writeConnector('Fabrikam Notes', (swagger) => {
    delete swagger.info.contact.email;
  });
});

function validate(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(bin, ['validate', ...args], { cwd: root, encoding: 'utf8', env: cleanEnv() });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Plain text as in a pipe, and no GitHub Actions markers if the tests themselves run in a workflow. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.GITHUB_ACTIONS;
  return env;
}

interface FindingLine {
  severity: string;
  line: string;
}

function findingLines(text: string): FindingLine[] {
  return text
    .split('\n')
    .map((line) => ({ line, severity: / (error|warning|info) [A-Z]/.exec(line)?.[1] }))
    .filter((each): each is FindingLine => each.severity !== undefined && /:\d+:\d+ /.test(each.line));
}

function count(lines: FindingLine[], severity: string): number {
  return lines.filter((each) => each.severity === severity).length;
}

describe('validate --quiet', () => {
  it('lists only the errors, keeps the counts of everything, and says what it left out', () => {
    const full = validate('.');
    const all = findingLines(full.stdout);
    const errors = count(all, 'error');
    const warnings = count(all, 'warning');
    const info = count(all, 'info');
    // The fixture must hold every level, or the test proves nothing.
    expect({ errors: errors > 0, warnings: warnings > 0, info: info > 0, report: full.stdout }).toEqual({
      errors: true,
      warnings: true,
      info: true,
      report: full.stdout,
    });

    const quiet = validate('.', '--quiet');
    expect(quiet.status).toBe(full.status);
    expect(quiet.status).toBe(1);
    const listed = findingLines(quiet.stdout);
    expect(listed.map((each) => each.line)).toEqual(
      all.filter((each) => each.severity === 'error').map((each) => each.line),
    );
    // The connector with no errors has nothing to list, so it has no block.
    expect(quiet.stdout).toContain('certified-connectors/Contoso Tasks [certified]: ');
    expect(quiet.stdout).not.toContain('certified-connectors/Fabrikam Notes');
    const lastLines = quiet.stdout.trimEnd().split('\n').slice(-3);
    expect(lastLines[0]).toBe(full.stdout.trimEnd().split('\n').at(-2));
    expect(lastLines[1]).toBe(
      `--quiet left out ${warnings} warning${warnings === 1 ? '' : 's'} and ${info} info, below --fail-on error; run without --quiet to list them.`,
    );
    expect(lastLines[2]).toBe(LOOK_UP_RULE);
  });

  it('lists the warnings too under --fail-on warning', () => {
    const all = findingLines(validate('.').stdout);
    const quiet = validate('.', '--quiet', '--fail-on', 'warning');
    expect(quiet.status).toBe(1);
    expect(findingLines(quiet.stdout).map((each) => each.line)).toEqual(
      all.filter((each) => each.severity !== 'info').map((each) => each.line),
    );
    expect(quiet.stdout).toContain('certified-connectors/Fabrikam Notes [certified]: ');
    expect(quiet.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      `--quiet left out ${count(all, 'info')} info, below --fail-on warning; run without --quiet to list them.`,
      LOOK_UP_RULE,
    ]);
  });

  it('lists nothing but the counts when no finding fails, and exits 0', () => {
    const quiet = validate('certified-connectors/Fabrikam Notes', '--quiet');
    expect(quiet.status).toBe(0);
    expect(findingLines(quiet.stdout)).toEqual([]);
    const lines = quiet.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d+ problems? \(0 errors, \d+ warnings?, \d+ info\) in 1 connector\.$/);
    expect(lines[1]).toMatch(/^--quiet left out \d+ warnings?.*, below --fail-on error; run without --quiet/);
  });

  it.each([
    [['--format', 'json'], /--quiet shortens the text report/],
    [['--format', 'sarif'], /--quiet shortens the text report/],
    [['--fail-on', 'never'], /--quiet lists the findings at or above --fail-on, and --fail-on never/],
  ])('is refused with %j: exit 2, one line, nothing written', (extra, message) => {
    const run = validate('.', '--quiet', ...extra);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
