import { ConnectionSettingError } from './connection-setting-error.js';
import { CLOUD } from './setting-words.js';

/**
 * Sovereign clouds, named as the `cloud` input of microsoft/powerplatform-actions (pac `--cloud`).
 * Each has its own login host; the Dataverse host suffixes let us catch an environment URL from
 * another cloud before Entra ID answers with a puzzling AADSTS500011.
 */
export interface CloudSettings {
  name: CloudName;
  authorityHost: string;
  dataverseHostSuffixes: readonly string[];
  /**
   * The audience of the GitHub ID token exchanged for a token: the one Entra ID of this cloud puts on
   * a new federated credential (api://AzureADTokenExchange, or its USGov or China form).
   */
  tokenExchangeAudience: string;
}

export const CLOUD_NAMES = ['Public', 'UsGov', 'UsGovHigh', 'UsGovDod', 'China'] as const;
export type CloudName = (typeof CLOUD_NAMES)[number];

const CLOUDS: Record<CloudName, CloudSettings> = {
  Public: {
    name: 'Public',
    authorityHost: 'https://login.microsoftonline.com',
    dataverseHostSuffixes: ['.dynamics.com'],
    tokenExchangeAudience: 'api://AzureADTokenExchange',
  },
  // GCC keeps the public login host; only its Dataverse hosts (crm9) differ.
  UsGov: {
    name: 'UsGov',
    authorityHost: 'https://login.microsoftonline.com',
    dataverseHostSuffixes: ['.crm9.dynamics.com'],
    tokenExchangeAudience: 'api://AzureADTokenExchange',
  },
  UsGovHigh: {
    name: 'UsGovHigh',
    authorityHost: 'https://login.microsoftonline.us',
    dataverseHostSuffixes: ['.crm.microsoftdynamics.us'],
    tokenExchangeAudience: 'api://AzureADTokenExchangeUSGov',
  },
  UsGovDod: {
    name: 'UsGovDod',
    authorityHost: 'https://login.microsoftonline.us',
    dataverseHostSuffixes: ['.crm.appsplatform.us'],
    tokenExchangeAudience: 'api://AzureADTokenExchangeUSGov',
  },
  China: {
    name: 'China',
    authorityHost: 'https://login.chinacloudapi.cn',
    dataverseHostSuffixes: ['.crm.dynamics.cn'],
    tokenExchangeAudience: 'api://AzureADTokenExchangeChina',
  },
};

/**
 * The settings of a cloud by name, case-insensitively; empty means Public. An unknown name is a
 * ConnectionSettingError: the CLI's --cloud takes only these names, but an action's `cloud` input is
 * free text, and its annotation must name the input ("Input 'cloud': 'Mars' is unknown.").
 */
export function resolveCloud(name: string): CloudSettings {
  if (name.trim() === '') return CLOUDS.Public;
  const match = CLOUD_NAMES.find((candidate) => candidate.toLowerCase() === name.trim().toLowerCase());
  if (!match)
    throw new ConnectionSettingError(
      CLOUD,
      'Cloud',
      name,
      'is unknown',
      `Use one of ${CLOUD_NAMES.join(', ')}.`,
    );
  return CLOUDS[match];
}

/** The cloud whose Dataverse hosts the URL belongs to, if any (most specific suffix wins). */
export function cloudOfHost(hostname: string): CloudName | undefined {
  const matches = Object.values(CLOUDS)
    .flatMap((cloud) => cloud.dataverseHostSuffixes.map((suffix) => ({ cloud: cloud.name, suffix })))
    .filter(({ suffix }) => hostname.endsWith(suffix))
    .sort((a, b) => b.suffix.length - a.suffix.length);
  return matches[0]?.cloud;
}

/**
 * The cloud of an environment URL when it signs in at another login host than the configured cloud:
 * Entra ID there does not know the environment. GCC (crm9) and Public share the commercial login host,
 * so either name works for both, as with pac.
 */
export function conflictingCloud(hostname: string, configured: CloudSettings): CloudName | undefined {
  const urlCloud = cloudOfHost(hostname);
  if (!urlCloud || CLOUDS[urlCloud].authorityHost === configured.authorityHost) return undefined;
  return urlCloud;
}
