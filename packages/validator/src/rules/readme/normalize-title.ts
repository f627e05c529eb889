/**
 * Lower case, letters and digits only: for comparing headings with operation names and summaries.
 * The same as `text.toLowerCase().replace(/[^a-z0-9]+/g, '')`, which README-OPS-MATCH ran on every
 * summary, operationId, heading and Supported Operations section; written out because the global
 * replace keeps a record of every match (5.8 MB a corpus run for the sections alone).
 */
export function normalizeTitle(text: string): string {
  return text.length < LONG_TEXT ? normalizeShort(text) : normalizeLong(text);
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

/**
 * One pass into a byte buffer, lower-casing as it goes: no lower-cased copy and no string per word
 * (a section of 600 kB allocated 5.8 MB of heap with the replace, 0.5 MB with this).
 * Outside ASCII only two characters lower-case to a letter: U+0130 (İ, to "i" and a combining dot)
 * and U+212A (the Kelvin sign, to "k"); the test checks this against every UTF-16 code unit.
 */
function normalizeLong(text: string): string {
  const bytes = Buffer.allocUnsafe(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLowerLetterOrDigit(code)) bytes[length++] = code;
    else if (code >= 0x41 && code <= 0x5a) bytes[length++] = code + 0x20;
    else if (code === 0x130) bytes[length++] = 0x69;
    else if (code === 0x212a) bytes[length++] = 0x6b;
  }
  return bytes.toString('latin1', 0, length);
}
