import { unzipSync } from 'fflate';
import { UserError, withoutByteOrderMark } from '@connector-alm/core';
import {
  EXPORTED_XML_HINT,
  firstChild,
  manifestSettings,
  NotASolutionError,
  parseXml,
  readManifest,
} from '@connector-alm/solution';

/** What the import and export steps need to know about a solution zip, from its solution.xml. */
export interface SolutionManifest {
  uniqueName: string;
  /** Its display name (the English LocalizedName, else the first): empty when it has none. */
  displayName: string;
  version: string;
  managed: boolean;
}

/**
 * solution.xml is a few kilobytes; a larger declared size is refused before anything is inflated, so a
 * hostile zip cannot make the import step allocate its expanded size.
 */
const MAX_SOLUTION_XML_BYTES = 16 * 1024 * 1024;

/**
 * Inflates solution.xml only (every other entry, however large, stays compressed) and says whether
 * customizations.xml is there too. A clear error for anything that is not a zip.
 */
function readSolutionXml(
  bytes: Uint8Array,
  zip: string,
): { solutionXml?: Uint8Array; hasCustomizations: boolean; names: string[] } {
  const location = { file: zip };
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new UserError('is not a zip file.', {
      location,
      hint: 'Give a solution .zip exported from Dataverse or packed from source.',
    });
  }
  let hasCustomizations = false;
  const names: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        if (file.name === 'customizations.xml') hasCustomizations = true;
        if (file.name !== 'solution.xml') return false;
        if (file.originalSize > MAX_SOLUTION_XML_BYTES) {
          throw new UserError(
            `entry 'solution.xml' declares ${file.originalSize} bytes; refusing to inflate it.`,
            { location },
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      `is not a readable zip file: ${error instanceof Error ? error.message : String(error)}.`,
      { location, cause: error },
    );
  }
  return { solutionXml: entries['solution.xml'], hasCustomizations, names };
}

/**
 * Where the bytes of a solution zip come from: the file they were read from, or words for bytes that
 * are in no file (an export not written yet, a zip uploaded to the local server). A location must
 * name a file the user can open, so the words begin the message instead.
 */
export type SolutionZipSource = { file: string } | { description: string };

/**
 * Reads UniqueName, the display name, Version and Managed from the zip's solution.xml, with the
 * solution package's strict XML parser (a DOCTYPE is refused, no entity is ever expanded). A zip without solution.xml and
 * customizations.xml at its root (a flow package, a Package Deployer bundle) is "not a solution".
 * Errors of a file are located at it, a problem inside solution.xml at zip/solution.xml[:line:column];
 * errors of described bytes have no location and say the description and the position in words.
 */
export function readSolutionManifest(bytes: Uint8Array, source: SolutionZipSource): SolutionManifest {
  if ('file' in source) return readManifestOf(bytes, source.file);
  try {
    return readManifestOf(bytes, source.description);
  } catch (error) {
    if (error instanceof UserError) throw describedInstead(error, source.description);
    throw error;
  }
}

/** A UserError located in described bytes, as one that names the description in its message. */
function describedInstead(error: UserError, description: string): UserError {
  const subject = description.charAt(0).toUpperCase() + description.slice(1);
  const { file, line, column } = error.location ?? { file: description };
  const message =
    file === description
      ? `${subject} ${error.message}`
      : `${subject}, ${file.slice(description.length + 1)}${line === undefined ? '' : ` at line ${line}${column === undefined ? '' : `, column ${column}`}`}: ${error.message}`;
  return new UserError(message, { ...(error.hint ? { hint: error.hint } : {}), cause: error });
}

function readManifestOf(bytes: Uint8Array, zip: string): SolutionManifest {
  const { solutionXml, hasCustomizations, names } = readSolutionXml(bytes, zip);
  if (!solutionXml || !hasCustomizations) {
    throw new NotASolutionError(zip, names);
  }
  const text = withoutByteOrderMark(new TextDecoder('utf-8').decode(solutionXml));
  const file = `${zip}/solution.xml`;
  // readManifest refuses an empty, or any other than a Dataverse, unique name and version.
  const root = parseXml(text, file, EXPORTED_XML_HINT);
  const manifest = readManifest(root, file, text);
  return {
    uniqueName: manifest.uniqueName,
    // readManifest found <SolutionManifest>, or threw.
    displayName: manifestSettings(firstChild(root, 'SolutionManifest')!).displayName,
    version: manifest.version,
    managed: manifest.managed === '1' || manifest.managed === '2',
  };
}
