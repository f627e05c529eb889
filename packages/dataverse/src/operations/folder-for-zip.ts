import { plural, UsageError, type SaySetting, type Setting } from '@connector-alm/core';
import { misnamedPartsHint, solutionsInFolder } from '@connector-alm/solution';

/** Packing an unpacked solution, in the words of the CLI and of a workflow. */
const PACK_IT: Setting = {
  option: 'connector-alm pack <this folder> <solution.zip>',
  input: 'the pack-solution action',
};
const PACK_THAT: Setting = {
  option: 'connector-alm pack <that folder> <solution.zip>',
  input: 'the pack-solution action',
};

/** How many zips the hint names; the rest are counted. */
const NAMED_ZIPS = 5;

/**
 * The usage error of a folder given where a solution zip goes, located at it, with what it holds to
 * give instead: its solution zips (`import customHIL`, which holds customHIL_1_0_0_3.zip, was told
 * to pack the folder, which is no unpacked solution), or the unpacked solution to pack first, as
 * pack says of a folder that holds one further down. Names are relative to the folder.
 * `partOfUnpacked`: the error for a folder inside an unpacked solution, where it holds no zip.
 */
export async function folderForZipError(
  folder: string,
  say: SaySetting,
  partOfUnpacked: () => Promise<UsageError | undefined> = async () => undefined,
): Promise<UsageError> {
  const held = await solutionsInFolder(folder);
  let hint: string;
  if (held.unpacked)
    hint = `It is an unpacked solution: pack it first (${say(PACK_IT)}), then import the zip.`;
  else {
    // A folder of an unpacked solution (its Connectors/): the solution's own folder to pack, named.
    const inside = held.zips.length === 0 ? await partOfUnpacked() : undefined;
    if (inside) return inside;
    // An unpacked solution whose Other/ was renamed on Windows or macOS (other/): to rename, then pack.
    const misnamed = held.zips.length === 0 ? await misnamedPartsHint(folder) : undefined;
    if (misnamed)
      return new UsageError('is a folder, not a solution zip.', {
        location: { file: folder },
        hint: `It is an unpacked solution with its parts in other letter case. ${misnamed} Then pack it (${say(PACK_IT)}) and import the zip.`,
      });
    const packFirst =
      held.nested.length === 0
        ? undefined
        : `pack the unpacked solution in ${held.nested.join(', ')} first (${say(PACK_THAT)}), then import the zip.`;
    if (held.zips.length > 0) hint = `${zipsHeld(held.zips)}${packFirst ? ` Or ${packFirst}` : ''}`;
    else if (packFirst) hint = `It holds no zip: ${packFirst}`;
    else hint = 'Give the solution zip to import: an export, or a zip that pack or build-solution wrote.';
  }
  return new UsageError('is a folder, not a solution zip.', { location: { file: folder }, hint });
}

/** "It holds one, x.zip: give that zip.", "It holds 2 zips, a.zip, b/c.zip: give the one to import." */
function zipsHeld(zips: readonly string[]): string {
  if (zips.length === 1) return `It holds one, ${zips[0]}: give that zip.`;
  const named = zips.slice(0, NAMED_ZIPS).join(', ');
  const more = zips.length > NAMED_ZIPS ? ` and ${zips.length - NAMED_ZIPS} more` : '';
  return `It holds ${plural(zips.length, 'zip')}, ${named}${more}: give the one to import.`;
}
