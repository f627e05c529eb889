import { isTopFolderName } from '@connector-alm/core';
import { decodeUtf8, hostKey, isPlaceholderHost, titleAndHostOf, titleKey } from '@connector-alm/validator';
import { step } from './api-errors.js';
import { SWAGGER } from './connector-swagger.js';
import type { GitHubClient } from './octokit-client.js';
import { readBlob } from './remote-tree.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';

/** A connector folder of the upstream that is the connector submitted, under another folder name. */
export interface UpstreamNamesake {
  /** Its path in the upstream, as the upstream names it (independent-publisher-connectors/Airtable). */
  folder: string;
  /** The title both swaggers have, when they have the same. */
  title?: string;
  /** The host both swaggers call, when it is the same and names a service (not api.contoso.com). */
  host?: string;
}

/**
 * At most this many upstream folders with a name like the connector's have their swagger read:
 * each costs two requests, and more than one or two such folders is already unusual.
 */
const MAX_CANDIDATES = 3;

/**
 * The connector folder of the upstream that already holds the connector going to the new folder
 * `targetFolder`: one whose name is like the connector's folder name or title (folderNameKey) and
 * whose swagger calls the same host, or has the same title in the same top folder (sameConnector). extract-connectors names a folder after
 * the display name (`Airtable [DEPRECATED]`), which need not be the upstream's folder (`Airtable`), and
 * a pull request that adds a second copy of a connector is one reviewers reject. The upstream has
 * about a thousand connectors, so their swaggers are not all read: the top folders' listings (one
 * request each) give the names, and only the swaggers of the few folders named alike are read.
 */
export async function findUpstreamNamesake(
  client: GitHubClient,
  upstream: RepositoryName,
  treeSha: string,
  connector: { targetFolder: string; title?: string; host?: string },
): Promise<UpstreamNamesake | undefined> {
  const [top, name] = connector.targetFolder.split('/');
  const keys = new Set([name, connector.title].filter(isText).map(folderNameKey).filter(isText));
  if (keys.size === 0) return undefined;
  const candidates: { folder: string; sha: string }[] = [];
  const topFolders = (await listTree(client, upstream, treeSha, 'the top level'))
    .filter((entry) => entry.type === 'tree' && isTopFolderName(entry.path))
    // The target's own top folder first: a copy is likeliest there.
    .sort((a, b) => Number(b.path === top) - Number(a.path === top));
  for (const topFolder of topFolders) {
    for (const entry of await listTree(client, upstream, topFolder.sha, topFolder.path)) {
      const folder = `${topFolder.path}/${entry.path}`;
      if (entry.type === 'tree' && folder !== connector.targetFolder && keys.has(folderNameKey(entry.path)))
        candidates.push({ folder, sha: entry.sha });
    }
  }
  for (const candidate of candidates.slice(0, MAX_CANDIDATES)) {
    const swagger = (await listTree(client, upstream, candidate.sha, candidate.folder)).find(
      (entry) => entry.type === 'blob' && entry.path.toLowerCase() === SWAGGER.toLowerCase(),
    );
    if (!swagger) continue;
    const other = titleAndHostOf(decodeUtf8(await readBlob(client, upstream, swagger.sha)).text);
    const namesake = sameConnector(candidate.folder, connector, other);
    if (namesake) return namesake;
  }
  return undefined;
}

/**
 * A folder name (or a title) as names are compared here: lower case, letters and digits only, and
 * without the parts in brackets or parentheses, which tell a state or a publisher, not the service
 * (`Airtable [DEPRECATED]`, `Jira (Independent Publisher)`). `Snowflake v2` stays apart from
 * `Snowflake`: a new version is another connector.
 */
export function folderNameKey(name: string): string {
  return name
    .replace(/\[[^[\]]*\]|\([^()]*\)/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The folder as a namesake of the connector: when they call the same (real) host, or when their titles
 * are the same, the folder is in the target's top folder and their hosts do not tell them apart. A
 * title alone is no proof across top folders: upstream's independent-publisher "Jira"
 * (flowyco.atlassian.net) and certified "JIRA" (a placeholder host) are two connectors, and a new
 * independent-publisher Jira connector is a third.
 */
function sameConnector(
  folder: string,
  connector: { targetFolder: string; title?: string; host?: string },
  other: { title?: string; host?: string },
): UpstreamNamesake | undefined {
  const realHost = (host: string | undefined): host is string => !!host && !isPlaceholderHost(host);
  const sameHost =
    realHost(connector.host) && realHost(other.host) && hostKey(connector.host) === hostKey(other.host);
  const otherHosts = realHost(connector.host) && realHost(other.host) && !sameHost;
  const sameTitle = !!connector.title && !!other.title && titleKey(connector.title) === titleKey(other.title);
  const sameTop = topFolderOf(folder) === topFolderOf(connector.targetFolder);
  if (!sameHost && !(sameTitle && sameTop && !otherHosts)) return undefined;
  return {
    folder,
    ...(sameTitle ? { title: other.title!.trim() } : {}),
    ...(sameHost ? { host: other.host!.trim() } : {}),
  };
}

function topFolderOf(folder: string): string {
  return folder.split('/')[0]!;
}

/** The entries right in a tree (not recursive: a top folder's listing is all that is wanted). */
async function listTree(
  client: GitHubClient,
  repository: RepositoryName,
  sha: string,
  what: string,
): Promise<{ path: string; type: string; sha: string }[]> {
  const { data } = await step(`reading the tree of ${what}`, formatRepositoryName(repository), () =>
    client.rest.git.getTree({ ...repository, tree_sha: sha }),
  );
  return data.tree.flatMap((entry) =>
    entry.path && entry.type && entry.sha ? [{ path: entry.path, type: entry.type, sha: entry.sha }] : [],
  );
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}
