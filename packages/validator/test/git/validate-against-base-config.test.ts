import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/load-config.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import type { Finding } from '../../src/model/finding.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository, type Repository } from './repository-fixture.js';

// The configuration file is read from the change under check: a pull request could turn off what
// its own connector breaks. Compared with the base's file, what it loosens is a finding on its line.

const alpha = 'certified-connectors/Alpha';
const beta = 'certified-connectors/Beta';
const BASE_CONFIG = '# Connector checks\nrules:\n  README-TODO-PLACEHOLDER: error\n';

/** dev holds Alpha, Beta and `config` (when given); the pull request branch `pr` starts from it. */
function repositoryWithConfig(config: string | undefined): Repository {
  const repo = createRepository('dev');
  repo.write({
    ...connectorFiles(alpha, validConnectorFiles()),
    ...connectorFiles(beta, validConnectorFiles()),
    ...(config === undefined ? {} : { '.connector-alm.yml': config }),
  });
  repo.commitAll('dev: two connectors');
  repo.git('checkout', '--quiet', '-b', 'pr');
  return repo;
}

/** The pull request touches Alpha, so that there is a connector to check. */
function touchAlpha(repo: Repository): void {
  repo.write({ [`${alpha}/intro.md`]: '# Alpha\n' });
}

async function againstDev(repo: Repository) {
  const config = await loadConfig({ cwd: repo.dir });
  return validateAgainstBase(['.'], 'dev', { cwd: repo.dir, config, concurrency: 1 });
}

function loosened(findings: readonly Finding[]): string[] {
  return findings
    .filter((finding) => finding.ruleId === 'REPO-CONFIG-LOOSENED')
    .map(
      (finding) =>
        `${finding.severity} ${finding.file}:${finding.line}:${finding.column} ${finding.message.split('. ')[0]}`,
    );
}

