import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, temporaryFolders } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

// The solution commands' two paths given the other way round, as a maker types them from memory
// (`unpack src contoso.zip`). Each was refused (exit 2), but told to "move the file out of the way",
// the solution zip the maker meant to read, or that the folder "must end in .zip".

const example = path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks');
const folders = temporaryFolders('cli-swapped-');
afterAll(() => folders.cleanup());

async function run(argv: string[], cwd: string) {
  const io = memoryIo(cwd, {});
  const code = await runCli(argv, io);
  return { code, err: io.err(), out: io.out() };
}

/** A folder holding contoso.zip (a real solution, built from the example) and its unpack in src/. */
async function workspace(): Promise<string> {
  const cwd = folders.make();
  const built = await run(
    [
      'build-solution',
      example,
      '-o',
      'contoso.zip',
      '--unique-name',
      'Contoso',
      '--publisher',
      'contoso',
      '--prefix',
      'contoso',
    ],
    cwd,
  );
  expect(built.code).toBe(0);
  expect((await run(['unpack', 'contoso.zip', 'src'], cwd)).code).toBe(0);
  return cwd;
}

describe('the paths of the solution commands given the other way round', () => {
  it('unpack <folder> <solution.zip> says the zip comes first and leaves both alone, exit 2', async () => {
    const cwd = await workspace();
    const zip = readFileSync(path.join(cwd, 'contoso.zip'));
    for (const folder of ['src', 'new-src']) {
      const result = await run(['unpack', folder, 'contoso.zip'], cwd);
      expect(result.err).toBe(
        'contoso.zip: error: is a zip file, given where the folder to write goes. Give the solution zip first, then the folder: connector-alm unpack <solution.zip> <folder>.\n',
      );
      expect(result.code).toBe(2);
    }
    expect(readFileSync(path.join(cwd, 'contoso.zip')).equals(zip)).toBe(true);
    expect(existsSync(path.join(cwd, 'new-src'))).toBe(false);
  });

  it('pack <solution.zip> <folder> says the folder comes first, exit 2', async () => {
    const cwd = await workspace();
    for (const folder of ['src', 'new-src']) {
      const result = await run(['pack', 'contoso.zip', folder], cwd);
      expect(result.err).toBe(
        'contoso.zip: error: is a zip file, given where the folder to pack goes. Give the folder that unpack wrote first, then the zip to write: connector-alm pack <folder> <solution.zip>.\n',
      );
      expect(result.code).toBe(2);
    }
    expect(readdirSync(cwd).sort()).toEqual(['contoso.zip', 'src']);
  });

  it('extract-connectors <destination-root> <solution.zip> says the solution comes first, exit 2', async () => {
    const cwd = await workspace();
    mkdirSync(path.join(cwd, 'custom-connectors'));
    for (const destination of ['custom-connectors', 'new-connectors', 'src']) {
      const result = await run(['extract-connectors', destination, 'contoso.zip'], cwd);
      expect(result.err).toBe(
        'contoso.zip: error: is a zip file, given where the destination root goes. Give the solution first, then the folder to write the connectors into: connector-alm extract-connectors <source> <destination-root>.\n',
      );
      expect(result.code).toBe(2);
    }
    expect(readdirSync(path.join(cwd, 'custom-connectors'))).toEqual([]);
    expect(existsSync(path.join(cwd, 'new-connectors'))).toBe(false);
  });

  it('leaves the messages of a zip where a folder goes with a zip as the source too', async () => {
    // Both paths zips: no order makes the command right, so the target is named as before.
    const cwd = await workspace();
    const result = await run(['unpack', 'contoso.zip', 'contoso.zip'], cwd);
    expect(result.err).toBe(
      'contoso.zip: error: exists and is not a folder. Give the path of a folder, or move the file out of the way.\n',
    );
    expect(result.code).toBe(2);
  });
});
