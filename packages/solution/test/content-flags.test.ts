import { describe, expect, it } from '@jest/globals';
import { ContentFlags } from '../src/xml/content-flags.js';

// The first pass of a streamed customizations.xml keeps a byte for each element, in an array that
// starts at 1,024 elements and grows: a solution's file holds hundreds of thousands. An element past
// the array's end, or one of the first thousand lost in the growth, would be written empty.

describe('ContentFlags', () => {
  it('keeps what each element holds past its first thousand elements', () => {
    const flags = new ContentFlags();
    flags.open();
    // Elements 1 to 3,000, each empty or holding text: odd ones hold text.
    for (let element = 1; element <= 3000; element++) {
      flags.open();
      if (element % 2 === 1) flags.text('value');
      flags.close();
    }
    flags.close();
    expect(flags.elements).toBe(3001);
    const modes = [0, 1, 2, 1023, 1024, 1025, 2047, 2048, 2049, 2999, 3000].map((element) => [
      element,
      flags.modeOf(element),
    ]);
    expect(modes).toEqual([
      [0, 'block'],
      [1, 'inline'],
      [2, 'empty'],
      [1023, 'inline'],
      [1024, 'empty'],
      [1025, 'inline'],
      [2047, 'inline'],
      [2048, 'empty'],
      [2049, 'inline'],
      [2999, 'inline'],
      [3000, 'empty'],
    ]);
  });

  it('tells white space alone beside child elements from text beside them', () => {
    const flags = new ContentFlags();
    flags.open();
    flags.text('\n  ');
    flags.open();
    flags.close();
    flags.text('\n');
    flags.close();
    flags.open();
    flags.text('a');
    flags.append({ kind: 'comment', text: ' note ' });
    flags.close();
    flags.open();
    flags.text('  ');
    flags.close();
    expect([0, 1, 2, 3].map((element) => flags.modeOf(element))).toEqual([
      'block',
      'empty',
      'inline',
      'inline',
    ]);
  });
});
