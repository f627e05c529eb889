import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inputWords, pendingMadeFolders, pendingTemporaries, UserError } from '@connector-alm/core';
import { locatedMessage, stagingLeftBeside } from '@connector-alm/testing';
import { FOLDER_LINE_ENDINGS, NotASolutionError, unpackSolution, folderPathOf } from '../src/index.js';
import {
  describeWith,
  FIXTURE_EXPORTS,
  fixturePath,
  NOT_A_SOLUTION,
  SOLUTION_FIXTURES,
} from './helpers/fixtures.js';
import { comparable, hashTree, readTree, readZip } from './helpers/trees.js';
import {
  managedTwinOf,
  rezippedWithBackslashes,
  rezippedWithTar,
  temporaryFolders,
  variantOf,
} from './helpers/zips.js';

const temp = temporaryFolders('unpack-');
afterAll(() => temp.cleanup());
const describeFixtures = describeWith(SOLUTION_FIXTURES, 'real solution export');

describeFixtures('unpack on every real export', () => {
  describe.each(FIXTURE_EXPORTS)('$name', (fixture) => {
    it('writes the SolutionPackager layout and keeps other components byte for byte', async () => {
      const folder = path.join(temp.make(), 'src');
      const result = await unpackSolution(fixturePath(fixture.zip), folder);
      expect(result.managed).toBe(fixture.managed);
      expect(result.connectors).toEqual(fixture.connectors);
      const tree = await readTree(folder);
      expect(tree.has('Other/Solution.xml')).toBe(true);
      expect(tree.has('Other/Customizations.xml')).toBe(true);
      for (const name of fixture.connectors) expect(tree.has(`Connectors/${name}.xml`)).toBe(true);
      const zip = await readZip(fixturePath(fixture.zip));
      for (const [entry, bytes] of zip) {
        if (['solution.xml', 'customizations.xml', '[Content_Types].xml'].includes(entry)) continue;
        const unpacked = tree.get(folderPathOf(entry));
        expect(unpacked).toBeDefined();
        if (entry.endsWith('.json'))
          expect(JSON.parse(unpacked!.toString())).toEqual(JSON.parse(bytes.toString()));
        else expect(unpacked!.equals(bytes)).toBe(true);
      }
      const customizations = tree.get('Other/Customizations.xml')!.toString();
      expect(customizations).not.toContain('<Connector>');
    });

    it('gives byte-identical files when the same export is unpacked twice', async () => {
      const first = path.join(temp.make(), 'a');
      const second = path.join(temp.make(), 'b');
      await unpackSolution(fixturePath(fixture.zip), first);
      await unpackSolution(fixturePath(fixture.zip), second);
      expect(await hashTree(second)).toEqual(await hashTree(first));
    });

    it('unpacks the same folder from the export re-zipped by hand with PowerShell 5.1, whose names use backslashes', async () => {
      const rezipped = await rezippedWithBackslashes(
        fixturePath(fixture.zip),
        path.join(temp.make(), path.basename(fixture.zip)),
      );
      const original = path.join(temp.make(), 'original');
      const windows = path.join(temp.make(), 'windows');
      await unpackSolution(fixturePath(fixture.zip), original);
      const result = await unpackSolution(rezipped, windows);
      expect(result.connectors).toEqual(fixture.connectors);
      expect(await hashTree(windows)).toEqual(await hashTree(original));
    });

    it("unpacks the same folder from the export re-zipped with Windows' tar.exe, whose names start with './'", async () => {
      const rezipped = await rezippedWithTar(
        fixturePath(fixture.zip),
        path.join(temp.make(), path.basename(fixture.zip)),
      );
      const original = path.join(temp.make(), 'original');
      const tar = path.join(temp.make(), 'tar');
      await unpackSolution(fixturePath(fixture.zip), original);
      const result = await unpackSolution(rezipped, tar);
      expect(result.connectors).toEqual(fixture.connectors);
      expect(await hashTree(tar)).toEqual(await hashTree(original));
    });

    it('rewrites nothing when the folder is already up to date', async () => {
      const folder = path.join(temp.make(), 'src');
      const first = await unpackSolution(fixturePath(fixture.zip), folder);
      const again = await unpackSolution(fixturePath(fixture.zip), folder, { overwrite: true });
      expect(again.written).toEqual([]);
      expect(again.deleted).toEqual([]);
      expect(again.unchanged).toEqual(first.written);
    });

    it('rewrites nothing in a Windows checkout of the folder, whose text files git gave CRLF', async () => {
      const folder = path.join(temp.make(), 'src');
      const first = await unpackSolution(fixturePath(fixture.zip), folder);
      // core.autocrlf: every text file that has LF line endings gets CRLF ones.
      const checkedOut = new Map<string, Buffer>();
      for (const file of first.written) {
        const bytes = readFileSync(path.join(folder, file));
        const text = bytes.toString('latin1');
        if (bytes.includes(0) || text.includes('\r') || !text.includes('\n')) continue;
        const crlf = Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1');
        writeFileSync(path.join(folder, file), crlf);
        checkedOut.set(file, crlf);
      }
      expect(checkedOut.size).toBeGreaterThan(0);
      const again = await unpackSolution(fixturePath(fixture.zip), folder, { overwrite: true });
      expect(again.written).toEqual([]);
      expect(again.deleted).toEqual([]);
      expect(again.unchanged).toEqual(first.written);
      for (const [file, bytes] of checkedOut) expect(readFileSync(path.join(folder, file))).toEqual(bytes);
    });
  });

  it('writes canonical text: UTF-8 BOM and declaration on XML, LF only, 2-space JSON', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), folder);
    const solution = readFileSync(path.join(folder, 'Other/Solution.xml'), 'utf8');
    expect(solution.startsWith('\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<ImportExportXml')).toBe(true);
    expect(solution).not.toContain('\r');
    const json = readFileSync(
      path.join(folder, 'Connectors/cat_human-2din-2dthe-2dloop_openapidefinition.json'),
      'utf8',
    );
    expect(json.startsWith('{\n  "swagger": "2.0",\n')).toBe(true);
  });

  it('resets the version when asked', async () => {
    const folder = path.join(temp.make(), 'src');
    const result = await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), folder, {
      resetVersion: '0.0.0.0',
    });
    expect(result.version).toBe('0.0.0.0');
    expect(readFileSync(path.join(folder, 'Other/Solution.xml'), 'utf8')).toContain(
      '<Version>0.0.0.0</Version>',
    );
  });
});

