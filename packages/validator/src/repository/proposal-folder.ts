import { readdirSync } from 'node:fs';
import path from 'node:path';
import { kindOfFileName } from '../loader/connector-folder.js';
import { TOP_FOLDER_PROFILES } from '../loader/discover.js';

/**
 * Whether `folder` (relative to the repository's top level) is an independent-publisher proposal, as
 * REPO-REQUIRED-FILES tells one: a folder of independent-publisher-connectors/ holding a readme that
 * describes a connector to be built, and nothing else. A proposal is no connector a pull request
 * submits (upstream merged #3500, a connector's update with a proposal added beside it).
 */
export function isProposalFolder(topLevel: string, folder: string): boolean {
  if (TOP_FOLDER_PROFILES[folder.split('/')[0]!] !== 'independent-publisher') return false;
  try {
    const names = readdirSync(path.join(topLevel, folder));
    return names.length === 1 && kindOfFileName(names[0]!) === 'readme';
  } catch {
    return false;
  }
}
