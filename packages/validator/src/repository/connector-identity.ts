import { JsonDocument } from '../json/json-document.js';
import { asObject, asString } from '../swagger/json-values.js';

/**
 * What tells one connector from another in a repository: the folder, the title and host of its
 * swagger, and a fingerprint of its icon. Values are as written; compare them with `sameTitle` and
 * `sameHost`.
 */
export interface ConnectorIdentity {
  /** The folder relative to the repository's top level, `/`-separated. */
  repositoryPath: string;
  title?: string;
  host?: string;
  /** iconDifferenceHash of icon.png, when it was asked for and the icon decodes. */
  iconHash?: string;
}

/**
 * The title and host of a swagger's text. JSON.parse first: it is the fast path for the thousand
 * swaggers of a checkout; the tolerant parser only for the few that are not strict JSON.
 */
export function titleAndHostOf(text: string): { title?: string; host?: string } {
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(unmarked);
  } catch {
    value = JsonDocument.parse(unmarked).value;
  }
  return titleAndHostOfSwagger(value);
}

/** The title and host of a parsed swagger; a blank one is left out. */
export function titleAndHostOfSwagger(value: unknown): { title?: string; host?: string } {
  const swagger = asObject(value);
  const title = asString(asObject(swagger?.info)?.title);
  const host = asString(swagger?.host);
  return {
    ...(title?.trim() ? { title } : {}),
    ...(host?.trim() ? { host } : {}),
  };
}

/** Titles compare trimmed, case-insensitively and with runs of white space as one space. */
export function titleKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Hosts compare case-insensitively, without a port. */
export function hostKey(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '');
}

/**
 * Hosts that say nothing about the service: templates' placeholders and hosts set at run time
 * (`dynamichosturl`). Connectors that share one of these are not the same connector. Corpus:
 * api.contoso.com, test.com, yourhost.yourdomain.com, definedinconnectionparameters.
 */
export function isPlaceholderHost(host: string): boolean {
  const key = hostKey(host);
  if (!key.includes('.') || key.includes('{')) return true;
  return /(^|\.)(contoso|example|yourdomain|yourcompany|test|localhost)\.[a-z]+$/.test(key);
}