/**
 * The files of an unpacked folder without Other/LineEndings.xml, which SolutionPackager does not
 * write: the record of the files with CRLF that lets pack undo a git checkout's line endings.
 */
async function withoutLineEndings(folder: string): Promise<Map<string, Buffer>> {
  const tree = await readTree(folder);
  expect(tree.has(FOLDER_LINE_ENDINGS)).toBe(true);
  tree.delete(FOLDER_LINE_ENDINGS);
  return tree;
}

describeFixtures('unpack compared with the SolutionPackager twins', () => {
  it('customHIL: XML files are byte-identical to pac output, connector JSON is equal', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), folder);
    const ours = await withoutLineEndings(folder);
    const twin = await readTree(fixturePath('customHIL/unpacked'));
    expect([...ours.keys()]).toEqual([...twin.keys()]);
    for (const [file, bytes] of twin) {
      if (file.endsWith('.json'))
        expect(JSON.parse(ours.get(file)!.toString())).toEqual(JSON.parse(bytes.toString()));
      else expect(ours.get(file)!.toString('latin1')).toBe(bytes.toString('latin1'));
    }
  });

  it('AzureOpenAIServiceCustomConnector: same files, same XML apart from Managed=2 of a "both" unpack', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(
      fixturePath('AzureOpenAIServiceCustomConnector/AzureOpenAIServiceCustomConnector_1_0_0_1_managed.zip'),
      folder,
    );
    const ours = await withoutLineEndings(folder);
    const twin = await readTree(fixturePath('AzureOpenAIServiceCustomConnector/unpacked/src'));
    expect([...ours.keys()]).toEqual([...twin.keys()]);
    for (const [file, bytes] of twin) {
      const mine = ours.get(file)!;
      if (file.endsWith('.json')) expect(JSON.parse(mine.toString())).toEqual(JSON.parse(bytes.toString()));
      else if (file.endsWith('.xml')) {
        const theirs = bytes
          .toString('utf8')
          .replace(/\r\n/g, '\n')
          .replace('<Managed>2</Managed>', '<Managed>1</Managed>');
        expect(mine.toString('utf8')).toBe(theirs);
      } else expect(comparable(file, mine)).toEqual(comparable(file, bytes));
    }
  });
});

