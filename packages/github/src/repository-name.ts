import { UsageError } from '@connector-alm/core';

export interface RepositoryName {
  owner: string;
  repo: string;
}

/** "owner/name" as GitHub spells repositories; anything else is a usage error naming the input. */
export function parseRepositoryName(text: string, input = 'upstream'): RepositoryName {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(text.trim());
  if (!match)
    throw new UsageError(`Invalid ${input} '${text}'. Expected format {owner}/{repo}.`, {
      hint: 'For example microsoft/PowerPlatformConnectors.',
    });
  return { owner: match[1]!, repo: match[2]! };
}

export function formatRepositoryName(name: RepositoryName): string {
  return `${name.owner}/${name.repo}`;
}
