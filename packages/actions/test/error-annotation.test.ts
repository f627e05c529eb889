import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '@connector-alm/core';
import { temporaryFolders } from '@connector-alm/testing';
import { userErrorAnnotation } from '../src/runtime/error-annotation.js';

// Annotations were put on any path an error was located at; GitHub shows one on a file of the
// repository only, so one on an output not yet written, a missing input or a folder showed up nowhere
// useful, and its text did not name the path.

const folders = temporaryFolders('annotation-');
afterAll(() => folders.cleanup());

function located(file: string, line?: number, column?: number): UsageError {
  return new UsageError("Input 'x' is wrong.", {
    hint: 'Fix it.',
    location: { file, ...(line ? { line } : {}), ...(column ? { column } : {}) },
  });
}

describe('userErrorAnnotation', () => {
  const workspace = folders.make();
  mkdirSync(path.join(workspace, 'src'));
  writeFileSync(path.join(workspace, 'src/settings.json'), '{}');

  it('puts an error on a file of the workspace, from its root, the text saying only what is wrong', async () => {
    const annotation = await userErrorAnnotation(
      located(path.join(workspace, 'src/settings.json'), 3, 7),
      workspace,
    );
    expect(annotation).toEqual({
      message: "Input 'x' is wrong. Fix it.",
      properties: { file: 'src/settings.json', startLine: 3, startColumn: 7 },
    });
  });

  it.each([
    ['a file not written yet', 'out/solution.tar', 'out/solution.tar'],
    ['a folder', 'src', 'src'],
    ['the workspace itself', '.', '.'],
  ])('names %s in the text instead', async (_what, file, shown) => {
    const annotation = await userErrorAnnotation(located(path.join(workspace, file)), workspace);
    expect(annotation).toEqual({ message: `${shown}: Input 'x' is wrong. Fix it.`, properties: {} });
  });

  it('names a file outside the workspace as given, with its line', async () => {
    const outside = path.join(folders.make(), 'settings.json');
    writeFileSync(outside, '{}');
    const annotation = await userErrorAnnotation(located(outside, 2), workspace);
    expect(annotation).toEqual({ message: `${outside}:2: Input 'x' is wrong. Fix it.`, properties: {} });
  });

  it('says only what is wrong when the error has no place', async () => {
    const annotation = await userErrorAnnotation(new UsageError('Bad.'), workspace);
    expect(annotation).toEqual({ message: 'Bad.', properties: {} });
  });
});