describe('validateAgainstBase: a change to the configuration file', () => {
  it('reports each rule it lowers and each ignore pattern it adds, on their lines', async () => {
    const repo = repositoryWithConfig('rules:\n  GEN-JSON-PARSE: error\n');
    touchAlpha(repo);
    repo.write({
      '.connector-alm.yml':
        'rules:\n  GEN-JSON-PARSE: warning\n  README-PLACEHOLDER: off\nignore:\n  - certified-connectors/Al*\n',
    });
    repo.commitAll('pr: loosen the checks');

    const result = await againstDev(repo);

    expect(loosened(result.findings)).toEqual([
      'warning .connector-alm.yml:2:3 This change to the configuration file lowers GEN-JSON-PARSE to warning (was error at the base)',
      'warning .connector-alm.yml:3:3 This change to the configuration file turns README-PLACEHOLDER off (warning → off for certified and independent-publisher, info → off for custom; base → this change)',
      "warning .connector-alm.yml:5:5 This change to the configuration file adds ignore pattern 'certified-connectors/Al*', which skips 1 connector folder this change touches ('certified-connectors/Alpha')",
    ]);
    // The ignored connector is not checked: the findings above are what says that it was skipped.
    expect(result.connectors).toEqual([expect.objectContaining({ path: beta })]);
    expect(result.findings.filter((finding) => finding.ruleId === 'REPO-CONFIG-LOOSENED')).toEqual(
      expect.arrayContaining([expect.objectContaining({ connector: '.', baseline: 'new' })]),
    );
    expect(result.counts.warning).toBeGreaterThanOrEqual(3);
  });

  it('takes the level of its findings from the base, though the change turns the rule off', async () => {
    const repo = repositoryWithConfig('rules:\n  REPO-CONFIG-LOOSENED: error\n');
    touchAlpha(repo);
    repo.write({ '.connector-alm.yml': 'rules:\n  REPO-CONFIG-LOOSENED: off\n  GEN-JSON-PARSE: off\n' });
    repo.commitAll('pr: silence the check of the configuration too');

    expect(loosened((await againstDev(repo)).findings)).toEqual([
      'error .connector-alm.yml:2:3 This change to the configuration file turns REPO-CONFIG-LOOSENED off (was error at the base)',
      'error .connector-alm.yml:3:3 This change to the configuration file turns GEN-JSON-PARSE off (was error at the base)',
    ]);
  });

  it('reports a new file by what it loosens, and a deleted one on its line at the base', async () => {
    const added = repositoryWithConfig(undefined);
    touchAlpha(added);
    added.write({ '.connector-alm.yml': 'rules:\n  GEN-JSON-PARSE: info\n' });
    added.commitAll('pr: a configuration file');
    expect(loosened((await againstDev(added)).findings)).toEqual([
      'warning .connector-alm.yml:2:3 The configuration file, new in this change, lowers GEN-JSON-PARSE to info (was error at the base)',
    ]);

    const deleted = repositoryWithConfig('ignore: []\nrules:\n  SWG-INFO-TITLE-UNIQUE: error\n');
    touchAlpha(deleted);
    deleted.remove('.connector-alm.yml');
    deleted.commitAll('pr: no configuration file');
    const result = await againstDev(deleted);
    expect(loosened(result.findings)).toEqual([
      'warning .connector-alm.yml:3:3 Deleting the configuration file .connector-alm.yml lowers SWG-INFO-TITLE-UNIQUE (error → warning for certified and independent-publisher, error → info for custom; base → this change)',
    ]);
  });

  it('reports nothing for a change that tightens the configuration or leaves it alone', async () => {
    const repo = repositoryWithConfig('rules:\n  GEN-JSON-PARSE: off\nignore:\n  - custom-connectors/*\n');
    touchAlpha(repo);
    repo.commitAll('pr: only Alpha');
    expect(loosened((await againstDev(repo)).findings)).toEqual([]);

    repo.write({ '.connector-alm.yml': 'rules:\n  README-PLACEHOLDER: error\n' });
    repo.commitAll('pr: stricter');
    expect(loosened((await againstDev(repo)).findings)).toEqual([]);
  });

  it('does not compare with a base file that does not parse, and says so instead of failing', async () => {
    const repo = repositoryWithConfig(BASE_CONFIG);
    touchAlpha(repo);
    repo.write({ '.connector-alm.yml': 'rules:\n  GEN-JSON-PARSE: off\n' });
    repo.commitAll('pr: a configuration this version reads');

    const result = await againstDev(repo);
    expect(loosened(result.findings)).toEqual([]);
    expect(result.configurationNote).toMatch(
      /^The configuration file at the base \([0-9a-f]{12}:\.connector-alm\.yml\) is not a valid configuration \(line 3: Unknown rule 'README-TODO-PLACEHOLDER'\. Did you mean 'README-PLACEHOLDER'\?\), so this change's configuration was not compared with it\.$/,
    );
  });

  it('compares with an empty .json file at the base as with {}, which it was read as before it was refused', async () => {
    const repo = createRepository('dev');
    repo.write({ ...connectorFiles(alpha, validConnectorFiles()), '.connector-alm.json': '' });
    repo.commitAll('dev: an empty configuration file');
    repo.git('checkout', '--quiet', '-b', 'pr');
    touchAlpha(repo);
    repo.write({ '.connector-alm.json': '{\n  "rules": { "GEN-JSON-PARSE": "off" }\n}\n' });
    repo.commitAll('pr: settings at last');

    const result = await againstDev(repo);
    expect(result.configurationNote).toBeUndefined();
    expect(loosened(result.findings)).toEqual([
      'warning .connector-alm.json:2:14 This change to the configuration file turns GEN-JSON-PARSE off (was error at the base)',
    ]);
  });

  it('compares nothing when the caller gives no configuration, or one from outside the repository', async () => {
    const repo = repositoryWithConfig('rules:\n  GEN-JSON-PARSE: error\n');
    touchAlpha(repo);
    repo.write({ '.connector-alm.yml': 'rules:\n  GEN-JSON-PARSE: off\n' });
    repo.commitAll('pr: loosen');
    const withoutConfig = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, concurrency: 1 });
    expect(loosened(withoutConfig.findings)).toEqual([]);

    const outside = mkdtempSync(path.join(os.tmpdir(), 'connector-alm-config-'));
    try {
      writeFileSync(path.join(outside, 'ci.yml'), 'rules:\n  GEN-JSON-PARSE: off\n');
      const config = await loadConfig({ cwd: repo.dir, explicitPath: path.join(outside, 'ci.yml') });
      const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, config, concurrency: 1 });
      expect(loosened(result.findings)).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
