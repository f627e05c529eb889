import { afterAll, expect, it } from '@jest/globals';
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { extractConnectors, packSolution, unpackSolution } from '../src/index.js';
import { HIL_CONNECTOR } from './helpers/connector-copies.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('connector-part-case-');
afterAll(() => temp.cleanup());

const ICON = `${HIL_CONNECTOR}_iconblob.Png`;

async function unpackedHil(): Promise<string> {
  const src = path.join(temp.make(), 'src');
  await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), src);
  return src;
}

/** What pack and extract-connectors say of the folder: the located message and its hint. */
async function refusals(src: string): Promise<Array<[string, string | undefined]>> {
  const said: Array<[string, string | undefined]> = [];
  for (const run of [
    () => packSolution(src, path.join(path.dirname(src), 'out.zip')),
    () => extractConnectors(src, temp.make()),
  ]) {
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    said.push([locatedMessage(error), (error as UserError).hint]);
  }
  return said;
}

describeWith(SOLUTION_FIXTURES, 'real solution export')(
  'a connector part named in another letter case',
  () => {
    it('names the file that differs in case only, and the name to give it', async () => {
      // Renamed on Windows or macOS, where the disk takes either name; git and Linux do not.
      const src = await unpackedHil();
      renameSync(path.join(src, 'Connectors', ICON), path.join(src, 'Connectors', ICON.toLowerCase()));
      const connectorXml = path.join(src, `Connectors/${HIL_CONNECTOR}.xml`);
      const refusal: [string, string] = [
        `${connectorXml}: refers to /Connector/${ICON}, but Connectors/ has no such file.`,
        `Connectors/${ICON.toLowerCase()} differs from Connectors/${ICON} in letter case only, which Linux tells apart: rename it to Connectors/${ICON}.`,
      ];
      expect(await refusals(src)).toEqual([refusal, refusal]);
    });

    it('says what to do when the part is missing altogether', async () => {
      const src = await unpackedHil();
      rmSync(path.join(src, 'Connectors', ICON));
      const refusal: [string, string] = [
        `${path.join(src, `Connectors/${HIL_CONNECTOR}.xml`)}: refers to /Connector/${ICON}, but Connectors/ has no such file.`,
        `Restore Connectors/${ICON} (e.g. from git), or unpack the solution again.`,
      ];
      expect(await refusals(src)).toEqual([refusal, refusal]);
    });

    it('names a Connectors folder renamed to connectors', async () => {
      const src = await unpackedHil();
      renameSync(path.join(src, 'Connectors'), path.join(src, 'connectors'));
      const refusal: [string, string] = [
        `${path.join(src, 'Other/Solution.xml')}: lists connector ${HIL_CONNECTOR} (<RootComponent type="372">) but Connectors/${HIL_CONNECTOR}.xml is missing.`,
        'connectors/ differs from Connectors/ in letter case only, which Linux tells apart: rename the folder to Connectors/.',
      ];
      expect(await refusals(src)).toEqual([refusal, refusal]);
    });
  },
);
