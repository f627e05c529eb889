import { describe, expect, it } from '@jest/globals';
import { repositoryFolderName } from '../src/index.js';
import { findEntryNameProblem } from '../src/zip/entry-name.js';

describe('repositoryFolderName: a connector folder every OS can create', () => {
  it.each([
    ['Azure OpenAI Service', 'Azure OpenAI Service'],
    ['Contoso: Tasks?', 'Contoso- Tasks-'],
    ['Contoso Inc.', 'Contoso Inc'],
    // Windows drops a trailing dot, also one left in front of other trailing whitespace.
    ['Contoso Inc.\u00a0', 'Contoso Inc'],
    ['Contoso.\u3000', 'Contoso'],
    ['  Contoso  ', 'Contoso'],
    // Device names, alone or before an extension, are not folders on Windows.
    ['CON', 'CON-connector'],
    ['Aux', 'Aux-connector'],
    ['nul.io', 'nul-connector.io'],
    ['COM1', 'COM1-connector'],
    ['Lpt9 .net', 'Lpt9-connector .net'],
    ['Console', 'Console'],
    ['COM10', 'COM10'],
    ['...', 'connector'],
    ['', 'connector'],
    // A leading dot made a hidden folder that git add, validate and file managers pass over.
    ['.git', 'git'],
    ['.NET Helper', 'NET Helper'],
    ['. .hidden', 'hidden'],
    ['.', 'connector'],
    ['..', 'connector'],
    ['../../x', '-..-x'],
  ])('%j → %j', (displayName, folder) => {
    expect(repositoryFolderName(displayName)).toBe(folder);
    expect(findEntryNameProblem(folder)).toBeUndefined();
  });
});

describe('repositoryFolderName on a display name shaped against a backtracking pattern', () => {
  // A solution's XML is text anyone can write. `/[.\s]+$/` was tried at every dot and space of a long
  // run that something else ends, each try to the end of the run: 200,000 of them took 96 s.
  it('trims 200,000 dots and spaces followed by a letter in linear time, keeping them', () => {
    const run = '. '.repeat(100_000);
    expect(repositoryFolderName(`Contoso${run}x`)).toBe(`Contoso${run}x`);
  });

  it('trims a trailing run of 200,000 dots and spaces', () => {
    expect(repositoryFolderName(`Contoso${'. '.repeat(100_000)}`)).toBe('Contoso');
  });
});
