import { describe, expect, it } from '@jest/globals';
import { isProposal } from '../../src/loader/proposal.js';

const readme = { name: 'README.md', type: 'file' } as const;

describe('isProposal: an independent-publisher folder holding a readme and nothing else', () => {
  it('is a readme alone, in any case, as a file or a link the loader reads', () => {
    expect(isProposal('independent-publisher', [readme])).toBe(true);
    expect(isProposal('independent-publisher', [{ name: 'readme.MD', type: 'symlink' }])).toBe(true);
  });

  it('is not a folder of another profile', () => {
    expect(isProposal('certified', [readme])).toBe(false);
    expect(isProposal('custom', [readme])).toBe(false);
  });

  it('is not a folder with anything beside the readme, or with no readme file', () => {
    expect(isProposal('independent-publisher', [readme, { name: 'openapi.json', type: 'file' }])).toBe(false);
    expect(isProposal('independent-publisher', [])).toBe(false);
    expect(isProposal('independent-publisher', [{ name: 'README.md', type: 'directory' }])).toBe(false);
    expect(isProposal('independent-publisher', [{ name: 'README.md', type: 'other' }])).toBe(false);
    expect(isProposal('independent-publisher', [{ name: 'notes.md', type: 'file' }])).toBe(false);
  });
});
