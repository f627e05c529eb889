import { afterAll, expect, it } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractAndRemoveLeftConnectors } from '../src/index.js';
import { describeWith, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { HIL_DEFINITION, snapshots } from './helpers/snapshots.js';
import { temporaryFolders } from './helpers/zips.js';

// A snapshot after an operation was renamed in the maker portal updated the swagger, but kept the
// readme that an earlier extraction wrote, untouched since: its Supported Operations still listed the
// old summary, which README-OPS-MATCH then reported on a file nobody wrote.

const temp = temporaryFolders('template-readme-follows-definition-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const OLD_SUMMARY = 'Request human input and wait for a response';
const NEW_SUMMARY = 'Ask a human and wait for the answer';

/** The last snapshot extracted, and the next one: the same solution with one operation renamed. */
async function renamedOperation(): Promise<{ previous: string; next: string; readme: string }> {
  const { previous, next, root } = await snapshots(temp.make(), HIL, {
    file: HIL_DEFINITION,
    edit: (text) => text.replace(`"summary": "${OLD_SUMMARY}"`, `"summary": "${NEW_SUMMARY}"`),
  });
  return { previous, next, readme: path.join(root, 'Human-in-the-Loop', 'readme.md') };
}

describeWith(SOLUTION_FIXTURES, 'real solution export')(
  'a readme still as the last extraction wrote it',
  () => {
    it("follows the solution's definition: only the renamed operation's heading changes", async () => {
      const { previous, next, readme } = await renamedOperation();
      const before = readFileSync(readme, 'utf8');
      const root = path.dirname(path.dirname(readme));
      const [connector] = (await extractAndRemoveLeftConnectors(next, root, { previousSource: previous }))
        .connectors;
      expect(connector).toMatchObject({ updated: ['apiDefinition.swagger.json', 'readme.md'], kept: [] });
      expect(readFileSync(readme, 'utf8')).toBe(
        before.replace(`### ${OLD_SUMMARY}\n`, `### ${NEW_SUMMARY}\n`),
      );
    });

    it('keeps its line endings as it follows the definition', async () => {
      // As git checks it out on Windows (core.autocrlf): written with LF, every line showed as changed.
      const { previous, next, readme } = await renamedOperation();
      const before = readFileSync(readme, 'utf8').replace(/\n/g, '\r\n');
      writeFileSync(readme, before);
      const root = path.dirname(path.dirname(readme));
      const [connector] = (await extractAndRemoveLeftConnectors(next, root, { previousSource: previous }))
        .connectors;
      expect(connector).toMatchObject({ updated: ['apiDefinition.swagger.json', 'readme.md'], kept: [] });
      expect(readFileSync(readme, 'utf8')).toBe(
        before.replace(`### ${OLD_SUMMARY}\r\n`, `### ${NEW_SUMMARY}\r\n`),
      );
    });

    it('keeps its line endings when the folder has lost its swagger', async () => {
      // Every file extraction writes before the readme is looked at, whether the folder has it or not.
      const { previous, next, readme } = await renamedOperation();
      const before = readFileSync(readme, 'utf8').replace(/\n/g, '\r\n');
      writeFileSync(readme, before);
      const root = path.dirname(path.dirname(readme));
      rmSync(path.join(root, 'Human-in-the-Loop', 'apiDefinition.swagger.json'));
      const [connector] = (await extractAndRemoveLeftConnectors(next, root, { previousSource: previous }))
        .connectors;
      expect(connector).toMatchObject({ created: ['apiDefinition.swagger.json'], updated: ['readme.md'] });
      expect(readFileSync(readme, 'utf8')).toBe(
        before.replace(`### ${OLD_SUMMARY}\r\n`, `### ${NEW_SUMMARY}\r\n`),
      );
    });

    it('stays as it is once the maker edited it: it is theirs', async () => {
      const { previous, next, readme } = await renamedOperation();
      const edited = readFileSync(readme, 'utf8').replace('## Publisher: TODO', '## Publisher: Contoso');
      writeFileSync(readme, edited);
      const root = path.dirname(path.dirname(readme));
      const [connector] = (await extractAndRemoveLeftConnectors(next, root, { previousSource: previous }))
        .connectors;
      expect(connector).toMatchObject({ updated: ['apiDefinition.swagger.json'], kept: ['readme.md'] });
      expect(readFileSync(readme, 'utf8')).toBe(edited);
    });

    it('stays as it is without --previous-source, which alone tells the template from a readme', async () => {
      const { next, readme } = await renamedOperation();
      const before = readFileSync(readme, 'utf8');
      const [connector] = (await extractAndRemoveLeftConnectors(next, path.dirname(path.dirname(readme))))
        .connectors;
      expect(connector).toMatchObject({ updated: ['apiDefinition.swagger.json'] });
      expect(readFileSync(readme, 'utf8')).toBe(before);
    });
  },
);
