import { describe, expect, it } from '@jest/globals';
import { isAbsoluteHttpUrl, isPlainHttpUrl } from '../../src/rules/swagger/absolute-http-url.js';

/** What SWG-META-URL has always asked: the WHATWG URL parser, which the plain-URL shortcut must agree with. */
function parsedAsAbsoluteHttp(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

const PLAIN = [
  'https://www.contoso.com',
  'http://contoso.com/',
  'HTTPS://WWW.Contoso.COM/Privacy?x=1#top',
  'https://a-b.c-d.example/path:with@signs/%zz\\back',
  'https://docs.contoso.com?q',
  'https://docs.contoso.com#frag',
  'https://-a-.b--c.com/..?`{}|^#<>"%',
];

/** Shapes the shortcut leaves to the parser: each is right next to one the shortcut takes. */
const EDGES = [
  'https://xn--abc.com',
  'https://www.xn--80ak6aa92e.com',
  'https://XN--zz.com',
  'https://a.xn--',
  'https://1.2.3.999',
  'https://1.2.3.4',
  'https://contoso.0x1f',
  'https://contoso.com.',
  'https://contoso..com',
  'https://.contoso.com',
  'https://contoso.com:443/',
  'https://contoso.com:99999/',
  'https://user:pw@contoso.com/',
  'https://user@contoso.com',
  'https:///contoso.com',
  'https:/contoso.com',
  'https:\\\\contoso.com',
  'https://contoso',
  'https://contoso.com/a b',
  'https://contoso.com/\ta',
  'https://con\ttoso.com',
  'https://contoso.com/é',
  'https://contosö.com',
  'https://contoso.com\u0000',
  'ftp://contoso.com',
  'hhttps://contoso.com',
  'www.contoso.com',
  'Not Available',
  '',
  ' https://contoso.com ',
  '\u00a0https://contoso.com',
];

describe('isAbsoluteHttpUrl', () => {
  it.each([...PLAIN, ...EDGES])('agrees with the URL parser on %j', (text) => {
    expect(isAbsoluteHttpUrl(text)).toBe(parsedAsAbsoluteHttp(text));
  });

  it('takes the shortcut for plain http(s) URLs, which the parser accepts', () => {
    for (const text of PLAIN) {
      expect(isPlainHttpUrl(text)).toBe(true);
      expect(parsedAsAbsoluteHttp(text)).toBe(true);
    }
  });

  it('leaves every edge shape to the parser', () => {
    expect(EDGES.filter((text) => isPlainHttpUrl(text))).toEqual([]);
  });
});
