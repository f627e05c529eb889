import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError, type UserError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { extractConnectors, packSolution } from '../src/index.js';
import { NESTED_SOLUTION_SEARCH } from '../src/solution/nested-solution.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('not-a-solution-unlisted-');
afterAll(() => temp.cleanup());

const PACK_REFUSAL =
  'is not an unpacked solution: it has no Other/Solution.xml and Other/Customizations.xml.';
const EXTRACT_REFUSAL = 'is neither a solution zip nor an unpacked solution folder (no Other/Solution.xml).';
const NO_NESTED_HINT = 'Give the folder that unpack wrote (the one holding Other/).';

/** A folder holding an unpacked solution's manifest at `relative` (all the hint looks for). */
function solutionAt(root: string, relative: string): void {
  mkdirSync(path.join(root, relative, 'Other'), { recursive: true });
  writeFileSync(path.join(root, relative, 'Other/Solution.xml'), '<ImportExportXml/>');
}

/** pack's and extract-connectors' refusals of `folder`: each a usage error located at it. */
async function refusals(folder: string): Promise<UsageError[]> {
  const pack = await packSolution(folder, path.join(temp.make(), 'out.zip')).catch((e: unknown) => e);
  const extract = await extractConnectors(folder, temp.make()).catch((e: unknown) => e);
  expect(pack).toBeInstanceOf(UsageError);
  expect(extract).toBeInstanceOf(UsageError);
  expect([locatedMessage(pack as UserError), locatedMessage(extract as UserError)]).toEqual([
    `${folder}: ${PACK_REFUSAL}`,
    `${folder}: ${EXTRACT_REFUSAL}`,
  ]);
  return [pack as UsageError, extract as UsageError];
}

// `connector-alm pack ~ out.zip` listed the whole home folder before saying it holds no solution.
describe('pack and extract-connectors given a folder that is no solution', () => {
  // Deeper than PATH_MAX (4096), made one level at a time: listing it fails even for root
  // (ENAMETOOLONG), as a folder nobody may read would for anyone else.
  (process.platform === 'win32' ? it.skip : it)('refuse it without walking its whole tree', async () => {
    const folder = temp.make();
    const name = 'd'.repeat(200);
    try {
      // A path given to a system call may not be longer, so each level is made from the one above.
      const script = `for (let i = 0; i < 25; i++) { fs.mkdirSync('${name}'); process.chdir('${name}'); }`;
      execFileSync(process.execPath, ['-e', script], { cwd: folder });
      for (const refusal of await refusals(folder)) expect(refusal.hint).toBe(NO_NESTED_HINT);
    } finally {
      // Node's rmSync cannot remove it either; rm works one level at a time.
      execFileSync('rm', ['-rf', path.join(folder, name)]);
    }
  });

  it(`read at most ${NESTED_SOLUTION_SEARCH.folders} folders looking for a solution inside it`, async () => {
    // Breadth-first and in name order: many/ and its folders are read before z/src.
    const folder = temp.make();
    for (let i = 0; i < NESTED_SOLUTION_SEARCH.folders; i++)
      mkdirSync(path.join(folder, 'many', `f${i}`), { recursive: true });
    solutionAt(folder, 'z/src');
    for (const refusal of await refusals(folder)) expect(refusal.hint).toBe(NO_NESTED_HINT);
    // With fewer folders before it, the same solution is named.
    const few = temp.make();
    for (let i = 0; i < 10; i++) mkdirSync(path.join(few, 'many', `f${i}`), { recursive: true });
    solutionAt(few, 'z/src');
    for (const refusal of await refusals(few))
      expect(refusal.hint).toBe('It holds one in z/src: give that folder.');
  });

  it(`name the solutions up to ${NESTED_SOLUTION_SEARCH.depth} levels down, not deeper ones nor those in .git`, async () => {
    const folder = temp.make();
    solutionAt(folder, 'solutions/Contoso/src');
    solutionAt(folder, 'solutions/Fabrikam/src');
    solutionAt(folder, 'solutions/Old/archive/src');
    solutionAt(folder, '.git/src');
    for (const refusal of await refusals(folder))
      expect(refusal.hint).toBe(
        'It holds several, in solutions/Contoso/src, solutions/Fabrikam/src: give one of them.',
      );
  });
});
