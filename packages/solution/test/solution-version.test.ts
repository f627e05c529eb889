import { describe, expect, it } from '@jest/globals';
import {
  checkVersionAfter,
  compareVersions,
  nextVersion,
  SolutionSettingError,
  versionAsRead,
} from '../src/index.js';

describe('solution versions', () => {
  it('compares them part by part, a missing part as 0', () => {
    expect(compareVersions('1.0.0.10', '1.0.0.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0', '1.0.0.0')).toBe(0);
    expect(compareVersions('1.2', '1.10')).toBeLessThan(0);
  });

  it('reads a version from a zip or a folder as Dataverse does: leading zeros dropped, none when it is no version', () => {
    expect(versionAsRead('1.0.0.3')).toBe('1.0.0.3');
    expect(versionAsRead('2026.01.15.3')).toBe('2026.1.15.3');
    expect(versionAsRead('00.0')).toBe('0.0');
    expect(versionAsRead('1')).toBeUndefined();
    expect(versionAsRead('1.0.0.0.0')).toBeUndefined();
    expect(versionAsRead('1.0.4294967296.0')).toBeUndefined();
    expect(versionAsRead(' 1.0')).toBeUndefined();
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
