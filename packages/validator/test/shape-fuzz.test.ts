import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { diffConnectorFiles } from '../src/diff/connector-diff.js';
import type { ConnectorVersion } from '../src/diff/connector-version.js';
import { JsonDocument } from '../src/json/json-document.js';
import { discoverConnectorFolders } from '../src/loader/discover.js';
import type { Profile } from '../src/model/finding.js';
import { validateFolder } from '../src/validate.js';
import { CORPUS_DIR, corpusAvailable, writeConnector } from './helpers/fixture.js';
import { withShapeEdits } from './helpers/json-shape-edits.js';
import { seededPick } from './helpers/seeded-random.js';
import { validConnectorFiles, validSettings } from './helpers/valid-connector.js';

/**
 * Every rule and the breaking-change comparison on connector files whose values have shapes their
 * readers do not expect (helpers/json-shape-edits.ts): a value of another type, another value of the
 * same document in its place, a member removed. A rule that takes `parameters` for a list, or a
 * `$ref` for a string, throws on such a file, and the user sees "Internal error in rule …" instead of
 * the finding that says what is wrong. Seeded: a failure names its source, seed and edits, and the
 * same run replays it.
 */

const PROFILES: readonly Profile[] = ['certified', 'independent-publisher', 'custom'];
/**
 * The JSON files whose shapes are edited, with the version's member the comparison reads each as
 * (settings.json is not compared), and how often each is picked among those the source has.
 */
const EDITED = [
  { name: 'apiDefinition.swagger.json', version: 'swagger', weight: 6 },
  { name: 'apiProperties.json', version: 'apiProperties', weight: 2 },
  { name: 'settings.json', version: undefined, weight: 1 },
] as const;

interface Source {
  name: string;
  files: Record<string, string | Buffer>;
}

/**
 * Validates each of `edits` seeded edits of one of the source's JSON files (EDITED), in a profile
 * picked by the seed, and compares each edited swagger or apiProperties.json with the source's both
 * ways. Returns what went wrong: an internal error, a finding or change without a line, an exception.
 */
async function shapeProblems(source: Source, seed: number, edits: number): Promise<string[]> {
  const pick = seededPick(seed);
  const folders = new Map(PROFILES.map((profile) => [profile, writeConnector(source.files, profile)]));
  const problems: string[] = [];
  for (let round = 0; round < edits; round++) {
    const edited = pickEdited(source, pick);
    const original = source.files[edited.name] as string;
    const { value, edits: made } = withShapeEdits(JSON.parse(original), pick, 1 + pick(3));
    const text = JSON.stringify(value, null, 2);
    const profile = PROFILES[pick(PROFILES.length)]!;
    const folder = folders.get(profile)!;
    const where = `${source.name}, seed ${seed} round ${round}, ${edited.name}: ${made.join('; ')}`;
    writeFileSync(path.join(folder, edited.name), text);
    try {
      const { findings } = await validateFolder(folder, { cwd: path.dirname(folder) });
      for (const finding of findings) {
        if (finding.message.startsWith('Internal error')) problems.push(`${where}: ${finding.message}`);
        if (!(finding.line >= 1 && finding.column >= 1)) {
          problems.push(`${where}: ${finding.ruleId} has no line: ${finding.message}`);
        }
      }
      if (edited.version !== undefined) {
        const before: ConnectorVersion = { [edited.version]: JsonDocument.parse(original) };
        const after: ConnectorVersion = { [edited.version]: JsonDocument.parse(text) };
        for (const change of [
          ...diffConnectorFiles(before, after).changes,
          ...diffConnectorFiles(after, before).changes,
        ]) {
          if (!(change.line >= 1 && change.column >= 1)) {
            problems.push(`${where}: change ${change.ruleId} has no line: ${change.message}`);
          }
        }
      }
    } catch (error) {
      problems.push(`${where}: threw ${error instanceof Error ? error.stack : String(error)}`);
    } finally {
      writeFileSync(path.join(folder, edited.name), original);
    }
  }
  return problems;
}

/** One of the edited files the source has (each a string of strict JSON), by their weights. */
function pickEdited(source: Source, pick: (n: number) => number): (typeof EDITED)[number] {
  const present = EDITED.filter(({ name }) => typeof source.files[name] === 'string');
  let roll = pick(present.reduce((sum, { weight }) => sum + weight, 0));
  for (const edited of present) {
    if (roll < edited.weight) return edited;
    roll -= edited.weight;
  }
  throw new Error(`${source.name} has none of the edited files`);
}

function validSource(): Source {
  const files: Record<string, string> = {};
  // With the settings.json paconn writes: one corpus connector has one.
  const valid = { ...validConnectorFiles(), 'settings.json': validSettings() };
  for (const [name, content] of Object.entries(valid)) {
    files[name] = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
  }
  return { name: 'the valid connector', files };
}

/**
 * A corpus connector's files (no subfolders), with a swagger and apiProperties.json, and each edited
 * file it has strict JSON: the edits start from a parse.
 */
function corpusSource(folder: string): Source | undefined {
  const files: Record<string, string | Buffer> = {};
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    if (!statSync(file).isFile()) continue;
    files[name] = name.toLowerCase().endsWith('.json') ? readFileSync(file, 'utf8') : readFileSync(file);
  }
  if (!files['apiDefinition.swagger.json'] || !files['apiProperties.json']) return undefined;
  for (const { name } of EDITED) {
    const text = files[name];
    if (text === undefined) continue;
    try {
      JSON.parse(text.toString());
    } catch {
      return undefined;
    }
  }
  return { name: path.relative(CORPUS_DIR, folder), files };
}

describe('values of unexpected shapes', () => {
  it('never make a rule or the comparison fail on the valid connector', async () => {
    expect(await shapeProblems(validSource(), 1, 200)).toEqual([]);
  }, 120_000);

  const itCorpus = corpusAvailable ? it : it.skip;
  if (!corpusAvailable) {
    console.warn(`Skipping the corpus shape fuzz: ${CORPUS_DIR} is absent (it sits beside the project).`);
  }
  itCorpus(
    'never make a rule or the comparison fail on a seeded sample of corpus connectors',
    async () => {
      const folders = await discoverConnectorFolders([CORPUS_DIR]);
      const pick = seededPick(2);
      const problems: string[] = [];
      // 24 connectors, 10 edited versions each: about as long as the valid connector's 200.
      for (let sampled = 0; sampled < 24; sampled++) {
        const source = corpusSource(folders[pick(folders.length)]!);
        if (source) problems.push(...(await shapeProblems(source, 100 + sampled, 10)));
      }
      expect(problems).toEqual([]);
    },
    120_000,
  );
});
