import { describe, expect, it } from '@jest/globals';
import { subsetDocumentFile } from '../src/local-server/openapi-contract.js';

describe('the local server finds its OpenAPI subset', () => {
  it('in a checkout whose path has a space', () => {
    expect(
      subsetDocumentFile(
        'file:///home/ana/my%20work/connector-alm/packages/github/src/local-server/x.ts',
        false,
      ),
    ).toBe('/home/ana/my work/connector-alm/packages/github/src/local-server/openapi/github-subset.json');
  });

  it('on Windows, on a drive', () => {
    expect(
      subsetDocumentFile(
        'file:///C:/Users/Ana%20Silva/connector-alm/packages/github/src/local-server/x.ts',
        true,
      ),
    ).toBe(
      'C:\\Users\\Ana Silva\\connector-alm\\packages\\github\\src\\local-server\\openapi\\github-subset.json',
    );
  });
});
