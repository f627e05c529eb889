import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolders } from '@connector-alm/testing';
import { fixJsonSlips, type JsonFixReport } from '../../src/fix/fix-folders.js';
import type { Finding } from '../../src/model/finding.js';
import { validatePaths } from '../../src/validate.js';
import { CORPUS_DIR, corpusAvailable, writableCopy } from '../helpers/fixture.js';

// `validate --fix` on a copy of every corpus connector, held to what a maker expects of it: every
// finding it says it can fix is gone, nothing new is found, only the files it names were written,
// each of them strict JSON now, and a second run writes nothing. The unit tests
// (fix-folders, json-fix, key-renames, value-writes) make each kind of edit on small folders; this
// one makes hundreds of them together on real swaggers, where a misplaced edit would show.

const describeCorpus = corpusAvailable ? describe : describe.skip;
if (!corpusAvailable) console.warn(`Skipping the corpus --fix test: ${CORPUS_DIR} is absent.`);

const folders = temporaryFolders('corpus-fix-');
afterAll(() => folders.cleanup());

/** The sha-256 of every file under `root`, by its path from `root`. */
function fileHashes(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(root, file), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return hashes;
}

/** Where a finding is and what rule made it: its message may quote a size that a fix changed. */
const placeOf = (finding: Finding) => [finding.ruleId, finding.file, finding.line, finding.column].join(' ');

function isStrictJson(file: string): boolean {
  try {
    JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}

const validate = async (root: string) =>
  (await validatePaths(['.'], { cwd: root, concurrency: 'off' })).findings;

describeCorpus('validate --fix on every corpus connector', () => {
  let root: string;
  let before: Finding[];
  let hashesBefore: Map<string, string>;
  let report: JsonFixReport;
  let after: Finding[];

  beforeAll(async () => {
    root = folders.make();
    writableCopy(CORPUS_DIR, root);
    before = await validate(root);
    hashesBefore = fileHashes(root);
    report = await fixJsonSlips(['.'], { cwd: root });
    after = await validate(root);
  }, 240_000);

  it('fixes enough to prove something: syntax slips, renamed keys and written values', () => {
    const total = (count: (file: JsonFixReport['fixed'][number]) => number) =>
      report.fixed.reduce((sum, file) => sum + count(file), 0);
    expect(total((file) => file.slips)).toBeGreaterThan(0);
    expect(total((file) => file.keys)).toBeGreaterThan(50);
    expect(total((file) => file.values)).toBeGreaterThan(200);
  });

  it('leaves no finding it said it could fix, except in the files it says it left as they were', () => {
    const leftAsIs = new Set(report.notFixed.map((file) => file.file));
    const fixableBefore = before.filter((finding) => finding.fixable && !leftAsIs.has(finding.file));
    expect(fixableBefore.length).toBeGreaterThan(500);
    const placesAfter = new Set(after.map(placeOf));
    expect(fixableBefore.filter((finding) => placesAfter.has(placeOf(finding))).map(placeOf)).toEqual([]);
    expect(after.filter((finding) => finding.fixable && !leftAsIs.has(finding.file)).map(placeOf)).toEqual(
      [],
    );
  });

  it('finds nothing that was not found before, and loses only the findings it fixed', () => {
    const remaining = new Map<string, number>();
    for (const finding of before) remaining.set(placeOf(finding), (remaining.get(placeOf(finding)) ?? 0) + 1);
    const added: string[] = [];
    for (const finding of after) {
      const count = remaining.get(placeOf(finding)) ?? 0;
      if (count === 0) added.push(placeOf(finding));
      else remaining.set(placeOf(finding), count - 1);
    }
    expect(added).toEqual([]);
    const fixed = before.filter((finding) => finding.fixable).length;
    expect(before.length - after.length).toBe(fixed);
  });

  it('writes only the files it reports as fixed, each of them strict JSON now', () => {
    const hashesAfter = fileHashes(root);
    expect([...hashesAfter.keys()].sort()).toEqual([...hashesBefore.keys()].sort());
    const changed = [...hashesAfter]
      .filter(([file, hash]) => hashesBefore.get(file) !== hash)
      .map(([file]) => file)
      .sort();
    expect(changed).toEqual(report.fixed.map((file) => path.normalize(file.file)).sort());
    // A file is written with all its slips fixed or not at all, and keys and values only in strict JSON.
    expect(changed.filter((file) => !isStrictJson(path.join(root, file)))).toEqual([]);
  });

  it('writes nothing the second time', async () => {
    const hashes = fileHashes(root);
    const again = await fixJsonSlips(['.'], { cwd: root });
    expect(again.fixed).toEqual([]);
    expect(fileHashes(root)).toEqual(hashes);
  }, 120_000);
});
