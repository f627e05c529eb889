import { existsSync } from 'node:fs';
import path from 'node:path';

/** The file name of the worker bundle that scripts/build.mjs puts beside each bundle that validates. */
export const WORKER_BUNDLE_NAME = 'validate-worker.cjs';

/**
 * The worker bundle beside the running bundle (dist/cli, dist/validate-connector), or undefined when
 * this code does not run from a bundle (tests, library use from sources): then validation stays on
 * this thread, since a worker cannot load TypeScript sources.
 */
export function bundledWorkerScript(): string | undefined {
  // `__dirname` exists only in the CommonJS bundles; in ES modules `typeof` tells it is absent.
  if (typeof __dirname !== 'string') return undefined;
  const script = path.join(__dirname, WORKER_BUNDLE_NAME);
  return existsSync(script) ? script : undefined;
}
