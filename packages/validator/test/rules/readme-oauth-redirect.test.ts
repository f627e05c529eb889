import { describe, expect, it } from '@jest/globals';
import type { Profile } from '../../src/model/finding.js';
import { runRules } from '../helpers/fixture.js';
import { validApiProperties, validConnectorFiles, validReadme } from '../helpers/valid-connector.js';

const SHARED = 'https://global.consent.azure-apim.net/redirect';
const RULE = 'README-OAUTH-REDIRECT';

/** The valid connector with OAuth connection parameters of these settings, one a parameter set. */
function oauthFiles(steps: string, ...settings: Record<string, unknown>[]) {
  const apiProperties = validApiProperties();
  const parameters = (oAuthSettings: Record<string, unknown>) => ({
    token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'oauth2', ...oAuthSettings } },
  });
  if (settings.length === 1) {
    apiProperties.properties.connectionParameters = parameters(settings[0]!);
  } else {
    apiProperties.properties.connectionParameterSets = {
      uiDefinition: { displayName: 'Sign in with', description: 'How to sign in' },
      values: settings.map((each, index) => ({
        name: `set${index}`,
        uiDefinition: { displayName: `Set ${index}`, description: `Set ${index}` },
        parameters: parameters(each),
      })),
    };
  }
  const readme = validReadme().replace(
    'Sign in to Contoso, open Settings, API keys, and create a key.',
    steps,
  );
  return { ...validConnectorFiles(), 'apiProperties.json': apiProperties, 'readme.md': readme };
}

async function messages(files: ReturnType<typeof oauthFiles>, profile: Profile = 'certified') {
  return (await runRules(files, [RULE], profile)).map((finding) => finding.message);
}

