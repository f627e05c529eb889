import { describe, expect, it } from '@jest/globals';
import { strToU8, zipSync } from 'fflate';
import { readSolutionManifest } from '../src/index.js';

const solutionXml = (body = '') =>
  `<ImportExportXml><SolutionManifest><UniqueName>Contoso</UniqueName><Version>1.2.0.0</Version><Managed>0</Managed>${body}</SolutionManifest></ImportExportXml>`;

describe('readSolutionManifest', () => {
  it('reads name, version and managed from solution.xml', () => {
    const zip = zipSync({
      'solution.xml': strToU8(solutionXml()),
      'customizations.xml': strToU8('<ImportExportXml />'),
    });
    expect(readSolutionManifest(zip, 'x.zip')).toEqual({
      uniqueName: 'Contoso',
      version: '1.2.0.0',
      managed: false,
    });
  });

  it('refuses a DOCTYPE, so no entity is ever expanded', () => {
    const xml = `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${solutionXml('<X>&e;</X>')}`;
    const zip = zipSync({
      'solution.xml': strToU8(xml),
      'customizations.xml': strToU8('<ImportExportXml />'),
    });
    expect(() => readSolutionManifest(zip, 'x.zip')).toThrow(/DOCTYPE/);
  });

  it('refuses a solution.xml that expands past its limit, without inflating it', () => {
    const padded = solutionXml(`<!--${' '.repeat(17 * 1024 * 1024)}-->`);
    const zip = zipSync(
      { 'solution.xml': strToU8(padded), 'customizations.xml': strToU8('<ImportExportXml />') },
      { level: 9 },
    );
    expect(() => readSolutionManifest(zip, 'x.zip')).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(
          /^entry 'solution\.xml' declares \d+ bytes; refusing to inflate it\.$/,
        ),
        location: { file: 'x.zip' },
      }),
    );
  });

  it('leaves the other entries compressed: a large component does not change the answer', () => {
    const zip = zipSync(
      {
        'solution.xml': strToU8(solutionXml()),
        'customizations.xml': strToU8('<ImportExportXml />'),
        'WebResources/big.bin': new Uint8Array(64 * 1024 * 1024),
      },
      { level: 9 },
    );
    expect(readSolutionManifest(zip, 'x.zip').uniqueName).toBe('Contoso');
  });

  it('calls a zip without customizations.xml not a solution', () => {
    const zip = zipSync({ 'solution.xml': strToU8(solutionXml()) });
    expect(() => readSolutionManifest(zip, 'x.zip')).toThrow(/is not a Dataverse solution/);
  });
});
