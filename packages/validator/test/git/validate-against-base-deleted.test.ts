import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/load-config.js';
import { onlyNewFindings } from '../../src/git/only-new-findings.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { judgeRun } from '../../src/thresholds.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository, type Repository } from './repository-fixture.js';

// Deleting a connector folder from PowerPlatformConnectors breaks every flow that uses the
// connector: a reviewer must see it as a breaking change, as a deleted operation is one. A folder
// that only moved is compared with its old self, and a folder that was no connector breaks nothing.

const alpha = 'certified-connectors/Alpha';
const beta = 'certified-connectors/Beta';

/** dev holds Alpha and Beta; the pull request branch `pr` starts from it. */
function twoConnectors(): Repository {
  const repo = createRepository('dev');
  repo.write({
    ...connectorFiles(alpha, validConnectorFiles()),
    ...connectorFiles(beta, validConnectorFiles()),
    'README.md': '# Connectors\n',
  });
  repo.commitAll('dev: two connectors');
  repo.git('checkout', '--quiet', '-b', 'pr');
  return repo;
}

/** Only the deletion is of interest: no validation rule runs. */
const quiet = (repo: Repository) => ({ cwd: repo.dir, rules: [] });

describe('validateAgainstBase: a connector folder the branch deleted', () => {
  it('is a breaking change on the folder as it was at the base, with status deleted', async () => {
    const repo = twoConnectors();
    repo.git('rm', '-r', '--quiet', beta);
    repo.commitAll('pr: delete Beta');
    const mergeBase = repo.git('rev-parse', 'dev').trim();

    const result = await validateAgainstBase(['.'], 'dev', quiet(repo));

    expect(result.findings).toEqual([
      {
        ruleId: 'BRK-CONNECTOR-DELETED',
        severity: 'error',
        message: expect.stringMatching(/^The connector has been deleted\. This change breaks existing flows/),
        file: beta,
        line: 1,
        column: 1,
        connector: beta,
        baseline: 'new',
      },
    ]);
    // The message tells where to find what was deleted, and what to do instead.
    expect(result.findings[0]!.message).toContain(
      `deprecate its operations ('deprecated: true') and point to their replacements. (In the base version: ${mergeBase.slice(0, 12)}:${beta}/apiDefinition.swagger.json.)`,
    );
    // Nothing is left of it to validate: it is no connector of the result, but the base lists it.
    expect(result.connectors.map((connector) => connector.path)).toEqual([alpha]);
    expect(result.diffs.map(({ path, status }) => [path, status])).toEqual([
      [alpha, 'unchanged'],
      [beta, 'deleted'],
    ]);
    expect(result.diffs[1]!.diff).toMatchObject({
      classification: 'breaking',
      changes: [{ ruleId: 'BRK-CONNECTOR-DELETED', breaking: true, side: 'old', impact: 'breaking' }],
    });
    // The deletion with the finding it is reported as, for the job summary to list the two once.
    expect(result.diffs[1]!.reportedAs?.get(result.diffs[1]!.diff!.changes[0]!)).toBe(result.findings[0]);
    expect(result.counts).toEqual({ error: 1, warning: 0, info: 0 });
    // Judged as any breaking change: left to reviewers, unless breaking changes fail the run.
    expect(judgeRun(result, 'error', false)).toMatchObject({
      breaking: 1,
      failsFindings: false,
      failsBreaking: false,
    });
    expect(judgeRun(result, 'error', true)).toMatchObject({ breaking: 1, failsBreaking: true });
    // It is new by nature: --only-new keeps it.
    expect(onlyNewFindings(result).findings.map((finding) => finding.ruleId)).toEqual([
      'BRK-CONNECTOR-DELETED',
    ]);
  });

  it('quotes a deleted folder of a long name with a line feed in one line', async () => {
    // Linux allows a line feed in a folder's name, and 255 bytes of it.
    const name = `Gamma\nerror: not a finding ${'é'.repeat(110)}`;
    const gamma = `certified-connectors/${name}`;
    const repo = twoConnectors();
    repo.write(connectorFiles(gamma, validConnectorFiles()));
    repo.commitAll('dev: a third connector');
    repo.git('branch', '--quiet', '-f', 'dev');
    repo.git('rm', '-r', '--quiet', gamma);
    repo.commitAll('pr: delete Gamma');

    const result = await validateAgainstBase(['.'], 'dev', quiet(repo));

    expect(result.findings.map((finding) => [finding.ruleId, finding.file])).toEqual([
      ['BRK-CONNECTOR-DELETED', gamma],
    ]);
    const { message } = result.findings[0]!;
    expect(message).not.toContain('\n');
    expect(message).toContain(`${name.replace('\n', '\\n')}/apiDefinition.swagger.json.)`);
  });

  it('is found when the path given names the deleted folder, and only for the paths given', async () => {
    const repo = twoConnectors();
    repo.remove(beta);
    // Uncommitted: the work tree is the branch as it stands.

    const named = await validateAgainstBase([beta], 'dev', quiet(repo));
    expect(named.connectors).toEqual([]);
    expect(named.findings.map(({ ruleId, connector }) => [ruleId, connector])).toEqual([
      ['BRK-CONNECTOR-DELETED', beta],
    ]);

    const other = await validateAgainstBase([alpha], 'dev', quiet(repo));
    expect(other.findings).toEqual([]);
    expect(other.diffs.map(({ status }) => status)).toEqual(['unchanged']);
  });

  it('is not a folder that only moved: that one is compared with its old self', async () => {
    const repo = twoConnectors();
    repo.git('mv', beta, 'certified-connectors/Gamma');
    repo.commitAll('pr: rename Beta');

    // The action passes every folder the pull request changed, the old name among them.
    const result = await validateAgainstBase(['.', beta], 'dev', quiet(repo));

    expect(result.findings).toEqual([]);
    expect(
      result.diffs.map(({ repositoryPath, status, renamedFrom }) => [repositoryPath, status, renamedFrom]),
    ).toEqual([
      [alpha, 'unchanged', undefined],
      ['certified-connectors/Gamma', 'changed', beta],
    ]);
  });

  it('is not a deleted folder that held no swagger at the base', async () => {
    const repo = twoConnectors();
    repo.git('checkout', '--quiet', 'dev');
    repo.write({ 'certified-connectors/Notes/readme.md': '# Notes for a connector to come\n' });
    repo.commitAll('dev: a folder of notes');
    repo.git('checkout', '--quiet', '-B', 'pr');
    repo.git('rm', '-r', '--quiet', beta, 'certified-connectors/Notes');
    repo.commitAll('pr: delete Beta and the notes');

    const result = await validateAgainstBase(['.'], 'dev', quiet(repo));

    expect(result.findings.map(({ ruleId, connector }) => [ruleId, connector])).toEqual([
      ['BRK-CONNECTOR-DELETED', beta],
    ]);
    expect(result.diffs.map(({ path, status }) => [path, status])).toEqual([
      [alpha, 'unchanged'],
      [beta, 'deleted'],
    ]);
  });

  it('is a deleted folder whose swagger was saved under a name only meant as it, as validation read it', async () => {
    const repo = twoConnectors();
    repo.git('checkout', '--quiet', 'dev');
    const { 'apiDefinition.swagger.json': swagger, ...others } = validConnectorFiles();
    repo.write(connectorFiles('certified-connectors/Gamma', { ...others, 'swagger.json': swagger! }));
    repo.commitAll('dev: Gamma, its swagger saved as swagger.json');
    const mergeBase = repo.git('rev-parse', 'dev').trim();
    repo.git('checkout', '--quiet', '-B', 'pr');
    repo.git('rm', '-r', '--quiet', 'certified-connectors/Gamma');
    repo.commitAll('pr: delete Gamma');

    const result = await validateAgainstBase(['.'], 'dev', quiet(repo));

    expect(result.findings.map(({ ruleId, connector }) => [ruleId, connector])).toEqual([
      ['BRK-CONNECTOR-DELETED', 'certified-connectors/Gamma'],
    ]);
    expect(result.findings[0]!.message).toContain(
      `(In the base version: ${mergeBase.slice(0, 12)}:certified-connectors/Gamma/swagger.json.)`,
    );
  });

  it('is not a folder that the configuration ignores, as validation would not validate it', async () => {
    const repo = twoConnectors();
    repo.write({ '.connector-alm.yml': 'ignore:\n  - certified-connectors/Beta\n' });
    repo.git('rm', '-r', '--quiet', alpha, beta);
    repo.commitAll('pr: delete both');

    const config = await loadConfig({ cwd: repo.dir });
    const result = await validateAgainstBase(['.'], 'dev', { ...quiet(repo), config });

    // The pattern now skips nothing, Beta being gone: a stale line of the file, said as such.
    expect(result.findings.map(({ ruleId, connector }) => [ruleId, connector])).toEqual([
      ['REPO-CONFIG-IGNORE-UNMATCHED', '.'],
      ['BRK-CONNECTOR-DELETED', alpha],
    ]);
  });
});
