/**
 * The redirect URLs an OAuth connection parameter's `redirectUrl` writes: the one string the schema
 * asks for, or the strings of a list, as the merged PROS AI writes its URL and the global-test
 * counterpart (PROP-SCHEMA reports the list; the URLs are written all the same, and a message that
 * called them not written sent the maker looking for them on the connector's Security tab).
 */
export function writtenRedirectUrls(value: unknown): string[] {
  const written = Array.isArray(value) ? value : [value];
  return written.filter((url): url is string => typeof url === 'string' && url !== '');
}
