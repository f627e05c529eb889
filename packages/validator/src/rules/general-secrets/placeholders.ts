/**
 * Telling a placeholder from a real secret. Every `clientSecret` committed to PowerPlatformConnectors
 * is a placeholder (`[[DUMMY]]`, `YOUR_CLIENT_SECRET`, `test`, `<Enter your client secret>`), so the
 * checks must accept those and still catch a pasted secret.
 */

const PLACEHOLDER_WORDS =
  /dummy|placeholder|your|enter|replace|example|sample|secret|client|change_?me|redacted|xxx|test|fake|todo|insert|here|value|token|password|key|none|null|string|demo/i;
const PLACEHOLDER_MARKS = /^\s*$|[<>[\]{}$*…]|\.\.\./;

/** Characters a generated secret is made of; prose and identifiers with spaces are not secrets. */
const SECRET_CHARACTERS = /^[A-Za-z0-9+/=_~.\-!@#%^&]+$/;

/**
 * Whether a value is no real secret: a placeholder, too plain to be generated, or typed for
 * documentation. Every check of a value asks this one question (quoted assignments, URL queries,
 * parameter defaults, token formats, PROP-OAUTH-SECRET), so that `"api_key": "1234567890abcdef"`
 * is judged as `?api_key=1234567890abcdef` is.
 */
export function isPlaceholderSecret(value: string): boolean {
  return hasPlaceholderMark(value) || !looksGenerated(value) || looksLikeDocumentationValue(value);
}

/** A placeholder's word (`YOUR_`, `dummy`, `xxx`, `key`) or mark (`<…>`, `{…}`, `***`, `...`). */
export function hasPlaceholderMark(value: string): boolean {
  return PLACEHOLDER_MARKS.test(value) || PLACEHOLDER_WORDS.test(value);
}

/** At least 12 characters, no spaces, letters mixed with digits or symbols, and varied. */
export function looksGenerated(value: string): boolean {
  if (value.length < 12 || !SECRET_CHARACTERS.test(value)) return false;
  return characterClasses(value) >= 2 && shannonEntropy(value) >= 3;
}

/** How many of lower case, upper case, digits and symbols `value` mixes. */
export function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
}

/**
 * A value typed for documentation rather than generated: an ascending run (`123456`, `abcdef`), one
 * character five times in a row (`00000`), or a short unit repeated (`a1b2a1b2a1b2`). A generated
 * key holds one of these about once in thousands.
 */
export function looksLikeDocumentationValue(value: string): boolean {
  return hasAscendingRun(value, 6) || /(.)\1{4}/.test(value) || /^(.{1,8})\1{2,}.{0,8}$/.test(value);
}

/** Whether `length` consecutive characters of `value` are consecutive digits or letters (any case). */
function hasAscendingRun(value: string, length: number): boolean {
  let run = 1;
  for (let index = 1; index < value.length; index++) {
    const code = value.charCodeAt(index) | 0x20;
    const previous = value.charCodeAt(index - 1) | 0x20;
    const alphanumeric = (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
    run = alphanumeric && code === previous + 1 ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}

/** Bits per character. */
function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** Shows enough of a secret to find it, never the secret itself. */
export function maskSecret(value: string): string {
  const visible = value.length >= 16 ? 4 : 2;
  return `${value.slice(0, visible)}${'*'.repeat(6)} (${value.length} characters)`;
}
