import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isTemplateReadme } from '../src/connector/readme-template.js';
import { extractAndRemoveLeftConnectors, extractConnectors, unpackSolution } from '../src/index.js';
import { withConnectorCopies } from './helpers/connector-copies.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

// The readme extraction writes was recognised byte for byte only. Checked out by git with
// core.autocrlf on Windows (CRLF), or saved by a Windows editor (with a BOM), it counted as the
// maker's: "readme.md kept: yours", carried into a renamed connector's new folder in place of the
// template for its new name, and keeping a left connector's folder from being removed.

const temp = temporaryFolders('template-readme-line-endings-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const BOM = '\uFEFF';

/** The readme as Windows has it: CRLF line endings, as git's autocrlf checks it out, or a BOM as well. */
const WINDOWS_COPIES: [string, (text: string) => string][] = [
  ['CRLF line endings', (text) => text.replace(/\n/g, '\r\n')],
  ['a byte-order mark', (text) => `${BOM}${text}`],
  ['both', (text) => `${BOM}${text.replace(/\n/g, '\r\n')}`],
];

/** The readme file at `folder`, rewritten as `windows` makes it. */
function rewrite(folder: string, windows: (text: string) => string): void {
  const readme = path.join(folder, 'readme.md');
  writeFileSync(readme, windows(readFileSync(readme, 'utf8')));
}

describe('isTemplateReadme', () => {
  const template = '# Contoso\n\nTODO: what the service is.\n';

  it('takes the template byte for byte, with CRLF line endings, or with a byte-order mark', () => {
    expect(isTemplateReadme(template, template)).toBe(true);
    for (const [, windows] of WINDOWS_COPIES)
      expect(isTemplateReadme(windows(template), template)).toBe(true);
  });

  it('takes neither an edit nor anything when there is no template', () => {
    expect(isTemplateReadme('# Contoso\r\n\r\nPlans tasks.\r\n', template)).toBe(false);
    expect(isTemplateReadme(template.replace(/\n/g, '\r'), template)).toBe(false);
    expect(isTemplateReadme(template, undefined)).toBe(false);
  });
});

describeWith(SOLUTION_FIXTURES, 'real solution export')('a template readme as Windows has it', () => {
  it.each(WINDOWS_COPIES)('with %s is the template, not yours', async (_how, windows) => {
    const root = temp.make();
    await extractConnectors(fixturePath(HIL), root);
    rewrite(path.join(root, 'Human-in-the-Loop'), windows);
    const [again] = await extractConnectors(fixturePath(HIL), root);
    expect(again).toMatchObject({ kept: [], templateReadme: 'readme.md' });
  });

  it.each(WINDOWS_COPIES)(
    "with %s is not carried into a renamed connector's new folder, which gets the template of its new name",
    async (_how, windows) => {
      const work = temp.make();
      const previous = path.join(work, 'previous');
      await unpackSolution(fixturePath(HIL), previous);
      const root = path.join(work, 'custom-connectors');
      await extractConnectors(previous, root);
      rewrite(path.join(root, 'Human-in-the-Loop'), windows);
      const renamed = path.join(work, 'renamed');
      cpSync(previous, renamed, { recursive: true });
      // The portal's connector name is both the display name and the title of the API definition.
      for (const [file, from, to] of [
        ['cat_human-2din-2dthe-2dloop.xml', /<displayname>Human-in-the-Loop</, '<displayname>Approval Loop<'],
        [
          'cat_human-2din-2dthe-2dloop_openapidefinition.json',
          /"title": *"Human-in-the-Loop"/,
          '"title": "Approval Loop"',
        ],
      ] as const) {
        const text = readFileSync(path.join(renamed, 'Connectors', file), 'utf8');
        expect(text).toMatch(from);
        writeFileSync(path.join(renamed, 'Connectors', file), text.replace(from, to));
      }

      const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
      expect(result.connectors[0]!.renamedFrom).toEqual({
        folder: 'Human-in-the-Loop',
        kept: [],
        leftBehind: [],
      });
      expect(result.removed).toEqual(['Human-in-the-Loop']);
      expect(readFileSync(path.join(root, 'Approval Loop', 'readme.md'), 'utf8')).toMatch(
        /^# Approval Loop\n/,
      );
    },
  );

  it.each(WINDOWS_COPIES)(
    'with %s does not keep the folder of a connector that left, outside git',
    async (_how, windows) => {
      const work = temp.make();
      const previous = await withConnectorCopies(fixturePath(HIL), path.join(work, 'previous.zip'), [
        'cat_retired',
      ]);
      const root = path.join(work, 'custom-connectors');
      await extractConnectors(previous, root);
      rewrite(path.join(root, 'cat_retired'), windows);

      const result = await extractAndRemoveLeftConnectors(fixturePath(HIL), root, {
        previousSource: previous,
      });
      expect([result.removed, result.notRemoved]).toEqual([['cat_retired'], []]);
      expect(existsSync(path.join(root, 'cat_retired'))).toBe(false);
    },
  );
});
