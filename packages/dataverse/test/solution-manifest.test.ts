import { describe, expect, it } from '@jest/globals';
import { strToU8, zipSync } from 'fflate';
import { UserError } from '@connector-alm/core';
import { readSolutionManifest } from '../src/index.js';

const solutionXml = (body = '') =>
  `<ImportExportXml><SolutionManifest><UniqueName>Contoso</UniqueName><Version>1.2.0.0</Version><Managed>0</Managed>${body}</SolutionManifest></ImportExportXml>`;

describe('readSolutionManifest', () => {
  it('reads name, version and managed from solution.xml', () => {
    const zip = zipSync({
      'solution.xml': strToU8(solutionXml()),
      'customizations.xml': strToU8('<ImportExportXml />'),
    });
    expect(readSolutionManifest(zip, { file: 'x.zip' })).toEqual({
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
    expect(() => readSolutionManifest(zip, { file: 'x.zip' })).toThrow(/DOCTYPE/);
  });

  it('refuses a solution.xml that expands past its limit, without inflating it', () => {
    const padded = solutionXml(`<!--${' '.repeat(17 * 1024 * 1024)}-->`);
    const zip = zipSync(
      { 'solution.xml': strToU8(padded), 'customizations.xml': strToU8('<ImportExportXml />') },
      { level: 9 },
    );
    expect(() => readSolutionManifest(zip, { file: 'x.zip' })).toThrow(
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
    expect(readSolutionManifest(zip, { file: 'x.zip' }).uniqueName).toBe('Contoso');
  });

  it('calls a zip without customizations.xml not a solution', () => {
    const zip = zipSync({ 'solution.xml': strToU8(solutionXml()) });
    expect(() => readSolutionManifest(zip, { file: 'x.zip' })).toThrow(/is not a Dataverse solution/);
  });

  it('locates the errors of a file at it, and at its solution.xml with line and column', () => {
    expect(() => readSolutionManifest(strToU8('not a zip'), { file: 'x.zip' })).toThrow(
      expect.objectContaining({ message: 'is not a zip file.', location: { file: 'x.zip' } }),
    );
    const zip = zipSync({
      'solution.xml': strToU8('<ImportExportXml>\n  <SolutionManifest>\n</ImportExportXml>'),
      'customizations.xml': strToU8('<ImportExportXml />'),
    });
    expect(() => readSolutionManifest(zip, { file: 'x.zip' })).toThrow(
      expect.objectContaining({
        message: 'invalid XML: unexpected close tag.',
        location: { file: 'x.zip/solution.xml', line: 3, column: 18 },
      }),
    );
  });

  it('names bytes that are in no file in the message, with no location, which must be a file', () => {
    const exported = { description: "the exported solution 'Contoso'" };
    const notZip = catchError(() => readSolutionManifest(strToU8('not a zip'), exported));
    expect(notZip).toMatchObject({ message: "The exported solution 'Contoso' is not a zip file." });
    expect(notZip.location).toBeUndefined();
    expect(notZip.hint).toMatch(/^Give a solution \.zip/);
    const badXml = zipSync({
      'solution.xml': strToU8('<ImportExportXml>\n  <SolutionManifest>\n</ImportExportXml>'),
      'customizations.xml': strToU8('<ImportExportXml />'),
    });
    const xmlError = catchError(() => readSolutionManifest(badXml, exported));
    expect(xmlError.message).toBe(
      "The exported solution 'Contoso', solution.xml at line 3, column 18: invalid XML: unexpected close tag.",
    );
    expect(xmlError.location).toBeUndefined();
    const notSolution = catchError(() =>
      readSolutionManifest(zipSync({ 'readme.txt': strToU8('x') }), {
        description: 'the customization file',
      }),
    );
    expect(notSolution.message).toMatch(/^The customization file is not a Dataverse solution: /);
    expect(notSolution.location).toBeUndefined();
  });
});

function catchError(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}
