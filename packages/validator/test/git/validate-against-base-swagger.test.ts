import { describe, expect, it } from '@jest/globals';
import { findRule } from '../../src/rules/index.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { loadConfig } from '../../src/config/load-config.js';
import { formatJson, formatText } from '../../src/reporters/index.js';
import { judgeRun } from '../../src/thresholds.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';

// A connector is made from its swagger: a base version without one is no connector flows used, and
// a branch that deletes it deletes every operation at once. Compared as an empty swagger, the first
// read as every operation added and the host "changed from nothing" (a breaking change), the second as
// every operation deleted and the host "changed to nothing", beside REPO-REQUIRED-FILES's error.

const folder = 'certified-connectors/Contoso';
const SWAGGER = 'apiDefinition.swagger.json';

/** The connector's files at dev, `swagger` as its swagger (none when undefined); the branch `pr` starts from it. */
function repositoryWith(swagger: string | object | undefined, config?: string) {
  const files = validConnectorFiles();
  if (swagger === undefined) delete files[SWAGGER];
  else files[SWAGGER] = swagger;
  const repo = createRepository('dev');
  repo.write({
    ...connectorFiles(folder, files),
    ...(config === undefined ? {} : { '.connector-alm.yml': config }),
  });
  repo.commitAll('dev: the base version');
  repo.git('checkout', '--quiet', '-b', 'pr');
  return repo;
}

const requiredFiles = findRule('REPO-REQUIRED-FILES')!;
const readmePresent = findRule('README-PRESENT')!;

describe('validateAgainstBase: a swagger that only the new version has', () => {
  it('takes the connector for a new one, saying that the base version had no swagger', async () => {
    const repo = repositoryWith(undefined);
    repo.write(connectorFiles(folder, { [SWAGGER]: validConnectorFiles()[SWAGGER]! }));
    repo.commitAll('pr: add the swagger');

    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: [requiredFiles] });

    // No "operation added" for each operation, and no host "changed from nothing": nothing is compared.
    expect(result.diffs).toEqual([
      { path: folder, repositoryPath: folder, status: 'added', baseHadNoSwagger: true },
    ]);
    expect(result.findings).toEqual([]);
    expect(judgeRun(result, 'error', true)).toMatchObject({ breaking: 0, failsBreaking: false });
    expect(JSON.parse(formatJson(result)).base.connectors).toEqual([
      { path: folder, status: 'added', baseHadNoSwagger: true, changes: [] },
    ]);
  });

  it('marks every finding new, even one the base version had too, as of a new connector', async () => {
    const repo = repositoryWith(undefined);
    // Neither version has a readme: compared as a changed connector, its finding would be `existing`.
    repo.git('rm', '--quiet', `${folder}/readme.md`);
    repo.git('commit', '--quiet', '--amend', '--no-edit');
    repo.git('branch', '--quiet', '--force', 'dev');
    repo.write(connectorFiles(folder, { [SWAGGER]: validConnectorFiles()[SWAGGER]! }));
    repo.commitAll('pr: add the swagger');

    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: [readmePresent] });

    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'README-PRESENT', baseline: 'new' })]);
    expect(result.diffs[0]).toMatchObject({ status: 'added', baseHadNoSwagger: true });
  });
});

describe('validateAgainstBase: a swagger that the base version could not be read', () => {
  it('says so once, and compares nothing else of it', async () => {
    const repo = repositoryWith('not a swagger');
    repo.write(connectorFiles(folder, { [SWAGGER]: validConnectorFiles()[SWAGGER]! }));
    repo.commitAll('pr: fix the swagger');
    const mergeBase = repo.git('rev-parse', 'dev').trim();

    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: [requiredFiles] });

    expect(result.diffs[0]).toMatchObject({ status: 'changed' });
    expect(result.diffs[0]!.diff!.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-UNCOMPARABLE',
        breaking: false,
        side: 'old',
        file: `${mergeBase.slice(0, 12)}:${folder}/${SWAGGER}`,
      }),
    ]);
    expect(result.findings).toEqual([]);
  });
});

describe('validateAgainstBase: a swagger the branch deleted from the connector folder', () => {
  it('is one breaking change of the file, reported as REPO-REQUIRED-FILES', async () => {
    const repo = repositoryWith(validConnectorFiles()[SWAGGER]!);
    repo.git('rm', '--quiet', `${folder}/${SWAGGER}`);
    repo.commitAll('pr: delete the swagger');
    const mergeBase = repo.git('rev-parse', 'dev').trim();

    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: [requiredFiles] });

    // Not each operation deleted (BRK-OP-DELETED), nor the host, base path and schemes changed to nothing.
    expect(result.diffs[0]!.diff).toEqual({
      classification: 'breaking',
      changes: [
        expect.objectContaining({
          ruleId: 'BRK-SWAGGER-DELETED',
          side: 'old',
          file: `${mergeBase.slice(0, 12)}:${folder}/${SWAGGER}`,
          line: 1,
        }),
      ],
    });
    expect(result.findings.map(({ ruleId, baseline }) => [ruleId, baseline])).toEqual([
      ['REPO-REQUIRED-FILES', 'new'],
    ]);
    const [change] = result.diffs[0]!.diff!.changes;
    expect(result.diffs[0]!.reportedAs?.get(change!)).toBe(result.findings[0]);
    expect(judgeRun(result, 'never', true)).toMatchObject({ breaking: 1, failsBreaking: true });
    expect(formatText(result)).toContain(
      '\n1 breaking change against dev (reported as REPO-REQUIRED-FILES) is left to reviewers: --fail-on-breaking would fail on it.\n',
    );
  });

  it('is a BRK finding of its own when the configuration turns REPO-REQUIRED-FILES off', async () => {
    const repo = repositoryWith(validConnectorFiles()[SWAGGER]!, 'rules:\n  REPO-REQUIRED-FILES: off\n');
    repo.git('rm', '--quiet', `${folder}/${SWAGGER}`);
    repo.commitAll('pr: delete the swagger');
    const mergeBase = repo.git('rev-parse', 'dev').trim();

    const config = await loadConfig({ cwd: repo.dir });
    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, config, rules: [requiredFiles] });

    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-SWAGGER-DELETED',
        severity: 'error',
        baseline: 'new',
        file: folder,
        message: `The file apiDefinition.swagger.json has been deleted. This change breaks existing flows: none of the operations it defined can run any more, and the connector cannot be certified without it. Keep apiDefinition.swagger.json, and edit what it holds instead. (In the base version: ${mergeBase.slice(0, 12)}:${folder}/${SWAGGER}:1:1.)`,
      }),
    ]);
    expect(judgeRun(result, 'error', false)).toMatchObject({ breaking: 1 });
  });
});
