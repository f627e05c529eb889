import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isInRoot, readRootFolders, rootFoldersOnce } from '../src/connector/root-folders.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('root-folders-');
afterAll(() => temp.cleanup());

/** A connector folder with a swagger titled `title`. */
function titled(root: string, folder: string, title: string): void {
  mkdirSync(path.join(root, folder));
  writeFileSync(path.join(root, folder, 'apiDefinition.swagger.json'), JSON.stringify({ info: { title } }));
}

describe("the destination root's folders", () => {
  it('lists the folders with their swagger titles, leaving out hidden ones and links', async () => {
    const root = temp.make();
    titled(root, 'Training365', '365 Training');
    mkdirSync(path.join(root, 'LnkBio'));
    mkdirSync(path.join(root, '.git'));
    symlinkSync(path.join(root, 'Training365'), path.join(root, 'Link'), 'dir');
    const folders = await readRootFolders(root);
    expect(folders.sort((a, b) => a.name.localeCompare(b.name, 'en'))).toEqual([
      { name: 'LnkBio' },
      { name: 'Training365', title: '365 Training' },
    ]);
  });

  // A clone of upstream has over a thousand folders, each with a swagger to parse: one extraction
  // looked for connectors' folders in them up to three times, reading them each time.
  it('reads them once for one extraction, and only when they are asked for', async () => {
    const root = temp.make();
    const listing = rootFoldersOnce(root);
    titled(root, 'Training365', '365 Training');
    const first = await listing();
    expect(first).toEqual([{ name: 'Training365', title: '365 Training' }]);
    titled(root, 'LnkBio', 'Lnk.Bio');
    expect(await listing()).toBe(first);
    expect(await readRootFolders(root)).toHaveLength(2);
  });

  it('sees a link named as a folder as there, even one that leads nowhere', async () => {
    const root = temp.make();
    mkdirSync(path.join(root, 'Contoso'));
    symlinkSync(path.join(root, 'gone'), path.join(root, 'Lnk.Bio'), 'dir');
    expect(await isInRoot(root, 'Contoso')).toBe(true);
    expect(await isInRoot(root, 'Lnk.Bio')).toBe(true);
    expect(await isInRoot(root, 'Fabrikam')).toBe(false);
  });
});
