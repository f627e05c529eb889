import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cannotTrace, traceNode } from '@connector-alm/testing';
import { bundleScript } from '@connector-alm/testing/bundled-script';
import { unpackSolution } from '../src/index.js';
import { listFiles } from '../src/fs/list-files.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { diskSteps, SYNC_AND_RENAME_CALLS, syncedBeforeRenameTo } from './helpers/synced-files.js';
import { temporaryFolders } from './helpers/zips.js';

// Unpack and extract write their files into a staging folder by path, unsynced, then rename the
// folder (or, into a folder they update, each changed file) into place; pack streams its zip into a
// temporary file. ext4 (for new files), XFS and btrfs may write a rename to the disk before the
// renamed files' bytes: after a power loss the folder or zip would be there with files empty.
// Whether the bytes reach the disk first is a matter of system calls, which no test of the files'
// content can tell, so each writer is run under strace.

const SOURCES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const ZIP = 'CodeInterpreterControl/CodeInterpreterControlSolution.zip';
const CONNECTOR_ZIP =
  'AzureOpenAIServiceCustomConnector/AzureOpenAIServiceCustomConnector_1_0_0_1_managed.zip';

const untraceable = process.platform === 'linux' ? cannotTrace() : 'strace runs on Linux only';
if (untraceable)
  console.warn(`Skipping the tests that written files are on disk before their rename: ${untraceable}.`);
const describeTraced = untraceable ? describe.skip : describeWith(SOLUTION_FIXTURES, 'real solution export');

const temp = temporaryFolders('writes-synced-');
afterAll(() => temp.cleanup());

describeTraced('the solution writers and the disk', () => {
  let script: string;
  beforeAll(async () => {
    script = path.join(temp.make(), 'write.cjs');
    await bundleScript(
      `import { extractConnectors, packSolution, unpackSolution } from './index.js';
      const [command, source, target] = process.argv.slice(2) as [string, string, string];
      const writing =
        command === 'unpack'
          ? unpackSolution(source, target, { overwrite: true })
          : command === 'extract'
            ? extractConnectors(source, target)
            : packSolution(source, target);
      writing.catch((error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      });`,
      script,
      SOURCES,
    );
  });
  const trace = (command: string, source: string, target: string) =>
    diskSteps(traceNode(script, [command, source, target], SYNC_AND_RENAME_CALLS));

  it('unpack flushes every file of its staging folder before it renames the folder into place', async () => {
    const folder = path.join(temp.make(), 'src');
    const renamed = syncedBeforeRenameTo(trace('unpack', fixturePath(ZIP), folder), folder);
    expect(renamed).toBeDefined();
    const files = await listFiles(folder);
    expect(files).toContain('Other/Solution.xml');
    expect(files.filter((file) => !renamed!.synced.has(path.join(renamed!.from, file)))).toEqual([]);
  });

  it('unpack flushes a changed file before it renames it over the one of the folder it updates, and no unchanged one', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(ZIP), folder);
    const changed = path.join('Other', 'Customizations.xml');
    appendFileSync(path.join(folder, changed), '<!-- edited -->');
    const steps = trace('unpack', fixturePath(ZIP), folder);
    const renamed = syncedBeforeRenameTo(steps, path.join(folder, changed));
    expect(renamed).toBeDefined();
    expect([...renamed!.synced]).toContain(renamed!.from);
    // The update flushes what it renames in: the staged copies of the files left as they were go.
    const staging = renamed!.from.slice(0, -changed.length - 1);
    const synced = steps.flatMap((step) => (step.kind === 'sync' ? [step.file] : []));
    expect(synced).not.toContain(path.join(staging, 'Other', 'Solution.xml'));
  });

  it("extract flushes every file of a connector's staging folder before it renames the folder into place", async () => {
    const root = temp.make();
    const steps = trace('extract', fixturePath(CONNECTOR_ZIP), root);
    const [connector] = readdirSync(root);
    const folder = path.join(root, connector!);
    const renamed = syncedBeforeRenameTo(steps, folder);
    expect(renamed).toBeDefined();
    const files = await listFiles(folder);
    expect(files).toContain('apiDefinition.swagger.json');
    expect(files.filter((file) => !renamed!.synced.has(path.join(renamed!.from, file)))).toEqual([]);
  });

  it('pack flushes the zip before it renames it into place', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(ZIP), folder);
    const zip = path.join(temp.make(), 'solution.zip');
    const renamed = syncedBeforeRenameTo(trace('pack', folder, zip), zip);
    expect(renamed).toBeDefined();
    expect([...renamed!.synced]).toContain(renamed!.from);
  });
});
