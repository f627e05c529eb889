import { hashDistance, hashSaysEnough, SIMILAR_ICON_MAX_DISTANCE } from './icon-hash.js';
import { hostKey, isPlaceholderHost, titleKey, type ConnectorIdentity } from './connector-identity.js';
import { compareText } from '@connector-alm/core';

/** Another connector whose icon looks like the one asked about, and how far apart their hashes are. */
export interface SimilarIcon {
  connector: ConnectorIdentity;
  distance: number;
}

/**
 * The other connector folders of a repository, looked up by title, host and icon. Built once per run
 * (see readRepositoryIndex); lookups never return the folder asked about.
 */
export class RepositoryIndex {
  private readonly byTitle = new Map<string, ConnectorIdentity[]>();
  private readonly byHost = new Map<string, ConnectorIdentity[]>();

  constructor(readonly connectors: readonly ConnectorIdentity[]) {
    for (const connector of connectors) {
      if (connector.title) push(this.byTitle, titleKey(connector.title), connector);
      if (connector.host) push(this.byHost, hostKey(connector.host), connector);
    }
  }

  /** Other connectors with the same title (trimmed, case-insensitive). */
  withTitle(title: string, except: string): ConnectorIdentity[] {
    return others(this.byTitle.get(titleKey(title)), except);
  }

  /** Other connectors with the same host; none for placeholder hosts such as api.contoso.com. */
  withHost(host: string, except: string): ConnectorIdentity[] {
    if (isPlaceholderHost(host)) return [];
    return others(this.byHost.get(hostKey(host)), except);
  }

  /**
   * Other connectors whose icon hash is within the similarity distance, nearest first; none for a
   * nearly flat icon, whose hash says too little to tell it from another.
   */
  withSimilarIcon(iconHash: string, except: string): SimilarIcon[] {
    const similar: SimilarIcon[] = [];
    if (!hashSaysEnough(iconHash)) return similar;
    for (const connector of this.connectors) {
      if (!connector.iconHash || connector.repositoryPath === except) continue;
      if (!hashSaysEnough(connector.iconHash)) continue;
      const distance = hashDistance(iconHash, connector.iconHash);
      if (distance <= SIMILAR_ICON_MAX_DISTANCE) similar.push({ connector, distance });
    }
    return similar.sort(
      (a, b) =>
        a.distance - b.distance || compareText(a.connector.repositoryPath, b.connector.repositoryPath),
    );
  }
}

function push(map: Map<string, ConnectorIdentity[]>, key: string, connector: ConnectorIdentity): void {
  const list = map.get(key);
  if (list) list.push(connector);
  else map.set(key, [connector]);
}

function others(list: readonly ConnectorIdentity[] | undefined, except: string): ConnectorIdentity[] {
  return (list ?? []).filter((connector) => connector.repositoryPath !== except);
}
