import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runGit } from '@connector-alm/testing';
import { commitStates } from '@connector-alm/validator';
import {
  extractAndRemoveLeftConnectors,
  fileChanges,
  type ExtractAndRemoveLeftOptions,
} from '../src/index.js';
import { describeWith, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { HIL_DEFINITION, snapshots, type Snapshots } from './helpers/snapshots.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('extract-unsaved-edits-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const FOLDER = 'Human-in-the-Loop';
const SWAGGER = 'apiDefinition.swagger.json';
const editedTitle = (text: string): string =>
  text.replace('"title": "Human-in-the-Loop"', '"title": "Edited by the maker"');

const git = (cwd: string, ...args: string[]): string => runGit(cwd, args);

/**
 * The last snapshot (customHIL unpacked, its connector extracted), a git repository when `repository`,
 * with everything committed; and the solution as exported since, its API definition changed in the
 * maker portal (its description), so that extraction replaces the folder's swagger.
 */
async function snapshot(repository: boolean): Promise<Snapshots> {
  const made = await snapshots(temp.make(), HIL, {
    file: HIL_DEFINITION,
    edit: (text) => text.replace(/"description": *"[^"]*"/, '"description": "Changed in the maker portal"'),
  });
  if (repository) {
    git(made.work, 'init', '-q');
    git(made.work, 'add', '-A');
    git(made.work, 'commit', '-q', '-m', 'snapshot');
  }
  return made;
}

/** The maker's edit of the folder's swagger, in the working copy only. */
function editSwagger(root: string): string {
  const file = path.join(root, FOLDER, SWAGGER);
  writeFileSync(file, editedTitle(readFileSync(file, 'utf8')));
  return readFileSync(file, 'utf8');
}

/** Extraction as the command and the action run it: git is asked whether an edit is committed. */
const extract = (source: string, root: string, options: ExtractAndRemoveLeftOptions = {}) =>
  extractAndRemoveLeftConnectors(source, root, { ...options, askGit: commitStates });

describeWith(SOLUTION_FIXTURES, 'real solution export')(
  'extraction over an edit that nothing else has',
  () => {
    describe('with the previous solution', () => {
      // The walkthrough's loss: the edit was replaced, and the warning said "git diff shows it".
      it('leaves an uncommitted edit as it is, writes the rest and says what to do', async () => {
        const { previous, next, root } = await snapshot(true);
        const edited = editSwagger(root);
        const [connector] = (await extract(next, root, { previousSource: previous })).connectors;
        expect(readFileSync(path.join(root, FOLDER, SWAGGER), 'utf8')).toBe(edited);
        // The readme, still the last extraction's template, follows the solution's definition all the same.
        expect(connector).toMatchObject({ updated: ['readme.md'], written: ['readme.md'], warnings: [] });
        expect(connector!.kept).not.toContain(SWAGGER);
        expect(connector!.notReplaced).toEqual([
          {
            file: SWAGGER,
            message:
              `${SWAGGER} was edited in this folder since the last extraction (it is not what --previous-source gives), ` +
              `and the change is not committed: it was left as it is, not replaced by the solution's version. ` +
              `Commit it and run again (the solution's version then replaces it, and git diff shows what changed), ` +
              `or discard it (git restore) and run again. To keep the edit, make it in the maker portal (or build the ` +
              `solution from this folder and import it) too.`,
          },
        ]);
        expect(fileChanges(connector!)).toBe(
          `updated readme.md; 2 unchanged; ${SWAGGER} not replaced: edit not committed`,
        );
      });

      it('replaces the edit once it is committed, and git diff then shows it as the warning says', async () => {
        const { work, previous, next, root } = await snapshot(true);
        editSwagger(root);
        git(work, 'commit', '-q', '-am', 'edit');
        const [connector] = (await extract(next, root, { previousSource: previous })).connectors;
        expect(connector).toMatchObject({ updated: [SWAGGER, 'readme.md'], notReplaced: [] });
        expect(connector!.warnings).toEqual([
          expect.stringContaining("the solution's version replaced the edit. git diff shows it;"),
        ]);
        const diff = git(work, 'diff', '--', `custom-connectors/${FOLDER}/${SWAGGER}`);
        expect(diff).toContain('-    "title": "Edited by the maker"');
        expect(diff).toContain('+    "title": "Human-in-the-Loop"');
      });

      // Each file is told apart on its own: a committed one replaced does not take the others with it.
      it('replaces a committed edit and still leaves an uncommitted edit of a file after it', async () => {
        const { work, previous, next, root } = await snapshot(true);
        editSwagger(root);
        git(work, 'commit', '-q', '-am', 'edit');
        const properties = path.join(root, FOLDER, 'apiProperties.json');
        const edited = readFileSync(properties, 'utf8').replace('"#0078d4"', '"#d40078"');
        expect(edited).not.toBe(readFileSync(properties, 'utf8'));
        writeFileSync(properties, edited);
        const [connector] = (await extract(next, root, { previousSource: previous })).connectors;
        expect(connector!.updated).toContain(SWAGGER);
        expect(connector!.warnings).toEqual([
          expect.stringContaining("the solution's version replaced the edit. git diff shows it;"),
        ]);
        expect(readFileSync(properties, 'utf8')).toBe(edited);
        expect(connector!.notReplaced.map(({ file }) => file)).toEqual(['apiProperties.json']);
      });

      it('leaves a staged edit as it is: the index is no commit', async () => {
        const { work, previous, next, root } = await snapshot(true);
        const edited = editSwagger(root);
        git(work, 'add', '-A');
        const [connector] = (await extract(next, root, { previousSource: previous })).connectors;
        expect(readFileSync(path.join(root, FOLDER, SWAGGER), 'utf8')).toBe(edited);
        expect(connector!.notReplaced[0]!.message).toContain('and the change is not committed');
      });

      it('leaves an edit of a folder git does not track, and one outside any work tree', async () => {
        const untracked = await snapshot(true);
        git(untracked.work, 'rm', '-rq', '--cached', 'custom-connectors');
        git(untracked.work, 'commit', '-q', '-m', 'connectors out of git');
        editSwagger(untracked.root);
        const [inRepository] = (
          await extract(untracked.next, untracked.root, { previousSource: untracked.previous })
        ).connectors;
        expect(inRepository!.notReplaced[0]!.message).toMatch(
          /, and git has no commit of it \(the file is untracked\): it was left as it is, .* or delete it and run again\./,
        );

        const outside = await snapshot(false);
        const edited = editSwagger(outside.root);
        const [connector] = (await extract(outside.next, outside.root, { previousSource: outside.previous }))
          .connectors;
        expect(readFileSync(path.join(outside.root, FOLDER, SWAGGER), 'utf8')).toBe(edited);
        expect(connector!.notReplaced[0]!.message).toMatch(
          /, and nothing else has it \(it is not in a git work tree\): it was left as it is, not replaced by the solution's version\. Copy it elsewhere, then delete it, and run again\./,
        );
      });

      // No commit will ever hold it: committing is no way out.
      it('leaves an edit of a file git ignores, and says to copy it elsewhere', async () => {
        const { work, previous, next, root } = await snapshot(true);
        writeFileSync(path.join(work, '.gitignore'), 'apiDefinition.swagger.json\n');
        git(work, 'rm', '-q', '--cached', `custom-connectors/${FOLDER}/${SWAGGER}`);
        git(work, 'add', '.gitignore');
        git(work, 'commit', '-q', '-m', 'swagger ignored');
        const edited = editSwagger(root);
        const [connector] = (await extract(next, root, { previousSource: previous })).connectors;
        expect(readFileSync(path.join(root, FOLDER, SWAGGER), 'utf8')).toBe(edited);
        expect(connector!.notReplaced[0]!.message).toMatch(
          /: it was left as it is, not replaced by the solution's version\. Copy it elsewhere, then delete it, and run again\. To keep the edit/,
        );
      });

      // previous-source has the content: an earlier extraction's output, not an edit, and nothing is lost.
      it("replaces the earlier extraction's output that is not committed, without a word", async () => {
        const { previous, next, root } = await snapshot(false);
        const [connector] = (await extract(next, root, { previousSource: previous })).connectors;
        expect(connector).toMatchObject({ updated: [SWAGGER, 'readme.md'], notReplaced: [], warnings: [] });
      });

      // A folder in the swagger's place holds no edit, but the files after it still may.
      it("leaves an uncommitted edit of apiProperties.json beside a folder in the swagger's place", async () => {
        const { previous, next, root } = await snapshot(true);
        const swagger = path.join(root, FOLDER, SWAGGER);
        rmSync(swagger);
        mkdirSync(swagger);
        writeFileSync(path.join(swagger, 'notes.md'), 'in the way');
        const properties = path.join(root, FOLDER, 'apiProperties.json');
        const edited = readFileSync(properties, 'utf8').replace('"#0078d4"', '"#d40078"');
        expect(edited).not.toBe(readFileSync(properties, 'utf8'));
        writeFileSync(properties, edited);
        const [connector] = (await extract(next, root, { previousSource: previous })).connectors;
        expect(readFileSync(properties, 'utf8')).toBe(edited);
        expect(connector!.notReplaced.map(({ file }) => file)).toEqual(['apiProperties.json']);
        expect(connector!.updated).toContain(SWAGGER);
      });

      it('leaves a script.csx the solution no longer has when it was added by hand and not committed', async () => {
        const { work, previous, next, root } = await snapshot(true);
        const script = path.join(root, FOLDER, 'script.csx');
        writeFileSync(script, 'public class Script : ScriptBase { }\n');
        const [connector] = (await extract(next, root, { previousSource: previous })).connectors;
        expect(readFileSync(script, 'utf8')).toBe('public class Script : ScriptBase { }\n');
        expect(connector).toMatchObject({ deleted: [], updated: [SWAGGER, 'readme.md'] });
        expect(connector!.notReplaced).toEqual([
          {
            file: 'script.csx',
            message: expect.stringMatching(
              /^script\.csx holds neither the solution's version nor what --previous-source gives, and git has no commit of it \(the file is untracked\): it was left in place, not deleted \(the solution no longer has it\)\./,
            ),
          },
        ]);
        // Committed, it goes, as before: git has it.
        git(work, 'add', '-A');
        git(work, 'commit', '-q', '-m', 'script');
        const [again] = (await extract(next, root, { previousSource: previous })).connectors;
        expect(again).toMatchObject({ deleted: ['script.csx'], notReplaced: [] });
      });
    });

    describe('without the previous solution', () => {
      it('leaves a file with uncommitted changes in a git work tree, as nothing tells them from an edit', async () => {
        const { next, root } = await snapshot(true);
        const edited = editSwagger(root);
        const [connector] = (await extract(next, root)).connectors;
        expect(readFileSync(path.join(root, FOLDER, SWAGGER), 'utf8')).toBe(edited);
        expect(connector!.notReplaced).toEqual([
          {
            file: SWAGGER,
            message: expect.stringMatching(
              /^apiDefinition\.swagger\.json is not the solution's version \(without --previous-source, an edit cannot be told from an earlier extraction\), and the change is not committed: it was left as it is/,
            ),
          },
        ]);
      });

      it('replaces a committed file, and any file outside a git work tree, as the docs say', async () => {
        const committed = await snapshot(true);
        const [inRepository] = (await extract(committed.next, committed.root)).connectors;
        expect(inRepository).toMatchObject({ updated: [SWAGGER], notReplaced: [] });

        const outside = await snapshot(false);
        editSwagger(outside.root);
        const [connector] = (await extract(outside.next, outside.root)).connectors;
        expect(connector).toMatchObject({ updated: [SWAGGER], notReplaced: [], warnings: [] });
      });
    });
  },
);
