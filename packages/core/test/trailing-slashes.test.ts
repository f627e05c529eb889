import { describe, expect, it } from '@jest/globals';
import { withoutTrailingSlashes } from '../src/trailing-slashes.js';

describe('withoutTrailingSlashes', () => {
  it("removes the slashes at the end only, as replace(/\\/+$/, '') did", () => {
    for (const text of ['', '/', '///', '/v1', '/v1/', '/v1//', 'a/b//c///', 'https://x.com/']) {
      expect(withoutTrailingSlashes(text)).toBe(text.replace(/\/+$/, ''));
    }
  });

  it('finishes on 10,000,000 slashes with a letter before the last, which the pattern took hours on', () => {
    const text = `${'/'.repeat(10_000_000)}x/`;
    expect(withoutTrailingSlashes(text)).toBe(text.slice(0, -1));
  });
});
