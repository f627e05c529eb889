import { afterAll, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validateFolder, type Finding } from '@connector-alm/validator';
import { extractConnectors } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

// The readme extract-connectors writes for a folder that has none leaves TODOs where the API definition
// says nothing (publisher, prerequisites, credentials, …). Submitted as it is, the TODOs would end up
// on the connector's documentation page: validate reports each until it is filled in.

const temp = temporaryFolders('readme-todos-');
afterAll(() => temp.cleanup());

const placeholders = (findings: readonly Finding[]) =>
  findings
    .filter((finding) => finding.ruleId === 'README-PLACEHOLDER')
    .map((finding) => [finding.severity, finding.line, finding.message]);

describeWith(SOLUTION_FIXTURES, 'real solution export')('the readme extraction writes', () => {
  it('is reported under certified at each TODO, saying what to fill in, until the TODOs are filled in', async () => {
    const root = path.join(temp.make(), 'certified-connectors');
    const [result] = await extractConnectors(fixturePath('customHIL/customHIL_1_0_0_3.zip'), root);
    const folder = path.join(root, result!.folder);
    const file = path.join(folder, 'readme.md');
    const readme = readFileSync(file, 'utf8');
    const lines = readme.split('\n');
    const lineOf = (text: string) => lines.indexOf(text) + 1;
    expect(lineOf('## Publisher: TODO')).toBeGreaterThan(0);

    const extracted = await validateFolder(folder, { profile: 'certified' });
    expect(placeholders(extracted.findings)).toEqual([
      [
        'warning',
        lineOf('## Publisher: TODO'),
        'The readme still says "## Publisher: TODO": replace TODO with the publisher.',
      ],
      [
        'warning',
        lineOf('TODO: what a user needs (an account, a plan, a licence) before using the connector.'),
        'The readme still says "TODO: what a user needs (an account, a plan, a licence) before using the connector.": replace the line with what a user needs (an account, a plan, a licence) before using the connector.',
      ],
      [
        'warning',
        lineOf('TODO: how to get the credentials the connection asks for.'),
        'The readme still says "TODO: how to get the credentials the connection asks for.": replace the line with how to get the credentials the connection asks for.',
      ],
      [
        'warning',
        lineOf('TODO: the first steps with the connector.'),
        'The readme still says "TODO: the first steps with the connector.": replace the line with the first steps with the connector.',
      ],
      [
        'warning',
        lineOf('TODO: known issues, or "None".'),
        'The readme still says "TODO: known issues, or "None".": replace the line with known issues, or "None".',
      ],
    ]);

    const filled = readme
      .replace('## Publisher: TODO', '## Publisher: Microsoft Copilot Studio')
      .replace(/^TODO: .*$/gm, 'Written by the maker.');
    writeFileSync(file, filled);
    const validated = await validateFolder(folder, { profile: 'certified' });
    expect(placeholders(validated.findings)).toEqual([]);
  });
});
