import { describe, expect, it } from '@jest/globals';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { syncFile } from '../src/index.js';

describe('syncFile', () => {
  // It is opened for writing (Windows flushes only through such a handle): a mode that empties or
  // creates the file, or a write, would change what the writer is about to rename into place.
  it('leaves the bytes and the modification time of the file as they were', async () => {
    const file = path.join(temporaryFolder('sync-file-'), 'Solution.xml');
    writeFileSync(file, '<ImportExportXml />');
    const written = new Date('2020-01-02T03:04:05Z');
    utimesSync(file, written, written);
    await syncFile(file);
    expect(readFileSync(file, 'utf8')).toBe('<ImportExportXml />');
    expect(statSync(file).mtime).toEqual(written);
  });

  it('creates no file that is not there', async () => {
    const file = path.join(temporaryFolder('sync-file-'), 'missing.xml');
    await expect(syncFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