describeFixtures('unpack refuses what is not a solution', () => {
  it('says that a legacy flow package is not a solution, and writes nothing', async () => {
    const parent = temp.make();
    // Folders that do not exist yet are not left behind either.
    const folder = path.join(parent, 'solutions/Flows/src');
    const error = await unpackSolution(NOT_A_SOLUTION, folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotASolutionError);
    expect((error as Error).message).toContain(
      'is not a Dataverse solution: it has no solution.xml and customizations.xml at its root.',
    );
    expect((error as NotASolutionError).hint).toContain('legacy Power Automate flow package');
    expect(readdirSync(parent)).toEqual([]);
  });
});

describeFixtures('unpack and the signal clean-up', () => {
  // Until a write is done, its staging folders and the folders made for them are removed on Ctrl+C
  // (interrupted-write in the CLI's tests). Done, they must be forgotten: the target lies there now.
  it('forgets its staging folders and the folders it made once done, whether it succeeded or failed', async () => {
    const parent = temp.make();
    const both = fixturePath('ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip');
    await unpackSolution(both, path.join(parent, 'solutions/Cls/src'), { packageType: 'both' });
    expect({ temporaries: pendingTemporaries(), made: pendingMadeFolders() }).toEqual({
      temporaries: [],
      made: [],
    });
    await expect(unpackSolution(NOT_A_SOLUTION, path.join(parent, 'flows/src'))).rejects.toThrow(
      NotASolutionError,
    );
    expect({ temporaries: pendingTemporaries(), made: pendingMadeFolders() }).toEqual({
      temporaries: [],
      made: [],
    });
    expect(readdirSync(parent)).toEqual(['solutions']);
  });
});

