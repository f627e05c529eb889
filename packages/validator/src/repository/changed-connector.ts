import type { ConnectorFolder } from '../loader/connector-folder.js';
import { titleAndHostOf, titleAndHostOfSwagger } from './connector-identity.js';
import { iconDifferenceHash } from './icon-hash.js';
import type { ChangedConnector } from './repository-rule-context.js';

/** A loaded connector folder as repository rules see it; the icon is hashed only when asked. */
export function changedConnectorOf(
  connector: ConnectorFolder,
  repositoryPath: string,
  hashIcon: boolean,
): ChangedConnector {
  const iconData = connector.files.icon?.data;
  const iconHash = hashIcon && iconData ? iconDifferenceHash(iconData) : undefined;
  return {
    repositoryPath,
    name: connector.name,
    hasIcon: connector.files.icon !== undefined,
    ...titleAndHostOfSwagger(connector.files.swagger?.document?.value),
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
