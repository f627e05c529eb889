import { describe, expect, it } from '@jest/globals';
import { headingLookalikes } from '../../src/rules/readme/heading-lookalikes.js';

/** The pattern the search stands for (heading-lookalikes.ts), as [offset of the sign, line]. */
function patternLines(text: string): [number, string][] {
  return [...text.matchAll(/^ {0,3}(#{1,3})(?=[^\s#]|[ \t\u00a0])[^\r\n]*/gm)].map((match) => [
    match.index + match[0].indexOf('#'),
    match[0].trim(),
  ]);
}

/** Markers of every length, what may follow them, indents, and every line ending a pattern's `^` knows. */
const TEXTS = [
  '#',
  '#x',
  '##',
  '####x',
  '###x\n####y\n##\u00a0z',
  '# x\n#\tx\n#\u2003x\n#\u00a0x',
  '   #x\n    #x\n\t#x',
  'a #x\nb\n#x # y',
  'a\r\n#x\r##y\u2028###z\u2029#w',
  '#\r\n#\n#\u2028',
  '  ##\u00a0Prerequisites  \u00a0\n',
  '\uFEFF#x',
  'x\n#',
  'text\u2028#x\ntext\u2029##y',
];

describe('headingLookalikes', () => {
  it('finds the lines the multiline pattern matches', () => {
    for (const text of TEXTS) {
      const found = headingLookalikes(text).map((line): [number, string] => [line.offset, line.text]);
      expect({ text, found }).toEqual({ text, found: patternLines(text) });
    }
  });

  it('reads the marker, what follows it and the normalized text', () => {
    expect(headingLookalikes('Intro\n  ##\u00a0Known Issues \n###Deployment')).toEqual([
      {
        text: '##\u00a0Known Issues',
        offset: 8,
        marker: '##',
        after: 'no-break space',
        normalized: 'knownissues',
      },
      { text: '###Deployment', offset: 25, marker: '###', after: 'text', normalized: 'deployment' },
    ]);
  });
});
