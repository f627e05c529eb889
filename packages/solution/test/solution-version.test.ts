import { describe, expect, it } from '@jest/globals';
import { checkVersionAfter, compareVersions, nextVersion, SolutionSettingError } from '../src/index.js';

describe('solution versions', () => {
  it('compares them part by part, a missing part as 0', () => {
    expect(compareVersions('1.0.0.10', '1.0.0.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0', '1.0.0.0')).toBe(0);
    expect(compareVersions('1.2', '1.10')).toBeLessThan(0);
  });

  it('numbers the next build by its last part', () => {
    expect(nextVersion('1.0.0.3')).toBe('1.0.0.4');
    expect(nextVersion('2.9')).toBe('2.10');
  });

  it('refuses a version lower than the existing one, and tells the same one from a higher one', () => {
    expect(checkVersionAfter('1.0.0.4', '1.0.0.3', 'hil.zip')).toBe('higher');
    expect(checkVersionAfter('1.0.0.3', '1.0.0.3', 'hil.zip')).toBe('same');
    expect(() => checkVersionAfter('1.0.0.2', '1.0.0.3', 'hil.zip')).toThrow(SolutionSettingError);
    expect(() => checkVersionAfter('1.0.0.2', '1.0.0.3', 'hil.zip')).toThrow(
      "'1.0.0.2' is lower than 1.0.0.3, the version of hil.zip: Dataverse refuses to import it over that version.",
    );
  });
});
