import { afterAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { locatedMessage } from '@connector-alm/testing';
import { extractConnectors, packSolution, readSolutionConnectors, unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import { temporaryFolders, variantOf } from './helpers/zips.js';

/*
 * A pull request controls the solution XML that unpack, extract-connectors, build-solution --existing
 * and pack read. Each DOCTYPE below would, in a parser that resolves them, expand to gigabytes (billion
 * laughs), read a local file (an external entity) or fetch a DTD (a parameter entity). The file read
 * holds a marker: it must appear in no error and in nothing written.
 */

const temp = temporaryFolders('xml-doctype-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const MARKER = 'secret-marker-7f3a';
const REFUSED = /a DOCTYPE, which is refused: DOCTYPEs and entity declarations are never resolved/;

function secretFile(): string {
  const file = path.join(temp.make(), 'secret.txt');
  writeFileSync(file, MARKER);
  return file;
}

const LAUGHS = Array.from({ length: 10 }, (_, level) =>
  level === 0 ? '<!ENTITY l0 "lol">' : `<!ENTITY l${level} "${`&l${level - 1};`.repeat(10)}">`,
).join('');

/** A DOCTYPE of each kind before the root element, and the root's first text using its entity. */
function hostileDocuments(): Record<string, (xml: string) => string> {
  const secret = secretFile();
  const before = (doctype: string, use: string) => (xml: string) =>
    xml.replace(/^(\uFEFF?(?:<\?xml[^>]*\?>)?)/, `$1${doctype}`).replace(/(<[A-Za-z]+[^>]*>)/, `$1${use}`);
  return {
    'an internal entity doubled ten times (billion laughs)': before(`<!DOCTYPE x [${LAUGHS}]>`, '&l9;'),
    'an external entity naming a local file': before(
      `<!DOCTYPE x [<!ENTITY e SYSTEM "file://${secret}">]>`,
      '&e;',
    ),
    'a parameter entity loading an external DTD': before(
      `<!DOCTYPE x [<!ENTITY % p SYSTEM "file://${secret}"> %p;]>`,
      '',
    ),
  };
}

/** Every file under `folder`, read: none may hold the marker or an expansion. */
function writtenText(folder: string): string {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'latin1'))
    .join('\n');
}

describeWith(SOLUTION_FIXTURES, 'real solution export')(
  'a DOCTYPE in solution XML is refused, never resolved',
  () => {
    for (const [kind, hostile] of Object.entries(hostileDocuments())) {
      describe(kind, () => {
        async function hostileZip(entry: 'customizations.xml' | 'solution.xml'): Promise<string> {
          const xml = (await readZip(fixturePath(HIL))).get(entry)!.toString('utf8');
          return variantOf(fixturePath(HIL), path.join(temp.make(), 'hostile.zip'), {
            [entry]: hostile(xml),
          });
        }

        it('unpack names the entry and writes nothing', async () => {
          const target = path.join(temp.make(), 'src');
          const error = await unpackSolution(await hostileZip('customizations.xml'), target).catch(
            (e: unknown) => e,
          );
          expect(locatedMessage(error)).toMatch(/hostile\.zip\/customizations\.xml:\d+:\d+: /);
          expect(locatedMessage(error)).toMatch(REFUSED);
          expect(locatedMessage(error)).not.toContain(MARKER);
          expect(readdirSync(path.dirname(target))).toEqual([]);
        });

        it('extract-connectors names the entry and writes no connector', async () => {
          const root = temp.make();
          const error = await extractConnectors(await hostileZip('customizations.xml'), root).catch(
            (e: unknown) => e,
          );
          expect(locatedMessage(error)).toMatch(/hostile\.zip\/customizations\.xml:\d+:\d+: /);
          expect(locatedMessage(error)).toMatch(REFUSED);
          expect(readdirSync(root)).toEqual([]);
        });

        it('build-solution --existing (reading its connectors) names the entry', async () => {
          const error = await readSolutionConnectors(await hostileZip('solution.xml')).catch(
            (e: unknown) => e,
          );
          expect(locatedMessage(error)).toMatch(/hostile\.zip\/solution\.xml:\d+:\d+: /);
          expect(locatedMessage(error)).toMatch(REFUSED);
          expect(locatedMessage(error)).not.toContain(MARKER);
        });

        it('pack of an unpacked folder names the file and writes no zip', async () => {
          const folder = path.join(temp.make(), 'src');
          await unpackSolution(fixturePath(HIL), folder);
          const solutionXml = path.join(folder, 'Other', 'Solution.xml');
          writeFileSync(solutionXml, hostile(readFileSync(solutionXml, 'utf8')));
          const out = temp.make();
          const error = await packSolution(folder, path.join(out, 'packed.zip')).catch((e: unknown) => e);
          expect(locatedMessage(error)).toMatch(/Other[/\\]Solution\.xml:\d+:\d+: /);
          expect(locatedMessage(error)).toMatch(REFUSED);
          expect(locatedMessage(error)).not.toContain(MARKER);
          expect(readdirSync(out)).toEqual([]);
          expect(writtenText(folder)).not.toContain(MARKER);
        });
      });
    }
  },
);
