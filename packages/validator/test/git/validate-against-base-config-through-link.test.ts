import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { temporaryFolder } from '@connector-alm/testing';
import { loadConfig } from '../../src/config/load-config.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import type { Finding } from '../../src/model/finding.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository, type Repository } from './repository-fixture.js';

// A path that reaches the connectors through a symbolic link: git resolves the link and compares in
// the repository the connectors are really in, so the configuration file is that repository's, and
// its change is compared with the base's under its one name there.

const alpha = 'certified-connectors/Alpha';
const STRICT = 'rules:\n  README-SECTIONS-CERT: error\n';
const LOOSE = 'rules:\n  README-SECTIONS-CERT: off\n';

/** dev holds Alpha and a strict file; the branch `pr` turns the rule off and touches Alpha. */
function loosenedOnBranch(): Repository {
  const repo = createRepository('dev');
  repo.write({ ...connectorFiles(alpha, validConnectorFiles()), '.connector-alm.yml': STRICT });
  repo.commitAll('dev: a connector and its configuration');
  repo.git('checkout', '--quiet', '-b', 'pr');
  repo.write({ [`${alpha}/intro.md`]: '# Alpha\n', '.connector-alm.yml': LOOSE });
  repo.commitAll('pr: the rule off');
  return repo;
}

/** Validates `paths` from `cwd` against dev, with the configuration validate loads for them. */
async function againstDev(paths: string[], cwd: string) {
  const config = await loadConfig({ cwd, paths });
  const result = await validateAgainstBase(paths, 'dev', { cwd, config, concurrency: 1 });
  return { config, result };
}

function loosened(findings: readonly Finding[]): string[] {
  return findings
    .filter((finding) => finding.ruleId === 'REPO-CONFIG-LOOSENED')
    .map((finding) => `${finding.file}:${finding.line} ${finding.message.split('. ')[0]}`);
}

const describeOnPosix = process.platform === 'win32' ? describe.skip : describe;

describeOnPosix('validateAgainstBase: paths that reach the connectors through a link', () => {
  it('takes the file of the repository the link leads into, where git compares, and reports its loosening', async () => {
    const connectors = loosenedOnBranch();
    // The working directory's repository, with a file of its own and a link into the other's folder.
    const workspace = createRepository('main');
    workspace.write({ '.connector-alm.yml': 'ignore: []\n' });
    symlinkSync(path.join(connectors.dir, 'certified-connectors'), path.join(workspace.dir, 'linked'));

    const { config, result } = await againstDev(['linked/Alpha'], workspace.dir);
    expect(config.path).toBe(path.join(connectors.dir, '.connector-alm.yml'));
    expect(loosened(result.findings)).toEqual([
      `${path.relative(workspace.dir, path.join(connectors.dir, '.connector-alm.yml'))}:2 This change to the configuration file turns README-SECTIONS-CERT off (was error at the base)`,
    ]);
  });

  it('names a file reached through a link to the top level as the same file, not a renamed one', async () => {
    const connectors = loosenedOnBranch();
    const outside = temporaryFolder('connector-alm-link-');
    symlinkSync(connectors.dir, path.join(outside, 'link'));

    const { result } = await againstDev([path.join('link', alpha)], outside);
    expect(loosened(result.findings)).toEqual([
      `${path.join('link', '.connector-alm.yml')}:2 This change to the configuration file turns README-SECTIONS-CERT off (was error at the base)`,
    ]);
  });
});
