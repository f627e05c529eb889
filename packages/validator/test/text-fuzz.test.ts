import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolders } from '@connector-alm/testing';
import { fixJsonSlips } from '../src/fix/fix-folders.js';
import { discoverConnectorFolders } from '../src/loader/discover.js';
import type { Finding } from '../src/model/finding.js';
import { validateFolder } from '../src/validate.js';
import { CORPUS_DIR, corpusAvailable } from './helpers/fixture.js';
import { seededPick } from './helpers/seeded-random.js';
import { withTextCorruptions } from './helpers/text-corruptions.js';

/**
 * Every rule on the text files of real connectors as hands, merges and broken copies leave them
 * (helpers/text-corruptions.ts): cut off, characters deleted or inserted, runs pasted, lines
 * repeated, and the JSON slips that `validate --fix` writes fixed. Whatever the text, a finding is
 * no "Internal error" and sits on a line of its file; where a finding is fixable, --fix leaves the
 * files it writes strict JSON with no fixable finding, and a second --fix writes nothing. The shape
 * fuzz (shape-fuzz.test.ts) does the same for values of unexpected types. Seeded: a failure names
 * the connector, seed, round, file and edits, and the same run replays it.
 */

const describeCorpus = corpusAvailable ? describe : describe.skip;
if (!corpusAvailable) console.warn(`Skipping the text fuzz: ${CORPUS_DIR} is absent.`);

/** Every n-th corpus connector, and the rounds of each: about 400 corrupted folders. */
const EVERY = 16;
const ROUNDS = 16;

const folders = temporaryFolders('text-fuzz-');
afterAll(() => folders.cleanup());

/** The corpus folder copied under its own top folder (the profile), its files writable. */
function copied(source: string): { root: string; folder: string; files: Map<string, Buffer> } {
  const root = folders.make();
  const folder = path.join(root, path.relative(CORPUS_DIR, source));
  cpSync(source, folder, { recursive: true });
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    if (!statSync(file).isFile()) continue;
    chmodSync(file, 0o644);
    files.set(name, readFileSync(file));
  }
  return { root, folder, files };
}

/** How many lines the file has, as an editor counts them (CR LF, LF or CR ends one). */
function lineCount(file: string): number {
  return readFileSync(file, 'latin1').split(/\r\n|\r|\n/).length;
}

function misplaced(finding: Finding, root: string): string | undefined {
  if (finding.message.startsWith('Internal error')) return finding.message;
  if (!(finding.line >= 1 && finding.column >= 1)) return `${finding.ruleId} has no line`;
  const file = path.join(root, finding.file);
  if (statSync(file).isFile() && finding.line > lineCount(file)) {
    return `${finding.ruleId} at line ${finding.line} of a file of ${lineCount(file)} lines`;
  }
  return undefined;
}

/** What went wrong with `validate --fix` on the folder as it is now, if anything. */
async function fixProblems(root: string, folder: string): Promise<string[]> {
  const relative = path.relative(root, folder);
  const report = await fixJsonSlips([relative], { cwd: root });
  const problems: string[] = [];
  for (const fixed of report.fixed) {
    try {
      JSON.parse(readFileSync(path.join(root, fixed.file), 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      problems.push(`--fix left ${fixed.file} not strict JSON`);
    }
  }
  const leftAsIs = new Set(report.notFixed.map((file) => file.file));
  const { findings } = await validateFolder(folder, { cwd: root });
  for (const finding of findings) {
    if (finding.fixable && !leftAsIs.has(finding.file)) {
      problems.push(`fixable after --fix: ${finding.ruleId} at line ${finding.line}: ${finding.message}`);
    }
  }
  const again = await fixJsonSlips([relative], { cwd: root });
  if (again.fixed.length > 0)
    problems.push(`a second --fix wrote ${again.fixed.map((file) => file.file).join(', ')}`);
  return problems;
}

describeCorpus('every rule on corrupted text of corpus connectors', () => {
  it('never fails inside a rule, puts every finding on a line of its file, and --fix leaves strict JSON', async () => {
    const sources = (await discoverConnectorFolders([CORPUS_DIR], CORPUS_DIR)).filter(
      (_, index) => index % EVERY === 0,
    );
    const problems: string[] = [];
    let fixRounds = 0;
    for (const [seed, source] of sources.entries()) {
      const pick = seededPick(seed + 1);
      const { root, folder, files } = copied(source);
      const textFiles = [...files.keys()].filter((name) => !name.toLowerCase().endsWith('.png'));
      for (let round = 0; round < ROUNDS; round++) {
        const name = textFiles[pick(textFiles.length)]!;
        const { text, edits } = withTextCorruptions(files.get(name)!.toString('utf8'), pick, 1 + pick(3));
        const where = `${path.relative(CORPUS_DIR, source)}, seed ${seed + 1} round ${round}, ${name}: ${edits.join('; ')}`;
        writeFileSync(path.join(folder, name), text);
        try {
          const { findings } = await validateFolder(folder, { cwd: root });
          for (const finding of findings) {
            const problem = misplaced(finding, root);
            if (problem !== undefined) problems.push(`${where}: ${problem}`);
          }
          if (findings.some((finding) => finding.fixable)) {
            fixRounds++;
            for (const problem of await fixProblems(root, folder)) problems.push(`${where}: ${problem}`);
          }
        } catch (error) {
          problems.push(`${where}: threw ${error instanceof Error ? error.stack : String(error)}`);
        } finally {
          for (const [file, bytes] of files) writeFileSync(path.join(folder, file), bytes);
        }
      }
    }
    expect(problems).toEqual([]);
    // The corruptions reach --fix often enough to prove something.
    expect(fixRounds).toBeGreaterThan((sources.length * ROUNDS) / 10);
  }, 240_000);
});
