import { describe, expect, it } from '@jest/globals';
import { printable } from '../src/printable.js';

describe('printable', () => {
  it('shows terminal controls as escapes instead of letting them act', () => {
    expect(printable('a\x1b[2Jb\x1b]8;;https://evil.example\x07click\x1b]8;;\x07')).toBe(
      'a\\x1b[2Jb\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07',
    );
    expect(printable('\u009b31mred \u202eTasks\u2066 x\x7f\x00')).toBe(
      '\\x9b31mred \\u202eTasks\\u2066 x\\x7f\\x00',
    );
  });

  it('keeps tabs and ordinary text, and line feeds only when asked to', () => {
    expect(printable('Contoso Tasks\tÄpfel ✅ 日本')).toBe('Contoso Tasks\tÄpfel ✅ 日本');
    expect(printable('one\ntwo\r\nthree')).toBe('one\\ntwo\\r\\nthree');
    expect(printable('one\ntwo\r\nthree', { lineBreaks: true })).toBe('one\ntwo\\r\nthree');
  });
});
