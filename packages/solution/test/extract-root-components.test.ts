import { afterAll, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { extractAndRemoveLeftConnectors, extractConnectors, unpackSolution } from '../src/index.js';
import { HIL_CONNECTOR } from './helpers/connector-copies.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('extract-roots-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const MISSING_HINT = `Restore Connectors/${HIL_CONNECTOR}.xml and its side files (e.g. from git), or, to drop the connector from the solution, remove its <RootComponent type="372"> from Other/Solution.xml.`;

/** The last snapshot as the repository holds it: the solution unpacked, its connector extracted. */
async function snapshot(): Promise<{ src: string; previous: string; root: string }> {
  const dir = temp.make();
  const src = path.join(dir, 'solutions/customHIL');
  const previous = path.join(dir, 'previous');
  const root = path.join(dir, 'custom-connectors');
  await unpackSolution(fixturePath(HIL), src);
  await unpackSolution(fixturePath(HIL), previous);
  await extractConnectors(src, root);
  return { src, previous, root };
}

describeWith(SOLUTION_FIXTURES, 'real solution export')(
  'extract-connectors and the connectors that Solution.xml lists as root components',
  () => {
    it('refuses a listed connector whose files were deleted, as pack does, and removes no folder', async () => {
      // It used to say "The solution has no custom connector." and, with the previous snapshot,
      // remove the connector's folder, while pack refused the same folder.
      const { src, previous, root } = await snapshot();
      for (const file of readdirSync(path.join(src, 'Connectors')))
        if (file.startsWith(HIL_CONNECTOR)) rmSync(path.join(src, 'Connectors', file));
      const error = await extractAndRemoveLeftConnectors(src, root, { previousSource: previous }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UserError);
      expect([locatedMessage(error), (error as UserError).hint]).toEqual([
        `${path.join(src, 'Other/Solution.xml')}: lists connector ${HIL_CONNECTOR} (<RootComponent type="372">) but Connectors/${HIL_CONNECTOR}.xml is missing.`,
        MISSING_HINT,
      ]);
      expect(readdirSync(path.join(root, 'Human-in-the-Loop')).sort()).toEqual([
        'apiDefinition.swagger.json',
        'apiProperties.json',
        'icon.png',
        'readme.md',
      ]);

      // Dropped from the manifest too: the solution has no connector left, and that is no mistake.
      const solutionXml = path.join(src, 'Other/Solution.xml');
      const text = readFileSync(solutionXml, 'utf8');
      const withoutRoot = text.replace(/ *<RootComponent type="372"[^>]*\/>\r?\n/, '');
      expect(withoutRoot).not.toBe(text);
      writeFileSync(solutionXml, withoutRoot);
      expect(await extractConnectors(src, temp.make())).toEqual([]);
    });

    it('refuses a Connectors folder renamed to connectors, which a case-sensitive disk does not read', async () => {
      const { src, root } = await snapshot();
      renameSync(path.join(src, 'Connectors'), path.join(src, 'connectors'));
      const error = await extractConnectors(src, root).catch((e: unknown) => e);
      expect(locatedMessage(error)).toBe(
        `${path.join(src, 'Other/Solution.xml')}: lists connector ${HIL_CONNECTOR} (<RootComponent type="372">) but Connectors/${HIL_CONNECTOR}.xml is missing.`,
      );
      expect(existsSync(path.join(root, 'Human-in-the-Loop/apiDefinition.swagger.json'))).toBe(true);
    });

    it('takes a connector kept inside Other/Customizations.xml for the listed one, as pack does', async () => {
      // A hand-made folder may keep the <Connector> element where the export had it; extraction reads
      // Connectors/ alone, so it extracts nothing from it, but the manifest is not wrong.
      const { src } = await snapshot();
      const document = path.join(src, `Connectors/${HIL_CONNECTOR}.xml`);
      const element = readFileSync(document, 'utf8')
        .replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, '')
        .replace(/ xmlns:xsi="[^"]*"/, '');
      rmSync(document);
      await expect(extractConnectors(src, temp.make())).rejects.toThrow(UserError);
      const customizations = path.join(src, 'Other/Customizations.xml');
      const text = readFileSync(customizations, 'utf8');
      writeFileSync(customizations, text.replace('<Connectors />', `<Connectors>${element}</Connectors>`));
      await expect(extractConnectors(src, temp.make())).resolves.toEqual([]);
    });
  },
);
