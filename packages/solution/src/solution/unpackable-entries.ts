import type { UserError } from '@connector-alm/core';
import { folderPathOf } from './layout.js';
import { isStrayOtherFile, otherEntryError } from './other-folder.js';
import { pacSplitComponent } from './pac-split-files.js';
import { solutionError } from './solution-errors.js';
import { isStrayTemplatesFile, templatesEntryError } from './templates-folder.js';

/**
 * Why unpack refuses the zip, when one of its entries would become a folder file that pack refuses:
 * a file of pac's split layout, a file in Other/ beside the manifest and customizations, or any other
 * file in Templates/. Such a zip is no export (Dataverse keeps those components and the templates in
 * customizations.xml, and has no Other/ or Templates/), and
 * Dataverse does not read such an entry at import. Unpacking it anyway would give a folder that
 * cannot be packed, found out only at the next pack; refused up front, the user learns it from
 * the zip that has it. `exempt` names the entries the caller refuses with a message of its own.
 */
export function unpackableEntryError(
  archive: string,
  entryNames: readonly string[],
  exempt: (folderPath: string) => boolean,
): UserError | undefined {
  for (const name of entryNames) {
    const folderPath = folderPathOf(name);
    if (exempt(folderPath)) continue;
    const component = pacSplitComponent(folderPath);
    if (component !== undefined)
      return solutionError(
        `${archive}/${name}`,
        `holds ${component} in a file of its own, as pac solution unpack writes it; an export keeps it in customizations.xml, ` +
          'and Dataverse does not read this entry at import. Unpacked, it would give a folder that pack refuses.',
        'Unpack the solution as Dataverse exports it (Power Apps > Solutions > Export, or the export-solution action); ' +
          'for a folder pac unpacked, use pac solution pack.',
      );
    if (isStrayOtherFile(folderPath)) return otherEntryError(archive, name);
    if (isStrayTemplatesFile(folderPath)) return templatesEntryError(archive, name);
  }
  return undefined;
}
