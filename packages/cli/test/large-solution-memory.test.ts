import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describeWith, REPO_ROOT, SOLUTION_FIXTURES } from '@connector-alm/testing';

// Real enterprise solutions have a customizations.xml of 10-60 MB (hundreds of tables with their
// forms and views). Unpack, pack and extract-connectors held its tree, which took 462 bytes an
// element (a 10 MB file needed 160-240 MB of heap, a 60 MB one 1.2 GB of memory). Each command is
// run here, as the built bundle, with a heap far below that and well above what it needed then (60 MB).
const HEAP_MB = 100;
// Unpack and pack now write customizations.xml as they read it, holding only its connectors as trees
// (a 187-byte-an-element tree of this file took 60 MB; the commands need about 20 MB of heap at any size).
const STREAMED_HEAP_MB = 32;
const TARGET_BYTES = 10 * 1024 * 1024;

const EXPORT = path.join(SOLUTION_FIXTURES, 'ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip');
/** The export whose connector is added, so that unpack takes one out of the large file and pack puts it back. */
const WITH_CONNECTOR = path.join(SOLUTION_FIXTURES, 'customHIL/customHIL_1_0_0_3.zip');
const CONNECTOR = 'cat_human-2din-2dthe-2dloop';
const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');

let work: string;
let zip: string;

/**
 * The real export with its table (columns, forms, views), role and relationships repeated under other
 * names (sample_example0001, …, GUIDs ending in the copy's number) until customizations.xml is 10 MB,
 * and each copy listed as a root component, so that the solution is as consistent as the export; with
 * the connector of WITH_CONNECTOR (its element, root component and files).
 */
function largeSolution(): Uint8Array {
  const entries = unzipSync(readFileSync(EXPORT));
  const connectorExport = unzipSync(readFileSync(WITH_CONNECTOR));
  const connectors = /\s*<Connectors>[\s\S]*?<\/Connectors>/.exec(
    strFromU8(connectorExport['customizations.xml']!),
  )![0];
  const connectorRoot = /\s*<RootComponent type="372"[^>]*\/>/.exec(
    strFromU8(connectorExport['solution.xml']!),
  )![0];
  const connectorFiles = Object.fromEntries(
    Object.entries(connectorExport).filter(([name]) => name.startsWith('Connector/') && !name.endsWith('/')),
  );
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
  large = large.replace(/\s*<Languages>/, (languages) => `${connectors}${languages}`);
  const rootComponent = /\s*<RootComponent type="1" schemaName="sample_example" behavior="0" \/>/;
  const manifest = strFromU8(entries['solution.xml']!).replace(
    rootComponent,
    (one) =>
      Array.from({ length: copies }, (_, n) => one.replace('sample_example', `sample_example${pad(n)}`)).join(
        '',
      ) + connectorRoot,
  );
  return zipSync({
    ...entries,
    ...connectorFiles,
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

    // Unpack and pack are run in the STREAMED_HEAP_MB heap below, which proves them in HEAP_MB too: each
    // was also run in HEAP_MB, 4-5 s a run for nothing more.

    it('reads its connector', () => {
      expect(runWithSmallHeap(['extract-connectors', zip, 'connectors'])).toEqual({ status: 0, stderr: '' });
      expect(statSync(path.join(work, 'connectors/Human-in-the-Loop/apiProperties.json')).isFile()).toBe(
        true,
      );
    }, 60_000);

    it(`unpacks it in a ${STREAMED_HEAP_MB} MB heap, less than the file's tree took, as in the default heap`, () => {
      const run = runCli([`--max-old-space-size=${STREAMED_HEAP_MB}`], ['unpack', zip, 'streamed']);
      expect(run).toEqual({ status: 0, stderr: '' });
      // The test is only as good as the file is large (unpacked with LF, not CRLF: 2% smaller).
      expect(statSync(path.join(work, 'streamed/Other/Customizations.xml')).size).toBeGreaterThan(
        0.95 * TARGET_BYTES,
      );
      for (const file of ['Other/Customizations.xml', `Connectors/${CONNECTOR}.xml`])
        expect(
          readFileSync(path.join(work, 'streamed', file)).equals(
            readFileSync(path.join(work, 'folder', file)),
          ),
        ).toBe(true);
    }, 60_000);

    it(`checks a certification package holding it in a ${STREAMED_HEAP_MB} MB heap, its connector found`, () => {
      const solution = readFileSync(zip);
      const inner = zipSync({ 'PkgAssets/a.zip': solution, 'PkgAssets/b.zip': solution });
      writeFileSync(
        path.join(work, 'package.zip'),
        zipSync({ 'intro.md': strToU8('# Intro\n'), 'p.pdpkg.zip': inner }),
      );
      const run = spawnSync(
        process.execPath,
        [`--max-old-space-size=${STREAMED_HEAP_MB}`, CLI, 'package', 'check', 'package.zip'],
        { cwd: work, encoding: 'utf8' },
      );
      // Two connector solutions and no flow solution: the one finding, found by reading customizations.xml.
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 1, stderr: '' });
      expect(run.stdout).toMatch(/Solutions found: .*a\.zip \(connector solution\)/);
      expect(run.stdout).toMatch(/Solutions found: .*b\.zip \(connector solution\)/);
    }, 60_000);

    it(`packs it in a ${STREAMED_HEAP_MB} MB heap, the connector put back`, () => {
      const run = runCli([`--max-old-space-size=${STREAMED_HEAP_MB}`], ['pack', 'folder', 'streamed.zip']);
      expect(run).toEqual({ status: 0, stderr: '' });
      const packed = strFromU8(
        unzipSync(readFileSync(path.join(work, 'streamed.zip')))['customizations.xml']!,
      );
      expect(packed.length).toBeGreaterThan(TARGET_BYTES);
      expect(packed).toMatch(
        new RegExp(
          `<EntityDataProviders />\r\n  <Connectors>\r\n    <Connector>\r\n[^]*?<name>${CONNECTOR}</name>`,
        ),
      );
    }, 60_000);
  },
);
