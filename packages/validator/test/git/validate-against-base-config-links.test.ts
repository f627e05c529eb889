import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/load-config.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import type { Finding } from '../../src/model/finding.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository, type Repository } from './repository-fixture.js';

// A configuration file that is a symbolic link: the comparison with the base is about the file where
// it is named. A pull request that turns it into a link out of the repository (to /dev/null, which
// reads as the defaults) changed that file, as surely as one that deletes it.

const alpha = 'certified-connectors/Alpha';
const STRICT = 'rules:\n  README-SECTIONS-CERT: error\n';

/** dev holds Alpha and `files`; the pull request branch `pr` starts from it and touches Alpha. */
function pullRequest(files: Record<string, string>, links: Record<string, string> = {}): Repository {
  const repo = createRepository('dev');
  repo.write({ ...connectorFiles(alpha, validConnectorFiles()), ...files });
  for (const [file, target] of Object.entries(links)) link(repo, file, target);
  repo.commitAll('dev: a connector and its configuration');
  repo.git('checkout', '--quiet', '-b', 'pr');
  repo.write({ [`${alpha}/intro.md`]: '# Alpha\n' });
  return repo;
}

function link(repo: Repository, file: string, target: string): void {
  repo.remove(file);
  mkdirSync(path.dirname(path.join(repo.dir, file)), { recursive: true });
  symlinkSync(target, path.join(repo.dir, file));
}

async function againstDev(repo: Repository, explicitPath?: string) {
  const config = await loadConfig({ cwd: repo.dir, explicitPath });
  return validateAgainstBase(['.'], 'dev', { cwd: repo.dir, config, concurrency: 1 });
}

function loosened(findings: readonly Finding[]): string[] {
  return findings
    .filter((finding) => finding.ruleId === 'REPO-CONFIG-LOOSENED')
    .map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message.split('. ')[0]}`);
}

const TO_DEV_NULL =
  '.connector-alm.yml:1:1 This change to the configuration file (now a symbolic link to /dev/null, outside the repository) lowers README-SECTIONS-CERT (error → warning for certified, error → off for independent-publisher and custom; base → this change)';

// /dev/null, and links that need no privilege to make, are of POSIX systems.
const describeOnPosix = process.platform === 'win32' ? describe.skip : describe;

describeOnPosix('validateAgainstBase: a configuration file that is a symbolic link', () => {
  it('reports a pull request that turns the file into a link to /dev/null, found or named', async () => {
    const repo = pullRequest({ '.connector-alm.yml': STRICT });
    link(repo, '.connector-alm.yml', '/dev/null');
    repo.commitAll('pr: the configuration reads as the defaults');

    expect(loosened((await againstDev(repo)).findings)).toEqual([TO_DEV_NULL]);
    expect(loosened((await againstDev(repo, '.connector-alm.yml')).findings)).toEqual([TO_DEV_NULL]);
  });

  it('reports a link to nothing as the deletion it is to the search', async () => {
    const repo = pullRequest({ '.connector-alm.yml': STRICT });
    link(repo, '.connector-alm.yml', '/nonexistent/connector-alm.yml');
    repo.commitAll('pr: a link to no file');

    expect(loosened((await againstDev(repo)).findings)).toEqual([
      '.connector-alm.yml:2:3 Deleting the configuration file .connector-alm.yml lowers README-SECTIONS-CERT (error → warning for certified, error → off for independent-publisher and custom; base → this change)',
    ]);
  });

  it('follows a link at the base that stays in the repository', async () => {
    const repo = pullRequest({ 'config/alm.yml': STRICT }, { '.connector-alm.yml': 'config/alm.yml' });
    repo.write({ 'config/alm.yml': 'rules:\n  README-SECTIONS-CERT: off\n' });
    repo.commitAll('pr: loosen the file the link leads to');
    expect(loosened((await againstDev(repo)).findings)).toEqual([
      '.connector-alm.yml:2:3 This change to the configuration file turns README-SECTIONS-CERT off (was error at the base)',
    ]);

    link(repo, '.connector-alm.yml', '/dev/null');
    repo.write({ 'config/alm.yml': STRICT });
    repo.commitAll('pr: the link leads out instead');
    expect(loosened((await againstDev(repo)).findings)).toEqual([TO_DEV_NULL]);
  });

  it("reads the base's file through its link when the change replaces the link by a file", async () => {
    const repo = pullRequest({ 'config/alm.yml': STRICT }, { '.connector-alm.yml': 'config/alm.yml' });
    repo.remove('.connector-alm.yml');
    repo.write({ '.connector-alm.yml': 'rules:\n  README-SECTIONS-CERT: off\n' });
    repo.commitAll('pr: a file instead of the link');

    const result = await againstDev(repo);
    expect(loosened(result.findings)).toEqual([
      '.connector-alm.yml:2:3 This change to the configuration file turns README-SECTIONS-CERT off (was error at the base)',
    ]);
    expect(result.configurationNote).toBeUndefined();
  });

  it('compares nothing with a base whose link leads out of the repository, and says so', async () => {
    const repo = pullRequest({}, { '.connector-alm.yml': '/dev/null' });
    repo.write({ '.connector-alm.yml': 'rules:\n  README-SECTIONS-CERT: off\n' });
    repo.commitAll('pr: a file of its own');

    const result = await againstDev(repo);
    expect(loosened(result.findings)).toEqual([]);
    expect(result.configurationNote).toMatch(
      /^The configuration file at the base \([0-9a-f]{12}:\.connector-alm\.yml\) is a symbolic link out of the repository \(to \/dev\/null\), so this change's configuration was not compared with it\.$/,
    );
  });
});
