import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/load-config.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import type { Finding } from '../../src/model/finding.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository, type Repository } from './repository-fixture.js';

// An ignore pattern or an override's files glob that matches no connector folder belongs to no
// connector: `validate --base` at the top level says it as `validate` does (it dropped what belonged
// to no connector).

const alpha = 'certified-connectors/Alpha';

/** dev holds Alpha and `config`; the pull request branch `pr` starts from it and touches Alpha. */
function repository(config: string): Repository {
  const repo = createRepository('dev');
  repo.write({ ...connectorFiles(alpha, validConnectorFiles()), '.connector-alm.yml': config });
  repo.commitAll('dev: a connector');
  repo.git('checkout', '--quiet', '-b', 'pr');
  repo.write({ [`${alpha}/intro.md`]: '# Alpha\n' });
  return repo;
}

async function unmatched(repo: Repository, ruleId: string): Promise<Finding[]> {
  const config = await loadConfig({ cwd: repo.dir });
  const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, config, concurrency: 1 });
  return result.findings.filter((finding) => finding.ruleId === ruleId);
}

describe.each([
  {
    what: 'an ignore pattern',
    ruleId: 'REPO-CONFIG-IGNORE-UNMATCHED',
    config: 'ignore:\n  - certified-connectors/Typo\n',
    before: 'ignore: []\n',
  },
  {
    what: "an override's files glob",
    ruleId: 'REPO-CONFIG-OVERRIDE-UNMATCHED',
    config: 'overrides:\n  - files:\n      - certified-connectors/Typo\n    profile: custom\n',
    before: 'overrides: []\n',
  },
])('validateAgainstBase: $what that matches nothing', ({ ruleId, config, before }) => {
  const line = config.split('\n').findIndex((text) => text.includes('Typo')) + 1;

  it('is reported on its line, existing when the change left the configuration file alone', async () => {
    const repo = repository(config);
    repo.commitAll('pr: touch Alpha');
    expect(await unmatched(repo, ruleId)).toEqual([
      expect.objectContaining({ file: '.connector-alm.yml', line, baseline: 'existing' }),
    ]);
  });

  it('is new when the change wrote it', async () => {
    const repo = repository(before);
    repo.write({ '.connector-alm.yml': config });
    repo.commitAll('pr: touch Alpha, write a typo');
    expect(await unmatched(repo, ruleId)).toEqual([
      expect.objectContaining({ file: '.connector-alm.yml', line, baseline: 'new' }),
    ]);
  });
});
