import { Worker } from 'node:worker_threads';

/**
 * Worker threads kept between runs, by worker script. A worker costs tens of milliseconds to start
 * and more to warm up (each compiles the rules anew), so a process that validates more than once
 * (the PR check validates the head and then the base; a watch; a benchmark) reuses them. Idle
 * workers are unref'd: they never keep the process alive.
 */
const idle = new Map<string, Set<Worker>>();
/** Workers whose exit is already watched (once per worker, however often it is released). */
const watched = new WeakSet<Worker>();

/**
 * The young generation a worker may grow to (V8's default is 48 MB on 64-bit systems). A connector's
 * parsed swagger lives while its rules run; with the default, the collector catches most large ones
 * alive and copies them twice. With 96 MB, two warm workers validated the corpus in ~495 ms instead
 * of ~540 ms (interleaved runs), for ~30 MB more memory per worker; 192 MB gained no more and cost
 * ~110 MB per worker.
 */
export const WORKER_YOUNG_GENERATION_MB = 96;

/** An idle worker of `script`, or a new one; it keeps the process alive until released. */
export function takeWorker(script: string): Worker {
  const pool = idle.get(script);
  const kept = pool?.values().next().value;
  if (kept) {
    pool!.delete(kept);
    kept.ref();
    return kept;
  }
  return new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
}

/** Keeps a healthy worker for the next run. */
export function releaseWorker(script: string, worker: Worker): void {
  let pool = idle.get(script);
  if (!pool) idle.set(script, (pool = new Set()));
  pool.add(worker);
  worker.unref();
  if (!watched.has(worker)) {
    watched.add(worker);
    // A worker that fails or dies while idle (it should not) is simply forgotten; its error must not
    // become an uncaught exception of the process.
    worker.on('error', () => undefined);
    worker.once('exit', () => idle.get(script)?.delete(worker));
  }
}

/** Stops every idle worker, for a long-lived process that is done validating. */
export async function closeValidationWorkers(): Promise<void> {
  const all = [...idle.values()].flatMap((pool) => [...pool]);
  idle.clear();
  await Promise.all(all.map((worker) => worker.terminate()));
}
