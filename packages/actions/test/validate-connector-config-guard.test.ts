import { describe, expect, it } from '@jest/globals';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commitOnDev, git, runOnPullRequest, workspaceWithConnector } from './helpers/pull-request-repo.js';

// A pull request's configuration file is the one its own check reads: one from a fork could turn
// off what its connector breaks and pass quietly. The check says what it loosened, on the file's
// line and in the job summary, without failing a legitimate change.
describe('validate-connector on a pull request that loosens the configuration file', () => {
  it('annotates the file and gives it a row in the job summary, and still passes', async () => {
    const workspace = workspaceWithConnector();
    writeFileSync(path.join(workspace, '.connector-alm.yml'), 'rules:\n  README-PLACEHOLDER: warning\n');
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    writeFileSync(
      path.join(workspace, 'certified-connectors', 'Contoso Tasks', 'intro.md'),
      '# Contoso Tasks\n',
    );
    writeFileSync(
      path.join(workspace, '.connector-alm.yml'),
      'rules:\n  README-PLACEHOLDER: warning\n  SWG-OP-SUMMARY-REQ: off\n',
    );
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'intro, and no summaries needed');

    const run = await runOnPullRequest(workspace, baseSha);

    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.result).toBe('success');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        title: 'REPO-CONFIG-LOOSENED',
        file: '.connector-alm.yml',
        line: 3,
        message: expect.stringMatching(
          /^This change to the configuration file turns SWG-OP-SUMMARY-REQ off \(error → off for certified and independent-publisher, info → off for custom; base → this change\)\. The change's own check reads this file: make sure the loosening is meant, or make it in a change of its own, one that changes no connector\.$/,
        ),
      }),
    );
    expect(run.summary).toContain('| .connector-alm.yml (configuration) | — | 0 | 1 | 0 | 1 | ✅ |');
    expect(run.stdout).toContain('.connector-alm.yml [configuration]: 0 errors, 1 warning, 0 info');
  });

  it('says so on a pull request that changes no connector folder, only the configuration file', async () => {
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    writeFileSync(path.join(workspace, '.connector-alm.yml'), 'ignore:\n  - certified-connectors/*\n');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'skip the certified connectors');

    const run = await runOnPullRequest(workspace, baseSha);

    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.connectors).toBe('[]');
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        title: 'REPO-CONFIG-LOOSENED',
        file: '.connector-alm.yml',
        line: 2,
        message: expect.stringMatching(
          // It was told to "make it in a change of its own", which it is, and that the pattern "skips
          // none of the connector folders this change touches", which are none.
          /^The configuration file, new in this change, adds ignore pattern 'certified-connectors\/\*'\. The checks of later changes read this file: make sure the loosening is meant\.$/,
        ),
      }),
    ]);
    expect(run.summary).toContain('| .connector-alm.yml (configuration) | — | 0 | 1 | 0 | 1 | ✅ |');
  });

  (process.platform === 'win32' ? it.skip : it)(
    'warns of a pull request that turns the file into a link to /dev/null, and changes nothing else',
    async () => {
      const workspace = workspaceWithConnector();
      writeFileSync(path.join(workspace, '.connector-alm.yml'), 'rules:\n  README-SECTIONS-CERT: error\n');
      const baseSha = commitOnDev(workspace);
      git(workspace, 'checkout', '-qb', 'feature');
      rmSync(path.join(workspace, '.connector-alm.yml'));
      symlinkSync('/dev/null', path.join(workspace, '.connector-alm.yml'));
      git(workspace, 'add', '-A');
      git(workspace, 'commit', '-qm', 'the defaults, through a link');

      const run = await runOnPullRequest(workspace, baseSha);

      expect(run.stderr).toBe('');
      // Not on the file: a link to no file (isFile), so the annotation names it in its text.
      expect(run.annotations).toEqual([
        expect.objectContaining({
          level: 'warning',
          title: 'REPO-CONFIG-LOOSENED',
          message: expect.stringMatching(
            /^\.connector-alm\.yml: This change to the configuration file \(now a symbolic link to \/dev\/null, outside the repository\) lowers README-SECTIONS-CERT /,
          ),
        }),
      ]);
      expect(run.summary).toContain('| .connector-alm.yml (configuration) | — | 0 | 1 | 0 | 1 | ✅ |');
    },
  );

  it('logs a note, and compares nothing, when the base file is not a valid configuration', async () => {
    const workspace = workspaceWithConnector();
    writeFileSync(path.join(workspace, '.connector-alm.yml'), 'rules:\n  RETIRED-RULE-X1: off\n');
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    writeFileSync(
      path.join(workspace, 'certified-connectors', 'Contoso Tasks', 'intro.md'),
      '# Contoso Tasks\n',
    );
    writeFileSync(path.join(workspace, '.connector-alm.yml'), 'rules:\n  SWG-OP-SUMMARY-REQ: off\n');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'a configuration this version reads');

    const run = await runOnPullRequest(workspace, baseSha);

    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.annotations.filter((annotation) => annotation.title === 'REPO-CONFIG-LOOSENED')).toEqual([]);
    expect(run.stdout).toMatch(
      /The configuration file at the base \([0-9a-f]{12}:\.connector-alm\.yml\) is not a valid configuration \(line 2: Unknown rule 'RETIRED-RULE-X1'\.[^)]*\), so this change's configuration was not compared with it\./,
    );
  });
});
