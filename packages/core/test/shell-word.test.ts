import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { shellWord } from '../src/shell-word.js';

describe('shellWord', () => {
  it('leaves a path of plain characters bare', () => {
    expect(shellWord('certified-connectors/AikiDocs')).toBe('certified-connectors/AikiDocs');
  });

  it('quotes a path with spaces, quotes or shell characters so that a shell reads it back whole', () => {
    for (const text of ['certified-connectors/Contoso Tasks', "O'Brien $HOME", 'a;b|c*', '']) {
      const word = shellWord(text);
      expect(word).not.toBe(text);
      expect(execFileSync('sh', ['-c', `printf %s ${word}`], { encoding: 'utf8' })).toBe(text);
    }
  });
});
