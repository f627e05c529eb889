import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diffConnectorFiles } from '../../src/diff/connector-diff.js';
import { JsonDocument } from '../../src/json/json-document.js';
import { CORPUS_DIR, corpusAvailable } from '../helpers/fixture.js';

/** The same value with every object's keys in reverse order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties, so a "__proto__" key stays data.
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reordered(item)]),
    );
  }
  return value;
}

function corpusFolders(): string[] {
  return ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'].flatMap((top) => {
    const dir = path.join(CORPUS_DIR, top);
    return readdirSync(dir).map((name) => path.join(dir, name));
  });
}

function readJson(folder: string, matches: (lowerName: string) => boolean): JsonDocument | undefined {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return undefined;
  }
  const name = names.find((candidate) => matches(candidate.toLowerCase()));
  return name ? JsonDocument.parse(readFileSync(path.join(folder, name), 'utf8')) : undefined;
}

const SYNTAX = 'CHG-JSON-SYNTAX';

const describeCorpus = corpusAvailable ? describe : describe.skip;
if (!corpusAvailable) {
  console.warn(`Skipping the corpus diff check: ${CORPUS_DIR} is absent.`);
}

describeCorpus('diff on every corpus connector', () => {
  it('reports nothing against itself, nor against a copy with reordered keys and other indentation', () => {
    const noisy: string[] = [];
    let compared = 0;
    for (const folder of corpusFolders()) {
      const swagger = readJson(folder, (name) => name.endsWith('.swagger.json'));
      const apiProperties = readJson(folder, (name) => name === 'apiproperties.json');
      if (!swagger && !apiProperties) continue;
      compared++;
      const reformatted = (document: JsonDocument | undefined, indent: string | number) =>
        document && JsonDocument.parse(JSON.stringify(reordered(document.value), null, indent));
      const itself = diffConnectorFiles({ swagger, apiProperties }, { swagger, apiProperties });
      const copy = diffConnectorFiles(
        { swagger, apiProperties },
        { swagger: reformatted(swagger, '\t'), apiProperties: reformatted(apiProperties, 4) },
      );
      // The few corpus files that do not parse (GEN-JSON-PARSE) are told so by CHG-JSON-SYNTAX, each error
      // once, in the new version, as one the base version has too (major); that is no noise. Anything else is.
      const told = [...itself.changes, ...copy.changes].filter((change) => change.ruleId !== SYNTAX);
      const syntax = itself.changes.filter((change) => change.ruleId === SYNTAX);
      if (told.length > 0) noisy.push(`${path.basename(folder)}: ${JSON.stringify(told[0])}`);
      const unlike = syntax.find(
        (change) =>
          change.side !== 'new' ||
          change.impact !== 'major' ||
          !change.message.endsWith('The base version has the same error: this update did not make it.'),
      );
      if (unlike)
        noisy.push(
          `${path.basename(folder)}: a syntax error told unlike one in both versions: ${unlike.message}`,
        );
    }
    expect(compared).toBeGreaterThan(300);
    expect(noisy).toEqual([]);
  });
});
