import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../src/index.js';

type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** Every source file of the packages (packages/<name>/src), relative to the repository with '/'. */
function sourceFiles(): string[] {
  const files: string[] = [];
  for (const name of readdirSync(path.join(REPO_ROOT, 'packages'))) {
    const src = path.join(REPO_ROOT, 'packages', name, 'src');
    if (!existsSync(src)) continue;
    for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.ts') && !file.endsWith('.d.ts'))
        files.push(`packages/${name}/src/${file.split(path.sep).join('/')}`);
    }
  }
  return files.sort();
}

/**
 * The source file an import names, or undefined for a library's: `./x.js` is `./x.ts` (or
 * `./x/index.ts`), and `@connector-alm/<name>` the package's index, as jest.config.js maps it.
 */
function importedFile(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  const workspace = /^@connector-alm\/([a-z-]+)$/.exec(specifier);
  if (workspace) return `packages/${workspace[1]}/src/index.ts`;
  if (!specifier.startsWith('.')) return undefined;
  const target = path.posix.join(path.posix.dirname(from), specifier).replace(/\.js$/, '');
  return [`${target}.ts`, `${target}/index.ts`].find((candidate) => files.has(candidate));
}

/** Each file's imports among the sources, type-only ones included: TypeScript's own pre-parser reads them. */
function importGraph(): ImportGraph {
  const files = sourceFiles();
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(REPO_ROOT, file), 'utf8'), true, true);
    const imported = importedFiles.map(({ fileName }) => importedFile(file, fileName, known));
    graph.set(file, [...new Set(imported.filter((each): each is string => each !== undefined))]);
  }
  return graph;
}

/** The groups of files that import each other, directly or not (Tarjan's strongly connected components). */
function importCycles(graph: ImportGraph): string[][] {
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    order.set(file, order.size);
    lowest.set(file, order.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!order.has(next)) {
        visit(next);
        lowest.set(file, Math.min(lowest.get(file)!, lowest.get(next)!));
      } else if (onStack.has(next)) lowest.set(file, Math.min(lowest.get(file)!, order.get(next)!));
    }
    if (lowest.get(file) !== order.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || graph.get(file)?.includes(file)) cycles.push(group.sort());
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return cycles;
}

describe('imports between source files', () => {
  // Session 27 untangled seven groups of files that imported each other (mostly types kept beside
  // one user and imported back by another): each hid which concept depends on which, and a split
  // file could only be read together with its partner. A merge can bring one back unnoticed.
  it('form no cycle in any package', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(500);
    expect(importCycles(graph)).toEqual([]);
  });

  it('are judged by a finder that sees a cycle, a longer one and a file importing itself', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
      ['c', ['d']],
      ['d', ['e']],
      ['e', ['c']],
      ['f', ['f']],
      ['g', ['a']],
    ]);
    expect(importCycles(graph)).toEqual([['c', 'd', 'e'], ['a', 'b'], ['f']]);
  });

  it('reads type-only imports and workspace packages as imports', () => {
    const { importedFiles } = ts.preProcessFile(
      "import type { A } from './a.js';\nexport * from '@connector-alm/core';",
      true,
      true,
    );
    const known = new Set(['packages/x/src/a.ts']);
    expect(importedFiles.map(({ fileName }) => importedFile('packages/x/src/b.ts', fileName, known))).toEqual(
      ['packages/x/src/a.ts', 'packages/core/src/index.ts'],
    );
  });
});
