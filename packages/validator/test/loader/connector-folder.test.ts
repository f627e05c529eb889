import { describe, expect, it } from '@jest/globals';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConnectorFolder, MAX_FILE_BYTES } from '../../src/loader/connector-folder.js';
import { writeConnector } from '../helpers/fixture.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';

describe('loadConnectorFolder', () => {
  it('lists every regular file with its size on disk, whether it is read or not', async () => {
    const folder = writeConnector({
      ...validConnectorFiles(),
      'notes.txt': 'twelve bytes',
      'readme.md': '# Hi\n',
    });
    const connector = await loadConnectorFolder(folder);
    const sizes = Object.fromEntries(connector.entries.map((entry) => [entry.name, entry.size]));
    expect(sizes['notes.txt']).toBe(12);
    expect(sizes['readme.md']).toBe(5);
    expect(connector.files.readme?.bytes).toBe(5);
    expect(connector.files.readme?.document?.text).toBe('# Hi\n');
  });

  it('measures a file over the read limit without reading it', async () => {
    const folder = writeConnector(validConnectorFiles());
    const script = path.join(folder, 'script.csx');
    writeFileSync(script, '');
    truncateSync(script, MAX_FILE_BYTES + 1);
    const connector = await loadConnectorFolder(folder);
    expect(connector.entries.find((entry) => entry.name === 'script.csx')?.size).toBe(MAX_FILE_BYTES + 1);
    expect(connector.files.script?.bytes).toBe(MAX_FILE_BYTES + 1);
    expect(connector.files.script?.document).toBeUndefined();
    expect(connector.files.script?.issues.map((issue) => issue.ruleId)).toEqual(['GEN-FILE-TOO-LARGE']);
  });

  it('reads a file through a link inside the folder, and an empty file as empty', async () => {
    const { 'readme.md': _readme, ...files } = validConnectorFiles();
    const folder = writeConnector({ ...files, 'real-readme.md': '# Linked\n', 'script.csx': '' });
    symlinkSync(path.join(folder, 'real-readme.md'), path.join(folder, 'readme.md'));
    const connector = await loadConnectorFolder(folder);
    expect(connector.files.readme?.document?.text).toBe('# Linked\n');
    expect(connector.files.script?.document?.text).toBe('');
    expect(connector.files.script?.bytes).toBe(0);
  });
});
