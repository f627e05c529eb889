import { describe, expect, it } from '@jest/globals';
import { closestMatch } from '../src/did-you-mean.js';

describe('closestMatch', () => {
  const ids = ['SWG-OPID-UNIQUE', 'SWG-OPID-FORMAT', 'PROP-BRAND-COLOR'];

  it('suggests the nearest id, ignoring case', () => {
    expect(closestMatch('swg-opid-uniqe', ids)).toBe('SWG-OPID-UNIQUE');
    expect(closestMatch('PROP-BRAND-COLOUR', ids)).toBe('PROP-BRAND-COLOR');
  });

  it('suggests the one candidate that the word begins', () => {
    expect(closestMatch('independent', ['certified', 'independent-publisher', 'custom'])).toBe(
      'independent-publisher',
    );
  });

  it('suggests nothing when nothing is close', () => {
    expect(closestMatch('ICON-SIZE', ids)).toBeUndefined();
    expect(closestMatch('SWG-OPID', ids)).toBeUndefined();
  });
});
