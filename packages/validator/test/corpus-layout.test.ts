import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolders } from '@connector-alm/testing';
import { discoverConnectorFolders } from '../src/loader/discover.js';
import type { Finding } from '../src/model/finding.js';
import { validatePaths } from '../src/validate.js';
import { CORPUS_DIR, corpusAvailable } from './helpers/fixture.js';

// The rules judge what a file says, not how it is laid out: the same corpus connectors, their JSON
// files saved with a byte-order mark, or re-indented with tabs, get the same findings. Only the rules
// about the text itself may differ: GEN-JSON-BOM, SWG-SIZE (the character count) and
// GEN-JSON-DUPLICATE-KEY (re-serialising keeps the last of repeated keys). So do their readmes with
// the '#' and '##' headings written as Setext headings (underlined with '=' and '-'), which
// CommonMark reads as the same headings. The CRLF twin of this test is in corpus.test.ts.

const describeCorpus = corpusAvailable ? describe : describe.skip;
if (!corpusAvailable) console.warn(`Skipping the corpus layout test: ${CORPUS_DIR} is absent.`);

const folders = temporaryFolders('corpus-layout-');
afterAll(() => folders.cleanup());

const BOM = '\uFEFF';
const TEXT_RULES = new Set(['GEN-JSON-BOM', 'SWG-SIZE', 'GEN-JSON-DUPLICATE-KEY']);

type Variant = 'asIs' | 'bom' | 'tabs' | 'setext';

/** The file as the variant saves it: JSON files (only strict ones re-indented) or readmes (only UTF-8 ones). */
function saved(variant: Variant, name: string, bytes: Buffer): Buffer {
  if (variant === 'setext') return name.toLowerCase() === 'readme.md' ? withSetextHeadings(bytes) : bytes;
  if (variant === 'asIs' || !name.toLowerCase().endsWith('.json')) return bytes;
  const text = bytes.toString('utf8');
  if (variant === 'bom') return text.startsWith(BOM) ? bytes : Buffer.from(BOM + text, 'utf8');
  try {
    return Buffer.from(`${JSON.stringify(JSON.parse(text.replace(/^\uFEFF/, '')), null, '\t')}\n`, 'utf8');
  } catch {
    return bytes;
  }
}

/** How many headings withSetextHeadings rewrote: enough, or the Setext test proves nothing. */
let setextHeadings = 0;

/**
 * The readme with each '#' and '##' heading outside code fences written as a Setext heading, between
 * blank lines (without them, a line of text just above would join the heading). Spaces and tabs only
 * after the '#'s: a no-break space there makes no heading, which README-SECTIONS-* says.
 */
function withSetextHeadings(bytes: Buffer): Buffer {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes;
  }
  let fenced = false;
  const lines = text.split('\n').flatMap((line) => {
    const end = line.endsWith('\r') ? '\r' : '';
    const content = end ? line.slice(0, -1) : line;
    if (/^\s*(```|~~~)/.test(content)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,2})[ \t]+(.*?)[ \t]*#*[ \t]*$/.exec(content);
    if (!heading || heading[2]!.trim() === '' || /^[-=]/.test(heading[2]!)) return [line];
    setextHeadings++;
    const underline = (heading[1] === '#' ? '=' : '-').repeat(Math.max(3, heading[2]!.length));
    return [end, heading[2]! + end, underline + end, end];
  });
  return Buffer.from(lines.join('\n'), 'utf8');
}

const placed = (finding: Finding) =>
  `${finding.file}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.ruleId} ${finding.message}`;
const pointed = (finding: Finding) =>
  `${finding.file} ${finding.pointer ?? `${finding.line}:${finding.column}`} ${finding.ruleId} ${finding.message}`;

describeCorpus('corpus connectors saved with a byte-order mark, re-indented, or with Setext headings', () => {
  const findings = new Map<Variant, Finding[]>();
  let jsonFiles = 0;
  let withoutBom = 0;

  beforeAll(async () => {
    const root = folders.make();
    // Every fourth connector, as the CRLF test takes them: enough swaggers of every style.
    const chosen = (await discoverConnectorFolders([CORPUS_DIR], CORPUS_DIR)).filter(
      (_, index) => index % 4 === 0,
    );
    const variants: Variant[] = ['asIs', 'bom', 'tabs', 'setext'];
    for (const folder of chosen) {
      const relative = path.relative(CORPUS_DIR, folder);
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const bytes = readFileSync(path.join(folder, entry.name));
        if (entry.name.toLowerCase().endsWith('.json')) {
          jsonFiles++;
          if (!bytes.toString('utf8').startsWith(BOM)) withoutBom++;
        }
        for (const variant of variants) {
          mkdirSync(path.join(root, variant, relative), { recursive: true });
          writeFileSync(path.join(root, variant, relative, entry.name), saved(variant, entry.name, bytes));
        }
      }
    }
    for (const variant of variants) {
      const result = await validatePaths(['.'], { cwd: path.join(root, variant), concurrency: 'off' });
      findings.set(variant, result.findings);
    }
  }, 120_000);

  it('with a byte-order mark: the same findings at the same places, and one GEN-JSON-BOM a file more', () => {
    const asIs = findings.get('asIs')!;
    expect(asIs.length).toBeGreaterThan(1000);
    const bom = findings.get('bom')!;
    expect(bom.filter((f) => f.ruleId !== 'GEN-JSON-BOM').map(placed)).toEqual(
      asIs.filter((f) => f.ruleId !== 'GEN-JSON-BOM').map(placed),
    );
    expect(bom.filter((f) => f.ruleId === 'GEN-JSON-BOM')).toHaveLength(jsonFiles);
    expect(asIs.filter((f) => f.ruleId === 'GEN-JSON-BOM')).toHaveLength(jsonFiles - withoutBom);
  });

  it('re-indented with tabs: the same findings at the same JSON pointers, but for the rules about the text', () => {
    const about = (variant: Variant) =>
      findings
        .get(variant)!
        .filter((f) => !TEXT_RULES.has(f.ruleId))
        .map(pointed)
        .sort();
    const tabs = about('tabs');
    expect(tabs.length).toBeGreaterThan(1000);
    expect(tabs).toEqual(about('asIs'));
    // The places moved with the text: a finding at the same pointer is on another line or column.
    const placesAsIs = new Set(findings.get('asIs')!.map(placed));
    const moved = findings.get('tabs')!.filter((finding) => !placesAsIs.has(placed(finding)));
    expect(moved.length).toBeGreaterThan(tabs.length / 2);
  });

  it('with Setext headings in the readmes: the same findings, but for the template\'s "# Title" as written', () => {
    // A readme finding's line moves with the blank lines added around each heading; the rest stay put.
    const readmeOrPlaced = (finding: Finding) =>
      path.basename(finding.file).toLowerCase() === 'readme.md'
        ? `${finding.file} ${finding.ruleId} ${finding.message}`
        : placed(finding);
    // README-PLACEHOLDER matches the template's title line as the template writes it.
    const about = (variant: Variant) =>
      findings
        .get(variant)!
        .filter((f) => !(f.ruleId === 'README-PLACEHOLDER' && f.message.startsWith('"# Title"')))
        .map(readmeOrPlaced)
        .sort();
    expect(setextHeadings).toBeGreaterThan(300);
    const setext = about('setext');
    expect(setext.filter((finding) => finding.includes('README-')).length).toBeGreaterThan(100);
    expect(setext).toEqual(about('asIs'));
  });
});
