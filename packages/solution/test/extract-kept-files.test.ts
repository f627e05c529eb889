import { afterAll, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractConnectors, extractedConnectorLine } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('extract-kept-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const shown = (folder: string): string => `conn/${folder}`;

// A new user re-ran extract-connectors over the folder whose readme they had edited and read
// "→ conn/Human-in-the-Loop: 3 unchanged." of a folder of four files: the fourth, their readme, was
// kept, but nothing said so.
describeWith(SOLUTION_FIXTURES, 'real solution export')('the files extraction leaves as they are', () => {
  it("says the maker's edited readme was kept, in the line and in the result", async () => {
    const root = temp.make();
    const [first] = await extractConnectors(fixturePath(HIL), root);
    // The first extraction writes the readme: nothing of the folder was there to keep.
    expect(first!.kept).toEqual([]);
    const readme = path.join(root, 'Human-in-the-Loop', 'readme.md');
    writeFileSync(readme, `${readFileSync(readme, 'utf8')}\nAsk the reviewers in #hitl.\n`);
    const [again] = await extractConnectors(fixturePath(HIL), root);
    expect(again).toMatchObject({
      created: [],
      updated: [],
      unchanged: ['apiDefinition.swagger.json', 'apiProperties.json', 'icon.png'],
      kept: ['readme.md'],
    });
    expect(extractedConnectorLine(again!, [], shown)).toBe(
      'Human-in-the-Loop (cat_human-2din-2dthe-2dloop) → conn/Human-in-the-Loop: 3 unchanged; readme.md kept: yours.',
    );
    expect(readFileSync(readme, 'utf8')).toMatch(/Ask the reviewers in #hitl\.\n$/);
  });

  it("lists every file of the maker's, readme first, and no leftover of editors or file managers", async () => {
    const root = temp.make();
    await extractConnectors(fixturePath(HIL), root);
    const folder = path.join(root, 'Human-in-the-Loop');
    mkdirSync(path.join(folder, 'images'));
    for (const file of ['images/flow.png', 'images/console.png', 'notes.md', '.DS_Store', 'readme.md~'])
      writeFileSync(path.join(folder, file), 'x');
    writeFileSync(path.join(folder, 'readme.md'), '# Human-in-the-Loop\n\nWritten by the maker.\n');
    const [again] = await extractConnectors(fixturePath(HIL), root);
    expect(again!.kept).toEqual(['readme.md', 'images/console.png', 'images/flow.png', 'notes.md']);
    expect(extractedConnectorLine(again!, [], shown)).toBe(
      'Human-in-the-Loop (cat_human-2din-2dthe-2dloop) → conn/Human-in-the-Loop: 3 unchanged; readme.md, images/ (2 files), notes.md kept: yours.',
    );
  });

  // Not listed as the maker's, but not extraction's to delete either: an editor's swap file or
  // backup may be the only copy of an edit still open, and Finder writes .DS_Store back at once.
  it('leaves the leftovers of editors and file managers in the folder', async () => {
    const root = temp.make();
    await extractConnectors(fixturePath(HIL), root);
    const folder = path.join(root, 'Human-in-the-Loop');
    const leftovers = ['.DS_Store', 'readme.md~', '.apiProperties.json.swp', 'Thumbs.db'];
    for (const file of leftovers) writeFileSync(path.join(folder, file), 'x');
    const [again] = await extractConnectors(fixturePath(HIL), root);
    expect(again!.kept).toEqual([]);
    expect(leftovers.filter((file) => !existsSync(path.join(folder, file)))).toEqual([]);
  });

  // The walkthrough: "readme.md kept: yours" of the readme the first extraction had written a minute before.
  it('says that a readme still as extraction wrote it is the template, not yours', async () => {
    const root = temp.make();
    await extractConnectors(fixturePath(HIL), root);
    writeFileSync(path.join(root, 'Human-in-the-Loop', 'notes.md'), 'x');
    const [again] = await extractConnectors(fixturePath(HIL), root);
    expect(again).toMatchObject({ kept: ['notes.md'], templateReadme: 'readme.md' });
    expect(extractedConnectorLine(again!, [], shown)).toBe(
      'Human-in-the-Loop (cat_human-2din-2dthe-2dloop) → conn/Human-in-the-Loop: 3 unchanged; readme.md kept: still the template, TODOs to fill in; notes.md kept: yours.',
    );
  });
});
