/**
 * Lower case, letters and digits only: for comparing headings with operation names and summaries.
 * The same as `text.slice(from, to).toLowerCase().replace(/[^a-z0-9]+/g, '')`, which README-OPS-MATCH
 * ran on every summary, operationId, heading and Supported Operations section; written out because
 * the global replace keeps a record of every match (5.8 MB a corpus run for the sections alone).
 * A range (a section of the readme) is read in place: a slice of the readme is slower to read.
 */
export function normalizeTitle(text: string, from = 0, to = text.length): string {
  if (to - from >= LONG_TEXT) return normalizeLong(text, from, to);
  return normalizeShort(from === 0 && to === text.length ? text : text.slice(from, to));
}

/** Below this length (names, summaries, headings), slices of the lower-cased text are cheaper than a buffer. */
const LONG_TEXT = 256;

function isLowerLetterOrDigit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** The runs of letters and digits of the lower-cased text, joined. */
function normalizeShort(text: string): string {
  const lower = text.toLowerCase();
  let joined = '';
  let runStart = 0;
  for (let i = 0; i < lower.length; i++) {
    if (isLowerLetterOrDigit(lower.charCodeAt(i))) continue;
    if (i > runStart) joined += lower.slice(runStart, i);
    runStart = i + 1;
  }
  return runStart === 0 ? lower : joined + lower.slice(runStart);
}

/** For each ASCII code: the lower-cased letter or digit it stands for, or 0 for anything else. */
const ASCII_KEPT = new Uint8Array(0x80);
for (let code = 0x30; code <= 0x39; code++) ASCII_KEPT[code] = code;
for (let code = 0x61; code <= 0x7a; code++) ASCII_KEPT[code] = code;
for (let code = 0x41; code <= 0x5a; code++) ASCII_KEPT[code] = code + 0x20;

/**
 * One pass into a byte buffer, lower-casing as it goes: no lower-cased copy and no string per word
 * (a section of 600 kB allocated 5.8 MB of heap with the replace, 0.5 MB with this).
 * Outside ASCII only two characters lower-case to a letter: U+0130 (İ, to "i" and a combining dot)
 * and U+212A (the Kelvin sign, to "k"); the test checks this against every UTF-16 code unit.
 * Each ASCII character is written whether kept or not, and the length grows only for kept ones:
 * letters and spaces alternate too irregularly for a branch. With the section read in place in the
 * readme, normalizing the 336 corpus sections takes 2.25 ms instead of 3.3.
 */
function normalizeLong(text: string, from: number, to: number): string {
  const bytes = Buffer.allocUnsafe(to - from);
  let length = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const kept = ASCII_KEPT[code]!;
      bytes[length] = kept;
      // 1 for a kept character (1 to 0x7a), 0 for 0.
      length += (kept + 0xff) >> 8;
    } else if (code === 0x130) bytes[length++] = 0x69;
    else if (code === 0x212a) bytes[length++] = 0x6b;
  }
  return bytes.toString('latin1', 0, length);
}
