import { describe, expect, it } from '@jest/globals';
import { diagnoseAndRepair } from '../../../src/json/syntax/diagnosis.js';
import { applyEdits } from '../../../src/text/text-edits.js';
import { MAX_VALUE_LENGTH } from '../../../src/text/message-values.js';

// GEN-JSON-PARSE messages quote the text of the slip: an unquoted word was quoted twice, a string in
// single or typographic quotes whole, so a 5,000-character description made a message of over
// 10,000 characters (one report line, one annotation). What they quote is now cut; the edit each
// message names still holds the whole text, so the file is read as its maker meant it.

const LONG = 'a'.repeat(5000);
/** What a message shows of LONG: its first characters and an ellipsis. */
const SHOWN = `${'a'.repeat(MAX_VALUE_LENGTH - 1)}…`;
/** The longest a message runs: its own words and two quotes of the file at most. */
const MAX_MESSAGE_LENGTH = 500;

const noDescription = (characters: readonly number[]) =>
  characters.map((character) => `U+${character.toString(16)}`).join(' ');

/** The issues of `text` and the text their edits make of it. */
function diagnosed(text: string): { messages: string[]; repaired: string | undefined } {
  const { issues, edits } = diagnoseAndRepair(text, noDescription);
  const repaired = edits && applyEdits(text, edits)?.text;
  return { messages: issues.map((issue) => issue.message), repaired };
}

describe('GEN-JSON-PARSE messages quote a long slip by its first characters, and its edit whole', () => {
  it.each([
    ['an unquoted string', `{"x": ${LONG}}`, `{"x": "${LONG}"}`, `${SHOWN} is not a JSON value`],
    ['an unquoted key', `{${LONG}: 1}`, `{"${LONG}": 1}`, `write "${SHOWN}"`],
    [
      'a string in single quotes',
      `{"x": '${LONG}'}`,
      `{"x": "${LONG}"}`,
      `write "${SHOWN.slice(2)}" instead of '${SHOWN.slice(2)}'`,
    ],
    ['a string in backticks', `{"x": \`${LONG}\`}`, `{"x": "${LONG}"}`, `instead of \`${SHOWN.slice(2)}\``],
    [
      'a string in typographic quotes',
      `{"x": \u201c${LONG}\u201d}`,
      `{"x": "${LONG}"}`,
      `write "${SHOWN.slice(2)}"`,
    ],
    ['a string without its opening quote', `{"x": ${LONG}"}`, `{"x": "${LONG}"}`, `write "${SHOWN}"`],
    ['a key without its closing quote', `{"${LONG}: 1}`, `{"${LONG}": 1}`, `as in "${SHOWN}"`],
    [
      'a number with leading zeros',
      `{"x": 0${'1'.repeat(5000)}}`,
      `{"x": ${'1'.repeat(5000)}}`,
      'instead of 0111',
    ],
    ['a number with a + sign', `{"x": +${'1'.repeat(5000)}}`, `{"x": ${'1'.repeat(5000)}}`, 'write 111'],
    [
      'a hexadecimal number',
      `{"x": 0x${'f'.repeat(200)}}`,
      `{"x": ${String(Number(`0x${'f'.repeat(200)}`))}}`,
      `0x${'f'.repeat(MAX_VALUE_LENGTH - 3)}… is not a number`,
    ],
    ['arithmetic', `{"x": ${'1+'.repeat(2500)}1}`, '{"x": 2501}', 'write 2501 instead of 1+1+'],
    [
      'a list missing a comma before a long number',
      `[1 ${'2'.repeat(5000)}]`,
      `[1, ${'2'.repeat(5000)}]`,
      "before the '222",
    ],
    [
      'a list missing a comma before a long string',
      `["a" "${LONG}"]`,
      `["a", "${LONG}"]`,
      `before the "${'a'.repeat(29)}…"`,
    ],
  ])('%s', (_, text, meant, shown) => {
    const { messages, repaired } = diagnosed(text);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(shown);
    expect(messages[0]!.length).toBeLessThan(MAX_MESSAGE_LENGTH);
    expect(repaired).toBe(meant);
  });

  it('shows a long unexpected token by its first characters', () => {
    const { messages } = diagnosed(`{"x" ${LONG}}`);
    expect(messages.some((message) => message.includes(`${'a'.repeat(29)}…`))).toBe(true);
    for (const message of messages) expect(message.length).toBeLessThan(MAX_MESSAGE_LENGTH);
  });

  it('keeps a quoted slip on one line: control characters show as escapes', () => {
    const { messages } = diagnosed(`{"x": 'a\u001b[31mb'}`);
    expect(messages).toEqual([
      `JSON strings take double quotes: write "a\\x1b[31mb" instead of 'a\\x1b[31mb'.`,
    ]);
  });
});
