import { afterAll, describe, expect, it } from '@jest/globals';
import { inputWords, UserError } from '@connector-alm/core';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commitStates } from '@connector-alm/validator';
import { runGit } from '@connector-alm/testing';
import {
  extractAndRemoveLeftConnectors,
  extractAndRemoveLeftConnectors as extractAndRemoveLeft,
  extractConnectors,
  listFiles,
  unpackSolution,
  type ExtractAndRemoveLeftOptions,
  type ExtractAndRemoveLeftResult,
} from '../src/index.js';
import { withConnectorCopies } from './helpers/connector-copies.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('extract-and-remove-left-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';

/** `folder` made a git repository whose one commit holds everything in it. */
function commitAll(folder: string): void {
  runGit(folder, ['init', '-q']);
  runGit(folder, ['add', '-A']);
  runGit(folder, ['commit', '-q', '-m', 'snapshot']);
}
const MAKERS_README = '# Human-in-the-Loop\n\nWritten by the maker: how to get an approval key.\n';

/**
 * The last snapshot (customHIL unpacked, its connector extracted, its readme and a setup guide
 * written by the maker) and the solution after the connector was renamed in the maker portal: the
 * same logical name and id, another display name in its Connectors/ XML.
 */
async function renamedSnapshot(
  makersFiles = true,
): Promise<{ previous: string; renamed: string; root: string }> {
  const work = temp.make();
  const previous = path.join(work, 'previous');
  await unpackSolution(fixturePath(HIL), previous);
  const root = path.join(work, 'custom-connectors');
  await extractConnectors(previous, root);
  if (makersFiles) {
    writeFileSync(path.join(root, 'Human-in-the-Loop', 'readme.md'), MAKERS_README);
    mkdirSync(path.join(root, 'Human-in-the-Loop', 'images'));
    writeFileSync(path.join(root, 'Human-in-the-Loop', 'images', 'setup.png'), 'not really a png');
  }
  const renamed = path.join(work, 'renamed');
  cpSync(previous, renamed, { recursive: true });
  // The portal's connector name is both the display name and the title of the API definition.
  for (const [file, from, to] of [
    ['cat_human-2din-2dthe-2dloop.xml', /<displayname>Human-in-the-Loop</, '<displayname>Approval Loop<'],
    [
      'cat_human-2din-2dthe-2dloop_openapidefinition.json',
      /"title": *"Human-in-the-Loop"/,
      '"title": "Approval Loop"',
    ],
  ] as const) {
    const text = readFileSync(path.join(renamed, 'Connectors', file), 'utf8');
    expect(text).toMatch(from);
    writeFileSync(path.join(renamed, 'Connectors', file), text.replace(from, to));
  }
  return { previous, renamed, root };
}

