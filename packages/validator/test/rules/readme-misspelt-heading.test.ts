import { describe, expect, it } from '@jest/globals';
import { misspeltHeadings } from '../../src/rules/readme/misspelt-heading.js';
import { outlineOf } from '../../src/rules/readme/outline.js';
import { runRules } from '../helpers/fixture.js';
import { validConnectorFiles, validReadme } from '../helpers/valid-connector.js';

const withReadme = (readme: string) => ({ ...validConnectorFiles(), 'readme.md': readme });

/** The readme with `heading` (a line of it) written as `instead`. */
const readmeWith = (heading: string, instead: string) => withReadme(validReadme().replace(heading, instead));

// A misspelt section heading was told as a missing section at line 1 ("The readme has no '## Prerequisites'
// section"), and the maker, who sees the section in the file, had to find the typo alone.
describe('README-SECTIONS-* on a misspelt heading', () => {
  it('is placed on the heading and says how to write it', async () => {
    const findings = await runRules(readmeWith('## Prerequisites', '## Prerequisities'), [
      'README-SECTIONS-CERT',
    ]);
    expect(findings).toMatchObject([
      {
        line: 6,
        message:
          'The readme has no "## Prerequisites" section, which the certified readme template requires. The heading "Prerequisities" looks misspelt: write "## Prerequisites".',
      },
    ]);
  });

  it('reads a swap of two letters as one slip, and keeps what follows the colon', async () => {
    const swapped = await runRules(
      readmeWith('## Supported Operations', '## Supproted Operations'),
      ['README-SECTIONS-IP'],
      'independent-publisher',
    );
    expect(swapped.map(({ message }) => message.split('. ')[1])).toEqual([
      'The heading "Supproted Operations" looks misspelt: write "## Supported Operations".',
    ]);
    const publisher = await runRules(readmeWith('## Publisher: Contoso Ltd', '### Publsher: Contoso Ltd'), [
      'README-SECTIONS-CERT',
    ]);
    expect(publisher[0]!.message).toMatch(
      /The heading "Publsher: Contoso Ltd" looks misspelt: write "### Publisher: Contoso Ltd"\.$/,
    );
  });

  it('takes no word of its own for a slip, and reports the section missing as before', async () => {
    for (const other of ['## Employment', '## Retirements', '## Notes', '## Deployments Overview']) {
      const findings = await runRules(readmeWith('## Deployment Instructions', other), [
        'README-SECTIONS-CERT',
      ]);
      // "Deployments Overview" is the section (it starts "deploy"): nothing is missing.
      if (other === '## Deployments Overview') expect(findings).toEqual([]);
      else
        expect(findings).toMatchObject([
          {
            line: 1,
            message:
              'The readme has no "## Deployment Instructions" section, which the certified readme template requires.',
          },
        ]);
    }
  });

  it('leaves a heading four levels deep, where sections are not found', async () => {
    const findings = await runRules(readmeWith('## Prerequisites', '#### Prerequisities'), [
      'README-SECTIONS-CERT',
    ]);
    expect(findings).toMatchObject([{ line: 1 }]);
  });
});

// "## Suported Actions" beside "## Supported Triggers": its operations were "not listed under Supported
// Triggers", and nothing named the typo.
describe('README-OPS-MATCH with a misspelt operations heading', () => {
  const split = validReadme()
    .replace('## Supported Operations', '## Suported Actions')
    .replace('### Get a task', '## Supported Triggers\n### Get a task');

  it('reads the operations under it, and names the typo', async () => {
    const findings = await runRules(withReadme(split), ['README-OPS-MATCH'], 'independent-publisher');
    expect(findings).toMatchObject([
      { line: 9, message: 'The heading "Suported Actions" looks misspelt: write "## Supported Actions".' },
    ]);
  });

  it('leaves the typo to README-SECTIONS-* when no operations heading is spelt right', async () => {
    const files = readmeWith('## Supported Operations', '## Supproted Operations');
    expect(await runRules(files, ['README-OPS-MATCH'], 'independent-publisher')).toEqual([]);
    expect(await runRules(files, ['README-SECTIONS-IP'], 'independent-publisher')).toMatchObject([
      { line: 9 },
    ]);
  });

  it('does not fire with headings spelt right', async () => {
    const right = split.replace('## Suported Actions', '## Supported Actions');
    expect(await runRules(withReadme(right), ['README-OPS-MATCH'], 'independent-publisher')).toEqual([]);
  });
});

describe('misspeltHeadings', () => {
  const misspelt = (text: string) =>
    misspeltHeadings(outlineOf({ text }).headings).map(({ heading, written }) => [heading.text, written]);

  it('takes no short word or numbered heading of its own for a slip', () => {
    // HP Workforce Solutions' "### Operation 1: Hardware Inventory" is one edit from "Operations".
    expect(
      misspelt('## Auctions\n### Operation 1: Hardware Inventory\n## Triggered\n## Publishing\n'),
    ).toEqual([]);
  });

  // "Deploymnet Instructions" is no slip to name: it starts "deploy", which the section takes.
  it('names each slip, in document order, at its own level', () => {
    expect(
      misspelt('# Prerequisities\n### Known Isues\n## Suported Triggers\n## Deploymnet Instructions\n'),
    ).toEqual([
      ['Prerequisities', '# Prerequisites'],
      ['Known Isues', '### Known Issues'],
      ['Suported Triggers', '## Supported Triggers'],
    ]);
  });

  it('measures the headings of a readme once, for every rule that reads them', () => {
    const { headings } = outlineOf({ text: '## Prerequisities\n## Suported Actions\n' });
    const first = misspeltHeadings(headings);
    expect(first).toHaveLength(2);
    expect(misspeltHeadings(headings)).toBe(first);
  });
});
