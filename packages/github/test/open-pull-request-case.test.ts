import { describe, expect, it, jest } from '@jest/globals';
import { realpathSync } from 'node:fs';
import { caseInsensitiveFs } from '@connector-alm/testing';

// Windows and macOS find `certified-connectors\contoso tasks` where the folder is Contoso Tasks.
let insensitiveRoot: string | undefined;
jest.unstable_mockModule('node:fs', () => caseInsensitiveFs(() => insensitiveRoot));
const { CONNECTOR, filesOnBranch, contributorFork, submitConnector } = await import('./helpers/index.js');
const { scenarioForEachTest } = await import('./helpers/scenario-hooks.js');

const scenario = scenarioForEachTest();

describe('openPullRequest on a case-insensitive file system (Windows, macOS)', () => {
  it('sends a connector named in another case than its folder has to the folder as named on disk', async () => {
    insensitiveRoot = realpathSync(scenario.workspace);
    try {
      const result = await submitConnector(scenario, { connector: 'certified-connectors/contoso tasks' })
        .promise;
      // Not a second folder `contoso tasks` beside an upstream Contoso Tasks: git names are case-sensitive.
      expect(result).toMatchObject({ operation: 'created', targetFolder: CONNECTOR });
      const files = await filesOnBranch(contributorFork(scenario)!, result.branch, CONNECTOR);
      expect(Object.keys(files).sort()).toEqual(
        // The icon of a certified connector goes with the certification package.
        ['apiDefinition.swagger.json', 'apiProperties.json', 'readme.md'].sort(),
      );
    } finally {
      insensitiveRoot = undefined;
    }
  });
});
