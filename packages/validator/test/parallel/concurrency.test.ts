import { describe, expect, it } from '@jest/globals';
import { MIN_FOLDERS_PER_WORKER, parseConcurrency, workerCount } from '../../src/parallel/concurrency.js';

describe('workerCount', () => {
  it('stays on this thread when off, or when a run is too small to pay for a worker', () => {
    expect(workerCount('off', 1000, 8)).toBe(1);
    expect(workerCount('auto', 1, 8)).toBe(1);
    expect(workerCount('auto', 2 * MIN_FOLDERS_PER_WORKER - 1, 8)).toBe(1);
  });

  it('leaves one core free for large runs, and uses no more workers than the run can feed', () => {
    expect(workerCount('auto', 2 * MIN_FOLDERS_PER_WORKER, 8)).toBe(2);
    expect(workerCount('auto', 1000, 8)).toBe(7);
    expect(workerCount('auto', 1000, 4)).toBe(3);
    expect(workerCount('auto', 1000, 2)).toBe(1);
    expect(workerCount('auto', 1000, 1)).toBe(1);
  });

  it('takes an explicit count as given, but never more workers than folders or cores', () => {
    expect(workerCount(4, 1000, 8)).toBe(4);
    expect(workerCount(4, 3, 8)).toBe(3);
    expect(workerCount(1, 1000, 8)).toBe(1);
    expect(workerCount(9999, 1000, 8)).toBe(8);
  });

  it('allows two workers on any machine, so that the parallel path can be chosen there', () => {
    expect(workerCount(4, 1000, 1)).toBe(2);
    expect(workerCount(2, 1000, 2)).toBe(2);
  });
});

describe('parseConcurrency', () => {
  it('reads whole numbers, auto and off', () => {
    expect(parseConcurrency('3')).toBe(3);
    expect(parseConcurrency(' AUTO ')).toBe('auto');
    expect(parseConcurrency('off')).toBe('off');
  });

  it('refuses anything else', () => {
    for (const bad of ['0', '-1', '1.5', 'two', '', '99999']) expect(parseConcurrency(bad)).toBeUndefined();
  });
});
