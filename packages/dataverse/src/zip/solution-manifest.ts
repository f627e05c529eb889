import { unzipSync } from 'fflate';
import { UserError, withoutByteOrderMark } from '@connector-alm/core';
import { NotASolutionError, parseXml, readManifest } from '@connector-alm/solution';

/** What the import and export steps need to know about a solution zip, from its solution.xml. */
export interface SolutionManifest {
  uniqueName: string;
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
 * Reads UniqueName, Version and Managed from the zip's solution.xml, with the solution package's strict
 * XML parser (a DOCTYPE is refused, no entity is ever expanded). A zip without solution.xml and
 * customizations.xml at its root (a flow package, a Package Deployer bundle) is "not a solution".
 * Errors are located at `zip`: the file the bytes were read from, or words naming bytes that are in
 * no file (an export not written yet); a problem inside solution.xml at zip/solution.xml.
 */
export function readSolutionManifest(bytes: Uint8Array, zip: string): SolutionManifest {
  const { solutionXml, hasCustomizations, names } = readSolutionXml(bytes, zip);
  if (!solutionXml || !hasCustomizations) {
    throw new NotASolutionError(zip, names);
  }
  const text = withoutByteOrderMark(new TextDecoder('utf-8').decode(solutionXml));
  const file = `${zip}/solution.xml`;
  const manifest = readManifest(parseXml(text, file), file);
  if (manifest.uniqueName === '' || manifest.version === '') {
    throw new UserError('has no SolutionManifest with UniqueName and Version.', { location: { file } });
  }
  return {
    uniqueName: manifest.uniqueName,
    version: manifest.version,
    managed: manifest.managed === '1' || manifest.managed === '2',
  };
}
