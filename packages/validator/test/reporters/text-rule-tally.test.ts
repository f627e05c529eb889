import { describe, expect, it } from '@jest/globals';
import { locatedFinding, type Finding, type Severity } from '../../src/model/finding.js';
import { MAX_FINDINGS_WITHOUT_TALLY, ruleTally } from '../../src/reporters/text-rule-tally.js';

const plain = (_style: string, text: string) => text;

/** `count` findings of a rule at a level, in one connector's swagger, on lines from 1. */
function findings(
  ruleId: string,
  severity: Severity,
  count: number,
  baseline?: Finding['baseline'],
): Finding[] {
  return Array.from({ length: count }, (_, index) =>
    locatedFinding({
      ruleId,
      severity,
      message: `Finding ${index}.`,
      file: 'custom-connectors/Contoso/apiDefinition.swagger.json',
      line: index + 1,
      column: 1,
      connector: 'custom-connectors/Contoso',
      ...(baseline && { baseline }),
    }),
  );
}

describe('the text report’s tally by rule', () => {
  it('is left out up to the limit, and given one finding past it', () => {
    expect(ruleTally(findings('SWG-CONSUMES', 'info', MAX_FINDINGS_WITHOUT_TALLY), plain)).toBeUndefined();
    expect(ruleTally(findings('SWG-CONSUMES', 'info', MAX_FINDINGS_WITHOUT_TALLY + 1), plain)).toBe(
      [
        'Findings by rule (1 rule):',
        "  SWG-CONSUMES  51 info  Declare 'consumes' for operations that send a body or form data.",
      ].join('\n'),
    );
  });

  it('lists the rules with errors first, then those with new findings, then the most frequent, in columns', () => {
    const all = [
      ...findings('SWG-CONSUMES', 'info', 30),
      ...findings('SWG-FORMAT', 'warning', 5, 'existing'),
      ...findings('SWG-OP-RESP-SUCCESS', 'warning', 20, 'existing'),
      ...findings('SWG-ENUM-TYPE', 'warning', 1, 'new'),
      // A rule whose profiles give it two levels: counted at each, ranked by its worst.
      ...findings('SWG-PATH-PARAM-ENCODING', 'warning', 2),
      ...findings('SWG-PATH-PARAM-ENCODING', 'error', 3),
      // A breaking-change rule, titled by its message as in the job summary.
      ...findings('BRK-OP-DELETED', 'error', 1),
    ];
    expect(ruleTally(all, plain)!.split('\n')).toEqual([
      'Findings by rule (6 rules):',
      '  SWG-PATH-PARAM-ENCODING  3 errors, 2 warnings  Declare x-ms-url-encoding on path parameters.',
      '  BRK-OP-DELETED           1 error               The operation has been deleted. This change breaks existing flows.',
      '  SWG-ENUM-TYPE            1 warning             Write enum values of the declared type.',
      '  SWG-OP-RESP-SUCCESS      20 warnings           Define a 2xx response for every operation.',
      '  SWG-FORMAT               5 warnings            Use a format the platform recognizes.',
      "  SWG-CONSUMES             30 info               Declare 'consumes' for operations that send a body or form data.",
    ]);
  });

  it('has no line that a reader of finding lines (file:line:column severity rule-id) takes for a finding', () => {
    const all = [...findings('SWG-CONSUMES', 'info', 40), ...findings('REPO-REQUIRED-FILES', 'error', 20)];
    const findingLine = /^(.+):(\d+):(\d+) (error|warning|info) (\S+) (.*)$/;
    for (const line of ruleTally(all, plain)!.split('\n')) expect(line).not.toMatch(findingLine);
  });

  it('paints each count in the colour of its worst level, and the heading bold', () => {
    const all = [...findings('SWG-CONSUMES', 'info', 40), ...findings('SWG-FORMAT', 'error', 20)];
    const marked = ruleTally(all, (style, text) => `<${style}>${text}</${style}>`)!.split('\n');
    expect(marked[0]).toBe('<bold>Findings by rule (2 rules):</bold>');
    expect(marked[1]).toContain('<error>20 errors</error>');
    // The padding after a count is left unpainted.
    expect(marked[2]).toBe(
      "  SWG-CONSUMES  <info>40 info</info>    Declare 'consumes' for operations that send a body or form data.",
    );
  });
});
