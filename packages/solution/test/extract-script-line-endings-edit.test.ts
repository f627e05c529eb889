import { afterAll, expect, it } from '@jest/globals';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runGit } from '@connector-alm/testing';
import { commitStates } from '@connector-alm/validator';
import { extractAndRemoveLeftConnectors, extractConnectors, unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

// Extraction keeps a script.csx that holds the solution's script but for its line endings (upstream
// keeps LF, Dataverse exports CRLF). Once the script changed in the maker portal, that kept file was
// taken for the maker's edit since the last extraction: not replaced (exit code 1) when it was not
// committed or outside git, and replaced with a warning of an edit nobody made when it was.

const temp = temporaryFolders('extract-script-line-endings-edit-');
afterAll(() => temp.cleanup());

const AOAI = 'AzureOpenAIServiceCustomConnector/AzureOpenAIServiceCustomConnector_1_0_0_1_managed.zip';
const SCRIPT = 'script.csx';

/**
 * The last snapshot, its connector's script.csx made LF without a byte-order mark (as upstream keeps
 * it), and the solution exported since with one line of its script changed (CRLF, as exported).
 */
async function snapshot(repository: boolean) {
  const work = temp.make();
  const previous = path.join(work, 'previous');
  await unpackSolution(fixturePath(AOAI), previous);
  const root = path.join(work, 'custom-connectors');
  const [first] = await extractConnectors(previous, root);
  const script = path.join(root, first!.folder, SCRIPT);
  const exported = readFileSync(script, 'utf8');
  expect(exported).toContain('\r\n');
  writeFileSync(script, exported.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
  const [kept] = await extractConnectors(previous, root);
  expect(kept).toMatchObject({ updated: [], unchanged: expect.arrayContaining([SCRIPT]) });
  if (repository) {
    runGit(work, ['init', '-q']);
    runGit(work, ['add', '-A']);
    runGit(work, ['commit', '-q', '-m', 'snapshot']);
  }
  const next = path.join(work, 'next');
  cpSync(previous, next, { recursive: true });
  const connectors = path.join(next, 'Connectors');
  const solutionScript = path.join(
    connectors,
    readdirSync(connectors).find((name) => name.endsWith('.csx'))!,
  );
  const text = readFileSync(solutionScript, 'utf8');
  expect(text).toContain('ChatCompletion');
  writeFileSync(solutionScript, text.replace('ChatCompletion', 'ChatCompletions'));
  return { previous, next, root, script };
}

describeWith(SOLUTION_FIXTURES, 'real solution export')(
  'a script.csx kept in its own line endings, then changed in the maker portal',
  () => {
    it.each([
      ['outside git', false],
      ['committed in git', true],
    ])("is replaced by the solution's script, %s, as no edit of the maker's", async (_where, repository) => {
      const { previous, next, root, script } = await snapshot(repository);
      const { connectors } = await extractAndRemoveLeftConnectors(next, root, {
        previousSource: previous,
        askGit: commitStates,
      });
      expect(connectors[0]).toMatchObject({ updated: [SCRIPT], notReplaced: [], warnings: [] });
      // In the folder's LF line endings: with the solution's CRLF, git showed every line changed.
      const written = readFileSync(script, 'utf8');
      expect(written).toContain('ChatCompletions');
      expect(written).not.toContain('\r\n');
    });
  },
);