describeFixtures('unpack into an existing folder', () => {
  const zip = (): string => fixturePath('customHIL/customHIL_1_0_0_3.zip');

  it('refuses a folder with content unless overwriting is allowed', async () => {
    // (A folder with only files that are not part of a solution: unpack-keeps-left-out.)
    const folder = temp.make();
    mkdirSync(path.join(folder, 'Docs'));
    writeFileSync(path.join(folder, 'Docs/notes.txt'), 'mine');
    const error = await unpackSolution(zip(), folder).catch((e: unknown) => e);
    expect(locatedMessage(error)).toBe(`${folder}: already holds 1 file.`);
    expect((error as UserError).hint).toBe(
      'Unpack into a folder of its own (e.g. a <solution name> folder inside this one), or add the solution beside them (--overwrite --stale keep).',
    );
    expect(readdirSync(folder)).toEqual(['Docs']);
  });

  it('refuses to update an earlier unpack unless overwriting is allowed, naming the setting as the caller says it', async () => {
    const folder = temp.make();
    await unpackSolution(zip(), folder);
    const error = await unpackSolution(zip(), folder).catch((e: unknown) => e);
    expect(locatedMessage(error)).toMatch(/: already holds \d+ files\.$/);
    // The CLI's option by default; an action passes the words of its inputs.
    expect((error as UserError).hint).toBe('Update it in place (--overwrite).');
    const inAction = await unpackSolution(zip(), folder, { say: inputWords }).catch((e: unknown) => e);
    expect((inAction as UserError).hint).toBe('Update it in place (overwrite: true).');
  });

  it('refuses to delete the files of a folder that holds no unpacked solution, even with overwrite', async () => {
    // A workflow with `folder: .` or `folder: solutions` (beside other solutions): overwrite and
    // stale deletion are the action's defaults, and would have deleted everything else there. The
    // readme at the root is not counted: unpack never deletes a file that is not part of a solution.
    const folder = temp.make();
    mkdirSync(path.join(folder, 'Other'));
    mkdirSync(path.join(folder, 'OtherSolution/Other'), { recursive: true });
    writeFileSync(path.join(folder, 'README.md'), 'mine');
    writeFileSync(path.join(folder, 'OtherSolution/Other/Solution.xml'), '<ImportExportXml />');
    writeFileSync(path.join(folder, '.gitignore'), 'bin/\n');
    const error = await unpackSolution(zip(), folder, { overwrite: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error)).toBe(
      `${folder}: holds 1 file but no unpacked solution (no Other/Solution.xml); updating it would delete it.`,
    );
    expect((error as UserError).hint).toBe(
      'Unpack into a folder of its own (e.g. a <solution name> folder inside this one), or add the solution beside those files (--stale keep).',
    );
    expect(readdirSync(folder).sort()).toEqual(['.gitignore', 'Other', 'OtherSolution', 'README.md']);
    expect(stagingLeftBeside(folder)).toEqual([]);
  });

  it('refuses to replace the unpacked folder of another solution, even with overwrite', async () => {
    // A workflow copied for a second solution that still names the first one's folder.
    const folder = temp.make();
    await unpackSolution(zip(), folder);
    const before = await readTree(folder);
    const other = fixturePath('ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip');
    for (const stale of ['delete', 'keep'] as const) {
      const error = await unpackSolution(other, folder, { overwrite: true, stale }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect(locatedMessage(error)).toBe(
        `${folder}: holds the unpacked solution customHIL; ${path.basename(other)} is ColumnLevelSecuritySampleSolution.`,
      );
      expect((error as UserError).hint).toMatch(/folder of its own/);
    }
    expect(await readTree(folder)).toEqual(before);
    expect(stagingLeftBeside(folder)).toEqual([]);
  });

  // Dataverse compares unique names without case: an earlier unpack that says customhil holds the
  // same solution, and is updated.
  it('updates the unpacked folder of the same solution whose unique name is in another case', async () => {
    const folder = temp.make();
    await unpackSolution(zip(), folder);
    const manifest = path.join(folder, 'Other/Solution.xml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('<UniqueName>customHIL<', '<UniqueName>customhil<'),
    );
    const result = await unpackSolution(zip(), folder, { overwrite: true });
    expect(result.written).toEqual(['Other/Solution.xml']);
    expect(readFileSync(manifest, 'utf8')).toContain('<UniqueName>customHIL</UniqueName>');
  });

  it('deletes stale files by default but never repository dot files', async () => {
    const folder = temp.make();
    await unpackSolution(zip(), folder);
    mkdirSync(path.join(folder, 'Connectors'), { recursive: true });
    writeFileSync(path.join(folder, 'Connectors/removed_openapidefinition.json'), '{}');
    writeFileSync(path.join(folder, '.gitignore'), 'bin/\n');
    const result = await unpackSolution(zip(), folder, { overwrite: true });
    expect(result.deleted).toEqual(['Connectors/removed_openapidefinition.json']);
    expect(existsSync(path.join(folder, '.gitignore'))).toBe(true);
  });

  it('refuses a target that is a file even with overwrite, naming it', async () => {
    const dir = temp.make();
    const file = path.join(dir, 'ok.zip');
    writeFileSync(file, readFileSync(zip()));
    for (const overwrite of [true, false]) {
      const error = await unpackSolution(file, file, { overwrite }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect(locatedMessage(error)).toBe(`${file}: exists and is not a folder.`);
    }
    const below = await unpackSolution(file, path.join(file, 'src', 'x'), { overwrite: true }).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(below)).toBe(
      `${file}: is a file, not a folder, so ${path.join('src', 'x')} cannot be made inside it.`,
    );
    expect(readdirSync(dir)).toEqual(['ok.zip']);
    expect(readFileSync(file).equals(readFileSync(zip()))).toBe(true);
  });

  it('keeps stale files when asked to', async () => {
    const folder = temp.make();
    // In a component folder: a file at the root is kept whatever the policy (unpack-keeps-left-out).
    mkdirSync(path.join(folder, 'Workflows'));
    writeFileSync(path.join(folder, 'Workflows/Removed-1111.json'), 'old component');
    const result = await unpackSolution(zip(), folder, { overwrite: true, stale: 'keep' });
    expect(result.deleted).toEqual([]);
    expect(readFileSync(path.join(folder, 'Workflows/Removed-1111.json'), 'utf8')).toBe('old component');
  });
});

describeFixtures('unpack and dot files', () => {
  it('refuses an entry that pack would leave out as a repository file, instead of losing it later', async () => {
    for (const entry of ['WebResources/.DS_Store', '.gitignore', 'WebResources/lib/.gitattributes']) {
      const zip = await variantOf(
        fixturePath('customHIL/customHIL_1_0_0_3.zip'),
        path.join(temp.make(), 'dot.zip'),
        { [entry]: 'x' },
      );
      const parent = temp.make();
      const error = await unpackSolution(zip, path.join(parent, 'src')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect(locatedMessage(error)).toBe(`${zip}: has ${entry}, which is a repository file name.`);
      expect(readdirSync(parent)).toEqual([]);
    }
  });
});

describeFixtures('unpack of parts and connectors that an export does not write so', () => {
  const HIL = 'customHIL/customHIL_1_0_0_3.zip';
  const CONNECTOR = 'cat_human-2din-2dthe-2dloop';

  it('finds solution.xml and customizations.xml named in another case, and unpacks the same folder', async () => {
    const zip = await readZip(fixturePath(HIL));
    const renamed = await variantOf(fixturePath(HIL), path.join(temp.make(), 'renamed.zip'), {
      'solution.xml': null,
      'customizations.xml': null,
      'Solution.xml': zip.get('solution.xml')!,
      'Customizations.xml': zip.get('customizations.xml')!,
    });
    const original = path.join(temp.make(), 'original');
    const folder = path.join(temp.make(), 'renamed');
    await unpackSolution(fixturePath(HIL), original);
    await unpackSolution(renamed, folder);
    expect(await hashTree(folder)).toEqual(await hashTree(original));
  });

  // A file column left empty means the connector has no such file; it is not a reference to refuse.
  it('unpacks a connector with an empty file column, which refers to no file', async () => {
    const xml = (await readZip(fixturePath(HIL))).get('customizations.xml')!.toString();
    const zip = await variantOf(fixturePath(HIL), path.join(temp.make(), 'empty-column.zip'), {
      'customizations.xml': xml.replace(
        '</iconblob>',
        '</iconblob>\r\n      <customcodeblobcontent></customcodeblobcontent>',
      ),
    });
    const folder = path.join(temp.make(), 'src');
    const result = await unpackSolution(zip, folder);
    expect(result.connectors).toEqual([CONNECTOR]);
    expect(readFileSync(path.join(folder, 'Connectors', `${CONNECTOR}.xml`), 'utf8')).toContain(
      '<customcodeblobcontent />',
    );
  });

  // Deeper than the root, the zip is no file that pack leaves out: what would become of it depends on
  // the stale policy, deleted as stale or kept among the solution's files for the next pack to put in.
  it('says what unpack would do with a zip given inside the folder, below its root', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(HIL), folder);
    const zip = path.join(folder, 'WebResources', 'hil.zip');
    mkdirSync(path.dirname(zip), { recursive: true });
    writeFileSync(zip, readFileSync(fixturePath(HIL)));
    const refusal = (stale: 'delete' | 'keep') =>
      unpackSolution(zip, folder, { overwrite: true, stale }).then(
        () => 'unpacked',
        (error: unknown) => (error as UserError).message,
      );
    expect(await refusal('delete')).toBe(
      'lies inside the folder to unpack it into: unpack would delete it there as a file the solution does not have.',
    );
    expect(await refusal('keep')).toBe(
      "lies inside the folder to unpack it into: unpack would keep it there among the solution's files.",
    );
    expect(existsSync(zip)).toBe(true);
  });

  // The name is read as its text without the whitespace around it, as pack reads it again.
  it('names a connector by its <name> without the whitespace around it', async () => {
    const xml = (await readZip(fixturePath(HIL))).get('customizations.xml')!.toString();
    const zip = await variantOf(fixturePath(HIL), path.join(temp.make(), 'spaced.zip'), {
      'customizations.xml': xml.replace(`<name>${CONNECTOR}</name>`, `<name>\r\n  ${CONNECTOR} </name>`),
    });
    const folder = path.join(temp.make(), 'src');
    const result = await unpackSolution(zip, folder);
    expect(result.connectors).toEqual([CONNECTOR]);
    expect(existsSync(path.join(folder, 'Connectors', `${CONNECTOR}.xml`))).toBe(true);
  });

  // So are the manifest's unique name, version and managed flag: a solution.xml formatted again by a
  // tool, with them on lines of their own, names the same solution.
  it('reads the unique name, version and managed flag of solution.xml without the whitespace around them', async () => {
    const xml = (await readZip(fixturePath(HIL))).get('solution.xml')!.toString();
    const spaced = xml
      .replace('<UniqueName>customHIL</UniqueName>', '<UniqueName>\r\n    customHIL\r\n  </UniqueName>')
      .replace('<Version>1.0.0.3</Version>', '<Version> 1.0.0.3\t</Version>')
      .replace('<Managed>0</Managed>', '<Managed>\n0\n</Managed>');
    expect(spaced.match(/<(UniqueName|Version|Managed)>\s/g)).toHaveLength(3);
    const zip = await variantOf(fixturePath(HIL), path.join(temp.make(), 'spaced.zip'), {
      'solution.xml': spaced,
    });
    const result = await unpackSolution(zip, path.join(temp.make(), 'src'));
    expect(result).toMatchObject({ uniqueName: 'customHIL', version: '1.0.0.3', managed: '0' });
  });
});

