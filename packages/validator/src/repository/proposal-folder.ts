import { readdirSync } from 'node:fs';
import path from 'node:path';
import { entryType } from '../loader/connector-folder.js';
import { isProposal } from '../loader/proposal.js';
import type { Profile } from '../model/finding.js';

/**
 * Whether `folder` (relative to the repository's top level) is an independent-publisher proposal,
 * as REPO-REQUIRED-FILES tells one (`isProposal`), `profile` being the one validation gives the
 * folder. A proposal is no connector a pull request submits (upstream merged #3500, a connector's
 * update with a proposal added beside it). Read from disk, since a changed folder outside the paths
 * validated is counted too.
 */
export function isProposalFolder(topLevel: string, folder: string, profile: Profile): boolean {
  try {
    const dirents = readdirSync(path.join(topLevel, folder), { withFileTypes: true });
    return isProposal(
      profile,
      dirents.map((dirent) => ({ name: dirent.name, type: entryType(dirent) })),
    );
  } catch {
    return false;
  }
}
