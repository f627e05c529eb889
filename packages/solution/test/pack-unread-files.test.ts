import { afterAll, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { packSolution, unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { hashTree, readZip } from './helpers/trees.js';
import { managedTwinOf, temporaryFolders, variantOf } from './helpers/zips.js';

const temp = temporaryFolders('pack-unread-');
afterAll(() => temp.cleanup());
const describeFixtures = describeWith(SOLUTION_FIXTURES, 'real solution export');

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const GUID = '{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}';
/** The way SolutionPackager starts every XML file it writes. */
const xml = (body: string): string => `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n${body}`;

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

function write(root: string, file: string, content: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

/**
 * In a folder of both exports, a stray file with the `_managed` suffix belongs to the managed package
 * only: the unmanaged one packs, the managed one is refused at the file, naming its path in the zip.
 */
async function expectRefusedForManagedOnly(file: string, packedAs: string, body: string): Promise<void> {
  const dir = temp.make();
  const unmanagedZip = await variantOf(fixturePath(HIL), path.join(dir, 'HIL.zip'), {});
  await managedTwinOf(unmanagedZip, path.join(dir, 'HIL_managed.zip'));
  const src = path.join(dir, 'src');
  await unpackSolution(unmanagedZip, src, { packageType: 'both' });
  write(src, file, xml(body));
  await packSolution(src, path.join(dir, 'unmanaged.zip'), { packageType: 'unmanaged' });
  const error = await refusal(packSolution(src, path.join(dir, 'managed.zip'), { packageType: 'managed' }));
  expect(error.location).toEqual({ file: path.join(src, file) });
  expect(error.message).toContain(`into the zip as ${packedAs},`);
  expect(existsSync(path.join(dir, 'managed.zip'))).toBe(false);
}

describeFixtures('pack and a file in Other/ that is not the manifest or the customizations', () => {
  it.each([
    'Other/Notes.xml',
    'Other/Extra/Settings.xml',
    'Other/PackageFiles.xml',
    'Other/Solution_managed.xml',
  ])(
    'refuses %s in the folder of one export, saying why and what to do, and writes nothing',
    async (file) => {
      // Packed before, as a zip entry Dataverse never reads: lost at import without a word.
      const dir = temp.make();
      const src = path.join(dir, 'src');
      cpSync(fixturePath('customHIL/unpacked'), src, { recursive: true });
      write(src, file, xml('<Settings />'));
      const error = await refusal(packSolution(src, path.join(dir, 'out.zip')));
      expect(locatedMessage(error)).toBe(
        `${path.join(src, file)}: is not part of the solution: of the solution's files, Other/ holds only Other/Solution.xml and Other/Customizations.xml. ` +
          'Pack would put it into the zip, an entry Dataverse does not read, so the imported solution would lack whatever it holds.',
      );
      expect(error.hint).toBe(
        'Move what it holds into Other/Customizations.xml (components) or Other/Solution.xml (the manifest), or move the file out of the solution folder.',
      );
      expect(readdirSync(dir)).toEqual(['src']);
    },
  );

  it('refuses one in a folder of both exports, for the package that has it', () =>
    expectRefusedForManagedOnly('Other/Notes_managed.xml', 'Other/Notes.xml', '<Settings />'));
});

describeFixtures('pack and a file in Templates/ that is not pac’s', () => {
  it.each(['Templates/Welcome.xml', 'Templates/EmailTemplates/Welcome.html', 'Templates/Notes.txt'])(
    'refuses %s in the folder of one export, saying why and what to do, and writes nothing',
    async (file) => {
      // An export has no Templates/ folder: the import reads <Templates> of customizations.xml only.
      const dir = temp.make();
      const src = path.join(dir, 'src');
      cpSync(fixturePath('customHIL/unpacked'), src, { recursive: true });
      write(src, file, xml('<EmailTemplate />'));
      const error = await refusal(packSolution(src, path.join(dir, 'out.zip')));
      expect(locatedMessage(error)).toBe(
        `${path.join(src, file)}: is not part of the solution: a solution keeps its templates inline in <Templates> of Other/Customizations.xml, not in files of Templates/. ` +
          'Pack would put it into the zip, an entry Dataverse does not read, so the imported solution would lack whatever it holds.',
      );
      expect(error.hint).toBe(
        'Move the template into <Templates> of Other/Customizations.xml (as an export from Dataverse has it), or move the file out of the solution folder.',
      );
      expect(readdirSync(dir)).toEqual(['src']);
    },
  );

  it('refuses one in a folder of both exports, for the package that has it', () =>
    expectRefusedForManagedOnly(
      'Templates/Welcome_managed.xml',
      'Templates/Welcome.xml',
      '<EmailTemplate />',
    ));

  it('packs <Templates> of the customizations as it is, the place an export keeps templates', async () => {
    // Every real export in the fixtures has no Templates/ entry and <Templates /> in its customizations.
    const dir = temp.make();
    const src = path.join(dir, 'src');
    cpSync(fixturePath('customHIL/unpacked'), src, { recursive: true });
    const customizations = path.join(src, 'Other/Customizations.xml');
    const template =
      '<Templates><EmailTemplates><EmailTemplate><title>Welcome</title></EmailTemplate></EmailTemplates></Templates>';
    writeFileSync(customizations, readFileSync(customizations, 'utf8').replace('<Templates />', template));
    await packSolution(src, path.join(dir, 'out.zip'));
    const packed = await readZip(path.join(dir, 'out.zip'));
    expect(packed.get('customizations.xml')?.toString('utf8')).toContain('<title>Welcome</title>');
    expect([...packed.keys()].filter((name) => name.startsWith('Templates/'))).toEqual([]);
  });
});

describeFixtures('unpack of a zip with entries pack would refuse in the folder', () => {
  it.each([
    ['Entities/contoso_task/Entity.xml', 'a table (entity), or its forms, views or ribbon'],
    ['Roles/Task Manager.xml', 'a security role'],
    ['Templates/EmailTemplates.xml', 'email templates'],
    ['Reports/ReportLinks.xml', 'the links between reports'],
    [`Reports/1033/${GUID}/Account Summary.rdl`, 'a report'],
    ['WebResources/contoso_/scripts/form.js.data.xml', 'the metadata of a web resource'],
    ['Other/Relationships.xml', 'table relationships'],
  ])('refuses %s, a file of pac’s split layout, before writing anything', async (entry, holds) => {
    // Unpacked before, and the next pack of that folder refused it: found out one step too late.
    const dir = temp.make();
    const zip = await variantOf(fixturePath(HIL), path.join(dir, 'odd.zip'), {
      [entry]: xml('<Component />'),
    });
    const error = await refusal(unpackSolution(zip, path.join(dir, 'src')));
    expect(locatedMessage(error)).toBe(
      `${zip}/${entry}: holds ${holds} in a file of its own, as pac solution unpack writes it; an export keeps it in customizations.xml, ` +
        'and Dataverse does not read this entry at import. Unpacked, it would give a folder that pack refuses.',
    );
    expect(error.hint).toMatch(/^Unpack the solution as Dataverse exports it/);
    expect(readdirSync(dir)).toEqual(['odd.zip']);
  });

  it('refuses an entry in Templates/ that is not pac’s', async () => {
    const dir = temp.make();
    const zip = await variantOf(fixturePath(HIL), path.join(dir, 'odd.zip'), {
      'Templates/Welcome.xml': '<EmailTemplate />',
    });
    const error = await refusal(unpackSolution(zip, path.join(dir, 'src')));
    expect(locatedMessage(error)).toBe(
      `${zip}/Templates/Welcome.xml: is in Templates/, which an export does not have: Dataverse reads templates from <Templates> of customizations.xml, not from this entry. Unpacked, it would give a folder that pack refuses.`,
    );
    expect(error.hint).toBe(
      'Export the solution again (Power Apps > Solutions > Export, or the export-solution action), or remove the entry.',
    );
    expect(readdirSync(dir)).toEqual(['odd.zip']);
  });

  it('refuses an entry in Other/ beside the manifest and customizations', async () => {
    const dir = temp.make();
    const zip = await variantOf(fixturePath(HIL), path.join(dir, 'odd.zip'), {
      'Other/Notes.xml': '<Notes />',
    });
    const error = await refusal(unpackSolution(zip, path.join(dir, 'src')));
    expect(locatedMessage(error)).toBe(
      `${zip}/Other/Notes.xml: is in Other/, where an unpacked solution keeps its manifest and customizations; pack would not put it back, so the folder could not be packed.`,
    );
    expect(readdirSync(dir)).toEqual(['odd.zip']);
  });
});

describeFixtures('a report as an export holds it', () => {
  it('round-trips: Reports/<name>{GUID}.rdl comes back byte for byte at its place', async () => {
    const dir = temp.make();
    const report = `Reports/Account Summary${GUID}.rdl`;
    const rdl = xml(
      '<Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2008/01/reportdefinition" />',
    );
    const zip = await variantOf(fixturePath(HIL), path.join(dir, 'in.zip'), { [report]: rdl });
    await unpackSolution(zip, path.join(dir, 'first'));
    await packSolution(path.join(dir, 'first'), path.join(dir, 'packed.zip'));
    const packed = await readZip(path.join(dir, 'packed.zip'));
    expect(packed.get(report)?.toString('utf8')).toBe(rdl);
    expect([...packed.keys()].sort()).toEqual([...(await readZip(zip)).keys()].sort());
    await unpackSolution(path.join(dir, 'packed.zip'), path.join(dir, 'second'));
    expect(await hashTree(path.join(dir, 'second'))).toEqual(await hashTree(path.join(dir, 'first')));
  });
});
