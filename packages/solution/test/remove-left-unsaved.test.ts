import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runGit } from '@connector-alm/testing';
import { commitStates } from '@connector-alm/validator';
import {
  extractAndRemoveLeftConnectors,
  extractConnectors,
  listFiles,
  type ExtractAndRemoveLeftOptions,
} from '../src/index.js';
import { HIL_CONNECTOR, withConnectorCopies } from './helpers/connector-copies.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { snapshots } from './helpers/snapshots.js';
import { temporaryFolders } from './helpers/zips.js';

// Removing the folder of a connector that left the solution deleted it whole: a readme written since
// the last extraction and not committed, or any file outside git, was lost, while extraction itself
// leaves such a file in a folder it writes (extract-unsaved-edits.test.ts).

const temp = temporaryFolders('remove-left-unsaved-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const MAKERS_README = '# Retired\n\nWritten by the maker: who to ask for a key.\n';
const git = (cwd: string, ...args: string[]): string => runGit(cwd, args);

/**
 * The last snapshot: customHIL with two more connectors, cat_retired and cat_archived, extracted
 * into `root` (in `work`, a git repository with everything committed when `repository`); the
 * solution since has neither.
 */
async function leftSinceTheLastSnapshot(
  repository: boolean,
): Promise<{ work: string; previous: string; root: string }> {
  const work = temp.make();
  const previous = await withConnectorCopies(fixturePath(HIL), path.join(work, 'previous.zip'), [
    'cat_retired',
    'cat_archived',
  ]);
  const root = path.join(work, 'custom-connectors');
  await extractConnectors(previous, root);
  if (repository) {
    git(work, 'init', '-q');
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', 'snapshot');
  }
  return { work, previous, root };
}

/** Extraction as the command and the action run it: git is asked whether a file is committed. */
const extract = (source: string, root: string, options: ExtractAndRemoveLeftOptions = {}) =>
  extractAndRemoveLeftConnectors(source, root, { ...options, askGit: commitStates });

const folders = (root: string): string[] => readdirSync(root).sort();

describeWith(SOLUTION_FIXTURES, 'real solution export')(
  'removing the folder of a connector that left, with work that nothing else has',
  () => {
    describe('in a git work tree', () => {
      it('keeps the folder whole when a file has an uncommitted change, says what to do, removes the others', async () => {
        const { work, previous, root } = await leftSinceTheLastSnapshot(true);
        writeFileSync(path.join(root, 'cat_retired', 'readme.md'), MAKERS_README);
        const before = await listFiles(path.join(root, 'cat_retired'));

        const result = await extract(fixturePath(HIL), root, { previousSource: previous });
        expect(result.removed).toEqual(['cat_archived']);
        expect(result.notRemoved).toEqual([
          {
            folder: 'cat_retired',
            files: ['readme.md'],
            message:
              `not removed: connector 'cat_retired' ("cat_retired") left the solution, but removing this folder would lose ` +
              `what neither --previous-source nor git has: readme.md: the change is not committed. Nothing in it was deleted. ` +
              `Commit it and run again (the folder is then removed, and git keeps what it held), or delete the folder ` +
              `yourself if you do not need it.`,
          },
        ]);
        expect(folders(root)).toEqual(['Human-in-the-Loop', 'cat_retired']);
        expect(await listFiles(path.join(root, 'cat_retired'))).toEqual(before);
        expect(readFileSync(path.join(root, 'cat_retired', 'readme.md'), 'utf8')).toBe(MAKERS_README);

        // Committed, as the message says: the folder goes, and git gives the readme back.
        git(work, 'commit', '-qam', 'the readme');
        const again = await extract(fixturePath(HIL), root, { previousSource: previous });
        expect([again.removed, again.notRemoved]).toEqual([['cat_retired'], []]);
        expect(git(work, 'show', 'HEAD:custom-connectors/cat_retired/readme.md')).toBe(
          MAKERS_README.trimEnd(),
        );
      });

      it('names each file by why git cannot give it back: untracked in a subfolder, staged only', async () => {
        const { work, previous, root } = await leftSinceTheLastSnapshot(true);
        const folder = path.join(root, 'cat_retired');
        mkdirSync(path.join(folder, 'images'));
        writeFileSync(path.join(folder, 'images', 'setup.png'), 'not really a png');
        writeFileSync(path.join(folder, 'notes.md'), '# Notes\n');
        const swagger = path.join(folder, 'apiDefinition.swagger.json');
        writeFileSync(
          swagger,
          readFileSync(swagger, 'utf8').replace('"swagger": "2.0",', '"swagger": "2.0", "x-edited": true,'),
        );
        git(work, 'add', '--', swagger);

        const result = await extract(fixturePath(HIL), root, { previousSource: previous });
        expect(result.notRemoved).toEqual([
          {
            folder: 'cat_retired',
            files: ['apiDefinition.swagger.json', 'images/setup.png', 'notes.md'],
            message: expect.stringContaining(
              `would lose what neither --previous-source nor git has: apiDefinition.swagger.json: the change is not committed; ` +
                `images/setup.png, notes.md: git has no commit of them (the files are untracked). Nothing in it was deleted. ` +
                `Commit them and run again`,
            ),
          },
        ]);
        expect(existsSync(path.join(folder, 'images', 'setup.png'))).toBe(true);
      });

      it('says a file git ignores is kept by no commit, and to move it out first', async () => {
        const { work, previous, root } = await leftSinceTheLastSnapshot(true);
        writeFileSync(path.join(work, '.gitignore'), '*.local\n');
        git(work, 'add', '.gitignore');
        git(work, 'commit', '-qm', 'ignore local settings');
        const folder = path.join(root, 'cat_retired');
        writeFileSync(path.join(folder, 'secrets.local'), 'api-key=abc\n');

        const alone = await extract(fixturePath(HIL), root, { previousSource: previous });
        expect(alone.notRemoved[0]!.message).toContain(
          'secrets.local: git ignores it (.gitignore), so no commit keeps it. Nothing in it was deleted. ' +
            'Copy what you need of it elsewhere, then delete the folder yourself.',
        );

        writeFileSync(path.join(folder, 'notes.md'), '# Notes\n');
        const mixed = await extract(fixturePath(HIL), root, { previousSource: previous });
        expect(mixed.notRemoved[0]!.message).toContain(
          'notes.md: git has no commit of it (the file is untracked); secrets.local: git ignores it (.gitignore), so no commit keeps it. ' +
            'Nothing in it was deleted. Move what no commit keeps out of the folder and commit the rest, then run again',
        );
        expect(existsSync(path.join(folder, 'secrets.local'))).toBe(true);
      });

      // Finder's and editors' leftovers are mostly ignored by git: they would hold the folder forever.
      it("removes a folder whose only uncommitted files are editors' and file managers' leftovers", async () => {
        const { previous, root } = await leftSinceTheLastSnapshot(true);
        writeFileSync(path.join(root, 'cat_retired', '.DS_Store'), 'Finder');
        writeFileSync(path.join(root, 'cat_retired', 'readme.md~'), 'backup');
        const result = await extract(fixturePath(HIL), root, { previousSource: previous });
        expect([result.removed.sort(), result.notRemoved]).toEqual([['cat_archived', 'cat_retired'], []]);
      });
    });

    describe('outside any git work tree', () => {
      // What --previous-source gives is got back from it: the folder as extraction wrote it goes.
      it('removes the folders as extraction wrote them, template readme and all', async () => {
        const { previous, root } = await leftSinceTheLastSnapshot(false);
        const result = await extract(fixturePath(HIL), root, { previousSource: previous });
        expect([result.removed.sort(), result.notRemoved]).toEqual([['cat_archived', 'cat_retired'], []]);
        expect(folders(root)).toEqual(['Human-in-the-Loop']);
      });

      it("keeps a folder with the maker's readme or publisher, and says to copy them first", async () => {
        const { previous, root } = await leftSinceTheLastSnapshot(false);
        writeFileSync(path.join(root, 'cat_retired', 'readme.md'), MAKERS_README);
        // The maker's keys, which extraction keeps in a folder it writes but the solution does not have.
        const properties = path.join(root, 'cat_archived', 'apiProperties.json');
        const json = JSON.parse(readFileSync(properties, 'utf8')) as { properties: Record<string, unknown> };
        json.properties.publisher = 'Contoso';
        writeFileSync(properties, JSON.stringify(json, null, 2));

        const result = await extract(fixturePath(HIL), root, { previousSource: previous });
        expect(result.removed).toEqual([]);
        expect(result.notRemoved.map(({ folder, files }) => [folder, files])).toEqual([
          ['cat_archived', ['apiProperties.json']],
          ['cat_retired', ['readme.md']],
        ]);
        expect(result.notRemoved[1]!.message).toMatch(
          /: readme\.md: nothing else has it \(it is not in a git work tree\)\. Nothing in it was deleted\. Copy what you need of it elsewhere, then delete the folder yourself\.$/,
        );
        expect(folders(root)).toEqual(['Human-in-the-Loop', 'cat_archived', 'cat_retired']);
      });

      it('says the words of the action when told to', async () => {
        const { previous, root } = await leftSinceTheLastSnapshot(false);
        writeFileSync(path.join(root, 'cat_retired', 'readme.md'), MAKERS_README);
        const { inputWords } = await import('@connector-alm/core');
        const result = await extract(fixturePath(HIL), root, { previousSource: previous, say: inputWords });
        expect(result.notRemoved[0]!.message).toContain('what neither previous-source nor git has');
      });
    });

    describe('of a renamed connector', () => {
      /** The snapshot of customHIL, unpacked, and its export since with the connector renamed "Approval Loop". */
      async function renamedSnapshot(): Promise<{ previous: string; renamed: string; root: string }> {
        const { previous, next, root } = await snapshots(temp.make(), HIL, {
          file: path.join('Connectors', `${HIL_CONNECTOR}.xml`),
          edit: (text) => text.replace(/<displayname>Human-in-the-Loop</, '<displayname>Approval Loop<'),
        });
        return { previous, renamed: next, root };
      }

      it('removes the earlier folder once its files are carried, though none is committed', async () => {
        const { previous, renamed, root } = await renamedSnapshot();
        writeFileSync(path.join(root, 'Human-in-the-Loop', 'readme.md'), MAKERS_README);
        const result = await extract(renamed, root, { previousSource: previous });
        expect([result.removed, result.notRemoved]).toEqual([['Human-in-the-Loop'], []]);
        expect(readFileSync(path.join(root, 'Approval Loop', 'readme.md'), 'utf8')).toBe(MAKERS_README);
      });

      it('keeps the earlier folder when it has an edit extraction does not carry', async () => {
        const { previous, renamed, root } = await renamedSnapshot();
        const swagger = path.join(root, 'Human-in-the-Loop', 'apiDefinition.swagger.json');
        const edited = readFileSync(swagger, 'utf8').replace(
          '"swagger": "2.0",',
          '"swagger": "2.0", "x-edited": true,',
        );
        writeFileSync(swagger, edited);
        const result = await extract(renamed, root, { previousSource: previous });
        expect(result.removed).toEqual([]);
        expect(result.notRemoved).toEqual([
          {
            folder: 'Human-in-the-Loop',
            files: ['apiDefinition.swagger.json'],
            message: expect.stringMatching(
              /^not removed: its connector was renamed and moved to 'Approval Loop', but removing this folder would lose what neither --previous-source nor git has: apiDefinition\.swagger\.json: nothing else has it/,
            ),
          },
        ]);
        expect(readFileSync(swagger, 'utf8')).toBe(edited);
        expect(folders(root)).toEqual(['Approval Loop', 'Human-in-the-Loop']);
      });
    });
  },
);
