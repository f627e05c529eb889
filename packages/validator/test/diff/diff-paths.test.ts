import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { UsageError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { diffPaths } from '../../src/diff/diff-paths.js';
import { MAX_FILE_BYTES } from '../../src/loader/connector-folder.js';
import { writeConnector } from '../helpers/fixture.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';

describe('diffPaths', () => {
  it('compares two connector folders, readme and icon included', async () => {
    const before = writeConnector({ ...validConnectorFiles(), 'icon.png': Buffer.from([1, 2, 3]) });
    const after = writeConnector({
      ...validConnectorFiles(),
      'icon.png': Buffer.from([1, 2, 4]),
      'readme.md': '# Contoso Tasks\nEdited.\n',
    });
    const result = await diffPaths(before, after);
    expect(result.changes.map((change) => change.ruleId).sort()).toEqual([
      'CHG-ICON-CHANGED',
      'CHG-README-EDITED',
    ]);
    expect(result.classification).toBe('minor-update');
  });

  it('locates an edited readme and script.csx at their first changed line, whatever the line endings', async () => {
    const script = ['public class Script : ScriptBase', '{', '    // one', '    // two', '}', ''];
    const before = writeConnector({
      ...validConnectorFiles(),
      'readme.md': '# Contoso Tasks\r\n\r\nPlan tasks.\r\n',
      'script.csx': script.join('\n'),
    });
    const edited = [...script];
    edited[3] = '    // two, edited';
    const after = writeConnector({
      ...validConnectorFiles(),
      'readme.md': '# Contoso Tasks\n\nPlan tasks.\n\n## Prerequisites\n',
      'script.csx': edited.join('\n'),
    });
    const result = await diffPaths(before, after);
    const lines = result.changes.map(
      (change) => `${change.ruleId} ${path.basename(change.file)}:${change.line}`,
    );
    expect(lines.sort()).toEqual(['CHG-README-EDITED readme.md:4', 'CHG-SCRIPT-CHANGED script.csx:4']);
  });

  it('takes a byte-order mark added to or removed from the readme and script.csx for no change', async () => {
    const readme = '# Contoso Tasks\r\n\r\nPlan tasks.\r\n';
    const script = 'public class Script : ScriptBase\r\n{\r\n}\r\n';
    const withBom = writeConnector({
      ...validConnectorFiles(),
      'readme.md': `\ufeff${readme}`,
      'script.csx': `\ufeff${script}`,
    });
    // Saved as a "normalize to LF, no BOM" commit saves them.
    const normalized = writeConnector({
      ...validConnectorFiles(),
      'readme.md': readme.replace(/\r\n/g, '\n'),
      'script.csx': script.replace(/\r\n/g, '\n'),
    });
    for (const [before, after] of [
      [withBom, normalized],
      [normalized, withBom],
    ] as const) {
      const result = await diffPaths(before, after);
      expect(result.changes).toEqual([]);
      expect(result.classification).toBe('no-change');
    }
  });

  it('locates an edit past a byte-order mark that was removed with it at the edited line', async () => {
    const lines = ['public class Script : ScriptBase', '{', '    // one', '}', ''];
    const edited = [...lines];
    edited[2] = '    // one, edited';
    const before = writeConnector({ ...validConnectorFiles(), 'script.csx': `\ufeff${lines.join('\n')}` });
    const after = writeConnector({ ...validConnectorFiles(), 'script.csx': edited.join('\n') });
    const result = await diffPaths(before, after);
    expect(result.changes.map((change) => `${change.ruleId}:${change.line}`)).toEqual([
      'CHG-SCRIPT-CHANGED:3',
    ]);
  });

  it('locates an edit of the first line at line 1, and lines deleted at the end at the last line left', async () => {
    const before = writeConnector({
      ...validConnectorFiles(),
      'readme.md': '# Contoso Tasks\n\nPlan tasks.\n',
      'script.csx': 'public class Script : ScriptBase\n{\n}\n// kept for later\n',
    });
    const after = writeConnector({
      ...validConnectorFiles(),
      'readme.md': '# Contoso Tasks for teams\n\nPlan tasks.\n',
      'script.csx': 'public class Script : ScriptBase\n{\n}\n',
    });
    const result = await diffPaths(before, after);
    const lines = result.changes.map(
      (change) => `${change.ruleId} ${path.basename(change.file)}:${change.line}`,
    );
    expect(lines.sort()).toEqual(['CHG-README-EDITED readme.md:1', 'CHG-SCRIPT-CHANGED script.csx:3']);
  });

  it('compares a folder with a swagger file, naming the files relative to cwd', async () => {
    const before = writeConnector(validConnectorFiles());
    const swagger = validSwagger();
    delete swagger.paths['/tasks/{taskId}'];
    const after = writeConnector({ 'apiDefinition.swagger.json': swagger });
    const cwd = path.dirname(path.dirname(path.dirname(after)));
    const result = await diffPaths(before, path.join(after, 'apiDefinition.swagger.json'), cwd);
    const [deleted] = result.changes.filter((change) => change.ruleId === 'BRK-OP-DELETED');
    expect(deleted!.file).toBe(path.relative(cwd, path.join(before, 'apiDefinition.swagger.json')));
    expect(result.classification).toBe('breaking');
  });

  it('compares a swagger file with a folder as two swaggers, not as a folder whose other files were removed', async () => {
    const before = writeConnector(validConnectorFiles());
    const swagger = validSwagger();
    swagger.info.description = 'Edited.';
    const after = writeConnector({ 'apiDefinition.swagger.json': swagger, 'notes.json': swagger });
    const forward = await diffPaths(before, path.join(after, 'notes.json'));
    const backward = await diffPaths(path.join(after, 'notes.json'), before);
    for (const result of [forward, backward]) {
      expect(result.changes.map((change) => change.ruleId)).toEqual(['CHG-TEXT-EDITED']);
      expect(result.classification).toBe('minor-update');
    }
  });

  it('tells an apiProperties.json saved under another name by what it holds', async () => {
    const files = validConnectorFiles();
    const folder = writeConnector({ ...files, 'base.json': files['apiProperties.json'] });
    const result = await diffPaths(path.join(folder, 'base.json'), folder);
    expect(result.classification).toBe('no-change');
  });

  it('refuses a swagger compared with an apiProperties.json, located at the new one', async () => {
    const folder = validConnectorPath();
    const error = await diffPaths('apiDefinition.swagger.json', 'apiProperties.json', folder).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(locatedMessage(error)).toBe(
      "apiProperties.json: is an apiProperties.json, and 'apiDefinition.swagger.json' is a swagger.",
    );
    expect((error as UsageError).hint).toBe(
      'diff compares two versions of one file: give two swaggers, two apiProperties.json, or two connector folders.',
    );
  });

  it.each([
    ['notes.txt', 'Release notes: GetTask takes a filter now.\n', 'it holds no JSON object'],
    ['readme.md', '# Contoso Tasks\ntext\n', 'it holds no JSON object'],
    [
      'icon.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'it holds binary data',
    ],
    ['empty.md', '', 'it is empty'],
  ])('refuses %s, which is no API definition, located at the path as given', async (name, content, why) => {
    const folder = writeConnector({ ...validConnectorFiles(), [name]: content });
    for (const sides of [
      [name, '.'],
      ['.', name],
    ] as const) {
      const error = await diffPaths(sides[0], sides[1], folder).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect(locatedMessage(error)).toBe(
        `${name}: is not an API definition: ${why}, and its name does not end in .json.`,
      );
      expect((error as UsageError).hint).toBe(
        `Give each version as a connector folder or as an API definition file (its apiDefinition.swagger.json or apiProperties.json). A .json file is compared even when its JSON is broken.`,
      );
    }
  });

  it('compares a .json file that is not JSON, as a swagger that cannot be read', async () => {
    const folder = writeConnector({ ...validConnectorFiles(), 'new.json': 'swagger: "2.0"\n' });
    const result = await diffPaths('apiDefinition.swagger.json', 'new.json', folder);
    expect(result.changes.map((change) => [change.ruleId, change.file])).toEqual([
      ['CHG-UNCOMPARABLE', 'new.json'],
    ]);
  });

  it('compares a file without .json in its name that holds a swagger (a base version saved by git show)', async () => {
    const swagger = validSwagger();
    delete swagger.paths['/tasks/{taskId}'];
    const folder = writeConnector({ ...validConnectorFiles(), base: validSwagger(), 'new.json': swagger });
    const result = await diffPaths('base', 'new.json', folder);
    expect(result.classification).toBe('breaking');
  });

  it('names the connector folders that a folder of connectors holds', async () => {
    const connector = validConnectorPath();
    const top = path.dirname(connector);
    mkdirSync(path.join(top, 'Fabrikam'));
    writeFileSync(path.join(top, 'Fabrikam', 'apiDefinition.swagger.json'), JSON.stringify(validSwagger()));
    const cwd = path.dirname(top);
    const error = await diffPaths('certified-connectors', connector, cwd).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(locatedMessage(error)).toBe('certified-connectors: is not a connector folder.');
    expect((error as UsageError).hint).toBe(
      `It holds 2 connector folders: '${path.join('certified-connectors', 'Contoso')}', '${path.join('certified-connectors', 'Fabrikam')}'. diff compares two versions of one connector: give the folder of that connector in each version.`,
    );
  });

  it('refuses a folder that holds no swagger on either side, rather than reporting every operation deleted or added', async () => {
    const connector = validConnectorPath();
    const files = validConnectorFiles();
    delete files['apiDefinition.swagger.json'];
    const noSwagger = writeConnector(files);
    const cwd = path.dirname(path.dirname(path.dirname(noSwagger)));
    const given = path.relative(cwd, noSwagger);
    for (const sides of [
      [path.relative(cwd, connector), given],
      [given, path.join(path.relative(cwd, connector), 'apiDefinition.swagger.json')],
    ] as const) {
      const error = await diffPaths(sides[0], sides[1], cwd).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect(locatedMessage(error)).toBe(`${given}: holds no apiDefinition.swagger.json.`);
      expect((error as UsageError).hint).toBe(
        'diff compares the swaggers of two connector folders: give the folder that holds it, or give the two apiProperties.json files to compare them alone.',
      );
    }
  });

  // "holds no apiDefinition.swagger.json" of a folder whose swagger the user sees, written in YAML,
  // did not say why it is not read, nor what to do, where validate's REPO-REQUIRED-FILES does.
  it('names the swagger written in YAML that it does not read, and says to convert it', async () => {
    const connector = validConnectorPath();
    for (const name of ['apiDefinition.swagger.yaml', 'openapi.yml']) {
      const files = validConnectorFiles();
      const swagger = files['apiDefinition.swagger.json']!;
      delete files['apiDefinition.swagger.json'];
      const yaml = writeConnector({ ...files, [name]: swagger });
      const cwd = path.dirname(path.dirname(path.dirname(yaml)));
      const given = path.relative(cwd, yaml);
      const error = await diffPaths(path.relative(cwd, connector), given, cwd).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect(locatedMessage(error)).toBe(
        `${given}: holds no apiDefinition.swagger.json: its swagger, ${name}, is written in YAML, which diff does not read.`,
      );
      expect((error as UsageError).hint).toBe(
        `Convert ${name} to JSON as apiDefinition.swagger.json (an OpenAPI 3 file to Swagger 2.0, the only version a connector takes): the platform and paconn read the swagger as JSON only.`,
      );
    }
  });

  it('compares a folder without a swagger with an apiProperties.json, which is all of it that is read', async () => {
    const files = validConnectorFiles();
    delete files['apiDefinition.swagger.json'];
    const folder = writeConnector({ ...files, 'base.json': files['apiProperties.json'] });
    const result = await diffPaths(path.join(folder, 'base.json'), folder);
    expect(result.classification).toBe('no-change');
  });

  it('refuses a path that does not exist, located at the path as given', async () => {
    const error = await diffPaths('no/such/a', validConnectorPath()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(locatedMessage(error)).toBe('no/such/a: does not exist.');
  });

  it('offers the folder beside a path that does not exist that it misspells, on either side', async () => {
    const folder = validConnectorPath();
    const cwd = path.dirname(folder);
    // A slip of the hand: another case would name the folder itself on Windows and macOS.
    const given = path.basename(folder).slice(0, -1);
    for (const [before, after] of [
      [given, path.basename(folder)],
      [path.basename(folder), given],
    ] as const) {
      const error = await diffPaths(before, after, cwd).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect(locatedMessage(error)).toBe(
        `${given}: does not exist. Did you mean '${path.basename(folder)}'?`,
      );
    }
  });

  it('says why a path that is there cannot be looked at, rather than that it does not exist', async () => {
    // A name longer than the file system allows (ENAMETOOLONG) was told "does not exist.".
    const long = `${'n'.repeat(300)}/apiDefinition.swagger.json`;
    const error = await diffPaths(long, validConnectorPath()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(locatedMessage(error)).toBe(
      `${long}: cannot be read: its path is longer than the file system allows (ENAMETOOLONG).`,
    );
    expect((error as UsageError).hint).toBe('Give a path with shorter names.');
  });

  // The bare read of a file given alone said "failed unexpectedly … This is a bug" of a swagger the
  // user may not read. A socket is a path that stat sees and open refuses (ENXIO), even to root.
  it('says a file given alone that cannot be opened cannot be read, located at it', async () => {
    const folder = validConnectorPath();
    const socket = await listeningSocket(path.join(folder, 'swagger.sock'));
    try {
      const error = await diffPaths(socket.path, validConnectorPath()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      const message = locatedMessage(error);
      expect(message.startsWith(`${socket.path}: cannot be read: `)).toBe(true);
      expect(message.endsWith('(ENXIO).')).toBe(true);
    } finally {
      socket.server.close();
    }
  });

  // "holds no apiDefinition.swagger.json" of a folder whose swagger is there, where validate says why.
  it("says why a folder's swagger that is there was not read, rather than that it has none", async () => {
    const folder = writeConnector({ ...validConnectorFiles(), 'apiDefinition.swagger.json': '' });
    // Sparse: over the 64 MB limit, and no room taken on the disk.
    truncateSync(path.join(folder, 'apiDefinition.swagger.json'), MAX_FILE_BYTES + 1);
    const error = await diffPaths(folder, validConnectorPath()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(locatedMessage(error)).toBe(
      `${folder}: cannot be compared: apiDefinition.swagger.json is 64.0 MB, more than the 64.0 MB this tool reads; it was not checked.`,
    );

    const linked = writeConnector(validConnectorFiles());
    const socket = await listeningSocket(path.join(linked, 'swagger.sock'));
    try {
      const swagger = path.join(linked, 'apiDefinition.swagger.json');
      rmSync(swagger);
      symlinkSync(socket.path, swagger);
      const linkError = await diffPaths(validConnectorPath(), linked).catch((e: unknown) => e);
      expect(locatedMessage(linkError)).toBe(
        `${linked}: cannot be compared: apiDefinition.swagger.json is not a regular file.`,
      );
    } finally {
      socket.server.close();
    }
  });

  // readFile of /dev/zero grew past 8 GB; a 110 MB swagger was read whole where validate reads none over 64 MB.
  it('refuses a file given alone past the 64 MB that validate reads, named, whether its size is known or not', async () => {
    const big = path.join(validConnectorPath(), 'big.json');
    writeFileSync(big, '');
    truncateSync(big, MAX_FILE_BYTES + 1);
    for (const given of [big, '/dev/zero']) {
      const error = await diffPaths(given, validConnectorPath()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect(locatedMessage(error)).toBe(
        `${given}: holds more than the 64 MB that connector-alm reads of a connector file; it was not compared.`,
      );
    }
  });

  it('reads a swagger from a pipe, as `diff <(git show …) <folder>` gives it', async () => {
    const folder = validConnectorPath();
    const fifo = path.join(folder, 'base.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('sh', [
      '-c',
      `cat "${path.join(folder, 'apiDefinition.swagger.json')}" > "${fifo}"`,
    ]);
    // Listened for before the read: the writer may be done, and 'close' emitted, before diffPaths is.
    const closed = new Promise((resolve) => writer.on('close', resolve));
    const result = await diffPaths(fifo, folder);
    expect(result.changes).toEqual([]);
    await closed;
  });

  it('reports the old path first when both are wrong, whichever the disk answers first', async () => {
    // The old path takes longer to judge (a folder read for connectors) than the new one (one stat):
    // the error must not depend on that race.
    const empty = path.dirname(writeConnector({ 'notes.txt': 'x' }));
    for (let run = 0; run < 5; run++) {
      const error = await diffPaths(empty, 'no/such/b').catch((e: unknown) => e);
      expect((error as UsageError).location?.file).toBe(empty);
    }
  });
});

/** A UNIX socket listening at `file`: a path stat sees and open refuses (ENXIO). */
async function listeningSocket(file: string): Promise<{ path: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(file, resolve));
  return { path: file, server };
}

function validConnectorPath(): string {
  return writeConnector(validConnectorFiles());
}

describe('diffPaths of binary files and solutions', () => {
  it('compares a swagger with a stray NUL as the text validate reads, not as binary data', async () => {
    const text = JSON.stringify(validSwagger(), null, 2).replace('"Contoso Tasks"', '"Contoso Tasks\u0000"');
    const folder = writeConnector({ ...validConnectorFiles(), 'nul.json': text });
    // It was refused: "is not an API definition: it holds binary data".
    const result = await diffPaths('nul.json', 'apiDefinition.swagger.json', folder);
    expect(result.changes).toMatchObject([
      {
        ruleId: 'CHG-JSON-SYNTAX',
        message:
          'The file is not strict JSON; it was compared as far as it could be read. A string holds a NUL character (U+0000), which no text has (an editor or a paste left it): remove it.',
        line: 4,
        column: 28,
      },
    ]);
  });

  it('refuses a binary .json file rather than comparing it as broken JSON', async () => {
    // A swagger saved as UTF-16: the tolerant parse found an object in it, and diff listed its NULs.
    const folder = writeConnector({
      ...validConnectorFiles(),
      'utf16.json': Buffer.from(JSON.stringify(validSwagger()), 'utf16le'),
    });
    const error = await diffPaths('utf16.json', 'apiDefinition.swagger.json', folder).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(locatedMessage(error)).toBe(
      'utf16.json: is not an API definition: it is saved as UTF-16 (little-endian): save it as UTF-8.',
    );
    expect((error as UsageError).hint).toBe(
      'Give each version as a connector folder or as an API definition file (its apiDefinition.swagger.json or apiProperties.json).',
    );
  });

  it('refuses a zip, whatever its name, with the command that extracts its connectors', async () => {
    const folder = writeConnector({
      ...validConnectorFiles(),
      // A zip's local header, then the bytes of a solution.xml entry holding braces and quotes.
      'export.json': Buffer.concat([
        Buffer.from('PK\x03\x04\x14\x00\x00\x00', 'latin1'),
        Buffer.from('{"a": 1}'),
      ]),
    });
    const error = await diffPaths('export.json', '.', folder).catch((e: unknown) => e);
    expect(locatedMessage(error)).toBe(
      'export.json: is a zip (a solution?), not a connector folder or an API definition.',
    );
    expect((error as UsageError).hint).toContain(
      '(connector-alm extract-connectors export.json <destination-root>',
    );
  });

  it('refuses an unpacked solution, a folder that holds Other/Solution.xml', async () => {
    const folder = writeConnector(validConnectorFiles());
    mkdirSync(path.join(folder, 'Contoso', 'Other'), { recursive: true });
    writeFileSync(path.join(folder, 'Contoso', 'Other', 'Solution.xml'), '<ImportExportXml/>');
    const error = await diffPaths('Contoso', '.', folder).catch((e: unknown) => e);
    expect(locatedMessage(error)).toBe(
      'Contoso: is an unpacked solution, not a connector folder or an API definition.',
    );
  });
});
