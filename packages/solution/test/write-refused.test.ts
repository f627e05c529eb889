import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { locatedMessage, stagingLeftBeside } from '@connector-alm/testing';
import { buildSolution, extractConnectors, packSolution, unpackSolution } from '../src/index.js';
import { fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { unwritableFolder } from '@connector-alm/testing';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('write-refused-');
const readOnly = unwritableFolder();
afterAll(() => {
  temp.cleanup();
  readOnly?.cleanup();
});

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const describeIt = existsSync(SOLUTION_FIXTURES) && readOnly ? describe : describe.skip;

/**
 * A folder the user may not write (a read-only checkout, a runner's protected path) is the user's to
 * fix: the error names what could not be written and why, instead of "failed unexpectedly, a bug".
 */
describeIt('writing where the file system refuses it', () => {
  const folder = (): string => readOnly!.folder;

  async function expectRefusal(run: Promise<unknown>, target: string): Promise<void> {
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    // The temporary sibling that was refused is not named: the location already says which folder.
    expect(locatedMessage(error)).toMatch(
      new RegExp(`^${escape(target)}: cannot be written: permission denied \\(E[A-Z]+, [a-z]+\\)\\.$`),
    );
    expect((error as UserError).hint).toBe('Choose a folder you can write to, or change its permissions.');
  }

  it('unpack names the folder it could not create', async () => {
    const target = path.join(folder(), 'src');
    await expectRefusal(unpackSolution(fixturePath(HIL), target), target);
  });

  it('pack names the zip it could not write', async () => {
    const source = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(HIL), source);
    const zip = path.join(folder(), 'customHIL.zip');
    await expectRefusal(packSolution(source, zip), zip);
  });

  it('extract-connectors names the connector folder it could not write, and the parent it could not make', async () => {
    const root = path.join(folder(), 'connectors');
    const error = await extractConnectors(fixturePath(HIL), root).catch((e: unknown) => e);
    expect(locatedMessage(error)).toMatch(
      new RegExp(
        `^${escape(path.join(root, 'Human-in-the-Loop'))}: cannot be written: permission denied \\(E[A-Z]+, mkdir ${escape(root)}\\)\\.$`,
      ),
    );
    expect((error as UserError).hint).toBe('Choose a folder you can write to, or change its permissions.');
  });

  it('build-solution names the zip it could not write', async () => {
    const connectors = temp.make();
    await extractConnectors(fixturePath(HIL), connectors);
    const zip = path.join(folder(), 'built.zip');
    await expectRefusal(
      buildSolution([path.join(connectors, 'Human-in-the-Loop')], zip, {
        uniqueName: 'Built',
        version: '1.0.0.0',
        publisher: { uniqueName: 'CAT', prefix: 'cat' },
      }),
      zip,
    );
    expect(stagingLeftBeside(zip)).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
