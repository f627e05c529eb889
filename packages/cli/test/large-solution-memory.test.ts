import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describeWith, REPO_ROOT, SOLUTION_FIXTURES } from '@connector-alm/testing';

// Real enterprise solutions have a customizations.xml of 10-60 MB (hundreds of tables with their
// forms and views). Unpack, pack and extract-connectors hold its tree, which took 462 bytes an
// element (a 10 MB file needed 160-240 MB of heap, a 60 MB one 1.2 GB of memory). Each command is
// run here, as the built bundle, with a heap far below that and well above what it needs now (60 MB).
const HEAP_MB = 100;
const TARGET_BYTES = 10 * 1024 * 1024;

const EXPORT = path.join(SOLUTION_FIXTURES, 'ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip');
const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');

let work: string;
let zip: string;

/**
 * The real export with its table (columns, forms, views), role and relationships repeated under other
 * names (sample_example0001, …, GUIDs ending in the copy's number) until customizations.xml is 10 MB,
 * and each copy listed as a root component, so that the solution is as consistent as the export.
 */
function largeSolution(): Uint8Array {
  const entries = unzipSync(readFileSync(EXPORT));
  const customizations = strFromU8(entries['customizations.xml']!);
  const blocks = ['Entities', 'Roles', 'EntityRelationships'].map((tag) => {
    const match = new RegExp(`(<${tag}>)([\\s\\S]*?)(\\s*</${tag}>)`).exec(customizations)!;
    return { match, body: match[2]! };
  });
  const copies = Math.ceil(TARGET_BYTES / blocks.reduce((sum, block) => sum + block.body.length, 0));
  const renamed = (text: string, n: number): string =>
    text
      .replace(/(sample_)(example)/gi, (_, prefix: string, name: string) => `${prefix}${name}${pad(n)}`)
      .replace(/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{8})[0-9a-f]{4}/gi, `$1${pad(n)}`);
  let large = customizations;
  for (const { match, body } of blocks) {
    const repeated = Array.from({ length: copies }, (_, n) => renamed(body, n)).join('');
    large = large.replace(match[0], `${match[1]}${repeated}${match[3]}`);
  }
  const rootComponent = /\s*<RootComponent type="1" schemaName="sample_example" behavior="0" \/>/;
  const manifest = strFromU8(entries['solution.xml']!).replace(rootComponent, (one) =>
    Array.from({ length: copies }, (_, n) => one.replace('sample_example', `sample_example${pad(n)}`)).join(
      '',
    ),
  );
  return zipSync({
    ...entries,
    'customizations.xml': strToU8(large),
    'solution.xml': strToU8(manifest),
  });
}

function pad(n: number): string {
  return n.toString().padStart(4, '0');
}

function runWithSmallHeap(args: string[]): { status: number | null; stderr: string } {
  return runCli([`--max-old-space-size=${HEAP_MB}`], args);
}

function runCli(nodeOptions: string[], args: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, [...nodeOptions, CLI, ...args], {
    cwd: work,
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr };
}

describeWith(SOLUTION_FIXTURES, 'large solution memory')(
  `a solution with a 10 MB customizations.xml, in a ${HEAP_MB} MB heap`,
  () => {
    beforeAll(() => {
      work = mkdtempSync(path.join(os.tmpdir(), 'large-solution-'));
      zip = path.join(work, 'large.zip');
      writeFileSync(zip, largeSolution());
      // Unpacked with the default heap, so that pack is tested on its own.
      expect(runCli([], ['unpack', zip, 'folder'])).toEqual({ status: 0, stderr: '' });
    }, 60_000);
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('unpacks it', () => {
      expect(runWithSmallHeap(['unpack', zip, 'unpacked'])).toEqual({ status: 0, stderr: '' });
      // The test is only as good as the file is large (unpacked with LF, not CRLF: 2% smaller).
      expect(statSync(path.join(work, 'unpacked/Other/Customizations.xml')).size).toBeGreaterThan(
        0.95 * TARGET_BYTES,
      );
    }, 60_000);

    it('packs the unpacked folder', () => {
      expect(runWithSmallHeap(['pack', 'folder', 'packed.zip'])).toEqual({ status: 0, stderr: '' });
      const packed = unzipSync(readFileSync(path.join(work, 'packed.zip')));
      expect(packed['customizations.xml']!.length).toBeGreaterThan(TARGET_BYTES);
    }, 60_000);

    it('reads its connectors (it has none)', () => {
      expect(runWithSmallHeap(['extract-connectors', zip, 'connectors'])).toEqual({ status: 0, stderr: '' });
    }, 60_000);
  },
);
