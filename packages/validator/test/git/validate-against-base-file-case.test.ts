import { describe, expect, it } from '@jest/globals';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';

const FOLDER = 'certified-connectors/Contoso';

// Connector files are read whatever the case of their names; a swagger renamed in case only was
// compared whole, yet every one of its findings was new and every one of the base's fixed.
describe('validateAgainstBase with a connector file renamed in case only', () => {
  it('marks the findings of the renamed file existing, and fixes none', async () => {
    const swagger = validSwagger();
    swagger.paths['/tasks/{taskId}'].get['x-ms-visibilty'] = 'important';
    const repo = createRepository('dev');
    repo.write(connectorFiles(FOLDER, { ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger }));
    repo.commitAll('dev: the connector');
    repo.git('checkout', '--quiet', '-b', 'pr');
    repo.git('mv', `${FOLDER}/apiDefinition.swagger.json`, `${FOLDER}/apiDefinition.Swagger.json`);
    repo.commitAll('pr: the swagger renamed');

    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, concurrency: 'off' });
    const marked = result.findings.map(({ ruleId, baseline }) => [ruleId, baseline]);
    expect(marked).toContainEqual(['SWG-XMS-UNKNOWN', 'existing']);
    // The rename itself is the one new finding.
    expect(marked.filter(([, baseline]) => baseline === 'new')).toEqual([['REPO-FILENAMES', 'new']]);
    expect(result.diffs[0]!.fixed).toEqual([]);
  });
});
