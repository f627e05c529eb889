/**
 * What of a URL or host an error message may show. Errors reach logs and annotations: a URL's user
 * name, password and query can carry credentials (a token in `?sig=`, a password before the '@').
 */

/**
 * The URL as given, for an error message, without user name, password, query and fragment: errors
 * reach logs, and a query can carry a token. Everything up to the last '@' goes, and the query and
 * fragment are cut from what is left: a refused URL is often malformed (a raw '/', '#' or '@' in the
 * password, no '//' at all), so where its user part ends cannot be read from its syntax. When a '?'
 * or '#' comes before that '@', the '@' may as well be in the query (an e-mail address in
 * ?login_hint=ann@contoso.com&sig=…) as in the user part, so that either side of it may be a secret:
 * only the scheme is shown then. Cutting too much only shortens the message.
 */
export function withoutSecrets(text: string): string {
  const trimmed = text.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(trimmed)?.[0] ?? '';
  const rest = trimmed.slice(scheme.length);
  const lastAt = rest.lastIndexOf('@');
  const queryStart = rest.search(/[?#]/);
  if (lastAt >= 0 && queryStart >= 0 && queryStart < lastAt) return `${scheme}…`;
  const address = rest.slice(lastAt + 1);
  const addressQuery = address.search(/[?#]/);
  return scheme + (addressQuery < 0 ? address : address.slice(0, addressQuery));
}

/**
 * The reason shown for a host that does not exist, naming it, in the same words for every service:
 * "DNS has no host named x (ENOTFOUND)".
 */
export function noSuchHostReason(hostname: string): string {
  return `DNS has no host named ${hostname} (ENOTFOUND)`;
}
