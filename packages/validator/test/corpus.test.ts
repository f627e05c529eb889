import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverConnectorFolders } from '../src/loader/discover.js';
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

describeCorpus('the corpus checked out with CRLF line endings (git on Windows)', () => {
  it('gives the findings it gives with LF, at the same lines and columns', async () => {
    // Every fourth connector, written once with LF and once with CRLF in its text files.
    const root = mkdtempSync(path.join(os.tmpdir(), 'corpus-crlf-'));
    try {
      const folders = (await discoverConnectorFolders([CORPUS_DIR], CORPUS_DIR)).filter(
        (_, index) => index % 4 === 0,
      );
      for (const folder of folders) {
        const relative = path.relative(CORPUS_DIR, folder);
        for (const file of readdirSync(folder)) {
          const bytes = readFileSync(path.join(folder, file));
          const text = bytes.includes(0) ? undefined : bytes.toString('latin1').replace(/\r\n/g, '\n');
          for (const [variant, content] of [
            ['lf', text === undefined ? bytes : Buffer.from(text, 'latin1')],
            ['crlf', text === undefined ? bytes : Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1')],
          ] as const) {
            mkdirSync(path.join(root, variant, relative), { recursive: true });
            writeFileSync(path.join(root, variant, relative, file), content);
          }
        }
      }
      const findings = async (variant: string) =>
        (await validatePaths(['.'], { cwd: path.join(root, variant), concurrency: 'off' })).findings.map(
          (f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`,
        );
      const lf = await findings('lf');
      expect(lf.length).toBeGreaterThan(folders.length);
      expect(await findings('crlf')).toEqual(lf);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
