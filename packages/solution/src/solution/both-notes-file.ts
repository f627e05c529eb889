import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeUtf8Strict } from '../text/decode.js';
import { parseXml, UNPACKED_XML_HINT } from '../xml/parse-xml.js';
import { serializeXml } from '../xml/serialize-xml.js';
import { UNPACKED_STYLE } from '../xml/xml-writer.js';
import { attribute, childElements, element } from '../xml/xml-tree.js';
import { NO_NOTES, type BothNotes } from './both-packages.js';
import { solutionError } from './solution-errors.js';

/**
 * Where a folder unpacked with both package types keeps the notes that file names cannot carry, one
 * `<File>` per file of the unmanaged export that is not what its name suggests:
 *
 *   <PackageFiles>
 *     <File path="Connectors/cr_x_managed.xml" />                  its own file, not the managed copy of cr_x.xml
 *     <File path="WebResources/draft.txt" managed="false" />       not in the managed export
 *   </PackageFiles>
 *
 * Written only when there is something to note, sorted, so most folders never have it and the rest
 * see a line change only when such a file comes or goes. Pack leaves it out of both zips.
 */
export const FOLDER_BOTH_NOTES = 'Other/PackageFiles.xml';

/** The notes as the file's text, or undefined when there is nothing to note. */
export function bothNotesXml(notes: BothNotes): string | undefined {
  const paths = [...new Set([...notes.own, ...notes.unmanagedOnly])].sort();
  if (paths.length === 0) return undefined;
  const files = paths.map((file) =>
    element('File', [
      ['path', file],
      ...(notes.unmanagedOnly.has(file) ? [['managed', 'false'] as [string, string]] : []),
    ]),
  );
  return serializeXml(element('PackageFiles', [], files), UNPACKED_STYLE);
}

export function parseBothNotes(text: string, file: string): BothNotes {
  const root = parseXml(text, file, UNPACKED_XML_HINT);
  if (root.name !== 'PackageFiles')
    throw solutionError(file, `has a <${root.name}> root; expected <PackageFiles>.`);
  const own = new Set<string>();
  const unmanagedOnly = new Set<string>();
  for (const node of childElements(root)) {
    const filePath = attribute(node, 'path');
    const managed = attribute(node, 'managed');
    if (node.name !== 'File' || !filePath || (managed !== undefined && managed !== 'false'))
      throw solutionError(
        file,
        `has an entry that is not <File path="…" /> or <File path="…" managed="false" />.`,
      );
    own.add(filePath);
    if (managed === 'false') unmanagedOnly.add(filePath);
  }
  return { own, unmanagedOnly };
}

/** The notes of an unpacked folder whose files are `files`; none when it has no notes file. */
export async function readBothNotes(folder: string, files: readonly string[]): Promise<BothNotes> {
  if (!files.includes(FOLDER_BOTH_NOTES)) return NO_NOTES;
  const file = path.join(folder, FOLDER_BOTH_NOTES);
  return parseBothNotes(decodeUtf8Strict(await fs.readFile(file), file), file);
}
