import { describe, expect, it } from '@jest/globals';
import { isMeantTrue } from '../../src/swagger/meant-boolean.js';

describe('isMeantTrue', () => {
  it('reads true, and the string "true" in any case, as true', () => {
    for (const written of [true, 'true', 'True', 'TRUE'])
      expect([written, isMeantTrue(written)]).toEqual([written, true]);
  });

  it('reads anything else as not true: false, "false", "yes", 1, a missing value', () => {
    for (const written of [false, 'false', 'yes', ' true', 1, null, undefined]) {
      expect([written, isMeantTrue(written)]).toEqual([written, false]);
    }
  });
});
