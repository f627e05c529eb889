import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '@connector-alm/core';
import { configSearchStart, findConfigFileOfPaths, loadConfig } from '../../src/config/index.js';

const made: string[] = [];
afterAll(() => made.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A scratch folder in no repository, with the given files (a `.git` entry marks a repository). */
function scratch(files: Record<string, string | null>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'connector-alm-config-paths-'));
  made.push(root);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    if (content === null) mkdirSync(file, { recursive: true });
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  return root;
}

describe('configSearchStart', () => {
  it("starts at the path's repository's top level when the working directory is outside it", () => {
    const root = scratch({ 'fork/.git': null, 'fork/certified-connectors/Foo': null, home: null });
    expect(configSearchStart('../fork/certified-connectors/Foo', path.join(root, 'home'))).toBe(
      path.join(root, 'fork'),
    );
  });

  it('takes a .git file (a worktree or submodule) for a repository, as git does', () => {
    const root = scratch({ 'wt/.git': 'gitdir: /elsewhere/.git/worktrees/wt\n', 'wt/Foo': null, home: null });
    expect(configSearchStart(path.join(root, 'wt', 'Foo'), path.join(root, 'home'))).toBe(
      path.join(root, 'wt'),
    );
  });

  it('keeps the working directory inside the repository, and for a path in no repository', () => {
    const root = scratch({ 'fork/.git': null, 'fork/certified-connectors/Foo': null, 'loose/Foo': null });
    const inside = path.join(root, 'fork', 'certified-connectors');
    expect(configSearchStart('Foo', inside)).toBe(inside);
    expect(configSearchStart(path.join(root, 'loose', 'Foo'), inside)).toBe(inside);
  });

  it('starts from the repository of a path that no longer exists (a folder the branch deleted)', () => {
    const root = scratch({ 'fork/.git': null, 'fork/certified-connectors': null, home: null });
    expect(configSearchStart('../fork/certified-connectors/Gone', path.join(root, 'home'))).toBe(
      path.join(root, 'fork'),
    );
  });

  it("starts at the outer repository's top level from a repository nested in it", () => {
    const root = scratch({ 'fork/.git': null, 'fork/vendor/tool/.git': null, 'fork/Foo': null });
    expect(configSearchStart('../../Foo', path.join(root, 'fork', 'vendor', 'tool'))).toBe(
      path.join(root, 'fork'),
    );
  });
});

describe('findConfigFileOfPaths', () => {
  it('finds one file for paths of one repository, and none where no file applies', () => {
    const root = scratch({
      'fork/.git': null,
      'fork/.connector-alm.yml': 'ignore: []\n',
      'fork/a': null,
      'fork/b': null,
      'bare/.git': null,
      'bare/a': null,
      home: null,
    });
    const home = path.join(root, 'home');
    expect(findConfigFileOfPaths(['../fork/a', '../fork/b'], home)).toBe(
      path.join(root, 'fork', '.connector-alm.yml'),
    );
    expect(findConfigFileOfPaths(['../bare/a', home], home)).toBeUndefined();
  });

  it('refuses paths whose files differ, located at the second, naming both files', () => {
    const root = scratch({
      'a/.git': null,
      'a/.connector-alm.yml': 'ignore: []\n',
      'b/.git': null,
      'b/.connector-alm.json': '{}\n',
      home: null,
    });
    const home = path.join(root, 'home');
    let thrown: unknown;
    try {
      findConfigFileOfPaths(['../a', '../b'], home);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).location).toEqual({ file: '../b' });
    expect((thrown as UsageError).message).toBe(
      `takes its configuration from '${path.join('..', 'b', '.connector-alm.json')}', and '../a' from '${path.join('..', 'a', '.connector-alm.yml')}'.`,
    );
  });

  it('is what loadConfig searches with the paths, and --config still wins', async () => {
    const root = scratch({
      'fork/.git': null,
      'fork/.connector-alm.yml': 'profile: custom\n',
      'fork/Foo': null,
      'home/ci.yml': 'profile: certified\n',
    });
    const home = path.join(root, 'home');
    expect(await loadConfig({ cwd: home, paths: ['../fork/Foo'] })).toMatchObject({
      path: path.join(root, 'fork', '.connector-alm.yml'),
      profile: 'custom',
    });
    expect(await loadConfig({ cwd: home, paths: ['../fork/Foo'], explicitPath: 'ci.yml' })).toMatchObject({
      profile: 'certified',
    });
    expect(await loadConfig({ cwd: home })).toEqual({ rules: {}, ignore: [] });
  });
});
