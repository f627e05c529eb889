import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { UserError } from '@connector-alm/core';

/** What the import and export steps need to know about a solution zip, from its solution.xml. */
export interface SolutionManifest {
  uniqueName: string;
  version: string;
  managed: boolean;
}

/** The entries of a zip by name; a clear error for anything that is not a zip. */
export function readZipEntries(bytes: Uint8Array, label: string): Record<string, Uint8Array> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new UserError(`${label} is not a zip file.`, {
      hint: 'Give a solution .zip exported from Dataverse or packed from source.',
    });
  }
  try {
    return unzipSync(bytes);
  } catch (error) {
    throw new UserError(
      `${label} is not a readable zip file: ${error instanceof Error ? error.message : String(error)}.`,
      { cause: error },
    );
  }
}

const parser = new XMLParser({
  ignoreAttributes: true,
  processEntities: false,
  parseTagValue: false,
  trimValues: true,
});

/**
 * Reads UniqueName, Version and Managed from the zip's solution.xml. A zip without solution.xml and
 * customizations.xml at its root (a flow package, a Package Deployer bundle) is "not a solution".
 */
export function readSolutionManifest(bytes: Uint8Array, label: string): SolutionManifest {
  const entries = readZipEntries(bytes, label);
  const solutionXml = entries['solution.xml'];
  if (!solutionXml || !entries['customizations.xml']) {
    throw new UserError(
      `${label} is not a Dataverse solution: it has no solution.xml and customizations.xml at its root.`,
      {
        hint: 'Flow packages and Package Deployer bundles cannot be imported as solutions.',
      },
    );
  }
  const text = new TextDecoder('utf-8').decode(solutionXml).replace(/^\uFEFF/, '');
  if (/<!DOCTYPE/i.test(text))
    throw new UserError(
      `${label}: solution.xml has a DOCTYPE, which solutions never have; refusing to read it.`,
    );
  let manifest: { UniqueName?: unknown; Version?: unknown; Managed?: unknown } | undefined;
  try {
    manifest = (parser.parse(text) as { ImportExportXml?: { SolutionManifest?: typeof manifest } })
      .ImportExportXml?.SolutionManifest;
  } catch (error) {
    throw new UserError(`${label}: solution.xml is not well-formed XML.`, { cause: error });
  }
  const uniqueName = typeof manifest?.UniqueName === 'string' ? manifest.UniqueName : '';
  const version = typeof manifest?.Version === 'string' ? manifest.Version : '';
  if (uniqueName === '' || version === '') {
    throw new UserError(`${label}: solution.xml has no SolutionManifest with UniqueName and Version.`);
  }
  return { uniqueName, version, managed: manifest?.Managed === '1' || manifest?.Managed === '2' };
}
