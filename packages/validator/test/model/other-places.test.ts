import { describe, expect, it } from '@jest/globals';
import { LineIndex } from '../../src/json/line-index.js';
import { MAX_RELATED_PLACES, namePlaces } from '../../src/model/other-places.js';

// A text whose offsets are easy to tell: line n (1-based) starts at offset 10 * (n - 1).
const text = Array.from({ length: 300 }, (_, index) => `line ${String(index + 1).padStart(4, '0')}`).join(
  '\n',
);
const lines = new LineIndex(text);
const position = (offset: number) => lines.position(offset);
const lineStart = (line: number) => 10 * (line - 1);

describe('namePlaces', () => {
  const leak = 'This looks like an AWS access key (AKIA****** (20 characters)).';

  it('writes the lines of the copies of one value after the message, and keeps the message without them', () => {
    const named = namePlaces(
      leak,
      { offsets: [lineStart(140), lineStart(88), lineStart(88) + 4], wording: 'repeated' },
      position,
    );
    expect(named.message).toBe(
      `${leak} The same value is in 3 more places, on lines 88 and 140: remove it from each.`,
    );
    expect(named.messageWithoutPlaces).toBe(leak);
    expect(named.related).toEqual([
      { line: 88, column: 1 },
      { line: 88, column: 5 },
      { line: 140, column: 1 },
    ]);
  });

  it("writes the line of the one other place inside the message, where the rule's words want it", () => {
    const named = "The key 'summary' appears again";
    const rest = ' of this object; JSON readers keep only the last value, so this one is ignored.';
    const placed = namePlaces(
      `${named}${rest}`,
      { offsets: [lineStart(12) + 2], wording: 'line', at: named.length },
      position,
    );
    expect(placed.message).toBe(`${named} at line 12${rest}`);
    expect(placed.messageWithoutPlaces).toBe(`${named}${rest}`);
    expect(placed.related).toEqual([{ line: 12, column: 3 }]);
  });

  it('lists at most MAX_RELATED_PLACES places, the first in the text, and counts them all in the message', () => {
    const offsets = Array.from({ length: 250 }, (_, index) => lineStart(250 - index));
    const named = namePlaces(leak, { offsets, wording: 'repeated' }, position);
    expect(named.related).toHaveLength(MAX_RELATED_PLACES);
    expect(named.related[0]).toEqual({ line: 1, column: 1 });
    expect(named.related.at(-1)).toEqual({ line: MAX_RELATED_PLACES, column: 1 });
    expect(named.message).toBe(
      `${leak} The same value is in 250 more places, on lines 1, 2, 3 and 247 more: remove it from each.`,
    );
  });
});
