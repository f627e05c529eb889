import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolders } from '@connector-alm/testing';
import { diffConnectorFiles } from '../src/diff/connector-diff.js';
import type { ConnectorVersion } from '../src/diff/connector-version.js';
import { fixJsonSlips } from '../src/fix/fix-folders.js';
import { JsonDocument } from '../src/json/json-document.js';
import { discoverConnectorFolders } from '../src/loader/discover.js';
import type { Finding } from '../src/model/finding.js';
import { validateFolder } from '../src/validate.js';
import { CORPUS_DIR, corpusAvailable, writableCopy } from './helpers/fixture.js';
import { seededPick } from './helpers/seeded-random.js';
import { withTextCorruptions } from './helpers/text-corruptions.js';

/**
 * Every rule on the text files of real connectors as hands, merges and broken copies leave them
 * (helpers/text-corruptions.ts): cut off, characters deleted or inserted, runs pasted, lines
 * repeated, and the JSON slips that `validate --fix` writes fixed. Whatever the text, a finding is
 * no "Internal error" and sits on a line of its file; where a finding is fixable, --fix leaves the
 * files it writes strict JSON with no fixable finding, and a second --fix writes nothing. Compared
 * with the file as it was, both ways, a swagger or apiProperties.json gives changes on lines of the
 * version each is placed in. The shape fuzz (shape-fuzz.test.ts) does the same for values of
 * unexpected types. Seeded: a failure names the connector, seed, round, file and edits, and the same
 * run replays it.
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
  writableCopy(source, folder);
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isFile()) files.set(entry.name, readFileSync(path.join(folder, entry.name)));
  }
  return { root, folder, files };
}

/** How many lines a text has, as an editor counts them (CR LF, LF or CR ends one). */
function linesIn(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/**
 * What is wrong with a finding, if anything. `lines` holds the line counts of the files read so far
 * this round: a file is read once, not once for each of its findings.
 */
function misplaced(finding: Finding, root: string, lines: Map<string, number>): string | undefined {
  if (finding.message.startsWith('Internal error')) return finding.message;
  if (!(finding.line >= 1 && finding.column >= 1)) return `${finding.ruleId} has no line`;
  const file = path.join(root, finding.file);
  if (!existsSync(file)) return `${finding.ruleId} names ${finding.file}, which does not exist`;
  let count = lines.get(file);
  if (count === undefined) {
    count = statSync(file).isFile() ? linesIn(readFileSync(file, 'latin1')) : Infinity;
    lines.set(file, count);
  }
  return finding.line > count
    ? `${finding.ruleId} at line ${finding.line} of a file of ${count} lines`
    : undefined;
}

/** The files the breaking-change comparison reads, as the version's members. */
const COMPARED: Record<string, keyof ConnectorVersion> = {
  'apidefinition.swagger.json': 'swagger',
  'apiproperties.json': 'apiProperties',
};

/** The changes between the two texts of a compared file, both ways, that are not on a line of their side's text. */
function misplacedChanges(member: keyof ConnectorVersion, original: string, corrupted: string): string[] {
  const problems: string[] = [];
  const sides = [original, corrupted].map((text) => ({
    version: { [member]: JsonDocument.parse(text) } as ConnectorVersion,
    lines: linesIn(text),
  }));
  for (const [old, now] of [
    [sides[0]!, sides[1]!],
    [sides[1]!, sides[0]!],
  ]) {
    for (const change of diffConnectorFiles(old.version, now.version).changes) {
      const lines = (change.side === 'new' ? now : old).lines;
      if (!(change.line >= 1 && change.column >= 1 && change.line <= lines)) {
        problems.push(
          `change ${change.ruleId} at line ${change.line} of ${lines} (${change.side}): ${change.message}`,
        );
      }
    }
  }
  return problems;
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
  it('never fails inside a rule or a comparison, puts every finding and change on a line, and --fix leaves strict JSON', async () => {
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
          const lines = new Map<string, number>();
          for (const finding of findings) {
            const problem = misplaced(finding, root, lines);
            if (problem !== undefined) problems.push(`${where}: ${problem}`);
          }
          const member = COMPARED[name.toLowerCase()];
          if (member !== undefined) {
            for (const problem of misplacedChanges(member, files.get(name)!.toString('utf8'), text)) {
              problems.push(`${where}: ${problem}`);
            }
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
