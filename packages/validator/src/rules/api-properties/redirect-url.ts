import type { JsonObject } from '../../swagger/json-values.js';
import { writtenRedirectUrls } from '../../swagger/written-redirect-urls.js';
import { oAuthSettingsOf } from './connection-parameters.js';

/** The redirect URL that every connector with `redirectMode: Global` shares (the legacy one). */
export const SHARED_REDIRECT_URL = 'https://global.consent.azure-apim.net/redirect';

/**
 * A connector's own redirect URL under GlobalPerConnector: the shared one followed by the connector's
 * API name. The corpus writes Zoho Calendar's ".../redirect/zohocalendar", and a custom connector's
 * is its encoded name and ids (".../redirect/highspot-5f79b88ef370762934-5f63e14e61ad877cec").
 */
const PER_CONNECTOR_URL = /^https:\/\/global\.consent\.azure-apim\.net\/redirect\/[^\s/?#]+$/i;

/**
 * The per-connector URL where the file does not write it: the platform makes it when it creates the
 * connector, and shows it on the connector's Security tab.
 */
export const PER_CONNECTOR_REDIRECT_URL = `${SHARED_REDIRECT_URL}/<API name>`;

/** True for PER_CONNECTOR_REDIRECT_URL, also on the test host (global-test): the form, not a URL. */
export function isPerConnectorForm(url: string): boolean {
  return url.endsWith(PER_CONNECTOR_REDIRECT_URL.slice(SHARED_REDIRECT_URL.length));
}

/**
 * The redirect URL the connector's OAuth app has to allow, as the oAuthSettings set it, or undefined
 * where they do not say:
 * - GlobalPerConnector: the connector's own URL, as the file writes it, else its form. A written
 *   shared URL is not the one used (3E Events and Autenti write it with GlobalPerConnector).
 * - Global: the shared URL, whatever the file writes.
 * - No redirectMode: the URL the file writes, else the shared one.
 * - Direct: the regional URL the file writes (Logic Apps' "https://logic-apis-westeurope.consent.
 *   azure-apim.net/redirect"), if any. Values the platform does not know (PROP-OAUTH-REDIRECT reports
 *   them) are treated the same.
 */
export function redirectUrlOf(settings: JsonObject): string | undefined {
  // Of a list, the connector's own URL where there is one (not its global-test counterpart).
  const urls = writtenRedirectUrls(settings.redirectUrl);
  const written = urls.find((url) => PER_CONNECTOR_URL.test(url)) ?? urls[0];
  switch (settings.redirectMode) {
    case 'GlobalPerConnector':
      return written && PER_CONNECTOR_URL.test(written) ? written : PER_CONNECTOR_REDIRECT_URL;
    case 'Global':
      return SHARED_REDIRECT_URL;
    case undefined:
      return written ?? SHARED_REDIRECT_URL;
    default:
      return written;
  }
}

/** An OAuth connection parameter's redirectMode, as written, and the redirect URL it signs in through. */
export interface ParameterRedirect {
  mode: unknown;
  url: string;
}

/**
 * The redirect of each OAuth connection parameter whose redirect URL is known (redirectUrlOf): most
 * connectors have one, a multi-auth connector one per parameter set (3E Events has three, alike).
 */
export function parameterRedirectsOf(apiProperties: JsonObject | undefined): ParameterRedirect[] {
  const redirects: ParameterRedirect[] = [];
  for (const { settings } of oAuthSettingsOf(apiProperties)) {
    const url = redirectUrlOf(settings);
    if (url !== undefined) redirects.push({ mode: settings.redirectMode, url });
  }
  return redirects;
}

/** The redirect URLs of the connector's OAuth connection parameters (parameterRedirectsOf), each once. */
export function redirectUrlsOf(apiProperties: JsonObject | undefined): string[] {
  return [...new Set(parameterRedirectsOf(apiProperties).map(({ url }) => url))];
}
