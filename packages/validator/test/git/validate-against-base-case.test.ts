import { describe, expect, it, jest } from '@jest/globals';
import { realpathSync } from 'node:fs';
import { caseInsensitiveFs } from '@connector-alm/testing';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';

// Windows and macOS find `Certified-Connectors\contoso` where git knows certified-connectors/Contoso.
let insensitiveRoot: string | undefined;
jest.unstable_mockModule('node:fs', () => caseInsensitiveFs(() => insensitiveRoot));
const { validateAgainstBase } = await import('../../src/git/validate-against-base.js');

describe('validateAgainstBase on a case-insensitive file system (Windows, macOS)', () => {
  it('compares a connector named in another case than git knows it with its base', async () => {
    const repo = createRepository('dev');
    const folder = 'certified-connectors/Contoso';
    repo.write(connectorFiles(folder, validConnectorFiles()));
    repo.commitAll('dev: Contoso');
    repo.git('checkout', '--quiet', '-b', 'pr');
    const swagger = validSwagger();
    delete (swagger.paths as Record<string, unknown>)['/tasks/{taskId}'];
    repo.write({ [`${folder}/apiDefinition.swagger.json`]: swagger });
    repo.commitAll('pr: drop GetTask');

    insensitiveRoot = realpathSync(repo.dir);
    try {
      const result = await validateAgainstBase(['Certified-Connectors/contoso'], 'dev', {
        cwd: repo.dir,
        concurrency: 'off',
      });
      expect(result.diffs.map((diff) => [diff.repositoryPath, diff.status])).toEqual([[folder, 'changed']]);
      expect(result.findings.filter((finding) => finding.ruleId.startsWith('BRK-')).length).toBeGreaterThan(
        0,
      );
    } finally {
      insensitiveRoot = undefined;
    }
  });
});
