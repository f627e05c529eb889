export { bundledWorkerScript, WORKER_BUNDLE_NAME } from './bundled-worker.js';
export { MIN_FOLDERS_PER_WORKER, parseConcurrency, workerCount, type Concurrency } from './concurrency.js';
export { closeValidationWorkers } from './idle-workers.js';
export { validateFoldersInParallel, type PoolOptions } from './pool.js';
export type { WorkerSetup } from './protocol.js';
