import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { runnerNodeBinary } from '@connector-alm/testing';
import { describeNonUtf8Byte, windows1252Character } from '../src/windows-1252.js';

// Node.js 20's TextDecoder('windows-1252') decodes as Latin-1, which is why the table is written
// out; the runner's Node.js (24) decodes it as the WHATWG Encoding Standard says, and is the reference.
const reference = runnerNodeBinary();
const referenceMajor = Number(
  execFileSync(reference, ['-p', 'process.versions.node'], { encoding: 'utf8' }).split('.')[0],
);
if (referenceMajor < 22) {
  console.log(`skipped: no Node.js 22 or later here to check the Windows-1252 table against (${reference}).`);
}
const withReference = referenceMajor >= 22 ? it : it.skip;

describe('windows1252Character', () => {
  withReference("reads every byte from 0x80 to 0xFF as the Encoding Standard's windows-1252 does", () => {
    const decoded = execFileSync(
      reference,
      [
        '-p',
        "JSON.stringify([...new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i))])",
      ],
      { encoding: 'utf8' },
    );
    const characters = JSON.parse(decoded) as string[];
    const disagreements = characters.flatMap((character, index) => {
      const byte = 0x80 + index;
      // The five unassigned bytes decode to C1 controls, which no editor shows: no character to name.
      const expected = /[\u0080-\u009f]/.test(character)
        ? undefined
        : byte === 0xa0 || byte === 0xad
          ? windows1252Character(byte)
          : `'${character}'`;
      return windows1252Character(byte) === expected
        ? []
        : [`0x${byte.toString(16)}: ${windows1252Character(byte)} ≠ ${expected}`];
    });
    expect(disagreements).toEqual([]);
  });

  it('names the characters that cannot be seen, and nothing for ASCII', () => {
    expect(windows1252Character(0xa0)).toBe('a no-break space');
    expect(windows1252Character(0xad)).toBe('a soft hyphen');
    expect(windows1252Character(0x41)).toBeUndefined();
  });
});

describe('describeNonUtf8Byte', () => {
  it('gives the byte in hex, with its Windows-1252 character where it has one', () => {
    expect(describeNonUtf8Byte(0x93)).toBe("byte 0x93, '“' in Windows-1252");
    expect(describeNonUtf8Byte(0x81)).toBe('byte 0x81');
  });
});