describeWith(SOLUTION_FIXTURES, 'real solution export')('extractAndRemoveLeftConnectors', () => {
  it('writes the connectors and removes the folders of those that only the previous solution had', async () => {
    const work = temp.make();
    const previous = await withConnectorCopies(fixturePath(HIL), path.join(work, 'previous.zip'), [
      'cat_retired',
    ]);
    const root = path.join(work, 'custom-connectors');
    await extractConnectors(previous, root);

    const result = await extractAndRemoveLeftConnectors(fixturePath(HIL), root, { previousSource: previous });
    expect(result).toEqual({
      connectors: [expect.objectContaining({ folder: 'Human-in-the-Loop' })],
      removed: ['cat_retired'],
      leftAlone: [],
      notRemoved: [],
    });
    expect(existsSync(path.join(root, 'cat_retired'))).toBe(false);
  });

  it('removes nothing without a previous solution', async () => {
    const root = path.join(temp.make(), 'custom-connectors');
    mkdirSync(path.join(root, 'cat_retired'), { recursive: true });
    const result = await extractAndRemoveLeftConnectors(fixturePath(HIL), root);
    expect(result.removed).toEqual([]);
    expect(result.previousSourceProblem).toBeUndefined();
    expect(existsSync(path.join(root, 'cat_retired'))).toBe(true);
  });

  it('returns the problem of a previous solution it cannot read, removes nothing and still writes the connectors', async () => {
    const work = temp.make();
    const root = path.join(work, 'custom-connectors');
    mkdirSync(path.join(root, 'cat_retired'), { recursive: true });
    writeFileSync(path.join(work, 'notes.md'), '# Not a solution\n');

    const result = await extractAndRemoveLeftConnectors(fixturePath(HIL), root, {
      previousSource: path.join(work, 'notes.md'),
    });
    expect(result.removed).toEqual([]);
    expect(result.previousSourceProblem?.message).toMatch(/^is not a zip archive/);
    expect(result.connectors.map((connector) => connector.folder)).toEqual(['Human-in-the-Loop']);
    expect(existsSync(path.join(root, 'Human-in-the-Loop', 'apiDefinition.swagger.json'))).toBe(true);
    expect(existsSync(path.join(root, 'cat_retired'))).toBe(true);
  });

  it('carries the readme and other hand-written files of a renamed connector into its new folder', async () => {
    const { previous, renamed, root } = await renamedSnapshot();

    const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
    expect(result.removed).toEqual(['Human-in-the-Loop']);
    expect(result.connectors).toEqual([
      expect.objectContaining({
        folder: 'Approval Loop',
        renamedFrom: { folder: 'Human-in-the-Loop', kept: ['readme.md', 'images/setup.png'], leftBehind: [] },
      }),
    ]);
    const folder = path.join(root, 'Approval Loop');
    expect(readFileSync(path.join(folder, 'readme.md'), 'utf8')).toBe(MAKERS_README);
    expect(readFileSync(path.join(folder, 'images', 'setup.png'), 'utf8')).toBe('not really a png');
    expect(existsSync(path.join(folder, 'apiDefinition.swagger.json'))).toBe(true);
    expect(existsSync(path.join(root, 'Human-in-the-Loop'))).toBe(false);

    // Extracted again from the same snapshots: the folder is there, with its readme; nothing to keep.
    const again = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
    expect(again.connectors[0]!.renamedFrom).toEqual({
      folder: 'Human-in-the-Loop',
      kept: [],
      leftBehind: [],
    });
    expect(again.removed).toEqual([]);
  });

  it("carries the maker's keys of apiProperties.json (publisher, stackOwner) into a renamed connector's new folder", async () => {
    // The solution holds neither: the maker fills them in for PowerPlatformConnectors, and an
    // extraction over the same folder keeps them. Not committed, they would be lost with the folder.
    const { previous, renamed, root } = await renamedSnapshot();
    const properties = path.join(root, 'Human-in-the-Loop', 'apiProperties.json');
    const before = JSON.parse(readFileSync(properties, 'utf8'));
    const makers = { publisher: 'Contoso', stackOwner: 'Contoso Ltd', capabilities: ['actions'] };
    writeFileSync(properties, JSON.stringify({ ...before, properties: { ...before.properties, ...makers } }));

    const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
    expect(result).toMatchObject({ removed: ['Human-in-the-Loop'], notRemoved: [] });
    const carried = JSON.parse(readFileSync(path.join(root, 'Approval Loop', 'apiProperties.json'), 'utf8'));
    expect(carried.properties).toEqual({ ...before.properties, ...makers });
  });

  it("refuses a renamed connector's earlier apiProperties.json that is not UTF-8, at its byte, and removes nothing", async () => {
    // Saved as Windows-1252: carried, the publisher came to the new folder as "Soci\uFFFDt\uFFFD".
    const { previous, renamed, root } = await renamedSnapshot();
    const properties = path.join(root, 'Human-in-the-Loop', 'apiProperties.json');
    const before = JSON.parse(readFileSync(properties, 'utf8'));
    const text = JSON.stringify({
      ...before,
      properties: { ...before.properties, publisher: 'Soci\u00e9t\u00e9' },
    });
    writeFileSync(properties, Buffer.from(text, 'latin1'));

    const error = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location).toMatchObject({ file: properties, line: 1 });
    expect((error as UserError).message).toContain('0xE9');
    expect(existsSync(path.join(root, 'Human-in-the-Loop'))).toBe(true);
    expect(existsSync(path.join(root, 'Approval Loop'))).toBe(false);
  });

  it("carries a renamed connector's earlier apiProperties.json in other case (ApiProperties.json) too", async () => {
    const { previous, renamed, root } = await renamedSnapshot();
    const properties = path.join(root, 'Human-in-the-Loop', 'apiProperties.json');
    const before = JSON.parse(readFileSync(properties, 'utf8'));
    rmSync(properties);
    writeFileSync(
      path.join(root, 'Human-in-the-Loop', 'ApiProperties.json'),
      JSON.stringify({ ...before, properties: { ...before.properties, publisher: 'Contoso' } }),
    );

    await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
    const carried = JSON.parse(readFileSync(path.join(root, 'Approval Loop', 'apiProperties.json'), 'utf8'));
    expect(carried.properties.publisher).toBe('Contoso');
  });

  it("keeps the readme of a renamed connector whose earlier API definition no longer parses, as the maker's", async () => {
    // Nothing tells the template from the maker's then: the readme, unedited, is carried, not lost.
    const { previous, renamed, root } = await renamedSnapshot(false);
    const definition = path.join(
      previous,
      'Connectors',
      'cat_human-2din-2dthe-2dloop_openapidefinition.json',
    );
    writeFileSync(definition, '{ "swagger": ');
    const template = readFileSync(path.join(root, 'Human-in-the-Loop', 'readme.md'), 'utf8');

    const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
    expect(result.connectors[0]!.renamedFrom?.kept).toEqual(['readme.md']);
    expect(readFileSync(path.join(root, 'Approval Loop', 'readme.md'), 'utf8')).toBe(template);
  });

  it("carries no file manager metadata or editor's leftover of a renamed connector, and lists them", async () => {
    const { previous, renamed, root } = await renamedSnapshot();
    const old = path.join(root, 'Human-in-the-Loop');
    for (const junk of [
      '.DS_Store',
      'readme.md~',
      '.readme.md.swp',
      'images/Thumbs.db',
      'images/._setup.png',
    ])
      writeFileSync(path.join(old, junk), 'junk');

    const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
    expect(result.connectors[0]!.renamedFrom).toEqual({
      folder: 'Human-in-the-Loop',
      kept: ['readme.md', 'images/setup.png'],
      leftBehind: ['.DS_Store', '.readme.md.swp', 'images/._setup.png', 'images/Thumbs.db', 'readme.md~'],
    });
    await expect(listFiles(path.join(root, 'Approval Loop'))).resolves.toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'icon.png',
      'images/setup.png',
      'readme.md',
    ]);
    expect(result.connectors[0]!.written).not.toContain('.DS_Store');
  });

  it('writes the template for the new name when the old readme was the template, never edited', async () => {
    const { previous, renamed, root } = await renamedSnapshot(false);
    const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
    expect(result.connectors[0]!.renamedFrom).toEqual({
      folder: 'Human-in-the-Loop',
      kept: [],
      leftBehind: [],
    });
    const readme = readFileSync(path.join(root, 'Approval Loop', 'readme.md'), 'utf8');
    expect(readme.split('\n')[0]).toBe('# Approval Loop');
  });

  it('keeps the readme the new folder already has, carries the rest and leaves the earlier folder with a warning', async () => {
    const { previous, renamed, root } = await renamedSnapshot();
    writeFileSync(path.join(root, 'Human-in-the-Loop', 'notes.md'), 'How we set it up.\n');
    mkdirSync(path.join(root, 'Approval Loop'));
    writeFileSync(path.join(root, 'Approval Loop', 'readme.md'), '# Approval Loop\n');

    // Twice: the earlier folder stays as long as its readme is not the new folder's.
    for (const run of ['first', 'second']) {
      const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
      expect(result.connectors[0]!.renamedFrom).toEqual({
        folder: 'Human-in-the-Loop',
        kept: run === 'first' ? ['images/setup.png', 'notes.md'] : [],
        leftBehind: [],
        notCarried: ['readme.md'],
      });
      expect(result.removed).toEqual([]);
      expect(result.leftAlone).toEqual([
        {
          folder: 'Human-in-the-Loop',
          warning: expect.stringContaining(
            "not removed: its connector was renamed and moved to 'Approval Loop', which has other files in the place of 'readme.md' from here",
          ),
        },
      ]);
      const folder = path.join(root, 'Approval Loop');
      expect(readFileSync(path.join(folder, 'readme.md'), 'utf8')).toBe('# Approval Loop\n');
      expect(readFileSync(path.join(folder, 'notes.md'), 'utf8')).toBe('How we set it up.\n');
      expect(readFileSync(path.join(folder, 'images', 'setup.png'), 'utf8')).toBe('not really a png');
      expect(readFileSync(path.join(root, 'Human-in-the-Loop', 'readme.md'), 'utf8')).toBe(MAKERS_README);
    }

    // Once the maker has merged the readme, the earlier folder holds nothing the new one lacks: it goes.
    writeFileSync(path.join(root, 'Approval Loop', 'readme.md'), MAKERS_README);
    const merged = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
    expect(merged.connectors[0]!.renamedFrom).toEqual({
      folder: 'Human-in-the-Loop',
      kept: [],
      leftBehind: [],
    });
    expect(merged.removed).toEqual(['Human-in-the-Loop']);
    expect(merged.leftAlone).toEqual([]);
  });

  it('leaves the earlier folder when the new one has a folder in the place of a file it would carry', async () => {
    const { previous, renamed, root } = await renamedSnapshot();
    mkdirSync(path.join(root, 'Approval Loop', 'readme.md'), { recursive: true });
    writeFileSync(path.join(root, 'Approval Loop', 'readme.md', 'part.md'), 'part\n');

    const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
    expect(result.connectors[0]!.renamedFrom).toMatchObject({ notCarried: ['readme.md'] });
    expect(result.removed).toEqual([]);
    expect(existsSync(path.join(root, 'Human-in-the-Loop', 'readme.md'))).toBe(true);
  });

  // Inside a folder the new one has too, a file it lacks is carried; under a file of the same name it
  // cannot be.
  it("carries a file into a folder the new one has too, and leaves the earlier folder when a file is in that folder's place", async () => {
    const beside = await renamedSnapshot();
    mkdirSync(path.join(beside.root, 'Approval Loop', 'images'), { recursive: true });
    writeFileSync(path.join(beside.root, 'Approval Loop', 'images', 'flow.png'), 'another image');
    const carried = await extractAndRemoveLeftConnectors(beside.renamed, beside.root, {
      previousSource: beside.previous,
    });
    expect(carried.connectors[0]!.renamedFrom).toEqual({
      folder: 'Human-in-the-Loop',
      kept: ['readme.md', 'images/setup.png'],
      leftBehind: [],
    });
    expect(carried.removed).toEqual(['Human-in-the-Loop']);
    const images = path.join(beside.root, 'Approval Loop', 'images');
    expect(readFileSync(path.join(images, 'setup.png'), 'utf8')).toBe('not really a png');

    const underFile = await renamedSnapshot();
    mkdirSync(path.join(underFile.root, 'Approval Loop'));
    writeFileSync(path.join(underFile.root, 'Approval Loop', 'images'), 'a file named images');
    const result = await extractAndRemoveLeftConnectors(underFile.renamed, underFile.root, {
      previousSource: underFile.previous,
    });
    expect(result.connectors[0]!.renamedFrom).toMatchObject({
      kept: ['readme.md'],
      notCarried: ['images/setup.png'],
    });
    expect(result.removed).toEqual([]);
    expect(existsSync(path.join(underFile.root, 'Human-in-the-Loop', 'images', 'setup.png'))).toBe(true);
  });

  // The files after the readme in order (usage.md) are looked at all the same.
  it('carries the files after a readme it does not carry, the template or one the new folder has', async () => {
    const template = await renamedSnapshot(false);
    writeFileSync(path.join(template.root, 'Human-in-the-Loop', 'usage.md'), 'How to use it.\n');
    const fromTemplate = await extractAndRemoveLeftConnectors(template.renamed, template.root, {
      previousSource: template.previous,
    });
    expect(fromTemplate.connectors[0]!.renamedFrom).toEqual({
      folder: 'Human-in-the-Loop',
      kept: ['usage.md'],
      leftBehind: [],
    });

    const own = await renamedSnapshot();
    writeFileSync(path.join(own.root, 'Human-in-the-Loop', 'usage.md'), 'How to use it.\n');
    mkdirSync(path.join(own.root, 'Approval Loop'));
    writeFileSync(path.join(own.root, 'Approval Loop', 'readme.md'), '# Approval Loop\n');
    const beside = await extractAndRemoveLeftConnectors(own.renamed, own.root, {
      previousSource: own.previous,
    });
    expect(beside.connectors[0]!.renamedFrom).toEqual({
      folder: 'Human-in-the-Loop',
      kept: ['images/setup.png', 'usage.md'],
      leftBehind: [],
      notCarried: ['readme.md'],
    });
    expect(readFileSync(path.join(own.root, 'Approval Loop', 'usage.md'), 'utf8')).toBe('How to use it.\n');
  });

  it('gives a connector new to the solution the template readme', async () => {
    const work = temp.make();
    const root = path.join(work, 'custom-connectors');
    const previous = await withConnectorCopies(fixturePath(HIL), path.join(work, 'previous.zip'), [
      'cat_retired',
    ]);
    await extractConnectors(previous, root);
    writeFileSync(path.join(root, 'cat_retired', 'readme.md'), MAKERS_README);
    // Committed, so that the folder of the connector that left goes: git keeps its readme.
    commitAll(work);
    const current = await withConnectorCopies(fixturePath(HIL), path.join(work, 'current.zip'), ['cat_new']);

    const result = await extractAndRemoveLeftConnectors(current, root, {
      previousSource: previous,
      askGit: commitStates,
    });
    expect(result.removed).toEqual(['cat_retired']);
    expect(result.connectors.map((connector) => connector.renamedFrom)).toEqual([undefined, undefined]);
    expect(readFileSync(path.join(root, 'cat_new', 'readme.md'), 'utf8')).not.toBe(MAKERS_README);
  });

  describe('over a folder the maker edited since the last extraction', () => {
    const FOLDER = 'Human-in-the-Loop';
    /**
     * The last snapshot unpacked and extracted, and the maker's edit of `file` in the folder, committed
     * as in the snapshot workflow's checkout: extraction replaces it, as git has it.
     */
    async function editedSnapshot(
      file: string,
      edit: (text: string) => string,
    ): Promise<{ previous: string; root: string }> {
      const work = temp.make();
      const previous = path.join(work, 'previous');
      await unpackSolution(fixturePath(HIL), previous);
      const root = path.join(work, 'custom-connectors');
      await extractConnectors(previous, root);
      const edited = path.join(root, FOLDER, file);
      const text = readFileSync(edited, 'utf8');
      writeFileSync(edited, edit(text));
      if (edit !== unedited) expect(readFileSync(edited, 'utf8')).not.toBe(text);
      commitAll(work);
      return { previous, root };
    }
    /** Extraction as the command and the action run it, asking git whether an edit is committed. */
    const extractAndRemoveLeftConnectors = (
      source: string,
      root: string,
      options: ExtractAndRemoveLeftOptions = {},
    ): Promise<ExtractAndRemoveLeftResult> =>
      extractAndRemoveLeft(source, root, { ...options, askGit: commitStates });
    const unedited = (text: string): string => text;
    const editedTitle = (text: string): string =>
      text.replace('"title": "Human-in-the-Loop"', '"title": "Edited by the maker"');

    it("names the file it replaced and warns that the maker's edit was replaced", async () => {
      const { previous, root } = await editedSnapshot('apiDefinition.swagger.json', editedTitle);
      const [connector] = (
        await extractAndRemoveLeftConnectors(fixturePath(HIL), root, { previousSource: previous })
      ).connectors;
      expect(connector).toMatchObject({
        created: [],
        updated: ['apiDefinition.swagger.json'],
        written: ['apiDefinition.swagger.json'],
        unchanged: ['apiProperties.json', 'icon.png'],
      });
      expect(connector!.warnings).toEqual([
        expect.stringMatching(
          /^apiDefinition\.swagger\.json was edited in this folder since the last extraction \(it is not what --previous-source gives\): the solution's version replaced the edit\./,
        ),
      ]);
      expect(readFileSync(path.join(root, FOLDER, 'apiDefinition.swagger.json'), 'utf8')).toContain(
        '"title": "Human-in-the-Loop"',
      );
    });

    it('says the words of the action when told to', async () => {
      const { previous, root } = await editedSnapshot('apiDefinition.swagger.json', editedTitle);
      const [connector] = (
        await extractAndRemoveLeftConnectors(fixturePath(HIL), root, {
          previousSource: previous,
          say: inputWords,
        })
      ).connectors;
      expect(connector!.warnings[0]).toContain('(it is not what previous-source gives)');
    });

    it('does not warn of a change the solution made, only names the file', async () => {
      const { previous, root } = await editedSnapshot('apiDefinition.swagger.json', unedited);
      const next = path.join(path.dirname(previous), 'next');
      cpSync(previous, next, { recursive: true });
      const definition = path.join(next, 'Connectors', 'cat_human-2din-2dthe-2dloop_openapidefinition.json');
      writeFileSync(definition, editedTitle(readFileSync(definition, 'utf8')));
      const [connector] = (await extractAndRemoveLeftConnectors(next, root, { previousSource: previous }))
        .connectors;
      expect(connector).toMatchObject({ updated: ['apiDefinition.swagger.json', 'readme.md'], warnings: [] });
    });

    // Extraction keeps a folder's own layout of the swagger (upstream's files are indented by four
    // spaces): the previous solution's swagger, laid out otherwise, is no edit of the maker's.
    it("does not take the folder's own layout of the swagger for an edit when the solution changed it", async () => {
      const fourSpaces = (text: string): string => text.replace(/^ +/gm, (indent) => indent + indent);
      const { previous, root } = await editedSnapshot('apiDefinition.swagger.json', fourSpaces);
      const relaid = await extractAndRemoveLeftConnectors(previous, root, { previousSource: previous });
      expect(relaid.connectors[0]).toMatchObject({ updated: [], warnings: [] });
      const next = path.join(path.dirname(previous), 'next');
      cpSync(previous, next, { recursive: true });
      const definition = path.join(next, 'Connectors', 'cat_human-2din-2dthe-2dloop_openapidefinition.json');
      writeFileSync(definition, editedTitle(readFileSync(definition, 'utf8')));
      const [connector] = (await extractAndRemoveLeftConnectors(next, root, { previousSource: previous }))
        .connectors;
      expect(connector).toMatchObject({ updated: ['apiDefinition.swagger.json', 'readme.md'], warnings: [] });
    });

    it('names the file without a warning when there is no previous solution to tell an edit by', async () => {
      const { root } = await editedSnapshot('apiDefinition.swagger.json', editedTitle);
      const [connector] = (await extractAndRemoveLeftConnectors(fixturePath(HIL), root)).connectors;
      expect(connector).toMatchObject({ updated: ['apiDefinition.swagger.json'], warnings: [] });
    });

    it("keeps the maker's own apiProperties keys without a word, and warns of an edit of the solution's", async () => {
      const own = await editedSnapshot('apiProperties.json', (text) =>
        text.replace('"properties": {', '"properties": {\n    "publisher": "Contoso",'),
      );
      const [kept] = (
        await extractAndRemoveLeftConnectors(fixturePath(HIL), own.root, { previousSource: own.previous })
      ).connectors;
      expect(kept).toMatchObject({ updated: [], warnings: [] });
      expect(kept!.unchanged).toContain('apiProperties.json');

      const carried = await editedSnapshot('apiProperties.json', (text) =>
        text.replace(
          '"connectionParameters": {}',
          '"connectionParameters": { "api_key": { "type": "securestring" } }',
        ),
      );
      const [replaced] = (
        await extractAndRemoveLeftConnectors(fixturePath(HIL), carried.root, {
          previousSource: carried.previous,
        })
      ).connectors;
      expect(replaced).toMatchObject({ updated: ['apiProperties.json'] });
      expect(replaced!.warnings).toEqual([
        expect.stringMatching(/^apiProperties\.json was edited in this folder/),
      ]);
    });

    it('takes an apiProperties.json that an editor saved with a byte order mark for no edit', async () => {
      const { previous, root } = await editedSnapshot('apiProperties.json', (text) => `\uFEFF${text}`);
      const [connector] = (
        await extractAndRemoveLeftConnectors(fixturePath(HIL), root, { previousSource: previous })
      ).connectors;
      expect(connector).toMatchObject({ updated: ['apiProperties.json'], warnings: [] });
    });

    it('replaces a folder in the place of a file without taking it for an edit', async () => {
      const { previous, root } = await editedSnapshot('apiDefinition.swagger.json', unedited);
      const icon = path.join(root, FOLDER, 'icon.png');
      rmSync(icon);
      mkdirSync(icon);
      writeFileSync(path.join(icon, 'notes.md'), 'in the way');
      const [connector] = (
        await extractAndRemoveLeftConnectors(fixturePath(HIL), root, { previousSource: previous })
      ).connectors;
      expect(connector).toMatchObject({ updated: ['icon.png'], warnings: [] });
    });

    it('names the files it created in a new folder', async () => {
      const root = path.join(temp.make(), 'custom-connectors');
      const [connector] = (await extractAndRemoveLeftConnectors(fixturePath(HIL), root)).connectors;
      expect(connector).toMatchObject({
        created: ['apiDefinition.swagger.json', 'apiProperties.json', 'icon.png', 'readme.md'],
        updated: [],
        unchanged: [],
      });
    });
  });
});
