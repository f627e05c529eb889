import { describe, expect, it } from '@jest/globals';
import {
  oneOf,
  trimEndWhere,
  trimStartWhere,
  trimWhere,
  withoutFullStop,
  withoutTrailingSlashes,
} from '../src/text-ends.js';

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

describe('trimWhere, trimStartWhere, trimEndWhere', () => {
  const dashOrDot = oneOf('-.');
  it.each([
    ['', ''],
    ['-', ''],
    ['.-a.b-.', 'a.b'],
    ['a', 'a'],
    ['--a--b--', 'a--b'],
  ])('%j trimmed of dashes and dots at both ends is %j, as /^[-.]+|[-.]+$/g made it', (text, trimmed) => {
    expect(trimWhere(text, dashOrDot)).toBe(trimmed);
    expect(trimWhere(text, dashOrDot)).toBe(text.replace(/^[-.]+|[-.]+$/g, ''));
  });

  it('trims one end each', () => {
    expect(trimStartWhere('..a..', dashOrDot)).toBe('a..');
    expect(trimEndWhere('..a..', dashOrDot)).toBe('..a');
  });

  it('finishes on 10,000,000 dashes with a letter before the last', () => {
    const text = `${'-'.repeat(10_000_000)}x-`;
    expect(trimWhere(text, dashOrDot)).toBe('x');
  });
});

describe('withoutFullStop', () => {
  it.each([
    ['', ''],
    ['.', ''],
    ['No such file.', 'No such file'],
    ['No such file', 'No such file'],
    ['Wait...', 'Wait..'],
    ['Ends in a line break.\n', 'Ends in a line break.\n'],
  ])("%j loses one full stop at its very end: %j, as replace(/\\.$/, '') made it", (text, shortened) => {
    expect(withoutFullStop(text)).toBe(shortened);
    expect(withoutFullStop(text)).toBe(text.replace(/\.$/, ''));
  });
});
