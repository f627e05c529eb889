import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { BUNDLE_OPTIONS } from '../../../../scripts/validation-worker.mjs';

const FS_SOURCES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/fs');

/**
 * Bundles `source`, a TypeScript script that imports the modules of packages/core/src/fs by their
 * relative names ('./made-folders.js'), into `outfile`, for a test that runs it in child processes:
 * a child cannot load the TypeScript sources, and what is tested there is a race between processes or
 * the end of one by a signal, which a test cannot have in its own worker. Built with the options of
 * every bundle of the repository (scripts/validation-worker.mjs), from the current sources.
 */
export async function bundleScript(source: string, outfile: string): Promise<void> {
  await build({
    ...(BUNDLE_OPTIONS as object),
    stdin: { contents: source, resolveDir: FS_SOURCES, loader: 'ts', sourcefile: 'script.ts' },
    outfile,
    logLevel: 'error',
  });
}
