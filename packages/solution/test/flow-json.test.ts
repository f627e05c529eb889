import { afterAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packSolution, unpackSolution, ZipReader } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import { temporaryFolders, variantOf } from './helpers/zips.js';

const temp = temporaryFolders('flow-json-');
afterAll(() => temp.cleanup());

const FLOW = 'Workflows/Approval-1A2B3C4D-0000-4000-8000-000000000001.json';
/** A cloud flow's clientdata as Dataverse exports it: one line, no whitespace. */
const flow = (message: string): string =>
  JSON.stringify({
    properties: {
      connectionReferences: {},
      definition: {
        $schema:
          'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#',
        contentVersion: '1.0.0.0',
        triggers: { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } },
        actions: {
          Compose: { runAfter: {}, type: 'Compose', inputs: message },
          Terminate: {
            runAfter: { Compose: ['Succeeded'] },
            type: 'Terminate',
            inputs: { runStatus: 'Succeeded' },
          },
        },
      },
    },
    schemaVersion: '1.0.0.0',
  });

describeWith(SOLUTION_FIXTURES, 'real solution export')('cloud flow JSON', () => {
  const exportWith = (message: string): Promise<string> =>
    variantOf(fixturePath('customHIL/customHIL_1_0_0_3.zip'), path.join(temp.make(), 'flow.zip'), {
      [FLOW]: flow(message),
    });

  it("unpacks a changed action as a diff of that action's lines, not of the flow's one line", async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(await exportWith('Hello'), folder);
    const before = readFileSync(path.join(folder, FLOW), 'utf8').split('\n');
    const result = await unpackSolution(await exportWith('Hello, world'), folder, { overwrite: true });
    expect(result.written).toEqual([FLOW]);
    const after = readFileSync(path.join(folder, FLOW), 'utf8').split('\n');
    expect(after.length).toBeGreaterThan(10);
    expect(after.length).toBe(before.length);
    const changed = after.filter((line, index) => line !== before[index]);
    expect(changed).toEqual(['          "inputs": "Hello, world"']);
  });

  it('packs the flow back as the single line the export had', async () => {
    const zip = await exportWith('Hello');
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(zip, folder);
    const packed = path.join(temp.make(), 'packed.zip');
    await packSolution(folder, packed);
    expect((await readZip(packed)).get(FLOW)!.toString('utf8')).toBe(flow('Hello'));
  });

  // Only a flow's definition is laid out: other JSON parts (a web resource, a file deeper in
  // Workflows/, one there not named .json) are the solution's as they are, and pack copies them back
  // as they are.
  it('keeps JSON that is no flow definition byte for byte', async () => {
    const parts = {
      'WebResources/cat_/settings.json': '{"a":1}',
      'Workflows/more/x.json': '{"b":[2]}',
      'Workflows/x.txt': '{"c":3}',
    };
    const zip = await variantOf(
      fixturePath('customHIL/customHIL_1_0_0_3.zip'),
      path.join(temp.make(), 'x.zip'),
      parts,
    );
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(zip, folder);
    const packed = path.join(temp.make(), 'packed.zip');
    await packSolution(folder, packed);
    const entries = await readZip(packed);
    for (const [name, text] of Object.entries(parts)) {
      expect([name, readFileSync(path.join(folder, name), 'utf8')]).toEqual([name, text]);
      expect([name, entries.get(name)!.toString('utf8')]).toEqual([name, text]);
    }
  });

  it('keeps a flow file that is not JSON byte for byte', async () => {
    const zip = await variantOf(
      fixturePath('customHIL/customHIL_1_0_0_3.zip'),
      path.join(temp.make(), 'x.zip'),
      {
        [FLOW]: '{"not json',
      },
    );
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(zip, folder);
    expect(readFileSync(path.join(folder, FLOW), 'utf8')).toBe('{"not json');
    const packed = path.join(temp.make(), 'packed.zip');
    await packSolution(folder, packed);
    expect((await readZip(packed)).get(FLOW)!.toString('utf8')).toBe('{"not json');
  });

  // Unpack reads such a flow once to see whether it is JSON, then again to copy it: its bytes were
  // counted twice towards the size limit, and an export within the limit was refused as past it.
  it('unpacks an export holding a flow that is not JSON under a size limit of exactly its size', async () => {
    // Longer than the entries unpack does not read ([Content_Types].xml).
    const notJson = `{"not json ${'x'.repeat(100_000)}`;
    const zip = await variantOf(
      fixturePath('customHIL/customHIL_1_0_0_3.zip'),
      path.join(temp.make(), 'x.zip'),
      {
        [FLOW]: notJson,
      },
    );
    const reader = await ZipReader.open(zip);
    const size = reader.entries.reduce((total, entry) => total + entry.size, 0);
    reader.close();
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(zip, folder, { limits: { maxTotalBytes: size } });
    expect(readFileSync(path.join(folder, FLOW), 'utf8')).toBe(notJson);
  });

  // Read as UTF-8, the byte 0xE9 of Windows-1252's 'é' is U+FFFD: laid out, the text would be JSON
  // but the byte would be lost, in the folder and in every zip packed from it.
  it('keeps a flow file that is JSON but not UTF-8 byte for byte', async () => {
    const latin1 = Buffer.from(flow('Caf\u00e9'), 'latin1');
    const zip = await variantOf(
      fixturePath('customHIL/customHIL_1_0_0_3.zip'),
      path.join(temp.make(), 'x.zip'),
      {
        [FLOW]: latin1,
      },
    );
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(zip, folder);
    expect(readFileSync(path.join(folder, FLOW)).equals(latin1)).toBe(true);
    const packed = path.join(temp.make(), 'packed.zip');
    await packSolution(folder, packed);
    expect((await readZip(packed)).get(FLOW)!.equals(latin1)).toBe(true);
  });
});
