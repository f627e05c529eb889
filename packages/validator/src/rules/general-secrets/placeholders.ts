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

export function isPlaceholderSecret(value: string): boolean {
  return PLACEHOLDER_MARKS.test(value) || PLACEHOLDER_WORDS.test(value) || !looksGenerated(value);
}

/** At least 12 characters, no spaces, letters mixed with digits or symbols, and varied. */
function looksGenerated(value: string): boolean {
  if (value.length < 12 || !SECRET_CHARACTERS.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
  return classes >= 2 && shannonEntropy(value) >= 3;
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