describe('README-OAUTH-REDIRECT', () => {
  it('fires on the shared URL under GlobalPerConnector, on the line and column of the URL, and names the one to write', async () => {
    // Zellis: GlobalPerConnector with the shared redirectUrl, which the platform does not use.
    const files = oauthFiles(`Register an app. Use ${SHARED} as redirect URI.`, {
      redirectMode: 'GlobalPerConnector',
      redirectUrl: SHARED,
    });
    for (const profile of ['certified', 'independent-publisher', 'custom'] as const) {
      const findings = await runRules(files, [RULE], profile);
      expect(findings.map((f) => [f.severity, f.line, f.column, f.endColumn])).toEqual([
        ['warning', 18, 22, 22 + SHARED.length],
      ]);
      expect(findings[0]!.message).toBe(
        `The readme gives ${SHARED} as the redirect URL, but under redirectMode GlobalPerConnector the connector signs in through ${SHARED}/<API name>, the connector's own, which its Security tab shows once it is created. Write that URL: an OAuth app that allows only the one written rejects every sign-in.`,
      );
    }
  });
  it("names the connector's own redirectUrl, written, in place of another connector's", async () => {
    const files = oauthFiles(`Register an app with the redirect URL ${SHARED}/fabrikam.`, {
      redirectMode: 'GlobalPerConnector',
      redirectUrl: `${SHARED}/contoso`,
    });
    expect(await messages(files)).toEqual([
      `The readme gives ${SHARED}/fabrikam as the redirect URL, but under redirectMode GlobalPerConnector the connector signs in through ${SHARED}/contoso. Write that URL: an OAuth app that allows only the one written rejects every sign-in.`,
    ]);
  });
  it("fires on a connector's own URL where the connector signs in through the shared one", async () => {
    for (const settings of [{ redirectMode: 'Global', redirectUrl: `${SHARED}/contoso` }, {}]) {
      const files = oauthFiles(`Register an app with the redirect URL ${SHARED}/contoso.`, settings);
      expect(await messages(files)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^The readme gives ${SHARED}/contoso as the redirect URL, but (under redirectMode Global|with no redirectMode) the connector signs in through ${SHARED}\\. Write that URL`,
          ),
        ),
      ]);
    }
  });
  it('fires on an http address and on a regional one that the connector does not use', async () => {
    const files = oauthFiles(
      `Allow http://global.consent.azure-apim.net/redirect and https://logic-apis-westeurope.consent.azure-apim.net/redirect.`,
      { redirectMode: 'Global' },
    );
    expect((await messages(files)).map((message) => message.split(' as the redirect URL')[0])).toEqual([
      'The readme gives http://global.consent.azure-apim.net/redirect',
      'The readme gives https://logic-apis-westeurope.consent.azure-apim.net/redirect',
    ]);
  });
  it('is quiet where the readme gives the URL the connector signs in through', async () => {
    const quiet: [string, Record<string, unknown>][] = [
      [`Use ${SHARED}.`, { redirectMode: 'Global' }],
      [`Use ${SHARED}.`, {}],
      [`Use ${SHARED}.`, { redirectMode: 'Global', redirectUrl: SHARED }],
      // The connector's own, as written, or in any case where the file does not write it.
      [`Use ${SHARED}/contoso.`, { redirectMode: 'GlobalPerConnector', redirectUrl: `${SHARED}/contoso` }],
      [`Use ${SHARED}/Contoso.`, { redirectMode: 'GlobalPerConnector', redirectUrl: `${SHARED}/contoso` }],
      [`Use ${SHARED}/contoso-5f79b88ef370762934.`, { redirectMode: 'GlobalPerConnector' }],
      // A placeholder for the API name, which makers copy from the Security tab.
      [`Use ${SHARED}/<API name>.`, { redirectMode: 'GlobalPerConnector' }],
      [
        `Use \`${SHARED}/{connector-name}\`.`,
        { redirectMode: 'GlobalPerConnector', redirectUrl: `${SHARED}/contoso` },
      ],
      // Direct: the regional URL written (NetDocuments writes the shared one with Direct).
      [`Use ${SHARED}.`, { redirectMode: 'Direct', redirectUrl: SHARED }],
      [
        'Use https://logic-apis-westeurope.consent.azure-apim.net/redirect.',
        {
          redirectMode: 'Direct',
          redirectUrl: 'https://logic-apis-westeurope.consent.azure-apim.net/redirect',
        },
      ],
      // The certification team's test counterpart of the right one (PROP-OAUTH-REDIRECT-URLS).
      [
        `Allow ${SHARED} and https://global-test.consent.azure-apim.net/redirect.`,
        { redirectMode: 'Global' },
      ],
      [
        'Allow https://global-test.consent.azure-apim.net/redirect/contoso.',
        { redirectMode: 'GlobalPerConnector', redirectUrl: `${SHARED}/contoso` },
      ],
      // "…/redirect/" says neither which one; redirect_uri is a word of the steps, not a URL.
      [`Use ${SHARED}/ (the redirect_uri).`, { redirectMode: 'GlobalPerConnector' }],
      // Direct with no redirectUrl: which URL the connector uses is not known.
      [`Use ${SHARED}.`, { redirectMode: 'Direct' }],
    ];
    for (const [steps, settings] of quiet) {
      expect([steps, settings, await messages(oauthFiles(steps, settings))]).toEqual([steps, settings, []]);
    }
  });
  it('is quiet where apiProperties.json declares no OAuth', async () => {
    const files = {
      ...validConnectorFiles(),
      'readme.md': validReadme().replace(
        'Sign in to Contoso',
        `Allow ${SHARED}/fabrikam. Sign in to Contoso`,
      ),
    };
    expect(await messages(files as ReturnType<typeof oauthFiles>)).toEqual([]);
  });
  it('accepts a URL that one of several parameter sets signs in through', async () => {
    const files = oauthFiles(
      `Allow ${SHARED} for the first and ${SHARED}/contoso for the second.`,
      { redirectMode: 'Global' },
      { redirectMode: 'GlobalPerConnector', redirectUrl: `${SHARED}/contoso` },
    );
    expect(await messages(files)).toEqual([]);
    const wrong = oauthFiles(
      `Allow ${SHARED}/fabrikam.`,
      { redirectMode: 'Global' },
      { redirectMode: 'GlobalPerConnector', redirectUrl: `${SHARED}/contoso` },
    );
    // No one redirectMode to name: the URLs of both.
    expect(await messages(wrong)).toEqual([
      `The readme gives ${SHARED}/fabrikam as the redirect URL, but the connector signs in through ${SHARED} or ${SHARED}/contoso. Write the one these steps are for: an OAuth app that allows only the one written rejects every sign-in.`,
    ]);
  });
  it("names the test counterpart for a wrong test URL, which the certification team's tests use", async () => {
    const files = oauthFiles('Allow https://global-test.consent.azure-apim.net/redirect.', {
      redirectMode: 'GlobalPerConnector',
    });
    expect(await messages(files)).toEqual([
      "The readme gives https://global-test.consent.azure-apim.net/redirect as the redirect URL, but under redirectMode GlobalPerConnector the certification team's tests sign in through https://global-test.consent.azure-apim.net/redirect/<API name>, the connector's own, which its Security tab shows once it is created. Write that URL: an OAuth app that allows only the one written rejects every sign-in.",
    ]);
  });
  it('reports a link whose text is its address once, and each line that gives the URL', async () => {
    const files = oauthFiles(`Use [${SHARED}](${SHARED}).\n\nAgain: ${SHARED}.`, {
      redirectMode: 'GlobalPerConnector',
    });
    const findings = await runRules(files, [RULE]);
    expect(findings.map((f) => [f.line, f.column])).toEqual([
      [18, 6],
      [20, 8],
    ]);
  });
  it('reports a URL repeated on its line once, also where the line starts with it', async () => {
    const files = oauthFiles(`${SHARED}, or [${SHARED}](${SHARED}).`, { redirectMode: 'GlobalPerConnector' });
    const findings = await runRules(files, [RULE]);
    expect(findings.map((f) => [f.line, f.column])).toEqual([[18, 1]]);
  });
});
