import { describe, expect, it } from '@jest/globals';
import { secretsShown } from '../src/leaks.js';

const SECRET = 'Sentinel8Q~Client+Secret/Value="';

describe('secretsShown finds a secret however the text encodes it', () => {
  it.each([
    ['raw', `Authorization: Bearer ${SECRET}`],
    ['form-encoded', new URLSearchParams({ client_secret: SECRET }).toString()],
    ['percent-encoded, lower-case hex (.NET)', 'Sentinel8Q%7eClient%2bSecret%2fValue%3d%22'],
    ['every byte percent-encoded', encodeEvery(SECRET)],
    ['in a JSON string', JSON.stringify({ m: SECRET })],
    [
      'in a JSON string as System.Text.Json writes it',
      '{"m":"Sentinel8Q~Client\\u002BSecret/Value=\\u0022"}',
    ],
    [
      'in a JSON string, \\u-escaped in lower-case hex',
      '{"m":"Sentinel8Q~Client\\u002bSecret\\/Value=\\u0022"}',
    ],
    ['form-encoded in a JSON string', JSON.stringify({ m: new URLSearchParams({ s: SECRET }).toString() })],
    ['in a JSON string, percent-encoded', encodeURIComponent(JSON.stringify({ m: SECRET }))],
  ])('%s', (_form, text) => {
    expect(secretsShown(`before ${text} after`, [SECRET, 'not-there'])).toEqual([SECRET]);
  });

  it('finds nothing in text without the secret, or with it taken out', () => {
    expect(secretsShown('client_secret=***&x=%7e%2B\\u0022 +', [SECRET])).toEqual([]);
  });

  it('finds a JWT however encoded', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
    expect(secretsShown(encodeEvery(jwt), [])).toEqual(['a JWT (eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.…)']);
  });
});

/** Every byte of `text` as %xx, in lower-case hex. */
function encodeEvery(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}
