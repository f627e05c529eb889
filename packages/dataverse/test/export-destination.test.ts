import { describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { exportDestination, exportZipName } from '../src/index.js';
import { exportZipPath } from '../src/operations/export-destination.js';

// The path given for an exported zip reads as cp reads its destination: a folder (written with a
// trailing separator, or there already) gets <UniqueName>.zip, a name ending in .zip is the zip.
describe('where an export goes', () => {
  const root = temporaryFolder('export-destination-');
  mkdirSync(path.join(root, 'exports'));
  mkdirSync(path.join(root, 'named.zip'));
  writeFileSync(path.join(root, 'notes'), 'a file');
  const at = (given: string) => exportDestination(given, path.join(root, given));

  it.each(['out/', 'out\\'])('%s, ending in a separator, is a folder, there or not', (given) => {
    expect(at(given)).toEqual({ folder: path.join(root, given) });
  });

  it('a folder that is there is the folder', () => {
    expect(at('exports')).toEqual({ folder: path.join(root, 'exports') });
  });

  it.each(['Contoso.zip', 'Contoso.ZIP', 'named.zip'])(
    '%s is the zip, in any letter case, even where a folder has its name',
    (given) => {
      expect(at(given)).toEqual({ file: path.join(root, given) });
    },
  );

  it.each(['contoso', 'notes', 'notes/inside', 'zip'])(
    '%s, no zip and no folder, is refused (undefined)',
    (given) => {
      expect(at(given)).toBeUndefined();
    },
  );

  it('names the zip in a folder after the solution, with _managed for a managed export', () => {
    expect(exportZipName('ContosoConnectors', false)).toBe('ContosoConnectors.zip');
    expect(exportZipName('ContosoConnectors', true)).toBe('ContosoConnectors_managed.zip');
    expect(exportZipPath({ folder: path.join(root, 'exports') }, 'Contoso', true)).toBe(
      path.join(root, 'exports', 'Contoso_managed.zip'),
    );
    expect(exportZipPath({ file: path.join(root, 'mine.zip') }, 'Contoso', true)).toBe(
      path.join(root, 'mine.zip'),
    );
  });
});
