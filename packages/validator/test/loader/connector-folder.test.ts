import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  crlfCount,
  entryPath,
  loadConnectorFolder,
  MAX_FILE_BYTES,
} from '../../src/loader/connector-folder.js';
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

  // A FIFO named as the swagger was left out, and REPO-REQUIRED-FILES said the connector had none; a
  // link to a FIFO was already told as it is. Opening it would wait for a writer for ever.
  it("takes a FIFO under a connector file's name as that file, not regular, and does not open it", async () => {
    const folder = writeConnector(validConnectorFiles());
    const swagger = path.join(folder, 'apiDefinition.swagger.json');
    rmSync(swagger);
    expect(spawnSync('mkfifo', [swagger]).status).toBe(0);
    const connector = await loadConnectorFolder(folder);
    expect(connector.files.swagger?.document).toBeUndefined();
    expect(connector.files.swagger?.issues).toEqual([
      { ruleId: 'GEN-UNREADABLE', message: 'apiDefinition.swagger.json is not a regular file.' },
    ]);
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

  it('keeps the bytes of each file as on disk, however many are read after it and whatever their size', async () => {
    // In the listing's order: a large swagger, a small apiProperties.json, the icon, then texts that
    // are read after the icon, shorter and longer than what was read before them.
    const swagger = JSON.stringify({ swagger: '2.0', info: { description: 'd'.repeat(300_000) } });
    const apiProperties = JSON.stringify({ properties: {} });
    const icon = Buffer.from([0x89, 0x50, 0x4e, 0x47, ...Array.from({ length: 5000 }, (_, i) => i % 251)]);
    const readme = `# Short\n`;
    const script = `// ${'s'.repeat(20_000)}\n`;
    const folder = writeConnector({
      'apiDefinition.swagger.json': swagger,
      'apiProperties.json': apiProperties,
      'icon.png': icon,
      'readme.md': readme,
      'script.csx': script,
      'settings.json': '{}',
    });
    const connector = await loadConnectorFolder(folder);
    expect(connector.files.swagger?.document?.text).toBe(swagger);
    expect(connector.files.apiProperties?.document?.text).toBe(apiProperties);
    expect(connector.files.icon?.data).toEqual(icon);
    expect(connector.files.readme?.document?.text).toBe(readme);
    expect(connector.files.script?.document?.text).toBe(script);
    expect(connector.files.settings?.document?.text).toBe('{}');
  });
});

describe('loadConnectorFolder of a file with a NUL byte', () => {
  const swagger = JSON.stringify(validConnectorFiles()['apiDefinition.swagger.json'], null, 2);

  it('reads text with a stray NUL as text, its JSON read as the edit of the NUL makes it', async () => {
    const folder = writeConnector({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': swagger.replace('"Contoso Tasks"', '"Contoso Tasks\u0000"'),
    });
    const file = (await loadConnectorFolder(folder)).files.swagger!;
    // GEN-JSON-PARSE says the NUL (no JSON text holds one): no GEN-BINARY besides.
    expect(file.issues).toEqual([]);
    expect((file.document!.value as { info: { title: string } }).info.title).toBe('Contoso Tasks');
  });

  it('reads bytes with other control characters, or NULs in more than 1 byte of 100, as binary, unread', async () => {
    const controls = swagger.replace('"Contoso Tasks"', '"Contoso\u0000 Tasks\u0001"');
    const manyNuls = `${swagger.slice(0, 200)}${'\u0000'.repeat(5)}${swagger.slice(200, 300)}`;
    for (const text of [controls, manyNuls]) {
      const folder = writeConnector({ ...validConnectorFiles(), 'apiDefinition.swagger.json': text });
      const file = (await loadConnectorFolder(folder)).files.swagger!;
      expect(file.issues.map((issue) => issue.message)).toEqual([
        'apiDefinition.swagger.json holds binary data, not text.',
      ]);
      expect(file.document).toBeUndefined();
    }
  });
});

