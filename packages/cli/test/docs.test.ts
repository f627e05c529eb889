import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES, renderRulesMarkdown } from '@connector-alm/validator';
import { REPO_ROOT } from '@connector-alm/testing';

describe('docs/rules.md', () => {
  it('is the generated rule reference for the current rules (run npm run docs after changing a rule)', () => {
    const committed = readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8');
    expect(committed === renderRulesMarkdown(ALL_RULES)).toBe(true);
  });

  it('has an entry for every rule id', () => {
    const committed = readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8');
    const missing = ALL_RULES.filter((rule) => !committed.includes(`### ${rule.id}`)).map((rule) => rule.id);
    expect(missing).toEqual([]);
  });
});
