import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../src/program.js';
import { companyRepository as repository } from './company-repository.js';
import { memoryIo } from './memory-io.js';

describe('connector-alm validate and the ignore patterns', () => {
  // "No problems in 0 connectors", exit 0 and nothing else: the folder asked for was skipped unsaid.
  it('says which pattern skips a folder it is asked to validate, in the text and the JSON', async () => {
    const root = repository(
      ['Tasks', 'Legacy'],
      '.connector-alm.yml',
      'profile: custom\nignore:\n  - connectors/Legacy\n',
    );
    const io = memoryIo(root);
    expect(await runCli(['validate', 'connectors/Legacy'], io)).toBe(0);
    expect(io.err()).toBe(
      "note: connectors/Legacy is not validated: the ignore pattern 'connectors/Legacy' (.connector-alm.yml:3) skips it.\n",
    );
    const json = memoryIo(root);
    await runCli(['validate', 'connectors/Legacy', '--format', 'json'], json);
    expect(JSON.parse(json.out()).ignored).toEqual([
      { path: 'connectors/Legacy', pattern: 'connectors/Legacy', file: '.connector-alm.yml', line: 3 },
    ]);
    // Code scanning users see the SARIF log alone: the note is the run's, on the folder and the pattern.
    const sarif = memoryIo(root);
    await runCli(['validate', 'connectors/Legacy', '--format', 'sarif'], sarif);
    expect(JSON.parse(sarif.out()).runs[0].invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            descriptor: { id: 'connector-alm/folder-ignored' },
            level: 'note',
            message: {
              text: "connectors/Legacy is not validated: the ignore pattern 'connectors/Legacy' (.connector-alm.yml:3) skips it.",
            },
            locations: [
              {
                physicalLocation: { artifactLocation: { uri: 'connectors/Legacy', uriBaseId: '%SRCROOT%' } },
              },
              {
                physicalLocation: {
                  artifactLocation: { uri: '.connector-alm.yml', uriBaseId: '%SRCROOT%' },
                  region: { startLine: 3 },
                },
              },
            ],
          },
        ],
      },
    ]);
    // A tree where the pattern skips some folders, as it is meant to: nothing to say.
    const tree = memoryIo(root);
    expect(await runCli(['validate', 'connectors'], tree)).toBe(0);
    expect(tree.err()).toBe('');
    const treeSarif = memoryIo(root);
    await runCli(['validate', 'connectors', '--format', 'sarif'], treeSarif);
    expect(JSON.parse(treeSarif.out()).runs[0]).not.toHaveProperty('invocations');
  });

  // Patterns are relative to the file's folder: written from the top level in .github/, they skip nothing.
  it('reports a pattern that matches no folder when the whole repository is validated, on its line', async () => {
    const config = 'ignore:\n  - connectors/Legacy\n  - archive/**\n';
    const root = repository(['Tasks', 'Legacy'], '.github/connector-alm.yml', config);
    const io = memoryIo(root);
    expect(await runCli(['validate', '--config', '.github/connector-alm.yml'], io)).toBe(0);
    expect(io.out()).toContain(
      '.github/connector-alm.yml [configuration]: 0 errors, 2 warnings, 0 info\n' +
        ".github/connector-alm.yml:2:5 warning REPO-CONFIG-IGNORE-UNMATCHED The ignore pattern 'connectors/Legacy' matches no connector folder, so it skips nothing: patterns are relative to the file's folder, .github/, and it matches from ./; write '../connectors/Legacy'.\n" +
        ".github/connector-alm.yml:3:5 warning REPO-CONFIG-IGNORE-UNMATCHED The ignore pattern 'archive/**' matches no connector folder under the file's folder, .github/, so it skips nothing.\n",
    );
    // A run of one folder cannot know what the patterns match elsewhere.
    const one = memoryIo(root);
    await runCli(['validate', 'connectors/Tasks', '--config', '.github/connector-alm.yml'], one);
    expect(one.out()).not.toContain('REPO-CONFIG-IGNORE-UNMATCHED');
  });

  it('says which folder a mistyped pattern meant, and guesses nothing between two as close', async () => {
    const root = repository(
      ['Tasks', 'Legacy', 'Legacy-A', 'Legacy-B'],
      '.connector-alm.yml',
      'ignore:\n  - conectors/Legacy*\n  - connectors/Legacy-C\n',
    );
    const io = memoryIo(root);
    await runCli(['validate'], io);
    expect(io.out()).toContain(
      ".connector-alm.yml:2:5 warning REPO-CONFIG-IGNORE-UNMATCHED The ignore pattern 'conectors/Legacy*' matches no connector folder under the file's folder, ./, so it skips nothing. Did you mean 'connectors/Legacy*'?\n" +
        ".connector-alm.yml:3:5 warning REPO-CONFIG-IGNORE-UNMATCHED The ignore pattern 'connectors/Legacy-C' matches no connector folder under the file's folder, ./, so it skips nothing.\n",
    );
  });

  it('says nothing of patterns that match, nor of a rule the file turns off', async () => {
    const matching = repository(['Tasks', 'Legacy'], '.connector-alm.yml', 'ignore:\n  - connectors/Leg*\n');
    const io = memoryIo(matching);
    await runCli(['validate'], io);
    expect(io.out()).not.toContain('REPO-CONFIG-IGNORE-UNMATCHED');
    const off = repository(
      ['Tasks'],
      '.connector-alm.yml',
      'rules:\n  REPO-CONFIG-IGNORE-UNMATCHED: off\nignore:\n  - nowhere/*\n',
    );
    const quiet = memoryIo(off);
    await runCli(['validate'], quiet);
    expect(quiet.out()).not.toContain('REPO-CONFIG-IGNORE-UNMATCHED');
  });

  // Written as a .gitignore names a folder, a pattern naming the folder above the connectors skips none.
  it('says what to write for a pattern naming the folder that holds connector folders, and that comes out clean', async () => {
    for (const [file, pattern, advised] of [
      ['.connector-alm.yml', 'connectors', 'connectors/*'],
      ['.github/connector-alm.yml', 'connectors/', '../connectors/*'],
    ] as const) {
      const root = repository(['Tasks', 'Legacy'], file, `ignore:\n  - ${pattern}\n`);
      const io = memoryIo(root);
      await runCli(['validate', '--config', file], io);
      expect(io.out()).toContain(
        `${file}:2:5 warning REPO-CONFIG-IGNORE-UNMATCHED The ignore pattern '${pattern}' matches no connector folder under the file's folder, ${path.dirname(file)}/, so it skips nothing: patterns name connector folders, not the folders that hold them; write '${advised}' to skip the connector folders in it.\n`,
      );
      writeFileSync(path.join(root, file), `ignore:\n  - ${advised}\n`);
      const followed = memoryIo(root);
      await runCli(['validate', '--config', file], followed);
      expect(followed.out()).not.toContain('REPO-CONFIG-IGNORE-UNMATCHED');
      expect(followed.out()).toContain('0 connectors');
    }
  });
});
