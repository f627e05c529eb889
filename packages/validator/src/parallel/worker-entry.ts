/**
 * Entry point of the validation worker bundle (`validate-worker.cjs` beside each bundle that
 * validates): scripts/build.mjs builds it, and validatePaths starts it in worker threads.
 */
import { parentPort } from 'node:worker_threads';
import { serveValidation } from './worker.js';

if (!parentPort) {
  console.error(
    'validate-worker.cjs is started by connector-alm in a worker thread; run `connector-alm validate` instead.',
  );
  process.exit(2);
}
serveValidation(parentPort);
