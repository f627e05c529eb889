import { describe, expect, it } from '@jest/globals';
import {
  alternatives,
  enclosedExcerpt,
  excerpt,
  joinWithin,
  MAX_LONG_LIST_LENGTH,
  MAX_VALUE_LENGTH,
  nameList,
  quoted,
  quoteList,
} from '../../src/text/message-values.js';

describe('values from the file, as messages show them', () => {
  it('shows a short value as it is: a string bare, anything else as its compact JSON', () => {
    expect(excerpt('GetTask')).toBe('GetTask');
    expect(excerpt(['string', 'null'])).toBe('["string","null"]');
    expect(excerpt({ type: 'string' })).toBe('{"type":"string"}');
    expect(excerpt(42)).toBe('42');
    expect(excerpt(null)).toBe('null');
    expect(quoted(true)).toBe("'true'");
  });

  it('summarises a long array by its first entries and how many more there are', () => {
    const types = Array.from({ length: 500 }, (_, index) => `t${index}`);
    expect(excerpt(types)).toBe('["t0","t1","t2",… (497 more)]');
  });

  it('shows an object nested deep, or wide, by its first levels and members', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let level = 0; level < 200; level++) deep = (deep.x = {}) as Record<string, unknown>;
    expect(excerpt(root)).toBe('{"x":{"x":{…}}}');
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`k${index}`, index]));
    expect(excerpt(wide)).toBe('{"k0":0,"k1":1,"k2":2,… (297 more)}');
  });

  it('cuts a long value to its bound, with an ellipsis', () => {
    const long = 'y'.repeat(5000);
    expect(excerpt(long)).toBe(`${'y'.repeat(MAX_VALUE_LENGTH - 1)}…`);
    expect(excerpt('y'.repeat(MAX_VALUE_LENGTH))).toBe('y'.repeat(MAX_VALUE_LENGTH));
    expect(excerpt([long])).toBe(`["${'y'.repeat(29)}…"]`);
    // The bound is in UTF-16 code units, as string lengths are; a surrogate pair is never split.
    expect(excerpt('😀'.repeat(200))).toBe(`${'😀'.repeat((MAX_VALUE_LENGTH - 2) / 2)}…`);
    expect(excerpt(['😀'.repeat(31)])).toBe(`["${'😀'.repeat(29)}…"]`);
    expect(excerpt(['😀'.repeat(30)])).toBe(`["${'😀'.repeat(30)}"]`);
  });

  it('cuts a string in its quotes inside them, so that it still shows as a string', () => {
    expect(enclosedExcerpt(`'Contoso'`)).toBe(`'Contoso'`);
    expect(enclosedExcerpt(`"${'y'.repeat(5000)}"`)).toBe(`"${'y'.repeat(MAX_VALUE_LENGTH - 3)}…"`);
    expect(enclosedExcerpt(`'${'y'.repeat(5000)}'`)).toHaveLength(MAX_VALUE_LENGTH);
    expect(enclosedExcerpt(`'a\nb'`)).toBe(`'a\\nb'`);
  });

  it('keeps a value on one line: line breaks and control characters show as escapes', () => {
    expect(excerpt('open\nINJECT\r\u001b[31mred\u202e')).toBe('open\\nINJECT\\r\\x1b[31mred\\u202e');
    expect(excerpt(['a\nb', 'c\u2028d'])).toBe('["a\\nb","c\\u2028d"]');
    // An escape is never cut in two.
    const shown = excerpt(`${'y'.repeat(MAX_VALUE_LENGTH - 3)}\u001b and more`);
    expect(shown).toBe(`${'y'.repeat(MAX_VALUE_LENGTH - 3)}…`);
  });

  it('bounds lists: the first values, then how many more', () => {
    expect(quoteList(['a', 'b'])).toBe("'a', 'b'");
    expect(quoteList(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe("'a', 'b', 'c', 'd', 'e' and 2 more");
    expect(quoteList(['x'.repeat(1000)])).toHaveLength(MAX_VALUE_LENGTH + 2);
    expect(quoteList(['x'.repeat(1000), 'y'.repeat(1000), 'z'.repeat(1000)])).toBe(
      `'${'x'.repeat(MAX_VALUE_LENGTH - 1)}…', '${'y'.repeat(MAX_VALUE_LENGTH - 1)}…' and 1 more`,
    );
    // Names: as many as fit in about 300 characters.
    const keys = Array.from({ length: 1000 }, (_, index) => `x-key${index}`);
    expect(nameList(keys.slice(0, 8))).toBe(keys.slice(0, 8).join(', '));
    const listed = nameList(keys);
    expect(listed).toMatch(/^x-key0, x-key1, .*, x-key\d+ and 9\d\d more$/);
    expect(listed.length).toBeLessThan(330);
    expect(nameList(['y'.repeat(1000)])).toBe(`${'y'.repeat(MAX_VALUE_LENGTH - 1)}…`);
    expect(nameList(['a\nb'])).toBe('a\\nb');
  });

  it('joins the long lists a message is about as far as they fit, then says how many more', () => {
    expect(joinWithin(['a', 'b'])).toBe('a, b');
    // A caller that listed only the first entries gives the whole count.
    expect(joinWithin(['a', 'b'], 5)).toBe('a, b and 3 more');
    const names = Array.from({ length: 10_000 }, (_, index) => `"Operation ${index}"`);
    const joined = joinWithin(names);
    expect(joined).toMatch(/^"Operation 0", "Operation 1", .*" and \d+ more$/);
    expect(joined.length).toBeLessThan(MAX_LONG_LIST_LENGTH + 20);
    // One entry is shown however long it is (it is an excerpt already).
    expect(joinWithin(['x'.repeat(MAX_LONG_LIST_LENGTH + 1), 'y'])).toBe(
      `${'x'.repeat(MAX_LONG_LIST_LENGTH + 1)} and 1 more`,
    );
  });

  it('lists alternatives joined with "or", at most as many as asked, then how many more', () => {
    expect(alternatives(['Actions'], 3)).toBe('Actions');
    expect(alternatives(['Actions', 'Triggers', 'Webhooks'], 3)).toBe('Actions or Triggers or Webhooks');
    expect(alternatives(['A', 'B', 'C', 'D', 'E'], 3)).toBe('A or B or C or 2 more');
    expect(alternatives(['x'.repeat(1000), 'y'], 3)).toBe(`${'x'.repeat(MAX_VALUE_LENGTH - 1)}… or y`);
  });
});

// "No secret is ever printed" held for GEN-SECRETS' findings only: SWG-META-URL quoted the URL it
// corrected with its `?access_token=` whole, in the same run that masked it (session 77).
describe('values from the file never show a secret GEN-SECRETS sees in them', () => {
  const token = 'ghp_q8ZrT3vX9kL2mN5pQ7sW1yB4dF6hJ0aC2eGxY';

  it("masks a URL's credential in place, as GEN-SECRETS masks it, and keeps the rest readable", () => {
    expect(quoted('https://contoso.com/support?access_token=Lk8Jh3Gf6Ds1Az9X&lang=en')).toBe(
      "'https://contoso.com/support?access_token=Lk8J****** (16 characters)&lang=en'",
    );
    expect(excerpt('https://svc:Wq7rT2!vLp@contoso.com/')).toBe(
      'https://svc:Wq****** (10 characters)@contoso.com/',
    );
  });

  it('masks a token format inside a longer value, and a secret-named quoted value', () => {
    expect(quoted(`Bearer ${token}`)).toBe("'Bearer ghp_****** (41 characters)'");
    expect(excerpt('{"api_key": "9f8c2e7d4b1a6f3e0c5d"}')).toBe('{"api_key": "9f8c****** (20 characters)"}');
  });

  it('masks before it cuts: a secret across the bound shows neither its start nor a part of it', () => {
    const value = `${'a '.repeat(45)}${token} and more`;
    const shown = excerpt(value);
    expect(shown).not.toContain('q8ZrT3');
    expect(shown).toBe(`${'a '.repeat(45)}ghp_*****…`);
  });

  it('masks the strings of a list or an object, which are cut shorter', () => {
    expect(excerpt([`Bearer ${token}`])).toBe('["Bearer ghp_****** (41 charact…"]');
    expect(quoteList(['Basic', `Bearer ${token}`])).toBe("'Basic', 'Bearer ghp_****** (41 characters)'");
    expect(
      enclosedExcerpt(JSON.stringify('https://x.azurewebsites.net/api?code=Wq3eR5tY7uI9oP1aS3dF5gH7')),
    ).toBe('"https://x.azurewebsites.net/api?code=Wq3e****** (24 characters)"');
  });

  it('leaves placeholders, masks and plain values as they are', () => {
    for (const value of [
      'https://contoso.com/?api_key={apiKey}',
      'https://contoso.com/?code=Wq3eR5tY7uI9oP1aS3dF5gH7',
      'ghp_****** (41 characters)',
      'application/json',
      'GetTasksByProjectId',
    ])
      expect(excerpt(value)).toBe(value);
  });
});
