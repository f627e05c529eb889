import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';
import { runGit, temporaryFolder } from '@connector-alm/testing';
import { validSwagger, writeValidConnector } from '@connector-alm/validator/testing';

const FOLDER = path.join('certified-connectors', 'Contoso Tasks');

const git = (cwd: string, ...args: string[]): string => runGit(cwd, args);

/** A repository whose dev has the valid connector with `base`, and whose branch `feature` has it with `head`. */
function repositoryWith(
  base: ReturnType<typeof validSwagger>,
  head: ReturnType<typeof validSwagger>,
): string {
  const root = temporaryFolder('cli-base-fixed-');
  const folder = path.join(root, FOLDER);
  writeValidConnector(folder, base);
  git(root, 'init', '-q', '-b', 'dev');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'base');
  git(root, 'checkout', '-qb', 'feature');
  writeValidConnector(folder, head);
  git(root, 'commit', '-qam', 'the change');
  return root;
}

/**
 * dev's connector has a contact without a URL (SWG-INFO-CONTACT-FIELDS); the branch gives it the
 * valid contact back and, with `worsen`, a title with "API" in it (SWG-INFO-TITLE-WORDS).
 */
function repository(worsen: boolean): string {
  const base = validSwagger();
  base.info.contact = { name: 'Contoso Support', email: 'support@contoso.com' };
  const fixed = validSwagger();
  if (worsen) fixed.info.title = 'Contoso Tasks API';
  return repositoryWith(base, fixed);
}

describe('connector-alm validate --base: what the change fixed', () => {
  it('counts the fixed findings beside the new ones in the text footer', async () => {
    const io = memoryIo(repository(true));
    await runCli(['validate', '.', '--base', 'dev'], io);
    expect(io.out()).toMatch(/ in 1 connector; 1 new and 1 fixed since the base\.$/m);
  });

  // Taking one of two restricted words out of the title fixed no finding whole: the footer said "0
  // new since the base", and nothing told the maker the change had done anything.
  it('counts a finding fixed in part, and names the part in its message', async () => {
    const base = validSwagger();
    base.info.title = 'Contoso Tasks API Connector';
    const head = validSwagger();
    head.info.title = 'Contoso Tasks Connector';
    const root = repositoryWith(base, head);
    const io = memoryIo(root);
    await runCli(['validate', '.', '--base', 'dev'], io);
    expect(io.out()).toMatch(/SWG-INFO-TITLE-WORDS .* Fixed since the base: 'api'\. \(existing\)$/m);
    expect(io.out()).toMatch(/ in 1 connector; 0 new, 0 fixed and 1 fixed in part since the base\.$/m);
  });

  // A swap of parts (one restricted word out of the title, another in) counted the base finding
  // fixed, though the title still has the word the two share.
  it('counts a finding that gained a part and lost another as new and fixed in part, not fixed', async () => {
    const base = validSwagger();
    base.info.title = 'Contoso Tasks API Connector';
    const head = validSwagger();
    head.info.title = 'Contoso Tasks Connector for Power Automate';
    const io = memoryIo(repositoryWith(base, head));
    await runCli(['validate', '.', '--base', 'dev'], io);
    expect(io.out()).toMatch(
      /SWG-INFO-TITLE-WORDS .* New since the base: 'power automate'\. Fixed since the base: 'api'\.\s*$/m,
    );
    // The other new finding: the longer title is over SWG-INFO-TITLE-LEN's limit.
    expect(io.out()).toMatch(/ in 1 connector; 2 new, 0 fixed and 1 fixed in part since the base\.$/m);
  });

  it('says what was fixed when nothing is left', async () => {
    const io = memoryIo(repository(false));
    expect(await runCli(['validate', '.', '--base', 'dev'], io)).toBe(0);
    expect(io.out()).toMatch(/^No problems in 1 connector; 1 fixed since the base\.$/m);
  });

  it('gives the count and the fixed findings, located in the base version, in the JSON output', async () => {
    const root = repository(true);
    const mergeBase = git(root, 'rev-parse', 'dev').trim();
    const io = memoryIo(root);
    await runCli(['validate', '.', '--base', 'dev', '--format', 'json'], io);
    const report = JSON.parse(io.out());
    expect(Object.keys(report.base)).toEqual(['ref', 'mergeBase', 'counts', 'connectors']);
    expect(report.base.counts).toEqual({ new: 1, fixed: 1, fixedInPart: 0 });
    const [connector] = report.base.connectors;
    expect(connector.fixed).toEqual([
      {
        ruleId: 'SWG-INFO-CONTACT-FIELDS',
        severity: expect.any(String),
        message: expect.stringContaining('url'),
        file: `${mergeBase.slice(0, 12)}:certified-connectors/Contoso Tasks/apiDefinition.swagger.json`,
        pointer: '/info/contact/url',
        line: expect.any(Number),
        column: expect.any(Number),
        baseline: 'fixed',
      },
    ]);
    // The line of the base version's file, not the current one's (which has no such contact).
    const baseLines = git(
      root,
      'show',
      `dev:${FOLDER.split(path.sep).join('/')}/apiDefinition.swagger.json`,
    ).split('\n');
    expect(baseLines[connector.fixed[0].line - 1]).toContain('"contact"');
  });

  it('gives an unchanged connector no fixed list, and counts nothing fixed without a fix', async () => {
    const root = repository(true);
    const io = memoryIo(root);
    await runCli(['validate', '.', '--base', 'HEAD', '--format', 'json'], io);
    const base = JSON.parse(io.out()).base;
    expect(base.counts).toEqual({ new: 0, fixed: 0, fixedInPart: 0 });
    expect(base.connectors[0]).not.toHaveProperty('fixed');
  });
});
