import { describe, expect, it } from '@jest/globals';
import { patternWithSlashes } from '../../src/config/ignore-backslashes.js';

describe('patternWithSlashes', () => {
  it('rewrites backslashes that escape nothing, doubled or at the end, with /', () => {
    expect(patternWithSlashes('custom-connectors\\Legacy*')).toBe('custom-connectors/Legacy*');
    expect(patternWithSlashes('certified-connectors\\\\Old')).toBe('certified-connectors/Old');
    expect(patternWithSlashes('custom-connectors\\\\*')).toBe('custom-connectors/*');
    expect(patternWithSlashes('custom-connectors\\')).toBe('custom-connectors/');
    // No folder name holds * or ?: \* and \? are a separator and a wildcard, the commonest way a
    // Windows user writes "every folder in".
    expect(patternWithSlashes('**\\.drafts\\**')).toBe('**/.drafts/**');
    expect(patternWithSlashes('custom-connectors\\*')).toBe('custom-connectors/*');
    expect(patternWithSlashes('a\\?')).toBe('a/?');
    // A folder name may hold [ or {: that escape stays.
    expect(patternWithSlashes('custom-connectors\\Old \\[v1\\]')).toBe('custom-connectors/Old \\[v1\\]');
  });

  it('leaves alone a pattern whose backslashes each escape a glob character', () => {
    for (const pattern of ['custom-connectors/Legacy*', 'a/\\[x\\]', 'a/\\{x\\}', '\\!x', ''])
      expect(patternWithSlashes(pattern)).toBeUndefined();
  });
});
