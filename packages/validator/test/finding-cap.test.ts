import { describe, expect, it } from '@jest/globals';
import { runRules } from './helpers/fixture.js';
import { validConnectorFiles, validReadme } from './helpers/valid-connector.js';
import { UnlistedReports } from '../src/model/finding-cap.js';
import { MAX_FINDINGS_PER_RULE, unlistedMessage } from '../src/model/unlisted-message.js';

/** The valid connector with `count` template lines ("TODO:") at the end of its readme. */
function withTodoLines(count: number) {
  const lines = Array.from({ length: count }, (_, index) => `TODO: item ${index}`);
  return { ...validConnectorFiles(), 'readme.md': `${validReadme()}\n${lines.join('\n')}\n` };
}

describe('the findings one rule lists for one connector', () => {
  it('are all listed up to the limit', async () => {
    const findings = await runRules(withTodoLines(MAX_FINDINGS_PER_RULE), ['README-PLACEHOLDER']);
    expect(findings).toHaveLength(MAX_FINDINGS_PER_RULE);
    expect(findings.every((finding) => !finding.message.includes('not listed'))).toBe(true);
  });

  it('past it, end with one finding that counts the rest, where the first of them is', async () => {
    const findings = await runRules(withTodoLines(MAX_FINDINGS_PER_RULE + 500), ['README-PLACEHOLDER']);
    expect(findings).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    const rest = findings.filter((finding) => finding.message.includes('not listed'));
    expect(rest).toHaveLength(1);
    const firstTodoLine = findings[0]!.line;
    expect(rest[0]).toMatchObject({
      ruleId: 'README-PLACEHOLDER',
      severity: 'warning',
      line: firstTodoLine + MAX_FINDINGS_PER_RULE,
      message:
        '500 more findings of this rule are not listed: a rule lists at most 1,000 for a connector. Fix the ones listed and check again.',
      unlisted: { count: 500, per: 'connector' },
    });
    expect(findings.filter((finding) => finding.unlisted !== undefined)).toEqual(rest);
  });

  it('at exactly one past it, count the one left in the singular', async () => {
    const findings = await runRules(withTodoLines(MAX_FINDINGS_PER_RULE + 1), ['README-PLACEHOLDER']);
    expect(findings).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    expect(findings.at(-1)!.message).toBe(
      '1 more finding of this rule is not listed: a rule lists at most 1,000 for a connector. Fix the ones listed and check again.',
    );
  });
});

describe('unlistedMessage', () => {
  it('counts the findings or changes of a rule that a connector does not list, grouped by thousands', () => {
    expect(unlistedMessage(1, 'finding')).toBe(
      '1 more finding of this rule is not listed: a rule lists at most 1,000 for a connector.',
    );
    expect(unlistedMessage(1_234_567, 'change')).toBe(
      '1,234,567 more changes of this rule are not listed: a rule lists at most 1,000 for a connector.',
    );
  });

  it('says a count of a file, such as the JSON syntax errors past the 20 listed, is of a file', () => {
    expect(unlistedMessage(5, 'change', '20 JSON syntax errors')).toBe(
      '5 more changes of this rule are not listed: a file lists at most 20 JSON syntax errors.',
    );
  });
});

describe('UnlistedReports', () => {
  it('stands for the rest at the worst of their levels, without a fix, and forgets them when cleared', () => {
    const unlisted = new UnlistedReports();
    expect(unlisted.summary()).toBeUndefined();
    unlisted.add({ message: 'a', pointer: '/a', fix: { renameKey: 'b' }, severity: 'info' }, 'info');
    unlisted.add({ message: 'c', pointer: '/c' }, 'error');
    unlisted.add({ message: 'd', pointer: '/d' }, 'warning');
    expect(unlisted.summary()).toEqual({
      severity: 'error',
      report: {
        pointer: '/a',
        message:
          '3 more findings of this rule are not listed: a rule lists at most 1,000 for a connector. Fix the ones listed and check again.',
        unlisted: { count: 3, per: 'connector' },
      },
    });
    unlisted.clear();
    expect(unlisted.summary()).toBeUndefined();
  });
});
