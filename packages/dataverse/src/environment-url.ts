import { isLoopbackHost, withoutSecrets, type Setting } from '@connector-alm/core';
import { ConnectionSettingError } from './connection-setting-error.js';
import { AUTHORITY_HOST, ENVIRONMENT_URL } from './setting-words.js';

/** The only hosts we talk to over plain http; moved to core, where the GitHub client reads it too. */
export { isLoopbackHost };

/**
 * Parses a service base URL (an environment URL or an authority host) into its origin. Tokens and
 * secrets travel to it, so plain http is refused except on loopback, where the local server runs.
 * A path such as `/main.aspx` copied from the browser is dropped: only the origin identifies the service.
 */
export function parseServiceUrl(text: string, kind: ServiceUrl): URL {
  const refused = (value: string | undefined, problem: string, hint?: string) =>
    new ConnectionSettingError(kind.setting, kind.label, value, problem, hint);
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw refused(withoutSecrets(text), 'is not a URL', `Give the full URL, e.g. ${kind.example}.`);
  }
  if (url.username || url.password) throw refused(undefined, 'must not contain a user name or password');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw refused(
      withoutSecrets(text),
      'must use https',
      'Plain http is accepted only for loopback hosts (localhost, 127.0.0.1, ::1).',
    );
  }
  return new URL(url.origin);
}

/** A service URL setting, as its errors name it and as its hint shows one. */
export interface ServiceUrl {
  /** In the CLI's message: "Environment URL 'x' is not a URL." */
  label: string;
  /** The option or input that gave it, which an action's message names. */
  setting: Setting;
  example: string;
}

export const ENVIRONMENT_URL_KIND: ServiceUrl = {
  label: 'Environment URL',
  setting: ENVIRONMENT_URL,
  example: 'https://contoso.crm.dynamics.com',
};

/** Its example was the environment's, which is no login host. */
export const AUTHORITY_HOST_KIND: ServiceUrl = {
  label: 'Authority host',
  setting: AUTHORITY_HOST,
  example: 'https://login.microsoftonline.com',
};
