import { describe, expect, it } from '@jest/globals';
import { misnamedFileError, namesMeantAs, UsageError, UserError } from '../src/index.js';

describe('namesMeantAs', () => {
  it("lists a folder's names meant to be the canonical file, sorted: misspelt, editor-given, any X.swagger.json", () => {
    const names = [
      'readme.md',
      'openapidefinition.json',
      'Contoso.swagger.json',
      'apiProperty.json',
      'icon.png',
    ];
    expect(namesMeantAs('apiDefinition.swagger.json', names)).toEqual([
      'Contoso.swagger.json',
      'openapidefinition.json',
    ]);
    expect(namesMeantAs('apiProperties.json', names)).toEqual(['apiProperty.json']);
    expect(namesMeantAs('apiDefinition.swagger.json', ['readme.md', 'icon.png'])).toEqual([]);
  });

  // REPO-FILENAMES tells these to be removed; build-solution and pr told them to be renamed into place.
  it('leaves out a backup or lock file an editor left, named after the file', () => {
    const names = [
      'apiDefinition.swagger.json.bak',
      '~$apiDefinition.swagger.json',
      'apiDefinition.swagger.json.orig',
      '.apiDefinition.swagger.json.swp',
      'apiProperties.json~',
      'apiProperty.json',
    ];
    expect(namesMeantAs('apiDefinition.swagger.json', names)).toEqual([]);
    expect(namesMeantAs('apiProperties.json', names)).toEqual(['apiProperty.json']);
  });
});

describe('misnamedFileError', () => {
  it('names one file meant to be the canonical one, to rename', () => {
    const error = misnamedFileError('Contoso', 'apiProperties.json', ['apiProperty.json']);
    expect([error.message, error.hint]).toEqual([
      "has no apiProperties.json, but has 'apiProperty.json'.",
      'Rename it to apiProperties.json.',
    ]);
  });

  it('is a content error at the folder, saying which file to rename', () => {
    const error = misnamedFileError('Contoso', 'apiDefinition.swagger.json', [
      'a.swagger.json',
      'b.swagger.json',
    ]);
    expect(error).toBeInstanceOf(UserError);
    expect(error).not.toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      "has no apiDefinition.swagger.json, but has 'a.swagger.json' and 'b.swagger.json'.",
    );
    expect(error.location).toEqual({ file: 'Contoso' });
    expect(error.hint).toBe("Rename the one that is the connector's to apiDefinition.swagger.json.");
  });
});
