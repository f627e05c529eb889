import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES } from '@connector-alm/validator';
import { REPO_ROOT } from '@connector-alm/testing';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { readmeWithActionDocs, renderActionDocs } from '../../../scripts/action-docs.mjs';

describe('README.md', () => {
  it('has the action reference generated from every action.yml (run npm run docs after changing one)', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme === readmeWithActionDocs(readme, renderActionDocs(REPO_ROOT))).toBe(true);
  });

  it('keeps the two-command quick start', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npx connector-alm validate examples');
    expect(readme).toContain('\nnpm test\n');
    expect(readFileSync(path.join(REPO_ROOT, '.ci/run'), 'utf8')).toContain('npm test');
  });

  it('gives the number of validation rules there are', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(`in review (${ALL_RULES.length} rules, [docs/rules.md]`);
  });
});
