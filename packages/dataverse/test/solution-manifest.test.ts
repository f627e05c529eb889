import { describe, expect, it } from '@jest/globals';
import { strToU8, zipSync } from 'fflate';
import { UserError } from '@connector-alm/core';
import { readSolutionManifest } from '../src/index.js';

const solutionXml = (body = '', managed = '0') =>
  `<ImportExportXml><SolutionManifest><UniqueName>Contoso</UniqueName><Version>1.2.0.0</Version><Managed>${managed}</Managed>${body}</SolutionManifest></ImportExportXml>`;

describe('readSolutionManifest', () => {
  it('reads name, display name, version and managed from solution.xml', () => {
    const names =
      '<LocalizedNames><LocalizedName description="Contoso Connectors" languagecode="1033" /></LocalizedNames>';
    const zip = zipSync({
      'solution.xml': strToU8(solutionXml(names)),
      'customizations.xml': strToU8('<ImportExportXml />'),
    });
    expect(readSolutionManifest(zip, { file: 'x.zip' })).toEqual({
      uniqueName: 'Contoso',
      displayName: 'Contoso Connectors',
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

  it('reads Managed 1 (managed) and 2 (managed and unmanaged) as managed, 0 as not', () => {
    const managed = (value: string) =>
      readSolutionManifest(
        zipSync({
          'solution.xml': strToU8(solutionXml('', value)),
          'customizations.xml': strToU8('<ImportExportXml />'),
        }),
        { file: 'x.zip' },
      ).managed;
    expect(['0', '1', '2'].map(managed)).toEqual([false, true, true]);
  });

  it('tells a file that does not start as a zip does from its first bytes, however short', () => {
    for (const text of ['PK', 'xK is a note', 'Px is a note']) {
      expect(() => readSolutionManifest(strToU8(text), { file: 'x.zip' })).toThrow(
        expect.objectContaining({
          message: 'is not a zip file.',
          hint: 'Give a solution .zip exported from Dataverse or packed from source.',
        }),
      );
    }
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

// A version or name that reaches a log line or an action output with a line break in it is a
// workflow command there (`::error::…`), and a unique name with '../' a path out of a folder.
describe('readSolutionManifest refuses what Dataverse never writes', () => {
  const zipOf = (uniqueName: string, version: string) =>
    zipSync({
      'solution.xml': strToU8(
        `<ImportExportXml>\n  <SolutionManifest>\n    <UniqueName>${uniqueName}</UniqueName>\n    <Version>${version}</Version>\n    <Managed>0</Managed>\n  </SolutionManifest>\n</ImportExportXml>`,
      ),
      'customizations.xml': strToU8('<ImportExportXml />'),
    });

  it('a version with a line break, at its line', () => {
    expect(() =>
      readSolutionManifest(zipOf('Contoso', '1.0.0.3\n::error title=pwned::x\n'), { file: 'x.zip' }),
    ).toThrow(
      expect.objectContaining({
        message: 'has <Version>1.0.0.3\n::error title=pwned::x</Version>, which is no solution version.',
        location: { file: 'x.zip/solution.xml', line: 4 },
        hint: 'A version is two to four numbers of at most 2147483647, separated by dots (1.0.0.3): fix it in the file, or export the solution again.',
      }),
    );
  });

  // An empty element may be written self-closing: it is placed at its line all the same.
  it.each([
    ['UniqueName', 3, 'Dataverse unique name'],
    ['Version', 4, 'solution version'],
  ])('an empty <%s/>, written self-closing, at its line', (name, line, problem) => {
    const zip = zipSync({
      'solution.xml': strToU8(
        `<ImportExportXml>\n  <SolutionManifest>\n    ${name === 'UniqueName' ? '<UniqueName/>' : '<UniqueName>Contoso</UniqueName>'}\n    ${name === 'Version' ? '<Version/>' : '<Version>1.0.0.0</Version>'}\n    <Managed>0</Managed>\n  </SolutionManifest>\n</ImportExportXml>`,
      ),
      'customizations.xml': strToU8('<ImportExportXml />'),
    });
    expect(catchError(() => readSolutionManifest(zip, { file: 'x.zip' }))).toMatchObject({
      message: `has <${name}></${name}>, which is no ${problem}.`,
      location: { file: 'x.zip/solution.xml', line },
    });
  });

  it.each(['1', '1.0.0.0.0', '1.0.0.2147483648', '1.-1', 'v1.0', ''])('the version %p', (version) => {
    expect(() => readSolutionManifest(zipOf('Contoso', version), { file: 'x.zip' })).toThrow(
      /which is no solution version\.$/,
    );
  });

  it.each(['../../evil', 'Contoso Connectors', '1Contoso', 'Contoso\n::error::x', ''])(
    'the unique name %p, at its line',
    (uniqueName) => {
      expect(() => readSolutionManifest(zipOf(uniqueName, '1.0.0.0'), { file: 'x.zip' })).toThrow(
        expect.objectContaining({
          message: expect.stringMatching(/which is no Dataverse unique name\.$/),
          location: { file: 'x.zip/solution.xml', line: 3 },
        }),
      );
    },
  );

  it('takes the largest version and a name with underscores and digits', () => {
    expect(
      readSolutionManifest(zipOf('_Contoso_2', '2147483647.0.2147483647'), { file: 'x.zip' }),
    ).toMatchObject({ uniqueName: '_Contoso_2', version: '2147483647.0.2147483647' });
  });
});
