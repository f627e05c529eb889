import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runGit, temporaryFolder } from '@connector-alm/testing';

// A maker's laptop and the CI runner must list the same check's findings in the same order: the
// order is what `git diff` of a saved report, a SARIF upload and a reviewer's eye compare. Swedish
// collation puts 'ä' after 'z', Turkish puts 'ı' before 'I'; English, what runners use, does neither.
const bundle = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const CONNECTORS = ['Zeta', '_under', 'alpha', 'Ünder'];
let scratch: string;
let repo: string;

function cli(args: readonly string[], locale: string) {
  return spawnSync(process.execPath, [bundle, ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, LANG: locale, LC_ALL: locale },
  });
}

/** The connectors in the order the findings name them, each once. */
function connectorOrder(stdout: string): string[] {
  const report = JSON.parse(stdout) as { findings: { connector: string }[] };
  return [...new Set(report.findings.map((finding) => finding.connector))];
}

// Node.js built with small ICU knows English only, and every locale then collates alike.
const collatesSwedish = new Intl.Collator('sv').compare('ä', 'z') > 0;

beforeAll(() => {
  scratch = temporaryFolder('connector-alm-locale-');
  repo = path.join(scratch, 'repo');
  for (const name of CONNECTORS) {
    const folder = path.join(repo, 'certified-connectors', name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), '{}\n');
  }
  runGit(repo, ['init', '-q', '-b', 'dev']);
  runGit(repo, ['add', '.']);
  runGit(repo, ['commit', '-q', '-m', 'base']);
  runGit(repo, ['checkout', '-q', '-b', 'change']);
  for (const name of CONNECTORS) {
    const folder = path.join(repo, 'certified-connectors', name);
    writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), '{ "swagger": "2.0" }\n');
    // Files that are no connector files: one finding each, told apart by their names only.
    writeFileSync(path.join(folder, 'zz.txt'), 'x\n');
    writeFileSync(path.join(folder, 'ää.txt'), 'x\n');
  }
  runGit(repo, ['add', '.']);
  runGit(repo, ['commit', '-q', '-m', 'change']);
});

describe("the order of validate's findings", () => {
  (collatesSwedish ? it : it.skip)('is the same whatever the machine’s locale', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const args = ['validate', '.', '--format', format];
      const english = cli(args, 'C.UTF-8');
      expect(english.status).toBe(1);
      for (const locale of ['sv_SE.UTF-8', 'tr_TR.UTF-8'])
        expect(cli(args, locale).stdout).toBe(english.stdout);
    }
    const withBase = ['validate', '.', '--base', 'dev', '--format', 'json'];
    expect(cli(withBase, 'sv_SE.UTF-8').stdout).toBe(cli(withBase, 'C.UTF-8').stdout);
  });

  it('puts the connectors in the same order with --base as without', () => {
    const plain = cli(['validate', '.', '--format', 'json'], 'C.UTF-8');
    const withBase = cli(['validate', '.', '--base', 'dev', '--format', 'json'], 'C.UTF-8');
    expect(withBase.status).toBe(1);
    const order = connectorOrder(plain.stdout);
    expect(order).toEqual(CONNECTORS.map((name) => `certified-connectors/${name}`).sort());
    expect(connectorOrder(withBase.stdout)).toEqual(order);
  });
});
