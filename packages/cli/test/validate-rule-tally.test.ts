import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, temporaryFolder } from '@connector-alm/testing';
import { validSwagger, writeValidConnector } from '@connector-alm/validator/testing';

/*
 * validate's text report of many findings, through the built bundle as a maker runs it: after the
 * findings, a tally by rule (errors first), before the count line; none under --quiet, and none for a
 * report short enough to read whole.
 */

const bin = path.join(REPO_ROOT, 'node_modules/.bin/connector-alm');
const root = temporaryFolder('cli-validate-tally-');
/** A finding line as editors, problem matchers and scripts read it. */
const FINDING_LINE = /^(.+):(\d+):(\d+) (error|warning|info) (\S+) (.*)$/;

/** A connector with a restricted word in its title (an error) and `todos` template lines in its readme. */
function writeConnector(name: string, todos: number): void {
  const folder = path.join(root, 'certified-connectors', name);
  const swagger = validSwagger();
  swagger.info.title = `${name} API`;
  writeValidConnector(folder, swagger);
  const lines = Array.from({ length: todos }, (_, index) => `TODO: item ${index}`);
  appendFileSync(path.join(folder, 'readme.md'), `\n${lines.join('\n')}\n`);
}

beforeAll(() => {
  writeConnector('Contoso Tasks', 60);
  writeConnector('Fabrikam Notes', 0);
});

function validate(...args: string[]): { status: number | null; stdout: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.GITHUB_ACTIONS;
  const run = spawnSync(bin, ['validate', ...args], { cwd: root, encoding: 'utf8', env });
  return { status: run.status, stdout: run.stdout };
}

describe('validate: the tally by rule of a report of many findings', () => {
  it('follows the findings, errors first, before the count line, and no line of it reads as a finding', () => {
    const { status, stdout } = validate('.');
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(lines.indexOf('Findings by rule (2 rules):'))).toEqual([
      'Findings by rule (2 rules):',
      '  SWG-INFO-TITLE-WORDS  2 errors     Leave "API", "Connector" and product names out of the title.',
      '  README-PLACEHOLDER    60 warnings  Replace the readme template text.',
      '',
      '62 problems (2 errors, 60 warnings, 0 info) in 2 connectors.',
      'Run connector-alm rules <rule-id> for what a rule checks and how to fix it.',
    ]);
    // Every finding is a line of its own, and nothing else reads as one.
    expect(lines.filter((line) => FINDING_LINE.test(line))).toHaveLength(62);
  });

  it('is left out under --quiet, which lists only what fails, and of a report short enough to read whole', () => {
    // The same run tallies without --quiet: the test cannot pass by there being no tally at all.
    expect(validate('.').stdout).toContain('Findings by rule');
    const quiet = validate('.', '--quiet');
    expect(quiet.status).toBe(1);
    expect(quiet.stdout).not.toContain('Findings by rule');
    expect(quiet.stdout.trimEnd().split('\n').slice(-4)).toEqual([
      '',
      '62 problems (2 errors, 60 warnings, 0 info) in 2 connectors.',
      '--quiet left out 60 warnings, below --fail-on error; run without --quiet to list them.',
      'Run connector-alm rules <rule-id> for what a rule checks and how to fix it.',
    ]);
    const { stdout } = validate('certified-connectors/Fabrikam Notes');
    expect(stdout).not.toContain('Findings by rule');
    expect(stdout.trimEnd().split('\n').at(-2)).toBe(
      '1 problem (1 error, 0 warnings, 0 info) in 1 connector.',
    );
  });
});
