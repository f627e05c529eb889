import type { ConnectorFolder } from '../loader/connector-folder.js';
import { asObject, asString } from '../swagger/json-values.js';
import { titleAndHostOf } from './connector-identity.js';
import { iconDifferenceHash } from './icon-hash.js';
import type { ChangedConnector } from './repository-rule-context.js';

/** A loaded connector folder as repository rules see it; the icon is hashed only when asked. */
export function changedConnectorOf(
  connector: ConnectorFolder,
  repositoryPath: string,
  hashIcon: boolean,
): ChangedConnector {
  const swagger = asObject(connector.files.swagger?.document?.value);
  const title = asString(asObject(swagger?.info)?.title);
  const host = asString(swagger?.host);
  const iconData = connector.files.icon?.data;
  const iconHash = hashIcon && iconData ? iconDifferenceHash(iconData) : undefined;
  return {
    repositoryPath,
    name: connector.name,
    hasIcon: connector.files.icon !== undefined,
    ...(title?.trim() ? { title } : {}),
    ...(host?.trim() ? { host } : {}),
    ...(iconHash ? { iconHash } : {}),
  };
}

/** The same connector at the base of the change, from its swagger text and icon bytes there. */
export function baseConnectorOf(
  current: ChangedConnector,
  swaggerText: string | undefined,
  iconData: Buffer | undefined,
): ChangedConnector {
  const iconHash = iconData ? iconDifferenceHash(iconData) : undefined;
  return {
    repositoryPath: current.repositoryPath,
    name: current.name,
    hasIcon: iconData !== undefined,
    ...(swaggerText === undefined ? {} : titleAndHostOf(swaggerText)),
    ...(iconHash ? { iconHash } : {}),
  };
}
