/**
 * An http(s) URL in its plainest form: scheme, `//`, dot-separated labels of ASCII letters, digits
 * and hyphens, then nothing or a path, query or fragment of printable ASCII. The URL parser accepts
 * every such text with that scheme and that host, dot included. Left to the parser: `xn--` labels
 * (it checks their Punycode), a last label that starts with a digit (it may read the host as an
 * IPv4 address and refuse it), a port, user info, other slashes, spaces, tabs and non-ASCII.
 */
const PLAIN_HTTP_URL = /^https?:\/\/(?:(?!xn--)[a-z0-9-]+\.)+(?!xn--)[a-z][a-z0-9-]*(?:[/?#][!-~]*)?$/i;

/** True when the (trimmed) text is a plain http(s) URL that the URL parser accepts as it is. */
export function isPlainHttpUrl(text: string): boolean {
  return PLAIN_HTTP_URL.test(text);
}

/**
 * Like .NET's Uri.TryCreate(…, Absolute) on the trimmed text: spaces inside are escaped, not errors.
 * Nearly every URL of the corpus is plain, and the pattern answers for it: the URL parser cost
 * ~2.2 µs a call inside a corpus run (2.3 ms for its 1,050 URLs), the pattern a tenth of that.
 */
export function isAbsoluteHttpUrl(text: string): boolean {
  const trimmed = text.trim();
  if (isPlainHttpUrl(trimmed)) return true;
  try {
    const url = new URL(trimmed);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}
