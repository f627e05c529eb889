import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleScript as bundleScriptFrom } from '@connector-alm/testing/bundled-script';

const FS_SOURCES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/fs');

/**
 * Bundles `source`, a TypeScript script that imports the modules of packages/core/src/fs by their
 * relative names ('./made-folders.js'), into `outfile` (see the testing package's bundleScript).
 */
export async function bundleScript(source: string, outfile: string): Promise<void> {
  await bundleScriptFrom(source, outfile, FS_SOURCES);
}
