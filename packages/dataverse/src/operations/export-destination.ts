import { statSync } from 'node:fs';
import path from 'node:path';

/** Where an export goes: this zip, or a zip named after the solution in this folder (both absolute). */
export type ExportDestination = { file: string } | { folder: string };

/**
 * How a path given for the exported zip reads, as cp reads its destination: one that ends in a
 * folder separator, or names a folder that exists, is the folder to write `<UniqueName>.zip` in
 * (`export ContosoConnectors -o out/` was refused as "must end in .zip"); one that ends in .zip is
 * the zip, and a folder of that name is refused where the zip is written, as before, since the name
 * says a file was meant. Anything else is no zip: undefined, for the caller to refuse.
 */
export function exportDestination(given: string, absolute: string): ExportDestination | undefined {
  if (/[\\/]$/.test(given) || (!isZipName(given) && isFolder(absolute))) return { folder: absolute };
  return isZipName(given) ? { file: absolute } : undefined;
}

/**
 * The name of the zip written into a folder: the solution's unique name as Dataverse spells it, not
 * as it was typed (Dataverse finds `contosoconnectors` too, and on Linux a second zip beside
 * ContosoConnectors.zip would appear), with `_managed` for a managed export, as pac names them.
 */
export function exportZipName(uniqueName: string, managed: boolean): string {
  return `${uniqueName}${managed ? '_managed' : ''}.zip`;
}

/** The zip an export writes to `destination`, once the solution's unique name is known. */
export function exportZipPath(destination: ExportDestination, uniqueName: string, managed: boolean): string {
  return 'file' in destination
    ? destination.file
    : path.join(destination.folder, exportZipName(uniqueName, managed));
}

function isZipName(given: string): boolean {
  return given.toLowerCase().endsWith('.zip');
}

/** Whether a folder is there; a path the file system refuses to look at is left to the write to report. */
function isFolder(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}
