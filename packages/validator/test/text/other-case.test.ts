import { describe, expect, it } from '@jest/globals';
import { inOtherCase } from '../../src/text/other-case.js';

describe('inOtherCase: the spelling meant, when a name differs from it only in case', () => {
  it('finds the candidate the name spells in another case, as the candidate writes it', () => {
    expect(inOtherCase('basepath', ['host', 'basePath', 'schemes'])).toBe('basePath');
    expect(inOtherCase('LISTFORMS', new Map([['ListForms', 1]]).keys())).toBe('ListForms');
  });

  it('does not take the name itself for another case of it', () => {
    expect(inOtherCase('resourceUri', ['resourceUri'])).toBeUndefined();
    expect(inOtherCase('resourceUri', ['resourceUri', 'ResourceUri'])).toBe('ResourceUri');
  });

  it('finds nothing for a name that differs in more than case', () => {
    expect(inOtherCase('basePaths', ['basePath'])).toBeUndefined();
    expect(inOtherCase(' basePath', ['basePath'])).toBeUndefined();
  });

  it('takes a candidate with spaces around it only when asked to', () => {
    expect(inOtherCase('propertyName', [' PropertyName '])).toBeUndefined();
    expect(inOtherCase('propertyName', [' PropertyName '], { spacesAround: true })).toBe(' PropertyName ');
    expect(inOtherCase('propertyName', ['property Name'], { spacesAround: true })).toBeUndefined();
  });
});
