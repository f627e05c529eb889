import { describe, expect, it } from '@jest/globals';
import {
  checkSolutionVersion,
  checkVersionAfter,
  compareVersions,
  isResetBuild,
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

  it('carries a part at the limit into the part before, as a part above it is no version Dataverse holds', () => {
    // 1.0.0.2147483648 was proposed, which the version check refuses when the user gives it.
    expect(nextVersion('1.0.0.2147483647')).toBe('1.0.1.0');
    expect(nextVersion('1.2.2147483647.2147483647')).toBe('1.3.0.0');
    expect(nextVersion('7.2147483647')).toBe('8.0');
    for (const version of ['1.0.0.2147483647', '1.2.2147483647.2147483647', '7.2147483647'])
      expect([version, compareVersions(nextVersion(version)!, version) > 0]).toEqual([version, true]);
  });

  it('gives a version of fewer than four parts one more where all are at the limit, and none for four', () => {
    expect(nextVersion('2147483647.2147483647')).toBe('2147483647.2147483647.1');
    expect(nextVersion('2147483647.2147483647.2147483647.2147483647')).toBeUndefined();
  });

  it('writes the next version as Dataverse reads the version, which a version given must be written as', () => {
    expect(nextVersion('2026.01.15.3')).toBe('2026.1.15.4');
    expect(nextVersion('01.002')).toBe('1.3');
  });

  it('gives none for what is no version', () => {
    expect(nextVersion('1.0.x')).toBeUndefined();
    expect(nextVersion('')).toBeUndefined();
  });

  it('refuses a version lower than the existing one, and tells the same one from a higher one', () => {
    expect(checkVersionAfter('1.0.0.4', '1.0.0.3', 'hil.zip')).toBe('higher');
    expect(checkVersionAfter('1.0.0.3', '1.0.0.3', 'hil.zip')).toBe('same');
    expect(() => checkVersionAfter('1.0.0.2', '1.0.0.3', 'hil.zip')).toThrow(SolutionSettingError);
    expect(() => checkVersionAfter('1.0.0.2', '1.0.0.3', 'hil.zip')).toThrow(
      "'1.0.0.2' is lower than 1.0.0.3, the version of hil.zip: Dataverse refuses to import it over that version.",
    );
  });

  it('advises the version after the existing one, carried where its last part is at the limit, or says there is none', () => {
    const hintOf = (version: string, existing: string): string | undefined => {
      try {
        checkVersionAfter(version, existing, 'hil.zip');
      } catch (error) {
        return (error as SolutionSettingError).hint;
      }
      return undefined;
    };
    expect(hintOf('1.0.0.2', '1.0.0.2147483647')).toBe(
      'Give a higher version (1.0.1.0), or leave the version out to have that one.',
    );
    const highest = '2147483647.2147483647.2147483647.2147483647';
    expect(hintOf('1.0.0.0', highest)).toBe(
      `None will do: no version is higher than ${highest}: each of its parts is 2147483647, the highest a Dataverse version holds. Build a solution of another unique name.`,
    );
  });

  // A build numbered from the reset version still loses to any version an environment has; one whose
  // build part is set is a release of its own.
  it('tells the reset version and the builds numbered from it, and nothing with a build part', () => {
    for (const version of ['0.0.0.0', '0.0.0.12', '0.0'])
      expect([version, isResetBuild(version)]).toEqual([version, true]);
    for (const version of ['0.0.1.0', '0.1.0.0', '1.0.0.0', '0.0.1'])
      expect([version, isResetBuild(version)]).toEqual([version, false]);
  });

  it('takes a version given with a part of 2147483647, the highest Dataverse holds, and refuses one above', () => {
    expect(() => checkSolutionVersion('2147483647.0.0.2147483647')).not.toThrow();
    expect(() => checkSolutionVersion('1.0.0.2147483648')).toThrow(
      expect.objectContaining({ setting: 'version', value: '1.0.0.2147483648' }),
    );
  });
});
