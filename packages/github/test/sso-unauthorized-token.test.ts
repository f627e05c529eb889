import { describe, expect, it } from '@jest/globals';
import { UserError } from '@connector-alm/core';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { submitConnector } from './helpers/submit-connector.js';

const scenario = scenarioForEachTest();

describe('a token its organization refuses for SAML single sign-on', () => {
  it('is told to authorize the token for the organization, not to get another scope or token', async () => {
    const member = scenario.github.addAccount('msft-dev', { ssoUnauthorized: ['microsoft'] });
    const error = await submitConnector(scenario, { token: member.token }).promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({
      message:
        'GitHub refused reading the base branch dev on microsoft/PowerPlatformConnectors (403 Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.).',
      hint: 'microsoft enforces SAML single sign-on for its members, and the token is not authorized for it: on GitHub, Settings, Developer settings, Personal access tokens, choose Configure SSO beside the token and authorize it for microsoft, then run again.',
    });
    expect(scenario.github.state.findRepository('msft-dev', 'PowerPlatformConnectors')).toBeUndefined();
  });
});
