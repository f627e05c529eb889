import { readdirSync } from 'node:fs';
import path from 'node:path';
import { kindOfFileName } from '../loader/connector-folder.js';
import { layoutProfile } from '../loader/discover.js';

/**
 * Whether `folder` (relative to the repository's top level) is an independent-publisher proposal, as
 * REPO-REQUIRED-FILES tells one: a folder of independent-publisher-connectors/ holding a readme that
 * describes a connector to be built, and nothing else. A proposal is no connector a pull request
 * submits (upstream merged #3500, a connector's update with a proposal added beside it).
 */
export function isProposalFolder(topLevel: string, folder: string): boolean {
  // The profile as discovery gives the folder (its top folder in any case).
  const absolute = path.join(topLevel, folder);
  if (layoutProfile(absolute) !== 'independent-publisher') return false;
  try {
    const names = readdirSync(absolute);
    return names.length === 1 && kindOfFileName(names[0]!) === 'readme';
  } catch {
    return false;
  }
}
