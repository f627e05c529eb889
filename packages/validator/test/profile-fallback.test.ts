import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { profileFallbackFolders, profileFallbackNote } from '../src/profile-fallback.js';

const cwd = path.resolve('/work/repo');

describe('profileFallbackFolders', () => {
  const connectors = [
    { path: 'Contoso', profile: 'custom' as const },
    { path: 'custom-connectors/Fabrikam', profile: 'custom' as const },
    { path: 'certified-connectors/Tailspin', profile: 'certified' as const },
    { path: 'connectors/Northwind', profile: 'custom' as const },
  ];

  it('names the folders outside the layout that no option or configuration gave a profile', () => {
    expect(profileFallbackFolders(connectors, { cwd })).toEqual(['Contoso', 'connectors/Northwind']);
  });

  it('names none when a profile was chosen, on the command line or in the configuration', () => {
    expect(profileFallbackFolders(connectors, { cwd, profile: 'custom' })).toEqual([]);
    expect(
      profileFallbackFolders(connectors, { cwd, config: { profile: 'custom', rules: {}, ignore: [] } }),
    ).toEqual([]);
  });
});

describe('profileFallbackNote', () => {
  it('says which rules were used, why, and how to choose', () => {
    expect(profileFallbackNote(['Contoso'], 'give --profile certified')).toBe(
      'Contoso was checked with the relaxed custom rules, being outside certified-connectors/ and ' +
        'independent-publisher-connectors/. To check it as a submission, give --profile certified; ' +
        'to keep the custom rules without this note, set "profile: custom" in .connector-alm.yml.',
    );
    expect(profileFallbackNote(['A', 'B', 'C', 'D', 'E'], 'x')).toMatch(
      /^A, B, C and 2 more were checked .* check them as/,
    );
    expect(profileFallbackNote([], 'x')).toBeUndefined();
  });
});
