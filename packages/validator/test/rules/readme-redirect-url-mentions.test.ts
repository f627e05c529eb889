import { describe, expect, it } from '@jest/globals';
import { redirectUrlMentions } from '../../src/rules/readme/redirect-url-mentions.js';

/** Each URL as [written, host, its API name or the kind of what follows /redirect, written with http]. */
const read = (text: string) =>
  redirectUrlMentions(text).map(({ written, host, tail, insecure }) => [
    written,
    host,
    tail.kind === 'name' ? tail.name : tail.kind,
    insecure,
  ]);

describe('redirectUrlMentions', () => {
  it('reads the host, the API name and the scheme of each redirect URL, where it ends in prose and Markdown', () => {
    const text = [
      'Use “https://global.consent.azure-apim.net/redirect” (Cognite), `https://global.consent.azure-apim.net/redirect/zohocalendar`.',
      '[link](https://global-test.consent.azure-apim.net/redirect). Or http://logic-apis-westeurope.consent.azure-apim.net/redirect.',
      'Without a scheme: global.consent.azure-apim.net/redirect/contoso-5f79b88ef370762934, then more.',
    ].join('\n');
    expect(read(text)).toEqual([
      ['https://global.consent.azure-apim.net/redirect', 'global', 'none', false],
      ['https://global.consent.azure-apim.net/redirect/zohocalendar', 'global', 'zohocalendar', false],
      ['https://global-test.consent.azure-apim.net/redirect', 'global-test', 'none', false],
      ['http://logic-apis-westeurope.consent.azure-apim.net/redirect', 'logic-apis-westeurope', 'none', true],
      [
        'global.consent.azure-apim.net/redirect/contoso-5f79b88ef370762934',
        'global',
        'contoso-5f79b88ef370762934',
        false,
      ],
    ]);
  });
  it('tells a placeholder for the API name, and a bare slash, from an API name', () => {
    const text =
      'https://global.consent.azure-apim.net/redirect/<API name> https://global.consent.azure-apim.net/redirect/{connector} https://global.consent.azure-apim.net/redirect/[name] https://global.consent.azure-apim.net/redirect/.';
    expect(read(text).map(([, , tail]) => tail)).toEqual([
      'placeholder',
      'placeholder',
      'unclear',
      'unclear',
    ]);
    expect(redirectUrlMentions(text)[0]).toMatchObject({ offset: 0, length: 57 });
  });
  it('is not a URL in other words: redirect_uri, redirects, or the domain with another path', () => {
    const text =
      'Set redirect_uri: https://global.consent.azure-apim.net/redirect_uri, https://global.consent.azure-apim.net/redirects, https://global.consent.azure-apim.net/consent.';
    expect(read(text)).toEqual([]);
  });
});
