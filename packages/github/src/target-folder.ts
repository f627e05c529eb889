import path from 'node:path';
import { oneOf, trimWhere, UsageError } from '@connector-alm/core';
import { TOP_FOLDER_PROFILES, type Profile } from '@connector-alm/validator';

/**
 * Where a connector goes upstream: the folder given, or the top folder of its profile
 * (independent-publisher-connectors, certified-connectors, custom-connectors) and the folder's name.
 */
export function targetFolderFor(connectorFolder: string, profile: Profile, given?: string): string {
  if (given && given.trim() !== '') return normaliseTargetFolder(given);
  const top = Object.entries(TOP_FOLDER_PROFILES).find(([, candidate]) => candidate === profile)![0];
  return `${top}/${path.basename(path.resolve(connectorFolder))}`;
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
