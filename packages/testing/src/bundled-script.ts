import { build } from 'esbuild';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { BUNDLE_OPTIONS } from '../../../scripts/validation-worker.mjs';

// Not exported from the package's index: esbuild is loaded only by the tests that bundle.

/**
 * Bundles `source`, a TypeScript script that imports a package's modules by their names relative to
 * `sources` (its src folder or one inside), into `outfile`, for a test that runs it in a child
 * process: a child cannot load the TypeScript sources, and what such a test looks at is a process
 * as a whole (a race between processes, its end by a signal, its system calls). Built with the
 * options of every bundle of the repository (scripts/validation-worker.mjs), from the current sources.
 */
export async function bundleScript(source: string, outfile: string, sources: string): Promise<void> {
  await build({
    ...(BUNDLE_OPTIONS as object),
    stdin: { contents: source, resolveDir: sources, loader: 'ts', sourcefile: 'script.ts' },
    outfile,
    logLevel: 'error',
  });
}
