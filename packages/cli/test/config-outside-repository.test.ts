import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runGit, temporaryFolder } from '@connector-alm/testing';
import { validSwagger, writeValidConnector } from '@connector-alm/validator/testing';

// The configuration file of the repository that holds the paths applies wherever the command runs:
// `validate ~/src/fork/certified-connectors/Foo` from the home folder showed findings the
// repository's CI (run at its top level) does not. The built bundle is run as `npx` runs it, from a
// folder outside the repository.
const bundle = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const LONG_TITLE = 'Contoso Tasks for every team and every project';
const TITLE_RULE_OFF = 'rules:\n  SWG-INFO-TITLE-LEN: off\n';

const git = (cwd: string, ...args: string[]): string => runGit(cwd, args);

function cli(cwd: string, args: readonly string[]) {
  return spawnSync(process.execPath, [bundle, ...args], { cwd, encoding: 'utf8' });
}

/** A scratch folder with `elsewhere`, a folder in no repository to run from. */
function scratch(): { root: string; elsewhere: string } {
  const root = temporaryFolder('cli-config-outside-');
  const elsewhere = path.join(root, 'elsewhere');
  mkdirSync(elsewhere);
  return { root, elsewhere };
}

/** A certified connector whose title SWG-INFO-TITLE-LEN finds too long (an error for certified). */
function writeConnector(folder: string, title = LONG_TITLE): void {
  const swagger = validSwagger();
  swagger.info.title = title;
  writeValidConnector(folder, swagger);
}

