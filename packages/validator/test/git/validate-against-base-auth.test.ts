import { describe, expect, it } from '@jest/globals';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';
import type { Json } from '../diff/diff-fixture.js';

const aadToken = {
  type: 'oauthSetting',
  oAuthSettings: {
    identityProvider: 'aad',
    clientId: '[[DUMMY]]',
    scopes: [],
    redirectMode: 'Global',
    customParameters: { resourceUri: { value: 'https://api.contoso.com' } },
  },
};

/** The valid connector with an Entra ID sign-in in apiProperties.json. */
function aadConnector(): Json {
  const files = validConnectorFiles() as Json;
  files['apiProperties.json'].properties.connectionParameters = { token: aadToken };
  return files;
}

describe('validateAgainstBase and the sign-in of a connector', () => {
  it('reports the identity provider a pull request changes, not the stale securityDefinitions another drops', async () => {
    const repo = createRepository('dev');
    const stale = 'certified-connectors/Stale';
    const moved = 'certified-connectors/Moved';
    repo.write({ ...connectorFiles(stale, validConnectorFiles()), ...connectorFiles(moved, aadConnector()) });
    repo.commitAll('dev: two connectors');

    repo.git('checkout', '--quiet', '-b', 'pr');
    // Stale: the maker deletes the swagger's securityDefinitions; apiProperties keeps the API key.
    const staleSwagger = validConnectorFiles()['apiDefinition.swagger.json'] as Json;
    delete staleSwagger.securityDefinitions;
    delete staleSwagger.security;
    // Moved: Entra ID becomes a generic OAuth 2.0 provider, in apiProperties only.
    const movedProperties = aadConnector()['apiProperties.json'];
    movedProperties.properties.connectionParameters.token.oAuthSettings.identityProvider = 'oauth2';
    repo.write({
      [`${stale}/apiDefinition.swagger.json`]: staleSwagger,
      [`${moved}/apiProperties.json`]: movedProperties,
    });
    repo.commitAll('pr: drop securityDefinitions, move to generic OAuth');

    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: [] });

    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-AUTH-TYPE',
        connector: expect.stringContaining('Moved'),
        file: `${moved}/apiProperties.json`,
        pointer: '/properties/connectionParameters/token/oAuthSettings/identityProvider',
        line:
          JSON.stringify(movedProperties, null, 2)
            .split('\n')
            .findIndex((line) => line.includes('"identityProvider"')) + 1,
        severity: 'error',
      }),
    ]);
    const staleDiff = result.diffs.find((diff) => diff.repositoryPath === stale)!.diff!;
    expect(staleDiff.classification).toBe('major-update');
  });
});
