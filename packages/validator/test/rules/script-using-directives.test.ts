import { describe, expect, it } from '@jest/globals';
import { USING_DIRECTIVE, usingDirectives } from '../../src/rules/script/using-directives.js';

/** What a global scan with the pattern finds: where each match is, what it reads and names. */
function everyMatch(code: string): [number, string, string][] {
  const global = new RegExp(USING_DIRECTIVE.source, 'gm');
  return [...code.matchAll(global)].map((match) => [match.index, match[0], match[1]!]);
}

function found(code: string): [number, string, string][] {
  return usingDirectives(code).map((match) => [match.index, match[0], match[1]!]);
}

/** Every sequence of up to `length` pieces. */
function sequences(pieces: readonly string[], length: number): string[] {
  let level = [''];
  const all = [''];
  for (let size = 1; size <= length; size++) {
    level = level.flatMap((prefix) => pieces.map((piece) => prefix + piece));
    for (const text of level) all.push(text);
  }
  return all;
}

describe('usingDirectives', () => {
  it('finds the directives a global scan with the pattern finds, spread over lines or not', () => {
    const code = [
      'using System;',
      '  global using static System.Math;',
      'global',
      '',
      '  using Alias = System.Text;',
      'x using Not.This;',
      'var using1 = 2; using System.Linq;',
      '\tusing System.Net.Http ;',
      'using (var stream = Open()) { }',
    ].join('\n');
    expect(found(code)).toEqual(everyMatch(code));
    expect(found(code).map(([, , name]) => name)).toEqual([
      'System',
      'System.Math',
      'System.Text',
      'System.Net.Http',
    ]);
  });

  it('finds what the scan finds in every text of up to 5 pieces of directives and line endings', () => {
    // A byte-order mark starts the first line, anywhere else it is a character before the line.
    const pieces = ['using ', 'global', ' ', '\t', 'A;', 'x', '=', '\n', '\r', '\u2028', 'static ', '\uFEFF'];
    const differing = sequences(pieces, 5).filter(
      (code) => JSON.stringify(found(code)) !== JSON.stringify(everyMatch(code)),
    );
    expect(differing).toEqual([]);
  });

  it('finds a directive right after the byte-order mark that starts the text, and none after another', () => {
    expect(found('\uFEFFusing A;\n\uFEFFusing B;\n  using C;')).toEqual([
      [1, 'using A;', 'A'],
      [20, '  using C;', 'C'],
    ]);
  });
});
