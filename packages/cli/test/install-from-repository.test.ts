import { describe, expect, it, beforeAll } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, temporaryFolder } from '@connector-alm/testing';

/**
 * connector-alm is not on the npm registry: makers run it with `npx github:<owner>/connector-alm`,
 * for which npm packs this repository's root package (after installing its workspaces' tools in the
 * clone it makes) and links its `bin`. The package must carry the committed CLI bundle and its worker,
 * and run with nothing installed beside it: npm installs no dependency of a package that has none.
 */
describe('the package npm makes of this repository (npx github:…)', () => {
  let scratch: string;
  let unpacked: string;
  let manifest: { bin?: Record<string, string>; scripts?: Record<string, string>; dependencies?: object };
  let packedFiles: string[];

  beforeAll(() => {
    scratch = temporaryFolder('connector-alm-pack-');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const report = JSON.parse(
      execFileSync(npm, ['pack', '--json', '--pack-destination', scratch], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ) as { filename: string; files: { path: string }[] }[];
    packedFiles = report[0]!.files.map((file) => file.path);
    execFileSync('tar', ['-xzf', path.join(scratch, report[0]!.filename), '-C', scratch]);
    unpacked = path.join(scratch, 'package');
    manifest = JSON.parse(readFileSync(path.join(unpacked, 'package.json'), 'utf8')) as typeof manifest;
  }, 60_000);

  it('declares the connector-alm command, a script npm can link as it is', () => {
    const bin = manifest.bin?.['connector-alm'];
    expect(bin).toBeDefined();
    expect(readFileSync(path.join(unpacked, bin!), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('has no build step of its own and no runtime dependency', () => {
    expect(manifest.scripts?.prepare).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it('carries the CLI bundle and its worker, and not the sources, tests or other bundles', () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining(['dist/cli/index.cjs', 'dist/cli/validate-worker.cjs', 'LICENSE']),
    );
    expect(packedFiles.filter((file) => /^packages\/[^/]+\/(src|test)\//.test(file))).toEqual([]);
    expect(packedFiles.filter((file) => file.startsWith('dist/') && !file.startsWith('dist/cli/'))).toEqual(
      [],
    );
  });

  it('validates a connector from the unpacked package, with no node_modules anywhere', () => {
    expect(existsSync(path.join(unpacked, 'node_modules'))).toBe(false);
    const run = spawnSync(
      process.execPath,
      [path.join(unpacked, manifest.bin!['connector-alm']!), 'validate', path.join(REPO_ROOT, 'examples')],
      { cwd: scratch, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('No problems in 1 connector.');
    expect(run.status).toBe(0);
  });
});
