import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * `folder` (absolute) with its own name as its parent folder lists it. On Windows and macOS
 * `certified-connectors\contoso` finds the folder Contoso, and a path keeps the case it was typed
 * in; sent upstream under that name, the connector would land in a second folder beside Contoso (git
 * names are case-sensitive). An exact name wins, as on Linux, where both may exist; a folder whose
 * parent cannot be listed keeps its name as given, and reading it fails in its own words.
 */
export function withFolderNameOnDisk(folder: string): string {
  const name = path.basename(folder);
  let names: string[];
  try {
    names = readdirSync(path.dirname(folder));
  } catch {
    return folder;
  }
  if (names.includes(name)) return folder;
  // NFC as well: macOS also finds a name in the other Unicode normalization.
  const key = (text: string) => text.normalize('NFC').toLowerCase();
  const found = names.find((entry) => key(entry) === key(name));
  return found === undefined ? folder : path.join(path.dirname(folder), found);
}
