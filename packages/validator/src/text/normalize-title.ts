/**
 * Lower case, letters and digits only: for comparing headings with operation names and summaries,
 * and names written another way (`api_key`, `apiKey`, `API-Key`).
 * The same as `text.slice(from, to).toLowerCase().replace(/[^a-z0-9]+/g, '')`, which README-OPS-MATCH
 * ran on every summary, operationId, heading and Supported Operations section; written out because
 * the global replace keeps a record of every match (5.8 MB a corpus run for the sections alone).
 * A range (a section of the readme) is read in place: a slice of the readme is slower to read.
 *
 * One pass through a table into a reused byte buffer, for names and sections alike: no lower-cased
 * copy, no string per word, and one branch-free step per character. On the corpus, normalizing the
 * 336 Supported Operations sections takes 1.36 ms instead of 2.13 (ASCII table and a branch for the
 * rest, into a new buffer each time), and the 5,222 heading texts 0.73 ms instead of 0.97 (the
 * lower-cased text's runs of letters and digits, joined).
 */
export function normalizeTitle(text: string, from = 0, to = text.length): string {
  const bytes = to - from <= scratch.length ? scratch : Buffer.allocUnsafe(to - from);
  let length = 0;
  for (let i = from; i < to; i++) {
    const kept = KEPT[text.charCodeAt(i)]!;
    bytes[length] = kept;
    // 1 for a kept character (1 to 0x7a), 0 for 0: letters and spaces alternate too irregularly
    // for a branch on it to be predicted.
    length += (kept + 0xff) >> 8;
  }
  return bytes.toString('latin1', 0, length);
}

/**
 * For each UTF-16 code unit: the lower-cased letter or digit it stands for, or 0 for anything else.
 * Outside ASCII only two characters lower-case to an ASCII letter: U+0130 (İ, to "i" and a combining
 * dot) and U+212A (the Kelvin sign, to "k"); the test checks this against every code unit.
 * 64 kB, so that no character needs a branch of its own.
 */
const KEPT = new Uint8Array(0x10000);
for (let code = 0x30; code <= 0x39; code++) KEPT[code] = code;
for (let code = 0x61; code <= 0x7a; code++) KEPT[code] = code;
for (let code = 0x41; code <= 0x5a; code++) KEPT[code] = code + 0x20;
KEPT[0x130] = 0x69;
KEPT[0x212a] = 0x6b;

/**
 * Where texts up to its size are normalized: each result is copied out of it into a string, so it is
 * free again at the next call. Larger than every corpus section (the largest is 33 kB).
 */
const scratch = Buffer.allocUnsafeSlow(1 << 16);
