import { describe, expect, it } from '@jest/globals';
import { meantHttpUrl } from '../../src/rules/swagger/meant-http-url.js';

// The links of merged connectors that SWG-META-URL refuses, and the URL each clearly meant.
describe('meantHttpUrl', () => {
  it.each([
    ['www.in-d.ai', 'https://www.in-d.ai'],
    ['www.in-d.ai/privacy-policy', 'https://www.in-d.ai/privacy-policy'],
    ['Www.vantage365.co.uk', 'https://Www.vantage365.co.uk'],
    [' www.contoso.com ', 'https://www.contoso.com'],
    ['hhttps://www.daffy.org/', 'https://www.daffy.org/'],
    ['htpts://www.lassox.com', 'https://www.lassox.com'],
    ['htps://contoso.com', 'https://contoso.com'],
    ['htp://contoso.com', 'http://contoso.com'],
    ['https//contoso.com/privacy', 'https://contoso.com/privacy'],
    ['https:/contoso.com', 'https://contoso.com'],
    ['HTTPS//contoso.com', 'https://contoso.com'],
    ['https://https://developer.schiphol.nl/', 'https://developer.schiphol.nl/'],
    ['http://https://contoso.com', 'https://contoso.com'],
  ])('reads %j as %j', (written, meant) => {
    expect(meantHttpUrl(written)).toBe(meant);
  });

  it.each([
    // No URL once the slip is undone: not a guess to write.
    'Not Available',
    '',
    'https://wwwnationalarchivesgovuk/doc/open-government-licence/version/3/',
    'contoso',
    // A relative file name reads as a host too: only a www. host is clearly one.
    'license.txt',
    'docs.contoso.com',
    'support@contoso.com',
    'mailto:support@contoso.com',
    'ftp://contoso.com',
    // Two slips in the scheme, or one in it and one in its separator: not clearly http(s).
    'htpps//contoso.com',
    'hhttps:/contoso.com',
    'localhost:3000',
    'www.contoso.com:8080',
    'https://https://contoso',
  ])('names no URL for %j', (written) => {
    expect(meantHttpUrl(written)).toBeUndefined();
  });
});
