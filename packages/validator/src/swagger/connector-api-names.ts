import { lettersAndDigits } from '@connector-alm/core';
import { asArray, asObject, asString, forEachEntry } from './json-values.js';
import { writtenRedirectUrls } from './written-redirect-urls.js';

/*
 * An `x-ms-api-annotation` replacement is `{ "api": …, "operationId": … }`: Microsoft's service
 * validator asks for both ("The replacement property must specify 'api' property"), and neither the
 * deprecate-operation nor the operational-versioning doc says more. An `api` of its own means the
 * replacement can be another connector's operation, which no check of this folder can see; so its
 * operationId is looked up in this swagger only when the `api` names this connector. The platform
 * names a connector's API after it: 'Zoho Calendar' is 'zohocalendar', its per-connector redirect
 * URL …/redirect/zohocalendar. These are the names tried; an `api` that is none of them is taken
 * for another connector, and its replacement is not looked up.
 */

/** The parts of a connector version that name it. */
export interface ConnectorNameParts {
  /** The connector folder's name. */
  folderName?: string;
  /** The swagger's root. */
  swagger?: unknown;
  /** apiProperties.json's root. */
  apiProperties?: unknown;
}

/** Lower case, letters and digits only: 'Zoho Calendar' and 'zoho-calendar' are 'zohocalendar'. */
const comparable = lettersAndDigits;

/** The names, made comparable, by which a replacement's `api` can name this connector. */
export function connectorApiNames(parts: ConnectorNameParts): ReadonlySet<string> {
  const names = new Set<string>();
  const add = (name: string | undefined): void => {
    const made = name === undefined ? '' : comparable(name);
    if (made !== '') names.add(made);
  };
  add(parts.folderName);
  add(asString(asObject(asObject(parts.swagger)?.info)?.title));
  for (const url of redirectUrls(parts.apiProperties)) add(/\/redirect\/([^/?#]+)\/?$/.exec(url)?.[1]);
  return names;
}

/** Whether a replacement's `api` names this connector. */
export function namesThisConnector(api: unknown, names: ReadonlySet<string>): boolean {
  return typeof api === 'string' && names.has(comparable(api));
}

/** The OAuth redirect URLs of the connection parameters, of the file or of its parameter sets. */
function redirectUrls(apiProperties: unknown): string[] {
  const properties = asObject(asObject(apiProperties)?.properties);
  const urls: string[] = [];
  const read = (parameters: unknown): void =>
    forEachEntry(parameters, (_name, parameter) => {
      urls.push(...writtenRedirectUrls(asObject(asObject(parameter)?.oAuthSettings)?.redirectUrl));
    });
  read(properties?.connectionParameters);
  for (const set of asArray(asObject(properties?.connectionParameterSets)?.values) ?? [])
    read(asObject(set)?.parameters);
  return urls;
}