describe('loadConnectorFolder of files whose names differ only in case', () => {
  // ApiProperties.json (listed first) was read, and REPO-FILENAMES said to delete apiProperties.json;
  // done as told, the next run said to rename ApiProperties.json to apiProperties.json.
  it('reads the one with the canonical name, wherever the listing puts it', async () => {
    const properties = validConnectorFiles()['apiProperties.json'] as object;
    const folder = writeConnector({
      ...validConnectorFiles(),
      'ApiProperties.json': { ...properties, note: 'the other' },
      'Script.csx': '// the other\n',
      'script.csx': '// the canonical one\n',
      'ICON.PNG': Buffer.from([1]),
      'icon.png': Buffer.from([2]),
    });
    const connector = await loadConnectorFolder(folder);
    expect(connector.files.apiProperties?.name).toBe('apiProperties.json');
    expect(connector.files.apiProperties?.document?.value).toEqual(properties);
    expect(connector.files.script?.document?.text).toBe('// the canonical one\n');
    expect(connector.files.icon?.data).toEqual(Buffer.from([2]));
    expect(connector.caseTwins?.map((twin) => twin.name)).toEqual(['Script.csx']);
  });

  it('reads the first listed when none has the canonical name, and readme.md of readme twins', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'APIPROPERTIES.JSON': validConnectorFiles()['apiProperties.json']!,
      'ApiProperties.json': validConnectorFiles()['apiProperties.json']!,
      'README.md': '# Read\n',
    };
    delete files['apiProperties.json'];
    const connector = await loadConnectorFolder(writeConnector(files));
    expect(connector.files.apiProperties?.name).toBe('APIPROPERTIES.JSON');
    // README.md and readme.md are both a name the readme may have, but readme.md is the canonical one:
    // README.md, listed first, was read, and REPO-FILENAMES said to delete readme.md.
    expect(connector.files.readme?.name).toBe('readme.md');
    expect(connector.caseTwins?.map((twin) => twin.name)).toEqual(['README.md']);
    // Of two readme twins in other cases, the first listed.
    const others: Record<string, object | string> = {
      ...validConnectorFiles(),
      'README.MD': '# Upper\n',
      'Readme.md': '# Title case\n',
    };
    delete others['readme.md'];
    expect((await loadConnectorFolder(writeConnector(others))).files.readme?.name).toBe('README.MD');
  });
});

describe('entryPath', () => {
  // The folders the loader and discovery pass: resolved paths, display paths, and paths made by
  // entryPath. A folder displayed as '.' names its files by their names alone (see loadFile).
  const cases: [path.PlatformPath, string[]][] = [
    [path.posix, ['/', '/work/corpus', '/work/corpus/certified-connectors', '..', '../..', 'a', 'a/b c']],
    [path.win32, ['C:\\', 'C:\\work\\corpus', '\\\\server\\share\\', '\\\\server\\share\\x', '..', 'a\\b c']],
  ];
  const names = [
    'readme.md',
    'Foo.swagger.json',
    '...',
    '.hidden',
    'a..b',
    'back\\slash',
    'Äpfel ☂',
    ' spaced ',
  ];

  it('names an entry of a folder listing as path.join does', () => {
    for (const [paths, folders] of cases) {
      for (const folder of folders) {
        for (const name of names) {
          // Windows names cannot hold a backslash; POSIX names can, and it is no separator there.
          if (paths === path.win32 && name.includes('\\')) continue;
          expect([paths.sep, folder, name, entryPath(folder, name, paths)]).toEqual([
            paths.sep,
            folder,
            name,
            paths.join(folder, name),
          ]);
        }
      }
    }
  });

  it('names the files of a folder above the working directory as path.join does', async () => {
    const folder = writeConnector(validConnectorFiles());
    const cwd = path.join(folder, 'elsewhere');
    const connector = await loadConnectorFolder(folder, cwd);
    expect(connector.displayPath).toBe('..');
    expect(connector.files.swagger?.displayPath).toBe(path.join('..', 'apiDefinition.swagger.json'));
    const atRoot = await loadConnectorFolder('.', folder);
    expect(atRoot.files.readme?.displayPath).toBe('readme.md');
  });
});

describe('crlfCount', () => {
  it('counts CR LF pairs only: not a lone CR or LF, nor LF CR, whatever the characters around', () => {
    const cases: [string, number][] = [
      ['', 0],
      ['\r', 0],
      ['\n', 0],
      ['\n\r', 0],
      ['\r\n', 1],
      ['\r\r\n', 1],
      ['\r\n\r\n\n\r', 2],
      ['a\r\nb\rc\nd\r\n', 2],
      ['名\r\n前\r', 1],
      ['x\r', 0],
    ];
    expect(cases.map(([text]) => crlfCount(text))).toEqual(cases.map(([, count]) => count));
  });
});