describeFixtures('unpack of both exports', () => {
  // A package type asked for is a check of the zip: a pipeline that expects the managed export
  // must not commit the unmanaged one as it (and the other way round).
  it('refuses a zip of the other package type than the one asked for, and writes nothing', async () => {
    const dir = temp.make();
    const unmanaged = fixturePath('customHIL/customHIL_1_0_0_3.zip');
    const managed = await managedTwinOf(unmanaged, path.join(dir, 'HIL_managed.zip'));
    const refusal = (zip: string, packageType: 'managed' | 'unmanaged') =>
      unpackSolution(zip, path.join(dir, 'src'), { packageType }).then(
        () => 'unpacked',
        (error: unknown) => locatedMessage(error),
      );
    expect(await refusal(unmanaged, 'managed')).toBe(
      `${unmanaged}: is an unmanaged solution, not a managed one.`,
    );
    expect(await refusal(managed, 'unmanaged')).toBe(
      `${managed}: is a managed solution, not an unmanaged one.`,
    );
    expect(readdirSync(dir)).toEqual(['HIL_managed.zip']);
  });

  // The check passes the zip asked for: unpacked as it is, its <Managed> kept.
  it('unpacks a zip of the package type asked for as it is', async () => {
    const dir = temp.make();
    const unmanaged = fixturePath('customHIL/customHIL_1_0_0_3.zip');
    const managed = await managedTwinOf(unmanaged, path.join(dir, 'HIL_managed.zip'));
    const unpacked = async (zip: string, packageType: 'managed' | 'unmanaged') => {
      const folder = path.join(dir, packageType);
      const result = await unpackSolution(zip, folder, { packageType });
      const manifest = readFileSync(path.join(folder, 'Other/Solution.xml'), 'utf8');
      return [result.managed, /<Managed>(\d)<\/Managed>/.exec(manifest)?.[1]];
    };
    expect(await unpacked(managed, 'managed')).toEqual(['1', '1']);
    expect(await unpacked(unmanaged, 'unmanaged')).toEqual(['0', '0']);
  });

  // The managed copy of a.js that differs is written as a_managed.js: a file the solution has under
  // that name would be written over, and gone from the folder and every zip packed from it.
  it('refuses an unmanaged file named as the managed copy of another, and writes nothing', async () => {
    const dir = temp.make();
    const unmanaged = await variantOf(
      fixturePath('customHIL/customHIL_1_0_0_3.zip'),
      path.join(dir, 'HIL.zip'),
      {
        'WebResources/a.js': 'unmanaged\n',
        'WebResources/a_managed.js': 'a file of its own\n',
      },
    );
    await managedTwinOf(unmanaged, path.join(dir, 'HIL_managed.zip'), {
      'WebResources/a.js': 'managed\n',
      'WebResources/a_managed.js': 'a file of its own\n',
    });
    const error = await unpackSolution(unmanaged, path.join(dir, 'src'), { packageType: 'both' }).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(error)).toBe(
      `${unmanaged}: has WebResources/a_managed.js, which is also the name of the managed copy of WebResources/a.js.`,
    );
    expect(existsSync(path.join(dir, 'src'))).toBe(false);
  });
});
