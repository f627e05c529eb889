import { describe, expect, it } from '@jest/globals';
import {
  baselineFirstInPair,
  describePairs,
  measurePairs,
  median,
  summarisePairs,
  type Clock,
  type Pair,
} from '../../bench/support/interleaved-pairs.js';

/** A clock that only moves when a run says it took time, so that each run's times are known. */
function steppedClock(): Clock & { spend(wallMs: number, cpuMs: number): void } {
  let wall = 0;
  let cpu = 0;
  return {
    wallMs: () => wall,
    cpuMs: () => cpu,
    spend(wallMs, cpuMs) {
      wall += wallMs;
      cpu += cpuMs;
    },
  };
}

function pair(baselineMs: number, oursMs: number): Pair {
  return { baseline: { wallMs: baselineMs, cpuMs: baselineMs }, ours: { wallMs: oursMs, cpuMs: oursMs } };
}

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([7])).toBe(7);
  });

  it('takes the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
  });

  it('refuses no values instead of answering undefined', () => {
    expect(() => median([])).toThrow('median of no values');
  });
});

describe('measurePairs', () => {
  it('alternates which side runs first, and charges each run its own time', async () => {
    const clock = steppedClock();
    const order: string[] = [];
    const pairs = await measurePairs(
      4,
      async () => {
        order.push('baseline');
        clock.spend(10, 11);
      },
      async () => {
        order.push('ours');
        clock.spend(30, 45);
      },
      clock,
    );
    expect(order).toEqual(['baseline', 'ours', 'ours', 'baseline', 'baseline', 'ours', 'ours', 'baseline']);
    expect(pairs).toEqual(
      Array.from({ length: 4 }, () => ({
        baseline: { wallMs: 10, cpuMs: 11 },
        ours: { wallMs: 30, cpuMs: 45 },
      })),
    );
    expect([0, 1, 2, 3].map(baselineFirstInPair)).toEqual([true, false, true, false]);
  });
});

describe('summarisePairs', () => {
  const quiet = [pair(200, 600), pair(190, 590), pair(210, 640), pair(200, 620), pair(195, 600)];

  it('gives the median of the pair ratios, the lowest and highest ratio, and the median times', () => {
    const summary = summarisePairs(quiet);
    expect(summary.pairs).toBe(5);
    expect(summary.baselineMs).toBe(200);
    expect(summary.oursMs).toBe(600);
    expect(summary.ratio).toBe(600 / 195);
    expect(summary.lowestRatio).toBe(600 / 200);
    expect(summary.highestRatio).toBe(590 / 190);
  });

  it('keeps its ratio among the quiet ratios when a load spike slows ours in one pair', () => {
    // Quiet pair ratios in order: 3.00, 3.05 (third pair), 3.08 (median), 3.10, 3.11 (second pair).
    const spikedAbove = [...quiet];
    spikedAbove[1] = pair(190, 1400);
    expect(summarisePairs(spikedAbove).ratio).toBe(600 / 195);
    // A pair below the median, spiked, moves the median one rank up: to the next quiet ratio.
    const spikedBelow = [...quiet];
    spikedBelow[2] = pair(210, 1400);
    expect(summarisePairs(spikedBelow).ratio).toBe(620 / 200);
    // The spike shows in the spread, not in the ratio.
    expect(summarisePairs(spikedBelow).highestRatio).toBe(1400 / 210);
  });

  it("keeps a pair's ratio when a spike slows both of its runs alike (a neighbour halving the speed)", () => {
    const both = [...quiet];
    both[2] = pair(210 * 2, 640 * 2);
    expect(summarisePairs(both).ratio).toBe(summarisePairs(quiet).ratio);
    expect(summarisePairs(both).highestRatio).toBe(590 / 190);
  });

  it('gives the median CPU time of each side apart from its wall time', () => {
    const summary = summarisePairs([
      { baseline: { wallMs: 500, cpuMs: 180 }, ours: { wallMs: 1600, cpuMs: 820 } },
      { baseline: { wallMs: 200, cpuMs: 190 }, ours: { wallMs: 650, cpuMs: 800 } },
      { baseline: { wallMs: 210, cpuMs: 200 }, ours: { wallMs: 640, cpuMs: 810 } },
    ]);
    expect(summary).toMatchObject({ baselineMs: 210, baselineCpuMs: 190, oursMs: 650, oursCpuMs: 810 });
  });

  it('gives the mean of the two middle ratios for an even count of pairs', () => {
    const summary = summarisePairs([pair(100, 200), pair(100, 300), pair(100, 400), pair(100, 900)]);
    expect(summary.ratio).toBe(3.5);
    expect(summary.lowestRatio).toBe(2);
    expect(summary.highestRatio).toBe(9);
  });
});

describe('describePairs', () => {
  it('names the statistic, the baseline in those pairs, the median ratio and its spread', () => {
    const summary = summarisePairs([pair(190, 600), pair(190, 610), pair(200, 640)]);
    expect(describePairs(summary, 'parse-only')).toBe(
      '(median of 3 interleaved pairs, parse-only 190 ms in them) = 3.20x parse-only ' +
        '(median pair ratio; pairs 3.16x to 3.21x)',
    );
  });
});
