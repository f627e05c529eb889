import { describe, expect, it } from '@jest/globals';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';

// The base version's files are named after the merge base (`0c1d2e3f4a5b:certified-connectors/…`), a
// hash that no one chooses: the order of a connector's changes must not depend on it. The job summary
// lists them in this order, and the first of each rule are the ones a capped rule lists.

const FOLDER = 'certified-connectors/Contoso';

/**
 * The changes, as [rule, side], of a pull request that moves the connector to another host (a change
 * placed in the new version) and deletes an output field (placed in the old one), on a dev branch
 * whose last commit's hash starts with a character that `wanted` accepts.
 */
async function changesOnBaseWhoseHash(wanted: RegExp): Promise<string[][]> {
  const repo = createRepository('dev');
  repo.write(connectorFiles(FOLDER, validConnectorFiles()));
  let base = repo.commitAll('dev: Contoso');
  // A commit's hash changes with its message: one in 16 starts with any given digit.
  for (let attempt = 1; !wanted.test(base[0]!); attempt++) {
    repo.git('commit', '--quiet', '--amend', '-m', `dev: Contoso (${attempt})`);
    base = repo.git('rev-parse', 'HEAD').trim();
  }
  repo.git('checkout', '--quiet', '-b', 'pr');
  const swagger = validSwagger();
  swagger.host = 'tasks.contoso.com';
  delete (swagger.definitions as any).Task.properties.status;
  repo.write({ [`${FOLDER}/apiDefinition.swagger.json`]: swagger });
  repo.commitAll('pr: new host, no status');
  const result = await validateAgainstBase([FOLDER], 'dev', { cwd: repo.dir, concurrency: 'off' });
  return result.diffs[0]!.diff!.changes.map((change) => [change.ruleId, change.side]);
}

describe('the order of a connector’s changes against its base', () => {
  it('is the same whatever the merge base’s hash: the new version’s places first, then the old one’s', async () => {
    const digitFirst = await changesOnBaseWhoseHash(/[0-9]/);
    const letterFirst = await changesOnBaseWhoseHash(/[d-f]/);
    expect(letterFirst).toEqual(digitFirst);
    expect(digitFirst.map(([, side]) => side)).toEqual([
      ...digitFirst.filter(([, side]) => side === 'new').map(() => 'new'),
      ...digitFirst.filter(([, side]) => side === 'old').map(() => 'old'),
    ]);
    expect(digitFirst).toContainEqual(['BRK-OUTPUT-DELETED', 'old']);
    expect(digitFirst).toContainEqual(['BRK-HOST-BASEPATH', 'new']);
  });
});
