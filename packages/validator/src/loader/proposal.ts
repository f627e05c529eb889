import type { Profile } from '../model/finding.js';
import { kindOfFileName, type FolderEntry } from './connector-folder.js';

/**
 * Whether a connector folder is an independent-publisher proposal ("Proposal - Name (Independent
 * Publisher)"): a folder of the independent-publisher profile holding a readme that describes a
 * connector to be built, and nothing else. The readme is a file, or a link the loader reads as one; a
 * misnamed swagger beside it makes the folder a connector with missing files.
 *
 * The one decision for both places that ask: REPO-REQUIRED-FILES, from the loaded folder, needs no
 * swagger of a proposal, and `validate --base`, from the listing on disk, counts no proposal among
 * the connectors a change submits (REPO-ONE-PER-PR). Decided apart, they drifted: a directory named
 * readme.md counted as a proposal's readme for the one and not for the other.
 */
export function isProposal(
  profile: Profile,
  entries: readonly Pick<FolderEntry, 'name' | 'type'>[],
): boolean {
  if (profile !== 'independent-publisher' || entries.length !== 1) return false;
  const { name, type } = entries[0]!;
  return (type === 'file' || type === 'symlink') && kindOfFileName(name) === 'readme';
}
