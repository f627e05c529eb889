import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolders } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

// An unpacked solution, or a file or folder of one, given where a solution zip goes: each command
// names the solution's folder and says what to give instead. extract-connectors said of
// u/Other/Solution.xml that it "is not a zip archive or is truncated" and to export the solution again.

const folders = temporaryFolders('cli-unpacked-for-zip-');
afterAll(() => folders.cleanup());

let cwd: string;
beforeAll(() => {
  cwd = folders.make();
  const solution = path.join(cwd, 'my solution');
  mkdirSync(path.join(solution, 'Other'), { recursive: true });
  mkdirSync(path.join(solution, 'Connectors'));
  writeFileSync(path.join(solution, 'Other', 'Solution.xml'), '<ImportExportXml />\n');
  writeFileSync(path.join(solution, 'Other', 'Customizations.xml'), '<ImportExportXml />\n');
  writeFileSync(path.join(solution, 'Connectors', 'cr_x_openapidefinition.json'), '{}\n');
  // A zip kept in the folder that turns out truncated: the zip reader's words, not these.
  writeFileSync(path.join(solution, 'old.zip'), 'PK\x03\x04truncated');
  writeFileSync(path.join(cwd, 'notes.txt'), 'not a zip\n');
});

async function run(argv: string[], at = cwd, env: NodeJS.ProcessEnv = {}) {
  const io = memoryIo(at, env);
  const code = await runCli(argv, io);
  return { code, err: io.err() };
}

const manifest = path.join('my solution', 'Other', 'Solution.xml');
const connectors = path.join('my solution', 'Connectors');
const readHint = "Give the solution's folder itself: 'my solution'.";
const unpackHint =
  "It is unpacked already: edit its files there. To make a solution zip of it, pack it (connector-alm pack 'my solution' <solution.zip>).";
const importHint =
  "Pack the solution's folder first (connector-alm pack 'my solution' <solution.zip>), then import the zip.";
const fileOf = "is a file of the unpacked solution in 'my solution', not a solution zip.";
const folderOf = "is a folder of the unpacked solution in 'my solution', not a solution zip.";
/** Signs in to nothing: the zip is read before any request. */
const connection = [
  '--environment-url',
  'https://contoso.crm.dynamics.com',
  '--tenant-id',
  '00000000-0000-4000-8000-000000000001',
  '--app-id',
  'a',
];

describe('a part of an unpacked solution given for a solution zip', () => {
  it.each<[string, string[], string, string]>([
    [
      'extract-connectors, its manifest',
      ['extract-connectors', manifest, 'out'],
      manifest,
      `${fileOf} ${readHint}`,
    ],
    [
      'extract-connectors, its Connectors folder',
      ['extract-connectors', connectors, 'out'],
      connectors,
      `${folderOf} ${readHint}`,
    ],
    [
      'build-solution --existing, its Customizations.xml',
      [
        'build-solution',
        'connectors',
        'out.zip',
        '--existing',
        path.join('my solution', 'Other', 'Customizations.xml'),
      ],
      path.join('my solution', 'Other', 'Customizations.xml'),
      `${fileOf} ${readHint}`,
    ],
    [
      'unpack, the folder itself',
      ['unpack', 'my solution', 'out'],
      'my solution',
      `is an unpacked solution folder, not a solution zip. ${unpackHint}`,
    ],
    ['unpack, its manifest', ['unpack', manifest, 'out'], manifest, `${fileOf} ${unpackHint}`],
    ['unpack, its Connectors folder', ['unpack', connectors, 'out'], connectors, `${folderOf} ${unpackHint}`],
    ['import, its manifest', ['import', manifest, ...connection], manifest, `${fileOf} ${importHint}`],
    [
      'import, its Connectors folder',
      ['import', connectors, ...connection],
      connectors,
      `${folderOf} ${importHint}`,
    ],
  ])('%s: exit 2, the solution folder named', async (_, argv, location, message) => {
    const result = await run(argv, cwd, { CONNECTOR_ALM_CLIENT_SECRET: 'x' });
    expect(result.err).toBe(`${location}: error: ${message}\n`);
    expect(result.code).toBe(2);
  });

  it('names the folder from the working directory, also when it is the working directory', async () => {
    const result = await run(
      ['unpack', path.join('Other', 'Solution.xml'), path.join('..', 'out')],
      path.join(cwd, 'my solution'),
    );
    expect(result.err).toBe(
      `${path.join('Other', 'Solution.xml')}: error: is a file of the unpacked solution in ., not a solution zip. It is unpacked already: edit its files there. To make a solution zip of it, pack it (connector-alm pack . <solution.zip>).\n`,
    );
  });

  it('leaves a broken zip in the folder, and a file outside any solution, to the zip reader', async () => {
    const zip = path.join('my solution', 'old.zip');
    for (const given of [zip, 'notes.txt']) {
      const result = await run(['extract-connectors', given, 'out']);
      expect(result.err).toMatch(
        new RegExp(`^${given.replace(/[.\\]/g, '\\$&')}: error: is not a zip archive or is truncated`),
      );
    }
  });
});
