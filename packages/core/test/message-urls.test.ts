import { describe, expect, it } from '@jest/globals';
import { withoutSecrets } from '../src/index.js';

describe('withoutSecrets, the URL an error may show', () => {
  it('drops the user part, the query and the fragment', () => {
    expect(withoutSecrets('https://admin:Hunter2@contoso.crm.dynamics.com/x?sig=Hunter2#t=Hunter2')).toBe(
      'https://contoso.crm.dynamics.com/x',
    );
    // A password with a raw '/', '#' or '?' in it: the user part ends at the last '@'.
    expect(withoutSecrets('https://admin:Hun/ter2@contoso.crm.dynamics.com')).toBe(
      'https://contoso.crm.dynamics.com',
    );
    expect(withoutSecrets('admin:Hunter2@contoso.crm.dynamics.com')).toBe('contoso.crm.dynamics.com');
  });

  it('keeps any scheme, and cuts a query or fragment that starts the address or the text', () => {
    expect(withoutSecrets('s3://key:Hunter2@bucket/x?sig=Hunter2')).toBe('s3://bucket/x');
    expect(withoutSecrets('https://admin@?sig=Hunter2')).toBe('https://');
    expect(withoutSecrets('https://#token=Hunter2')).toBe('https://');
    // An '@' after a '?' that starts the text: either side of it may be a secret.
    expect(withoutSecrets('https://?sig=ann@Hunter2')).toBe('https://…');
  });

  it('shows nothing of a query that holds an @ (an e-mail address) before a secret', () => {
    for (const text of [
      'http://contoso.crm.dynamics.com/main.aspx?login_hint=ann@contoso.com&sig=Hunter2',
      'https://ghes.contoso.com/api/v3#state=ann@contoso.com&access_token=Hunter2',
      // Where the user part ends cannot be told from where the query begins: neither is shown.
      'https://admin:Hun?ter2@contoso.crm.dynamics.com',
      'https://admin:Hun#ter2@contoso.crm.dynamics.com?x=1',
    ]) {
      const shown = withoutSecrets(text);
      expect([text, shown]).toEqual([text, expect.not.stringMatching(/ter2|Hun|admin/)]);
      expect(shown).toMatch(/^https?:\/\/…$/);
    }
  });
});
