import { SwaggerModel } from '../../src/swagger/swagger-model.js';
import { median } from './interleaved-pairs.js';

/* Timing a question asked of a SwaggerModel at growing sizes, each next to a baseline of the same run. */

export interface SizeTiming {
  readonly size: number;
  /** The median time of the question on a fresh model. */
  readonly ms: number;
  /** The median time of the baseline (reading the operations) on a fresh model. */
  readonly baselineMs: number;
}

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * The median of `runs` timings of `ask` on a fresh model of `root` each (models keep their indexes),
 * `prepare` done on it first, untimed; and of `baseline` on another fresh model: reading its
 * operations, unless a document that grows elsewhere (in its definitions) needs another.
 */
export function timeOnModel(
  size: number,
  root: Record<string, unknown>,
  runs: number,
  ask: (model: SwaggerModel) => void,
  prepare: (model: SwaggerModel) => void = () => {},
  baselineOf: (model: SwaggerModel) => unknown = (model) => model.operations,
): SizeTiming {
  const asked: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < runs; run++) {
    const listed = new SwaggerModel(structuredClone(root));
    baseline.push(timed(() => baselineOf(listed)));
    const model = new SwaggerModel(structuredClone(root));
    prepare(model);
    asked.push(timed(() => ask(model)));
  }
  return { size, ms: median(asked), baselineMs: median(baseline) };
}

/** Prints each size's figures, and how the time grew from the first to the last size. */
export function printSizes(label: string, unit: string, timings: readonly SizeTiming[]): void {
  for (const { size, ms, baselineMs } of timings) {
    console.log(
      `${label.padEnd(32)} ${String(size).padStart(6)} ${unit} ${ms.toFixed(1).padStart(8)} ms` +
        `  (baseline ${baselineMs.toFixed(1)} ms, ${(ms / baselineMs).toFixed(1)}x)`,
    );
  }
  const first = timings[0]!;
  const last = timings[timings.length - 1]!;
  console.log(
    `${''.padEnd(32)} ${(last.size / first.size).toFixed(0)}x the ${unit}: ${(last.ms / first.ms).toFixed(1)}x the time`,
  );
}