/** A git repository at `root` with one commit on `dev`, holding `files` and the connector Contoso Tasks. */
function repository(root: string, files: Record<string, string>): string {
  writeConnector(path.join(root, 'certified-connectors', 'Contoso Tasks'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  git(root, 'init', '-q', '-b', 'dev');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'base');
  return root;
}

const ruleIds = (stdout: string): string[] =>
  (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId);

describe('connector-alm validate from outside the repository of its paths', () => {
  it("applies the repository's file, as a run at its top level does: a rule it turns off does not fire", () => {
    const { root, elsewhere } = scratch();
    const fork = repository(path.join(root, 'fork'), { '.connector-alm.yml': TITLE_RULE_OFF });

    const outside = cli(elsewhere, [
      'validate',
      '../fork/certified-connectors/Contoso Tasks',
      '--format',
      'json',
    ]);
    expect(outside.stderr).toBe('');
    expect(outside.status).toBe(0);
    expect(ruleIds(outside.stdout)).not.toContain('SWG-INFO-TITLE-LEN');
    // The same findings as at the top level, where the repository's CI runs.
    const inside = cli(fork, ['validate', 'certified-connectors/Contoso Tasks', '--format', 'json']);
    expect(inside.status).toBe(0);
    expect(ruleIds(outside.stdout)).toEqual(ruleIds(inside.stdout));
  });

  it("applies the file's ignore patterns, which are relative to it", () => {
    const { root, elsewhere } = scratch();
    const fork = path.join(root, 'fork');
    writeConnector(path.join(fork, 'certified-connectors', 'Legacy Tasks'));
    repository(fork, {
      '.connector-alm.yml': `${TITLE_RULE_OFF}ignore:\n  - 'certified-connectors/Legacy*'\n`,
    });

    const run = cli(elsewhere, ['validate', '../fork', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const connectors = (JSON.parse(run.stdout) as { connectors: { path: string }[] }).connectors;
    expect(connectors.map((connector) => connector.path)).toEqual([
      path.join('..', 'fork', 'certified-connectors', 'Contoso Tasks'),
    ]);
  });

  it('with --base, compares the same file with the base: what the branch loosened in it is said', () => {
    const { root, elsewhere } = scratch();
    const fork = repository(path.join(root, 'fork'), { '.connector-alm.yml': 'ignore: []\n' });
    git(fork, 'checkout', '-qb', 'feature');
    writeFileSync(path.join(fork, '.connector-alm.yml'), `ignore: []\n${TITLE_RULE_OFF}`);
    git(fork, 'commit', '-qam', 'the title rule off');

    const run = cli(elsewhere, ['validate', '../fork/certified-connectors/Contoso Tasks', '--base', 'dev']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `${path.join('..', 'fork', '.connector-alm.yml')}:3:3 warning REPO-CONFIG-LOOSENED This change to the configuration file turns SWG-INFO-TITLE-LEN off (error → off for certified and independent-publisher, info → off for custom; base → this change).`,
    );
    expect(run.stdout).not.toMatch(/error SWG-INFO-TITLE-LEN/);
  });

  it("with --base from a repository nested in the paths' one, looks for the base's file from the top level too", () => {
    // The base has vendor/.connector-alm.yml beside the top level's; the branch renames the top
    // level's (.yml → .yaml), so the base's is searched for, from where the change's search started.
    const { root } = scratch();
    const fork = repository(path.join(root, 'fork'), {
      '.connector-alm.yml': TITLE_RULE_OFF,
      'vendor/.connector-alm.yml': 'ignore: []\n',
      '.gitignore': 'vendor/tool/\n',
    });
    git(fork, 'checkout', '-qb', 'feature');
    git(fork, 'mv', '.connector-alm.yml', '.connector-alm.yaml');
    git(fork, 'commit', '-qm', 'the configuration file as .yaml');
    const tool = path.join(fork, 'vendor', 'tool');
    mkdirSync(tool);
    git(tool, 'init', '-q');

    const run = cli(tool, ['validate', '../../certified-connectors/Contoso Tasks', '--base', 'dev']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // Base and change both turn the rule off: the change loosened nothing.
    expect(run.stdout).not.toContain('REPO-CONFIG-LOOSENED');
    expect(run.stdout).not.toContain('SWG-INFO-TITLE-LEN');
  });

  it('refuses paths of two repositories whose files differ (exit 2), naming both, unless --config names one', () => {
    const { root, elsewhere } = scratch();
    repository(path.join(root, 'a'), { '.connector-alm.yml': TITLE_RULE_OFF });
    repository(path.join(root, 'b'), { '.connector-alm.yml': 'ignore: []\n' });
    const paths = ['../a/certified-connectors/Contoso Tasks', '../b/certified-connectors/Contoso Tasks'];

    const run = cli(elsewhere, ['validate', ...paths]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `${paths[1]}: error: takes its configuration from '${path.join('..', 'b', '.connector-alm.yml')}', and '${paths[0]}' from '${path.join('..', 'a', '.connector-alm.yml')}'.`,
    );
    expect(run.stderr).toMatch(
      /run once for each repository, or give the file to apply to every path \(--config/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);

    const configured = cli(elsewhere, ['validate', ...paths, '--config', '../a/.connector-alm.yml']);
    expect(configured.stderr).toBe('');
    expect(configured.status).toBe(0);
  });

  it('refuses a folder in no repository beside a path whose repository has a file (exit 2)', () => {
    const { root, elsewhere } = scratch();
    repository(path.join(root, 'fork'), { '.connector-alm.yml': TITLE_RULE_OFF });
    writeConnector(path.join(root, 'loose', 'Contoso Tasks'));

    const run = cli(elsewhere, [
      'validate',
      '../loose/Contoso Tasks',
      '../fork/certified-connectors/Contoso Tasks',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `../fork/certified-connectors/Contoso Tasks: error: takes its configuration from '${path.join('..', 'fork', '.connector-alm.yml')}', and '../loose/Contoso Tasks' from no configuration file.`,
    );
  });

  it('validates paths of two repositories together when neither has a file', () => {
    const { root, elsewhere } = scratch();
    repository(path.join(root, 'a'), {});
    repository(path.join(root, 'b'), {});

    const run = cli(elsewhere, [
      'validate',
      '../a/certified-connectors/Contoso Tasks',
      '../b/certified-connectors/Contoso Tasks',
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(ruleIds(run.stdout).filter((id) => id === 'SWG-INFO-TITLE-LEN')).toHaveLength(2);
  });
});
