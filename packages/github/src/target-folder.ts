import path from 'node:path';
import { oneOf, trimWhere, UsageError } from '@connector-alm/core';
import { TOP_FOLDER_PROFILES, type Profile } from '@connector-alm/validator';

/**
 * Where a connector goes upstream: the folder given; or, for a folder inside the PowerPlatformConnectors
 * layout, its path from the top folder it is in, which is its path upstream (upstream keeps
 * certified-connectors/Snowflake v2/ConnectorArtifacts beside its service's code: the name alone would
 * propose a new connector certified-connectors/ConnectorArtifacts); otherwise the top folder of its
 * profile (independent-publisher-connectors, certified-connectors, custom-connectors) and its name.
 * `root` is the top level of the checkout the folder is in (or the workspace): the layout is read from
 * there down only, since folders above it are the maker's (a repository named certified-connectors,
 * checked out at /home/runner/work/certified-connectors/certified-connectors).
 */
export function targetFolderFor(
  connectorFolder: string,
  profile: Profile,
  given: string | undefined,
  root: string,
): string {
  if (given && given.trim() !== '') return normaliseTargetFolder(given);
  const inLayout = pathFromTopFolder(
    path.relative(path.resolve(root), path.resolve(connectorFolder)),
    profile,
  );
  if (inLayout) return inLayout;
  const top = Object.entries(TOP_FOLDER_PROFILES).find(([, candidate]) => candidate === profile)![0];
  return `${top}/${path.basename(path.resolve(connectorFolder))}`;
}

/**
 * The folder's path upstream when `inCheckout`, its path from the checkout's top level, starts with a
 * top folder and goes below it, that top folder named as upstream names it (checkouts on Windows and
 * macOS may have it in another case); undefined otherwise, or when that top folder is not the
 * profile's (a profile the configuration gives wins).
 */
function pathFromTopFolder(inCheckout: string, profile: Profile): string | undefined {
  const segments = inCheckout.split(path.sep).filter(Boolean);
  if (segments.length < 2 || segments[0] === '..' || path.isAbsolute(inCheckout)) return undefined;
  const top = segments[0]!.toLowerCase();
  const topProfile = TOP_FOLDER_PROFILES[top];
  return topProfile === profile ? [top, ...segments.slice(1)].join('/') : undefined;
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
