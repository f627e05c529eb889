import { describe, expect, it } from '@jest/globals';
import { compoundIdentifiersIn } from '../../src/rules/readme/section-text.js';
import { seededPick } from '../helpers/seeded-random.js';

/**
 * Whether `identifier` is written apart in text[from, to), as README-OPS-MATCH searched for an
 * operationId before it read a section's identifiers: each occurrence from `from`, until one ends
 * past `to`, with no letter, digit or underscore on either side.
 */
function writtenApart(text: string, identifier: string, from: number, to: number): boolean {
  const isIdentifierChar = (at: number) => /[A-Za-z0-9_]/.test(text.charAt(at));
  for (let at = text.indexOf(identifier, from); at !== -1; at = text.indexOf(identifier, at + 1)) {
    if (at + identifier.length > to) return false;
    if (!isIdentifierChar(at - 1) && !isIdentifierChar(at + identifier.length)) return true;
  }
  return false;
}

const COMPOUND_IDENTIFIER = /[a-z][A-Z]|_|\d/;

describe("a Supported Operations section's identifiers (README-OPS-MATCH)", () => {
  it('are the compound identifiers written apart wholly in the section', () => {
    const text = 'x GetTask_V2 `TimeCard_Get`, **GetAccount**: Board Assign2 end_';
    expect([...compoundIdentifiersIn(text, 0, text.length)]).toEqual([
      'GetTask_V2',
      'TimeCard_Get',
      'GetAccount',
      'Assign2',
      'end_',
    ]);
    // A run the section cuts, at its start or its end, is none of its own.
    expect([...compoundIdentifiersIn(text, 4, 57)]).toEqual(['TimeCard_Get', 'GetAccount']);
  });

  it('take 0-9, A-Z, a-z and _ as identifier characters, up to the last of each range', () => {
    const text = 'Get0 List9 run_Z to_z 0_A 9_a: @_[`{';
    expect([...compoundIdentifiersIn(text, 0, text.length)]).toEqual([
      'Get0',
      'List9',
      'run_Z',
      'to_z',
      '0_A',
      '9_a',
      '_',
    ]);
  });

  it('answer as the search of the text for each operationId did', () => {
    const pick = seededPick(52);
    const parts = ['Get', 'Task', '_', 'v2', '2', 'a', 'B', ' ', '`', '**', '-', '\n', 'é'];
    const differing: string[] = [];
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: pick(30) }, () => parts[pick(parts.length)]).join('');
      const from = pick(text.length + 1);
      const to = from + pick(text.length - from + 1);
      const identifiers = compoundIdentifiersIn(text, from, to);
      // Every compound run of identifier characters the text has, within the range or across it.
      for (const identifier of new Set(text.match(/[A-Za-z0-9_]+/g) ?? [])) {
        for (let start = 0; start < identifier.length; start++) {
          for (let end = start + 1; end <= identifier.length; end++) {
            const candidate = identifier.slice(start, end);
            if (!COMPOUND_IDENTIFIER.test(candidate)) continue;
            if (identifiers.has(candidate) !== writtenApart(text, candidate, from, to)) {
              differing.push(JSON.stringify([text, from, to, candidate]));
            }
          }
        }
      }
    }
    expect(differing).toEqual([]);
  });
});
