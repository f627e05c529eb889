import path from 'node:path';
import { oneOf, trimWhere, UsageError } from '@connector-alm/core';
import { TOP_FOLDER_PROFILES, type Profile } from '@connector-alm/validator';

/**
 * Where a connector goes upstream: the folder given; or, for a folder inside the PowerPlatformConnectors
 * layout, its path from the nearest top folder above it, which is its path upstream (upstream keeps
 * certified-connectors/Snowflake v2/ConnectorArtifacts beside its service's code: the name alone would
 * propose a new connector certified-connectors/ConnectorArtifacts); otherwise the top folder of its
 * profile (independent-publisher-connectors, certified-connectors, custom-connectors) and its name.
 */
export function targetFolderFor(connectorFolder: string, profile: Profile, given?: string): string {
  if (given && given.trim() !== '') return normaliseTargetFolder(given);
  const inLayout = pathFromTopFolder(connectorFolder, profile);
  if (inLayout) return inLayout;
  const top = Object.entries(TOP_FOLDER_PROFILES).find(([, candidate]) => candidate === profile)![0];
  return `${top}/${path.basename(path.resolve(connectorFolder))}`;
}

/**
 * The folder's path from the nearest top folder above it, that top folder named as upstream names
 * it (checkouts on Windows and macOS may have it in another case); undefined outside the layout, or
 * when that top folder is not the profile's (a profile the configuration gives wins).
 */
function pathFromTopFolder(connectorFolder: string, profile: Profile): string | undefined {
  const segments = path.resolve(connectorFolder).split(path.sep).filter(Boolean);
  for (let index = segments.length - 2; index >= 0; index--) {
    const top = segments[index]!.toLowerCase();
    const topProfile = TOP_FOLDER_PROFILES[top];
    if (topProfile) return topProfile === profile ? [top, ...segments.slice(index + 1)].join('/') : undefined;
  }
  return undefined;
}

export function normaliseTargetFolder(text: string): string {
  const folder = trimWhere(text.trim().replace(/\\/g, '/'), oneOf('/'));
  if (
    folder === '' ||
    folder
      .split('/')
      .some((segment) => segment === '' || segment === '.' || segment === '..' || segment === '.git')
  ) {
    throw new UsageError(`Invalid target folder '${text}'.`, {
      hint: 'Give a folder of the upstream repository, e.g. independent-publisher-connectors/Contoso Tasks.',
    });
  }
  return folder;
}
