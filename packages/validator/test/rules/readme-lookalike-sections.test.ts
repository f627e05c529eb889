import { describe, expect, it } from '@jest/globals';
import { runRules } from '../helpers/fixture.js';
import { validConnectorFiles, validReadme } from '../helpers/valid-connector.js';

// "##Supported Operations" is no heading to Markdown: README-SECTIONS-* says to add the space, and
// README-OPS-MATCH said nothing, so what the list misses came only in the run after the space was added.

/** The readme without "### Get a task", its operations heading written `heading`. */
function readmeMissingAnOperation(heading: string): Record<string, string | object> {
  const readme = validReadme()
    .replace('### Get a task\nGets one task by its identifier.\n', '')
    .replace('## Supported Operations', heading);
  expect(readme).toContain(heading);
  return { ...validConnectorFiles(), 'readme.md': readme };
}

describe('README-OPS-MATCH under a line that looks like the operations heading', () => {
  it.each([
    ['without the space after the signs', '##Supported Operations'],
    ['with a no-break space after them', '##\u00a0Supported Operations'],
  ])('reads the list %s, in the same run as README-SECTIONS-CERT', async (_, heading) => {
    const findings = await runRules(readmeMissingAnOperation(heading), [
      'README-OPS-MATCH',
      'README-SECTIONS-CERT',
    ]);
    expect(findings.map(({ ruleId, line, message }) => [ruleId, line, message.split('. ')[0]])).toEqual([
      ['README-OPS-MATCH', 9, 'The operation "Get a task" is not listed under Supported Operations.'],
      [
        'README-SECTIONS-CERT',
        9,
        'The readme has no "## Supported Operations" section, which the certified readme template requires',
      ],
    ]);
  });

  it('says nothing more of a lookalike whose list names every operation', async () => {
    const readme = validReadme().replace('## Supported Operations', '##Supported Operations');
    expect(await runRules({ ...validConnectorFiles(), 'readme.md': readme }, ['README-OPS-MATCH'])).toEqual(
      [],
    );
  });

  it('reads no such line in a code block, where Markdown reads no heading', async () => {
    const readme = validReadme()
      .replace('### Get a task\nGets one task by its identifier.\n', '')
      .replace('## Supported Operations', '```\n##Supported Operations\n```');
    expect(await runRules({ ...validConnectorFiles(), 'readme.md': readme }, ['README-OPS-MATCH'])).toEqual(
      [],
    );
  });
});
