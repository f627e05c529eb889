import { decodeUtf8Strict } from '../text/decode.js';
import { IN_MEMORY_ENTRY_BYTES } from '../zip/limits.js';
import type { ZipReader } from '../zip/zip-reader.js';
import type { ZipEntryInfo } from '../zip/zip-entry-info.js';
import { solutionError } from './solution-errors.js';

/**
 * The text of a solution part (solution.xml, customizations.xml) read whole from its zip entry, to
 * be parsed. Past IN_MEMORY_ENTRY_BYTES it is refused before it is read, by every command alike: a
 * 76 MB customizations.xml held as text and as a tree took 1.4 GB and a minute. `location` names the
 * entry in messages.
 */
export async function readPartText(
  reader: ZipReader,
  entry: ZipEntryInfo,
  location: string,
): Promise<string> {
  return decodeUtf8Strict(await readPartBytes(reader, entry, location), location);
}

/** readPartText's bytes, not yet decoded: for parseUtf8Xml, which decodes them a piece at a time. */
export async function readPartBytes(
  reader: ZipReader,
  entry: ZipEntryInfo,
  location: string,
): Promise<Buffer> {
  if (entry.size > IN_MEMORY_ENTRY_BYTES)
    throw solutionError(location, `is ${entry.size} bytes, too large for a solution part.`);
  return reader.readBuffer(entry);
}
