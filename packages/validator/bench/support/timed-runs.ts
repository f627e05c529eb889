import { median } from './interleaved-pairs.js';

/** The median time of `runs` runs of `work`, in milliseconds, for a bench that times one piece of work. */
export function medianRunMs(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}
