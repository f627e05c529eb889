import { describe, expect, it } from '@jest/globals';
import { normalizeTitle } from '../../src/text/normalize-title.js';

/** What normalizeTitle stands for, written the obvious way. */
function reference(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Every UTF-16 code unit, lone surrogates included. */
function everyCodeUnit(): string[] {
  return Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code));
}

describe('normalizeTitle', () => {
  it('keeps lower-cased letters and digits only, in short names and long sections alike', () => {
    expect(normalizeTitle('  Get a Task (v2) – by ID!  ')).toBe('getataskv2byid');
    const section = '### List Tasks\nReturns **all** tasks.\n\n### Create_Task 2\n'.repeat(20);
    expect(section.length).toBeGreaterThan(256);
    expect(normalizeTitle(section)).toBe(reference(section));
  });

  it('reads every UTF-16 code unit as toLowerCase does (İ gives "i", the Kelvin sign "k")', () => {
    const units = everyCodeUnit();
    const differing = units.filter((unit) => normalizeTitle(unit) !== reference(unit));
    expect(differing).toEqual([]);
    // The same units in one long text, and in one text per 200 units: both ways of normalizing.
    const all = units.join('');
    expect(normalizeTitle(all)).toBe(reference(all));
    for (let start = 0; start < units.length; start += 200) {
      const slice = units.slice(start, start + 200).join('');
      expect(normalizeTitle(slice)).toBe(reference(slice));
    }
    expect(normalizeTitle(`x\u0130\u212Ay😀Z`.repeat(100))).toBe('xikyz'.repeat(100));
  });

  it('normalizes a range of a text as it normalizes that range cut out', () => {
    const readme = `# Contoso\n\n## Supported Operations\n${'### List Tasks\nReturns **all** tasks.\n'.repeat(20)}## Known İssues\n`;
    for (const [from, to] of [
      [0, readme.length],
      [11, readme.length],
      [11, 300],
      [2, 9],
      [readme.length - 14, readme.length],
      [5, 5],
    ] as const) {
      expect(normalizeTitle(readme, from, to)).toBe(reference(readme.slice(from, to)));
    }
  });

  it('normalizes texts longer than its reused buffer, and keeps each result as it was returned', () => {
    const long = 'Get a Task (v2) – by ID!\n'.repeat(5000);
    expect(long.length).toBeGreaterThan(1 << 16);
    const first = normalizeTitle(long);
    expect(first).toBe(reference(long));
    const short = normalizeTitle('Other NAME');
    expect(normalizeTitle(long, 4, 30000)).toBe(reference(long.slice(4, 30000)));
    expect([first, short]).toEqual([reference(long), 'othername']);
  });
});
