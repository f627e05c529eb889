import { describe, expect, it } from '@jest/globals';
import { describeLoad } from '../../bench/support/machine-load.js';

describe('describeLoad', () => {
  it('prints the 1-minute load and the cores, and says at the end that the bench counts itself', () => {
    expect(describeLoad('start', 0.4412, 2, 'linux')).toBe('load average (1 min) at start: 0.44 on 2 cores');
    expect(describeLoad('end', 2.9, 2, 'linux')).toBe(
      'load average (1 min) at end: 2.90 on 2 cores, this bench included',
    );
  });

  it('does not print the 0 that Windows reports as a quiet machine', () => {
    expect(describeLoad('end', 0, 8, 'win32')).toBe('load average at end: not reported on Windows');
  });
});
