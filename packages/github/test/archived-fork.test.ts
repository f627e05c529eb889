import { describe, expect, it } from '@jest/globals';
import { UserError } from '@connector-alm/core';
import { CHANGED_DESCRIPTION, connectorFiles, contributorFork, writeConnector } from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { submitConnector } from './helpers/submit-connector.js';

const scenario = scenarioForEachTest();

describe('a fork archived since its last pull request', () => {
  it('is named as archived, with how to unarchive it, not as a token that lacks a scope', async () => {
    await submitConnector(scenario).promise;
    scenario.upstream.pulls[0]!.state = 'closed';
    contributorFork(scenario)!.archived = true;
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const error = await submitConnector(scenario).promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({
      message:
        'GitHub refused uploading certified-connectors/Contoso Tasks/apiDefinition.swagger.json on contoso-dev/PowerPlatformConnectors (403 Repository was archived so is read-only.).',
      hint: 'contoso-dev/PowerPlatformConnectors is archived, and GitHub takes no writes to an archived repository: unarchive it on GitHub (Settings, Danger Zone, Unarchive this repository) if it is yours, then run again.',
    });
  });
});
