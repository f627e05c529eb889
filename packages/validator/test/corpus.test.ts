import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { validatePaths, type ValidationResult } from '../src/validate.js';
import { CORPUS_DIR, corpusAvailable } from './helpers/fixture.js';

if (!corpusAvailable) {
  console.warn(
    `Skipping the corpus tests: ${CORPUS_DIR} is absent (it sits beside the project in ../shared).`,
  );
}
const describeCorpus = corpusAvailable ? describe : describe.skip;

describeCorpus('validating every connector of the PowerPlatformConnectors corpus', () => {
  let result: ValidationResult;

  beforeAll(async () => {
    result = await validatePaths([CORPUS_DIR], { cwd: CORPUS_DIR });
  }, 120_000);

  it('finds all 373 connector folders', () => {
    expect(result.connectors.length).toBe(373);
  });

  it('never fails inside a rule', () => {
    const internal = result.findings.filter((finding) => finding.message.startsWith('Internal error'));
    expect(internal).toEqual([]);
  });

  it('gives every finding an existing file and a line and column', () => {
    const bad = result.findings.filter((finding) => {
      const file = path.resolve(CORPUS_DIR, finding.file);
      const fileOk = existsSync(file) || statSync(path.resolve(CORPUS_DIR, finding.connector)).isDirectory();
      return !fileOk || !(finding.line >= 1) || !(finding.column >= 1);
    });
    expect(bad).toEqual([]);
  });

  it('resolves the pointer of every JSON finding to a place in its file', () => {
    // A pointer shown at 1:1 would mean the locator lost it; only the root, and properties missing
    // from the root (shown where the root object starts), belong there.
    const unresolved = result.findings.filter(
      (f) => f.pointer !== undefined && f.line === 1 && f.column === 1 && f.pointer.split('/').length > 2,
    );
    expect(unresolved.map((f) => `${f.ruleId} ${f.file} ${f.pointer}`)).toEqual([]);
  });

  it('picks the profile from the top folder', () => {
    const byTop = (top: string) =>
      result.connectors.filter((c) => c.path.startsWith(top)).map((c) => c.profile);
    expect(new Set(byTop('certified-connectors'))).toEqual(new Set(['certified']));
    expect(new Set(byTop('independent-publisher-connectors'))).toEqual(new Set(['independent-publisher']));
    expect(new Set(byTop('custom-connectors'))).toEqual(new Set(['custom']));
  });
});
