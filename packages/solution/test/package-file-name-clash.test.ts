import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { locatedMessage } from '@connector-alm/testing';
import { fileNameClash } from '../src/certification/build-package.js';

// `package build` refuses two solution zips that PkgAssets/ would keep under one name. Whether two
// paths are one zip given twice depends on the file system: on Windows and macOS case does not count.
describe('two solution zips whose paths differ in case only', () => {
  const connector = path.resolve('solutions', 'Contoso.zip');
  const flow = path.resolve('Solutions', 'contoso.zip');

  it.each(['win32', 'darwin'] as const)('are one zip given twice on %s', (platform) => {
    const clash = fileNameClash(
      [
        ['connector solution', connector],
        ['flow solution', flow],
      ],
      platform,
    );
    expect(locatedMessage(clash)).toBe(
      `${flow}: is given as the connector solution and as the flow solution; each is a solution of its own.`,
    );
  });

  it('are two zips whose names differ in case on Linux', () => {
    const clash = fileNameClash(
      [
        ['connector solution', connector],
        ['flow solution', flow],
      ],
      'linux',
    );
    expect(locatedMessage(clash)).toBe(
      `${flow}: has the file name of the connector solution (Contoso.zip) but for its case, which Windows, where Package Deployer runs, does not tell apart; the package keeps each solution in PkgAssets/ under its file name.`,
    );
  });
});
