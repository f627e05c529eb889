import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolders } from '@connector-alm/testing';
import { selfCommand } from '../src/self-command.js';

// dev-server prints lines to paste into another shell. `npx connector-alm` there runs this CLI only
// where a project's bin leads to it; elsewhere npx would fetch a registry package of that name, which
// is not this project's (none is published: anyone could publish one).

const folders = temporaryFolders('self-command-');
afterAll(() => folders.cleanup());

/** A connector-alm installation (a clone, or a dependency's folder) in `root`: its CLI bundle and bin. */
function installation(root: string): string {
  mkdirSync(path.join(root, 'dist', 'cli'), { recursive: true });
  mkdirSync(path.join(root, 'packages', 'cli', 'bin'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'connector-alm' }));
  writeFileSync(path.join(root, 'packages', 'cli', 'bin', 'connector-alm.cjs'), '');
  const bundle = path.join(root, 'dist', 'cli', 'index.cjs');
  writeFileSync(bundle, '');
  return bundle;
}

/** A project whose node_modules/.bin/connector-alm leads to the bin of the installation at `root`. */
function projectUsing(project: string, root: string): string {
  mkdirSync(path.join(project, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(
    path.join(root, 'packages', 'cli', 'bin', 'connector-alm.cjs'),
    path.join(project, 'node_modules', '.bin', 'connector-alm'),
  );
  return project;
}

describe('selfCommand', () => {
  it('is npx connector-alm in a clone, and in a folder of a project that depends on the installation', () => {
    const top = realpathSync(folders.make());
    const clone = path.join(top, 'clone');
    const bundle = installation(clone);
    projectUsing(clone, clone);
    expect(selfCommand(bundle, clone, 'linux')).toBe('npx connector-alm');
    expect(selfCommand(path.join(clone, 'packages/cli/bin/connector-alm.cjs'), clone, 'linux')).toBe(
      'npx connector-alm',
    );
    const project = path.join(top, 'project');
    const dependency = installation(path.join(project, 'node_modules', 'connector-alm'));
    projectUsing(project, path.join(project, 'node_modules', 'connector-alm'));
    mkdirSync(path.join(project, 'connectors'));
    expect(selfCommand(dependency, path.join(project, 'connectors'), 'linux')).toBe('npx connector-alm');
  });

  it('runs the script with node elsewhere: in another folder, or where a project has another installation', () => {
    const top = realpathSync(folders.make());
    const bundle = installation(path.join(top, 'npx cache', 'connector-alm'));
    mkdirSync(path.join(top, 'elsewhere'));
    expect(selfCommand(bundle, path.join(top, 'elsewhere'), 'linux')).toBe(`node '${bundle}'`);
    const other = path.join(top, 'other');
    installation(other);
    projectUsing(path.join(top, 'project'), other);
    expect(selfCommand(bundle, path.join(top, 'project'), 'linux')).toBe(`node '${bundle}'`);
    expect(selfCommand(bundle, path.join(top, 'elsewhere'), 'win32')).toBe(`node '${bundle}'`);
  });

  it('runs a bundle outside any installation with node, and is npx connector-alm in-process', () => {
    const top = realpathSync(folders.make());
    const bundle = path.join(top, 'index.cjs');
    writeFileSync(bundle, '');
    expect(selfCommand(bundle, top, 'linux')).toBe(`node ${bundle}`);
    expect(selfCommand(undefined, top, 'linux')).toBe('npx connector-alm');
  });
});
