import { describe, expect, it } from '@jest/globals';
import { mistypedGlobMeant } from '../../src/config/mistyped-glob.js';

// The connector folders under a configuration file's folder, as its globs name them.
const FOLDERS = [
  ...['Contoso-CRM', 'Fabrikam'].map((name) => `certified-connectors/${name}`),
  'independent-publisher-connectors/Tailspin',
  ...['Contoso-CRM', 'Contoso-ERP'].map((name) => `connectors/${name}`),
];

describe('mistypedGlobMeant', () => {
  it('corrects one typo in a folder name of the glob, keeping its wildcards', () => {
    expect(mistypedGlobMeant('certifed-connectors/*', FOLDERS, 'linux')).toBe('certified-connectors/*');
    expect(mistypedGlobMeant('conectors/Contoso*', FOLDERS, 'linux')).toBe('connectors/Contoso*');
    expect(mistypedGlobMeant('certifed-connectors/**', FOLDERS, 'linux')).toBe('certified-connectors/**');
    expect(mistypedGlobMeant('connectors/Contoso-ERB', FOLDERS, 'linux')).toBe('connectors/Contoso-ERP');
  });

  it('corrects a folder name typed in another case, on a file system that tells case apart', () => {
    expect(mistypedGlobMeant('connectors/contoso-crm', FOLDERS, 'linux')).toBe('connectors/Contoso-CRM');
  });

  it('adds /* to a corrected folder that holds connector folders', () => {
    expect(mistypedGlobMeant('conectors', FOLDERS, 'linux')).toBe('connectors/*');
  });

  it('guesses nothing when two folder names are as close', () => {
    const folders = ['connectors/Contoso-CRM', 'connectors/Contoso-CRN'];
    expect(mistypedGlobMeant('connectors/Contoso-CRX', folders, 'linux')).toBeUndefined();
    // Two names that differ only in case, for a third spelling.
    expect(
      mistypedGlobMeant('connectors/contoso', ['connectors/Contoso', 'connectors/CONTOSO'], 'linux'),
    ).toBeUndefined();
  });

  it('guesses nothing for a glob with two typos', () => {
    expect(mistypedGlobMeant('conectors/Contoso-ERB', FOLDERS, 'linux')).toBeUndefined();
  });

  it('guesses nothing for a glob far from every folder, nor for a typo after a **', () => {
    expect(mistypedGlobMeant('archive/**', FOLDERS, 'linux')).toBeUndefined();
    expect(mistypedGlobMeant('**/Fabrikan', FOLDERS, 'linux')).toBeUndefined();
  });
});
