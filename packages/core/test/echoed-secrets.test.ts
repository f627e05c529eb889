import { describe, expect, it } from '@jest/globals';
import { withoutEchoedSecrets } from '../src/index.js';

/** An Entra ID client secret has `~`, and may have `+ / =`: each is encoded differently by each form. */
const SECRET = 'Xq8Q~ab+c/d=e"f g';

describe('withoutEchoedSecrets, an answer read without the secrets its request carried', () => {
  it.each([
    ['raw, as a header comes back', `Authorization: Bearer ${SECRET}`],
    ['form-encoded, as URLSearchParams sent it', new URLSearchParams({ client_secret: SECRET }).toString()],
    ['percent-encoded', `client_secret=${encodeURIComponent(SECRET)}`],
    ['inside a JSON string', JSON.stringify({ error_description: `got ${SECRET}` })],
    ['inside a JSON string with / escaped', JSON.stringify({ m: SECRET }).replace(/\//g, '\\/')],
  ])('takes out the secret %s', (_form, text) => {
    const shown = withoutEchoedSecrets(text, [SECRET]);
    expect(shown).toContain('***');
    for (const part of ['Xq8Q', 'ab+c', 'ab%2Bc', 'd=e', 'd%3De']) expect(shown).not.toContain(part);
  });

  it('keeps JSON that was JSON, and leaves text without the secret as it is', () => {
    const body = JSON.stringify({ error: 'invalid_client', error_description: `secret ${SECRET} is wrong` });
    expect(JSON.parse(withoutEchoedSecrets(body, [SECRET]))).toEqual({
      error: 'invalid_client',
      error_description: 'secret *** is wrong',
    });
    expect(withoutEchoedSecrets('AADSTS7000215: Invalid client secret provided.', [SECRET, ''])).toBe(
      'AADSTS7000215: Invalid client secret provided.',
    );
  });

  it('takes out every secret given, each time it comes', () => {
    expect(withoutEchoedSecrets('a=tok1 b=tok2 c=tok1', ['tok1', 'tok2'])).toBe('a=*** b=*** c=***');
  });
});
