import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runGit, temporaryFolder } from '@connector-alm/testing';
import { validSwagger, writeValidConnector } from '@connector-alm/validator/testing';

// A workspace repository whose configuration file turns a rule off, with a checkout of upstream in it
// (its own .git, no file). Named itself, upstream's connector takes upstream's configuration (none);
// found under `.`, it took the workspace's: one connector's findings depended on how it was named.
// Now a folder found that would take another file is refused as two paths whose files differ are.
const bundle = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const LONG_TITLE = 'Contoso Tasks for every team and every project';
const TITLE_RULE_OFF = 'rules:\n  SWG-INFO-TITLE-LEN: off\n';
const BAR = path.join('upstream', 'certified-connectors', 'Bar');

function cli(cwd: string, args: readonly string[]) {
  return spawnSync(process.execPath, [bundle, ...args], { cwd, encoding: 'utf8' });
}

/** A certified connector whose title SWG-INFO-TITLE-LEN finds too long (an error for certified). */
function writeConnector(folder: string): void {
  const swagger = validSwagger();
  swagger.info.title = LONG_TITLE;
  writeValidConnector(folder, swagger);
}

/** The workspace repository, its configuration file `config`, and upstream's checkout in it. */
function workspace(config: string): string {
  const root = temporaryFolder('cli-config-nested-');
  writeConnector(path.join(root, 'certified-connectors', 'Foo'));
  writeConnector(path.join(root, BAR));
  writeFileSync(path.join(root, '.connector-alm.yml'), config);
  runGit(path.join(root, 'upstream'), ['init', '-q']);
  runGit(root, ['init', '-q']);
  return root;
}

const ruleIds = (stdout: string): string[] =>
  (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId);

describe('connector-alm validate over a repository with a checkout of another nested in it', () => {
  it('refuses a connector folder found whose own repository takes another file (exit 2), naming it and both files', () => {
    const root = workspace(TITLE_RULE_OFF);

    const run = cli(root, ['validate', '.']);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `${BAR}: error: takes its configuration from no configuration file, and the paths it was found under from '.connector-alm.yml'.`,
    );
    expect(run.stderr).toContain(
      "skip the folder's repository with ignore: ['upstream/**'] in '.connector-alm.yml', or run from the folder's repository.\n",
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);

    // Named itself, the connector takes its own repository's configuration: none, so the rule fires.
    const named = cli(root, ['validate', BAR, '--format', 'json']);
    expect(named.stderr).toBe('');
    expect(named.status).toBe(1);
    expect(ruleIds(named.stdout)).toContain('SWG-INFO-TITLE-LEN');
  });

  it("says to run once for each repository when run from the nested checkout, whose file is not the workspace's", () => {
    const root = workspace(TITLE_RULE_OFF);
    const run = cli(path.join(root, 'upstream'), ['validate', '..']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `${path.join('certified-connectors', 'Bar')}: error: takes its configuration from no configuration file, and the paths it was found under from '${path.join('..', '.connector-alm.yml')}'. One run applies one configuration: run once for each repository, give the file to apply to every folder (--config, the action's config input), or skip the folder's repository with ignore: ['upstream/**'] in '${path.join('..', '.connector-alm.yml')}'.\n`,
    );
  });

  it('validates the workspace when its file ignores the nested checkout, or when --config names the file', () => {
    const root = workspace(`${TITLE_RULE_OFF}ignore:\n  - upstream/**\n`);

    const ignoring = cli(root, ['validate', '.', '--format', 'json']);
    expect(ignoring.stderr).toBe('');
    expect(ignoring.status).toBe(0);
    expect((JSON.parse(ignoring.stdout) as { connectors: unknown[] }).connectors).toHaveLength(1);

    writeFileSync(path.join(root, '.connector-alm.yml'), TITLE_RULE_OFF);
    const configured = cli(root, ['validate', '.', '--config', '.connector-alm.yml', '--format', 'json']);
    expect(configured.stderr).toBe('');
    expect(configured.status).toBe(0);
    expect((JSON.parse(configured.stdout) as { connectors: unknown[] }).connectors).toHaveLength(2);
  });

  it('refuses before --fix writes anything', () => {
    const root = workspace(TITLE_RULE_OFF);
    const swagger = path.join(root, BAR, 'apiDefinition.swagger.json');
    writeFileSync(swagger, '{"swagger": "2.0",}\n');

    const run = cli(root, ['validate', '.', '--fix']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${BAR}: error: takes its configuration from no configuration file`);
    expect(readFileSync(swagger, 'utf8')).toBe('{"swagger": "2.0",}\n');
  });
});
