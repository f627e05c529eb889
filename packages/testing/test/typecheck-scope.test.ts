import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../src/index.js';

/** Every TypeScript file of the packages, relative to the repository with '/', node_modules aside. */
function packageTypeScriptFiles(): string[] {
  return readdirSync(path.join(REPO_ROOT, 'packages'), { recursive: true, encoding: 'utf8' })
    .map((file) => `packages/${file.split(path.sep).join('/')}`)
    .filter((file) => /\.[cm]?ts$/.test(file) && !file.includes('/node_modules/'));
}

/** The files `npm run typecheck` (tsc -p tsconfig.json) checks, relative to the repository. */
function typecheckedFiles(): Set<string> {
  const configPath = path.join(REPO_ROOT, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile) as { config: unknown };
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, REPO_ROOT, undefined, configPath);
  return new Set(parsed.fileNames.map((file) => path.relative(REPO_ROOT, file).split(path.sep).join('/')));
}

describe('the typecheck', () => {
  // The benchmarks were bundled by esbuild, which strips types without checking them, and tsconfig.json
  // left them out: a bench could drift from the API it measures and still run.
  it('covers every TypeScript file of the packages: sources, tests, test helpers and benchmarks', () => {
    const files = packageTypeScriptFiles();
    expect(files.some((file) => /^packages\/[^/]+\/bench\//.test(file))).toBe(true);
    const checked = typecheckedFiles();
    expect(files.filter((file) => !checked.has(file))).toEqual([]);
  });
});
