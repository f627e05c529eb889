import { UsageError, withoutSecrets } from '@connector-alm/core';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for localhost, 127.0.0.0/8 and ::1: the only hosts we talk to over plain http. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Parses a service base URL (an environment URL or an authority host) into its origin. Tokens and
 * secrets travel to it, so plain http is refused except on loopback, where the local server runs.
 * A path such as `/main.aspx` copied from the browser is dropped: only the origin identifies the service.
 */
export function parseServiceUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UsageError(`${what} '${withoutSecrets(text)}' is not a URL.`, {
      hint: 'Give the full URL, e.g. https://contoso.crm.dynamics.com.',
    });
  }
  if (url.username || url.password) throw new UsageError(`${what} must not contain a user name or password.`);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new UsageError(`${what} '${withoutSecrets(text)}' must use https.`, {
      hint: 'Plain http is accepted only for loopback hosts (localhost, 127.0.0.1, ::1).',
    });
  }
  return new URL(url.origin);
}
