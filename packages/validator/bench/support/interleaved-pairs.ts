/**
 * Timing "ours" against a baseline on a shared, noisy machine. Measured in two separate blocks, a
 * load spike during one block moves their ratio (3.1x to 4.5x for the same code, seen on a shared
 * two-core machine). Measured in pairs, one baseline run right beside one run of ours, a spike
 * mostly lands on both halves of a pair or spoils one pair only; the median of the pairs' ratios
 * then reads the code, and the lowest and highest pair ratio show how noisy the run was.
 */

/** The two clocks a run is read on: wall time, and the process's CPU time (all of its threads). */
export interface Clock {
  wallMs(): number;
  cpuMs(): number;
}

export const processClock: Clock = {
  wallMs: () => performance.now(),
  cpuMs: () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  },
};

export interface Run {
  wallMs: number;
  cpuMs: number;
}

export interface Pair {
  baseline: Run;
  ours: Run;
}

/**
 * Whether the baseline runs first in the pair at `index`. The order alternates because a run leaves
 * work behind for the next one (garbage to collect, V8's background compilation): always running
 * the baseline right after ours would charge it some of ours and flatter the ratio.
 */
export function baselineFirstInPair(index: number): boolean {
  return index % 2 === 0;
}

async function timed(clock: Clock, fn: () => Promise<unknown>): Promise<Run> {
  const wallBefore = clock.wallMs();
  const cpuBefore = clock.cpuMs();
  await fn();
  return { wallMs: clock.wallMs() - wallBefore, cpuMs: clock.cpuMs() - cpuBefore };
}

/** Runs `count` pairs of one baseline run and one run of ours, after whatever warm-up the caller did. */
export async function measurePairs(
  count: number,
  baseline: () => Promise<unknown>,
  ours: () => Promise<unknown>,
  clock: Clock = processClock,
): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (let index = 0; index < count; index++) {
    if (baselineFirstInPair(index)) {
      const baselineRun = await timed(clock, baseline);
      pairs.push({ baseline: baselineRun, ours: await timed(clock, ours) });
    } else {
      const oursRun = await timed(clock, ours);
      pairs.push({ baseline: await timed(clock, baseline), ours: oursRun });
    }
  }
  return pairs;
}

/** The median: the middle value, or the mean of the two middle values of an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}

export interface PairSummary {
  pairs: number;
  /** Medians over the pairs, each taken on its own. */
  baselineMs: number;
  oursMs: number;
  /** Far below the wall time when the run waited for a core (or for the disk). */
  baselineCpuMs: number;
  oursCpuMs: number;
  /** The median of the pairs' ratios (ours / baseline): not oursMs / baselineMs. */
  ratio: number;
  lowestRatio: number;
  highestRatio: number;
}

export function summarisePairs(pairs: readonly Pair[]): PairSummary {
  const ratios = pairs.map((pair) => pair.ours.wallMs / pair.baseline.wallMs);
  return {
    pairs: pairs.length,
    baselineMs: median(pairs.map((pair) => pair.baseline.wallMs)),
    oursMs: median(pairs.map((pair) => pair.ours.wallMs)),
    baselineCpuMs: median(pairs.map((pair) => pair.baseline.cpuMs)),
    oursCpuMs: median(pairs.map((pair) => pair.ours.cpuMs)),
    ratio: median(ratios),
    lowestRatio: Math.min(...ratios),
    highestRatio: Math.max(...ratios),
  };
}

/**
 * How a bench line states a paired figure, naming its statistic and the baseline's own median in
 * those pairs: "(median of 7 interleaved pairs, parse-only 190 ms in them) = 3.21x parse-only
 * (median pair ratio; pairs 3.05x to 3.40x)".
 */
export function describePairs(summary: PairSummary, baselineName: string): string {
  return (
    `(median of ${summary.pairs} interleaved pairs, ${baselineName} ${summary.baselineMs.toFixed(0)} ms in them) ` +
    `= ${summary.ratio.toFixed(2)}x ${baselineName} (median pair ratio; ` +
    `pairs ${summary.lowestRatio.toFixed(2)}x to ${summary.highestRatio.toFixed(2)}x)`
  );
}
