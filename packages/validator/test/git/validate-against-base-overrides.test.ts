import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/load-config.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import type { Finding } from '../../src/model/finding.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository, type Repository } from './repository-fixture.js';

// `validate --base` (and the action on a pull request) gives each folder the levels of the overrides
// that match it: in the change's findings, in their comparison with the base version, in the
// repository rules; and what a change to `overrides` loosens is said, as for the rest of the file.

const alpha = 'certified-connectors/Alpha';
const beta = 'certified-connectors/Beta';

/** A swagger whose path parameter lacks x-ms-url-encoding (SWG-PATH-PARAM-ENCODING). */
function unencodedSwagger(): Record<string, any> {
  const swagger = validSwagger();
  delete swagger.paths['/tasks/{taskId}'].get.parameters[0]['x-ms-url-encoding'];
  return swagger;
}

/** dev holds Alpha and Beta (their path parameter unencoded) and `config`; the branch `pr` starts from it. */
function repositoryWithConfig(config: string): Repository {
  const repo = createRepository('dev');
  const files = { ...validConnectorFiles(), 'apiDefinition.swagger.json': unencodedSwagger() };
  repo.write({
    ...connectorFiles(alpha, files),
    ...connectorFiles(beta, files),
    '.connector-alm.yml': config,
  });
  repo.commitAll('dev: two connectors');
  repo.git('checkout', '--quiet', '-b', 'pr');
  return repo;
}

async function againstDev(repo: Repository) {
  const config = await loadConfig({ cwd: repo.dir });
  return validateAgainstBase(['.'], 'dev', { cwd: repo.dir, config, concurrency: 1 });
}

function of(findings: readonly Finding[], ruleId: string): string[] {
  return findings
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => `${finding.severity} ${finding.baseline} ${finding.connector}`);
}

function loosened(findings: readonly Finding[]): string[] {
  return findings
    .filter((finding) => finding.ruleId === 'REPO-CONFIG-LOOSENED')
    .map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message.split('. ')[0]}`);
}

describe('validateAgainstBase with overrides', () => {
  it("keeps a finding the base version had at the folder's level existing, not new", async () => {
    const config =
      'rules:\n  SWG-PATH-PARAM-ENCODING: off\noverrides:\n  - files: [certified-connectors/Alpha]\n    rules:\n      SWG-PATH-PARAM-ENCODING: error\n';
    const repo = repositoryWithConfig(config);
    repo.write({ [`${alpha}/intro.md`]: '# Alpha\n' });
    repo.commitAll('pr: an intro');

    const result = await againstDev(repo);
    expect(of(result.findings, 'SWG-PATH-PARAM-ENCODING')).toEqual([`error existing ${alpha}`]);
    expect(loosened(result.findings)).toEqual([]);
  });

  it('runs the repository rules at the level each folder has', async () => {
    const config =
      'rules:\n  REPO-ONE-PER-PR: off\noverrides:\n  - files: [certified-connectors/Alpha]\n    rules:\n      REPO-ONE-PER-PR: error\n';
    const repo = repositoryWithConfig(config);
    repo.write({ [`${alpha}/intro.md`]: '# Alpha\n', [`${beta}/intro.md`]: '# Beta\n' });
    repo.commitAll('pr: two intros');

    expect(of((await againstDev(repo)).findings, 'REPO-ONE-PER-PR')).toEqual([`error new ${alpha}`]);
  });

  it('reports what a change to the overrides loosens, on its line', async () => {
    const repo = repositoryWithConfig(
      'overrides:\n  - files: [certified-connectors/Beta]\n    rules:\n      SWG-PATH-PARAM-ENCODING: error\n',
    );
    repo.write({ [`${alpha}/intro.md`]: '# Alpha\n' });
    repo.write({
      '.connector-alm.yml': [
        'overrides:',
        "  - files: ['certified-connectors/*']",
        '    rules:',
        '      SWG-OP-SUMMARY-REQ: info',
        '  - files: [certified-connectors/Alpha]',
        '    profile: custom',
        '',
      ].join('\n'),
    });
    repo.commitAll('pr: relax');

    expect(loosened((await againstDev(repo)).findings)).toEqual([
      // The override that held Beta stricter is gone: said at `overrides`, where it was.
      ".connector-alm.yml:2:3 This change to the configuration file lowers SWG-PATH-PARAM-ENCODING to warning in overrides for 'certified-connectors/Beta' (was error at the base)",
      ".connector-alm.yml:4:7 This change to the configuration file lowers SWG-OP-SUMMARY-REQ to info in overrides for 'certified-connectors/*' for certified and independent-publisher (was error at the base)",
      expect.stringMatching(
        /^\.connector-alm\.yml:6:14 This change to the configuration file gives profile custom in overrides for 'certified-connectors\/Alpha' \(each folder had its own at the base\), which lowers \d+ rules for those that were certified or independent-publisher \(SWG-REQUIRED-EMPTY error → warning, /,
      ),
    ]);
  });
});
