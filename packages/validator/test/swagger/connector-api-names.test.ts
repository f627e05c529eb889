import { describe, expect, it } from '@jest/globals';
import { connectorApiNames, namesThisConnector } from '../../src/swagger/connector-api-names.js';

describe('the names by which a replacement names this connector', () => {
  it('are its folder, its title and its per-connector redirect URL, in lower-case letters and digits', () => {
    const names = connectorApiNames({
      folderName: 'Zoho Calendar',
      swagger: { info: { title: 'Zoho Calendar (Preview)' } },
      apiProperties: {
        properties: {
          connectionParameters: {
            token: {
              type: 'oauthSetting',
              oAuthSettings: {
                redirectUrl: 'https://global.consent.azure-apim.net/redirect/zohocalendarsvc',
              },
            },
          },
        },
      },
    });
    expect([...names].sort()).toEqual(['zohocalendar', 'zohocalendarpreview', 'zohocalendarsvc']);
    expect(namesThisConnector('Zoho-Calendar', names)).toBe(true);
    expect(namesThisConnector('zohocrm', names)).toBe(false);
    expect(namesThisConnector(42, names)).toBe(false);
  });

  it("read the redirect URLs of the connection parameter sets, and not the shared one's 'redirect'", () => {
    const token = (redirectUrl: string) => ({ oAuthSettings: { redirectUrl } });
    const names = connectorApiNames({
      apiProperties: {
        properties: {
          connectionParameters: { shared: token('https://global.consent.azure-apim.net/redirect') },
          connectionParameterSets: {
            values: [
              { name: 'oauth', parameters: { token: token('https://x.test/redirect/contoso-tasks/') } },
            ],
          },
        },
      },
    });
    expect([...names]).toEqual(['contosotasks']);
  });

  it('read each URL of a redirectUrl written as a list (PROS AI), which PROP-SCHEMA reports', () => {
    const names = connectorApiNames({
      apiProperties: {
        properties: {
          connectionParameters: {
            token: {
              oAuthSettings: {
                redirectUrl: [
                  'https://global.consent.azure-apim.net/redirect/prosaiforsalescopilo',
                  'https://global-test.consent.azure-apim.net/redirect/prosaiforsalescopilo',
                  7,
                ],
              },
            },
          },
        },
      },
    });
    expect([...names]).toEqual(['prosaiforsalescopilo']);
  });

  it('are none for parts that are missing, empty or not text', () => {
    expect(
      connectorApiNames({ folderName: '  ', swagger: { info: { title: 7 } }, apiProperties: [] }).size,
    ).toBe(0);
  });
});
