import { optionWords, UsageError, type Logger, type SaySetting } from '@connector-alm/core';
import { createEntraTokenSource } from './auth/entra-token-source.js';
import type { ClientCredential } from './auth/credentials.js';
import { systemClock, type Clock } from './clock.js';
import { conflictingCloud, resolveCloud } from './clouds.js';
import { ConnectionSettingError } from './connection-setting-error.js';
import { APP_ID, CLOUD, cloudSetTo, TENANT_ID } from './setting-words.js';
import { AUTHORITY_HOST_KIND, ENVIRONMENT_URL_KIND, parseServiceUrl } from './environment-url.js';
import { DataverseHttp } from './http/dataverse-http.js';
import type { Fetch } from './http/fetch.js';
import type { RetryBudget } from './http/retry-policy.js';
import type { WebApiTimeouts } from './http/web-api-timeouts.js';
import { DataverseClient } from './web-api/dataverse-client.js';

/** Everything needed to talk to one environment, as the CLI and the actions read it from their inputs. */
export interface ConnectionSettings {
  environmentUrl: string;
  tenantId: string;
  appId: string;
  credential: ClientCredential;
  /** Public, UsGov, UsGovHigh, UsGovDod or China; empty means Public. */
  cloud?: string;
  /** Overrides the cloud's login host, e.g. a local server. */
  authorityHost?: string;
}

export interface ConnectionPorts {
  logger: Logger;
  fetch?: Fetch;
  clock?: Clock;
  /** Called with every secret value seen (tokens, assertions), so the caller can mask it. */
  onSecret?: (value: string) => void;
  retry?: RetryBudget;
  /** How long one sign-in request may go unanswered; default 30 s. Tests shorten it. */
  signInTimeoutMs?: number;
  /** How long one Web API request may go unanswered: 30 s, 10 minutes for slow ones. Tests shorten them. */
  webApiTimeouts?: Partial<WebApiTimeouts>;
  /**
   * How advice names a setting (`--skip-lower-version` or `skip-lower-version: true`): the CLI's
   * options by default, or an action's inputs.
   */
  say?: SaySetting;
}

const GUID_OR_DOMAIN =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9.-]+\.[a-z]{2,})$/i;

/** Checks the settings and returns a client; nothing goes over the network until the first call. */
export function connectDataverse(settings: ConnectionSettings, ports: ConnectionPorts): DataverseClient {
  const say = ports.say ?? optionWords;
  const environment = parseServiceUrl(settings.environmentUrl, ENVIRONMENT_URL_KIND);
  const cloud = resolveCloud(settings.cloud ?? '');
  const authorityHost = parseServiceUrl(settings.authorityHost || cloud.authorityHost, AUTHORITY_HOST_KIND);
  if (!GUID_OR_DOMAIN.test(settings.tenantId)) {
    throw new ConnectionSettingError(
      TENANT_ID,
      'Tenant ID',
      settings.tenantId,
      'is neither a GUID nor a domain name',
      'Use the Directory (tenant) ID from the app registration overview.',
    );
  }
  if (settings.appId.trim() === '')
    throw new ConnectionSettingError(
      APP_ID,
      'The app ID (client ID)',
      undefined,
      'is empty',
      'Use the Application (client) ID from the app registration overview.',
    );
  const urlCloud = settings.authorityHost ? undefined : conflictingCloud(environment.hostname, cloud);
  if (urlCloud) {
    throw new UsageError(
      `Environment URL ${environment.origin} belongs to the ${urlCloud} cloud, but ${say(CLOUD)} is ${cloud.name}.`,
      { hint: `Use ${say(cloudSetTo(urlCloud))}.` },
    );
  }
  const fetchFn = ports.fetch ?? fetch;
  const clock = ports.clock ?? systemClock;
  const tokens = createEntraTokenSource({
    authorityHost,
    tenantId: settings.tenantId,
    clientId: settings.appId.trim(),
    credential: settings.credential,
    resource: environment,
    fetch: fetchFn,
    clock,
    githubOidcAudience: cloud.tokenExchangeAudience,
    logger: ports.logger,
    say,
    ...(ports.retry ? { retry: ports.retry } : {}),
    ...(ports.signInTimeoutMs ? { signInTimeoutMs: ports.signInTimeoutMs } : {}),
    ...(ports.onSecret ? { onSecret: ports.onSecret } : {}),
  });
  const http = new DataverseHttp({
    environment,
    tokens,
    fetch: fetchFn,
    clock,
    logger: ports.logger,
    ...(ports.retry ? { retry: ports.retry } : {}),
    ...(ports.webApiTimeouts ? { timeouts: ports.webApiTimeouts } : {}),
    ...(ports.say ? { say: ports.say } : {}),
  });
  return new DataverseClient(http, clock, ports.logger, ports.say);
}
