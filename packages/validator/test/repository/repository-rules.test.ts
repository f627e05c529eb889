import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { temporaryFolder } from '@connector-alm/testing';
import { loadConfig } from '../../src/config/load-config.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import type { Finding } from '../../src/model/finding.js';
import type { PullRequestFacts } from '../../src/repository/pull-request-facts.js';
import { repositoryRules } from '../../src/repository/rules/index.js';
import { findRule } from '../../src/rules/index.js';
import { validatePaths } from '../../src/validate.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository, type Repository } from '../git/repository-fixture.js';
import { drawIcon, SHAPES } from './icon-fixture.js';

type Files = Record<string, string | Buffer | object>;

const TASKS = 'certified-connectors/Contoso Tasks';
const NOTES = 'certified-connectors/Contoso Notes';
const IP_TASKS = 'independent-publisher-connectors/Contoso Tasks';
/** A title of 50,000 characters: messages quote it cut (nameExcerpt), not whole. */
const LONG_TITLE = `Contoso ${'T'.repeat(50_000)}`;

/** A valid connector with this title and host, and the extra files given. */
function connector(title: string, host = 'api.contoso.com', extra: Files = {}): Files {
  const swagger = validSwagger();
  swagger.info.title = title;
  swagger.host = host;
  return { ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger, ...extra };
}

interface Scenario {
  /** Connector folders on dev, by repository path. */
  base: Record<string, Files>;
  /** What the pull request branch does; committed as one commit. */
  change(repo: Repository): void;
  pullRequest?: PullRequestFacts;
  overrides?: Record<string, 'off' | 'error' | 'warning' | 'info'>;
  /** A .connector-alm.yml at the top level, read as the CLI and the action read it. */
  configFile?: string;
  /** Run from a link to the repository (as from the temp folder on macOS), not from its real path. */
  throughLink?: boolean;
}

/** Runs the repository rules (only them) on a real pull-request branch compared with dev. */
async function checkPullRequest(scenario: Scenario): Promise<Finding[]> {
  const repo = createRepository('dev');
  for (const [folder, files] of Object.entries(scenario.base)) repo.write(connectorFiles(folder, files));
  if (scenario.configFile !== undefined) repo.write({ '.connector-alm.yml': scenario.configFile });
  repo.commitAll('dev');
  repo.git('checkout', '--quiet', '-b', 'pr');
  scenario.change(repo);
  repo.commitAll('the pull request');
  const cwd = scenario.throughLink ? linkTo(repo.dir) : repo.dir;
  const config =
    scenario.configFile === undefined
      ? { rules: scenario.overrides ?? {}, ignore: [] }
      : await loadConfig({ cwd });
  const result = await validateAgainstBase(['.'], 'dev', {
    cwd,
    includeWorkingTree: false,
    rules: repositoryRules,
    pullRequest: scenario.pullRequest,
    config,
  });
  return result.findings;
}

function linkTo(dir: string): string {
  const parent = temporaryFolder('connector-alm-link-');
  const link = path.join(parent, 'repository');
  symlinkSync(dir, link);
  return link;
}

const summary = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.ruleId} ${f.severity} ${f.file}:${f.line} ${f.baseline}`);

describe('REPO-ONE-PER-PR', () => {
  // Microsoft merges certified publishers' pull requests that change a family of connectors
  // (PDF4me x3, Blackbaud x7, DocuSign and DocuSignDemo, OneBlink and CivicPlus: 9 of the 168
  // connector pull requests merged from Nov 2024 to Sep 2025), so for them it is a warning.
  it('fires on each connector when a pull request changes two, as a warning for certified connectors', async () => {
    const findings = await checkPullRequest({
      base: { [TASKS]: connector('Contoso Tasks'), [NOTES]: connector('Contoso Notes') },
      change: (repo) =>
        repo.write({
          [`${TASKS}/readme.md`]: '# Contoso Tasks\n\nChanged.\n',
          [`${NOTES}/readme.md`]: '# Contoso Notes\n\nChanged.\n',
        }),
    });
    expect(summary(findings)).toEqual([
      `REPO-ONE-PER-PR warning ${NOTES}:1 new`,
      `REPO-ONE-PER-PR warning ${TASKS}:1 new`,
    ]);
    expect(findings[1]!.message).toBe(
      `You can only submit one connector per pull request: this change also touches "${NOTES}". Move the changes to the other connectors into pull requests of their own.`,
    );
  });

  it('is an error for independent publishers, whose best practices ask for one connector per pull request', async () => {
    const ipNotes = 'independent-publisher-connectors/Contoso Notes';
    const findings = await checkPullRequest({
      base: {
        [IP_TASKS]: connector('Contoso Tasks'),
        [ipNotes]: connector('Contoso Notes', 'notes.contoso.com'),
      },
      change: (repo) =>
        repo.write({
          [`${IP_TASKS}/readme.md`]: '# Contoso Tasks\n\nChanged.\n',
          [`${ipNotes}/readme.md`]: '# Contoso Notes\n\nChanged.\n',
        }),
    });
    expect(summary(findings.filter((f) => f.ruleId === 'REPO-ONE-PER-PR'))).toEqual([
      `REPO-ONE-PER-PR error ${ipNotes}:1 new`,
      `REPO-ONE-PER-PR error ${IP_TASKS}:1 new`,
    ]);
  });

  it('does not fire for one connector, nor for a renamed folder', async () => {
    const oneConnector = await checkPullRequest({
      base: { [TASKS]: connector('Contoso Tasks'), [NOTES]: connector('Contoso Notes') },
      change: (repo) => repo.write({ [`${TASKS}/readme.md`]: '# Contoso Tasks\n\nChanged.\n' }),
    });
    expect(oneConnector).toEqual([]);
    const renamed = await checkPullRequest({
      base: { [TASKS]: connector('Contoso Tasks') },
      change: (repo) => repo.git('mv', TASKS, 'certified-connectors/Contoso Tasks V1'),
    });
    expect(renamed).toEqual([]);
  });

  it("does not count a folder the configuration's ignore globs skip", async () => {
    const legacy = 'certified-connectors/Legacy Tasks';
    for (const throughLink of [false, true]) {
      const findings = await checkPullRequest({
        base: {
          [TASKS]: connector('Contoso Tasks'),
          [legacy]: connector('Legacy Tasks', 'legacy.contoso.com'),
        },
        configFile: 'ignore:\n  - certified-connectors/Legacy*\n',
        throughLink,
        change: (repo) =>
          repo.write({
            [`${TASKS}/readme.md`]: '# Contoso Tasks\n\nChanged.\n',
            [`${legacy}/readme.md`]: '# Legacy Tasks\n\nChanged.\n',
          }),
      });
      expect(findings).toEqual([]);
    }
  });

  it("fires in a fork's staging pull request, but not on a fork's dev synced into master nor in a maker's own repository", async () => {
    const twoConnectors = {
      base: { [TASKS]: connector('Contoso Tasks'), [NOTES]: connector('Contoso Notes') },
      change: (repo: Repository) =>
        repo.write({
          [`${TASKS}/readme.md`]: '# Contoso Tasks\n\nChanged.\n',
          [`${NOTES}/readme.md`]: '# Contoso Notes\n\nChanged.\n',
        }),
    };
    const fork = 'contoso/PowerPlatformConnectors';
    const staging = await checkPullRequest({
      ...twoConnectors,
      pullRequest: { baseRef: 'dev', baseRepository: fork, headRepository: fork, headRef: 'contoso-tasks' },
    });
    expect(summary(staging)).toHaveLength(2);
    for (const pullRequest of [
      // Syncing the fork brings every upstream change since: many connectors, not a submission.
      { baseRef: 'master', baseRepository: fork, headRepository: fork, headRef: 'dev' },
      { baseRef: 'main', baseRepository: 'contoso/connectors', headRepository: 'contoso/connectors' },
    ]) {
      expect(await checkPullRequest({ ...twoConnectors, pullRequest })).toEqual([]);
    }
  });

  it('can be turned off by the configuration', async () => {
    const findings = await checkPullRequest({
      base: { [TASKS]: connector('Contoso Tasks'), [NOTES]: connector('Contoso Notes') },
      change: (repo) => repo.write({ [`${TASKS}/readme.md`]: '# A\n', [`${NOTES}/readme.md`]: '# B\n' }),
      overrides: { 'REPO-ONE-PER-PR': 'off' },
    });
    expect(findings).toEqual([]);
  });
});

describe('REPO-TARGET-DEV', () => {
  const editTasks = (repo: Repository): void =>
    repo.write({ [`${TASKS}/readme.md`]: '# Contoso Tasks\n\nChanged.\n' });

  it('fires on a pull request from a fork into master of PowerPlatformConnectors', async () => {
    for (const headRepository of ['contoso/PowerPlatformConnectors', undefined]) {
      const findings = await checkPullRequest({
        base: { [TASKS]: connector('Contoso Tasks') },
        change: editTasks,
        pullRequest: {
          baseRef: 'master',
          baseRepository: 'microsoft/PowerPlatformConnectors',
          headRepository,
        },
      });
      expect(summary(findings)).toEqual([`REPO-TARGET-DEV error ${TASKS}:1 new`]);
      expect(findings[0]!.message).toMatch(/goes into 'master'.*into 'dev'\. Sync your fork's dev branch/);
    }
  });

  it('does not fire when a fork syncs its dev into master, but does on a feature branch of the fork into master', async () => {
    const inFork = (baseRef: string, headRef: string): Scenario['pullRequest'] => ({
      baseRef,
      headRef,
      baseRepository: 'contoso/PowerPlatformConnectors',
      headRepository: 'Contoso/PowerPlatformConnectors',
    });
    for (const baseRef of ['master', 'main']) {
      const findings = await checkPullRequest({
        base: { [TASKS]: connector('Contoso Tasks') },
        change: editTasks,
        pullRequest: inFork(baseRef, 'dev'),
      });
      expect(findings).toEqual([]);
    }
    // What the fork's feature branch holds is what goes upstream: into master it would be closed.
    const staging = await checkPullRequest({
      base: { [TASKS]: connector('Contoso Tasks') },
      change: editTasks,
      pullRequest: inFork('master', 'contoso-tasks'),
    });
    expect(summary(staging)).toEqual([`REPO-TARGET-DEV error ${TASKS}:1 new`]);
  });

  it("does not fire into dev, in a maker's own repository, or without a pull request", async () => {
    for (const pullRequest of [
      { baseRef: 'dev', baseRepository: 'microsoft/PowerPlatformConnectors' },
      { baseRef: 'main', baseRepository: 'contoso/connectors' },
      undefined,
    ]) {
      expect(
        await checkPullRequest({
          base: { [TASKS]: connector('Contoso Tasks') },
          change: editTasks,
          pullRequest,
        }),
      ).toEqual([]);
    }
  });
});

describe('REPO-PR-TITLE-IP', () => {
  const scenario = (title: string, folder = IP_TASKS): Scenario => ({
    base: {},
    change: (repo) => repo.write(connectorFiles(folder, connector('Contoso Tasks'))),
    pullRequest: { title, baseRef: 'dev' },
  });

  it('fires on an independent-publisher pull request without the template title', async () => {
    const findings = await checkPullRequest(scenario('Add Contoso Tasks connector'));
    expect(summary(findings)).toEqual([`REPO-PR-TITLE-IP warning ${IP_TASKS}:1 new`]);
    expect(findings[0]!.message).toBe(
      'Title the pull request "Contoso Tasks (Independent Publisher)" (or "Proposal - Contoso Tasks (Independent Publisher)" for a proposal); it is "Add Contoso Tasks connector".',
    );
  });

  it('fires when the title names another connector', async () => {
    const findings = await checkPullRequest(scenario('Contoso Notes (Independent Publisher)'));
    expect(findings[0]!.message).toMatch(/names "Contoso Notes", but the connector is "Contoso Tasks"/);
  });

  it('passes the template title and a proposal, and is off for certified connectors', async () => {
    expect(await checkPullRequest(scenario('Contoso Tasks (Independent Publisher)'))).toEqual([]);
    expect(
      await checkPullRequest(scenario('Contoso Tasks connector (Independent Publisher) - Bugfix')),
    ).toEqual([]);
    expect(await checkPullRequest(scenario('Proposal - contoso-tasks (Independent Publisher)'))).toEqual([]);
    expect(await checkPullRequest(scenario('Add Contoso Tasks connector', TASKS))).toEqual([]);
  });

  it('quotes a long connector title and pull request title cut, not whole', async () => {
    const findings = await checkPullRequest({
      base: {},
      change: (repo) => repo.write(connectorFiles(IP_TASKS, connector(LONG_TITLE))),
      pullRequest: { title: `Add ${LONG_TITLE}`, baseRef: 'dev' },
    });
    expect(summary(findings)).toEqual([`REPO-PR-TITLE-IP warning ${IP_TASKS}:1 new`]);
    expect(findings[0]!.message.length).toBeLessThan(4 * 1_000 + 200);
    expect(findings[0]!.message).toMatch(
      /^Title the pull request "Contoso T+… \(Independent Publisher\)".*; it is "Add Contoso T+…"\.$/,
    );
  });

  it("does not fire in a maker's own repository, whose pull requests are not the upstream's", async () => {
    const own = scenario('Add Contoso Tasks connector');
    own.pullRequest = { ...own.pullRequest, baseRepository: 'contoso/connectors' };
    expect(await checkPullRequest(own)).toEqual([]);
  });
});

describe('SWG-INFO-TITLE-UNIQUE', () => {
  it('fires at /info/title when a new connector has the title of another folder', async () => {
    const findings = await checkPullRequest({
      base: { [NOTES]: connector('Contoso Tasks ') },
      change: (repo) => repo.write(connectorFiles(TASKS, connector('contoso tasks'))),
    });
    expect(summary(findings)).toEqual([
      `SWG-INFO-TITLE-UNIQUE warning ${TASKS}/apiDefinition.swagger.json:4 new`,
    ]);
    expect(findings[0]).toMatchObject({ pointer: '/info/title', column: 5 });
    expect(findings[0]!.message).toBe(
      `The title "contoso tasks" is already the title of "${NOTES}". Give this connector a title that tells it apart (the product's name, or "V2" for a new version).`,
    );
  });

  it('quotes a long title cut, not whole', async () => {
    const findings = await checkPullRequest({
      base: { [NOTES]: connector(LONG_TITLE) },
      change: (repo) => repo.write(connectorFiles(TASKS, connector(LONG_TITLE))),
    });
    expect(findings.map((f) => f.ruleId)).toEqual(['SWG-INFO-TITLE-UNIQUE']);
    expect(findings[0]!.message.length).toBeLessThan(1_300);
    expect(findings[0]!.message).toMatch(
      /^The title "Contoso T+…" is already the title of "certified-connectors\/Contoso Notes"\./,
    );
  });

  it('does not fire on distinct titles', async () => {
    const findings = await checkPullRequest({
      base: { [NOTES]: connector('Contoso Notes') },
      change: (repo) => repo.write(connectorFiles(TASKS, connector('Contoso Tasks'))),
    });
    expect(findings).toEqual([]);
  });

  it('keeps a clash the base already had as existing, and marks a clash the change makes as new', async () => {
    const untouchedTitle = await checkPullRequest({
      base: { [NOTES]: connector('Contoso Tasks'), [TASKS]: connector('Contoso Tasks') },
      change: (repo) => repo.write({ [`${TASKS}/readme.md`]: '# Contoso Tasks\n\nChanged.\n' }),
    });
    expect(summary(untouchedTitle)).toEqual([
      `SWG-INFO-TITLE-UNIQUE warning ${TASKS}/apiDefinition.swagger.json:4 existing`,
    ]);
    const renamed = await checkPullRequest({
      base: { [NOTES]: connector('Contoso Notes'), [TASKS]: connector('Contoso Tasks') },
      change: (repo) => repo.write(connectorFiles(TASKS, connector('Contoso Notes'))),
    });
    expect(summary(renamed)).toEqual([
      `SWG-INFO-TITLE-UNIQUE warning ${TASKS}/apiDefinition.swagger.json:4 new`,
    ]);
  });
});

describe('REPO-NOT-EXISTING', () => {
  it('fires at /host when another folder calls the same host', async () => {
    const findings = await checkPullRequest({
      base: { [NOTES]: connector('Fabrikam Notes', 'api.fabrikam.com') },
      change: (repo) => repo.write(connectorFiles(TASKS, connector('Fabrikam Tasks', 'API.fabrikam.com'))),
    });
    expect(summary(findings)).toEqual([`REPO-NOT-EXISTING info ${TASKS}/apiDefinition.swagger.json:13 new`]);
    expect(findings[0]).toMatchObject({ pointer: '/host' });
    expect(findings[0]!.message).toMatch(
      /^The host "API.fabrikam.com" is also the host of "certified-connectors\/Contoso Notes"\./,
    );
  });

  it('says when title and host both match', async () => {
    const findings = await checkPullRequest({
      base: { [NOTES]: connector('Fabrikam', 'api.fabrikam.com') },
      change: (repo) => repo.write(connectorFiles(TASKS, connector('Fabrikam', 'api.fabrikam.com'))),
    });
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['REPO-NOT-EXISTING', 'SWG-INFO-TITLE-UNIQUE']);
    expect(findings.find((f) => f.ruleId === 'REPO-NOT-EXISTING')!.message).toMatch(
      /has the same title and host "api.fabrikam.com": this connector seems to exist already/,
    );
  });

  it('quotes a long host cut, not whole, whether or not the titles match', async () => {
    const host = `api.${'h'.repeat(50_000)}.com`;
    const findings = await checkPullRequest({
      base: {
        [NOTES]: connector('Fabrikam', host),
        'certified-connectors/Fabrikam Tasks': connector('Fabrikam Tasks', host),
      },
      change: (repo) => repo.write(connectorFiles(TASKS, connector('Fabrikam', host))),
    });
    const messages = findings.filter((f) => f.ruleId === 'REPO-NOT-EXISTING').map((f) => f.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.length).toBeLessThan(1_400);
    expect(messages[0]).toMatch(
      /has the same title and host "api\.h+…": this connector seems to exist already/,
    );
    const otherTitle = await checkPullRequest({
      base: { [NOTES]: connector('Fabrikam Notes', host) },
      change: (repo) => repo.write(connectorFiles(TASKS, connector('Fabrikam Tasks', host))),
    });
    expect(otherTitle.map((f) => f.ruleId)).toEqual(['REPO-NOT-EXISTING']);
    expect(otherTitle[0]!.message.length).toBeLessThan(1_400);
    expect(otherTitle[0]!.message).toMatch(
      /^The host "api\.h+…" is also the host of "certified-connectors\/Contoso Notes"\./,
    );
  });

  it('ignores placeholder hosts and distinct hosts', async () => {
    const findings = await checkPullRequest({
      base: {
        [NOTES]: connector('Contoso Notes', 'api.contoso.com'),
        'certified-connectors/Fabrikam': connector('Fabrikam', 'api.fabrikam.com'),
      },
      change: (repo) => repo.write(connectorFiles(TASKS, connector('Contoso Tasks', 'api.contoso.com'))),
    });
    expect(findings).toEqual([]);
  });
});

describe('ICON-UNIQUE', () => {
  it('fires on icon.png when another connector has the same icon, even rescaled', async () => {
    const findings = await checkPullRequest({
      base: { [NOTES]: connector('Contoso Notes', undefined, { 'icon.png': drawIcon(SHAPES.disc, 180) }) },
      change: (repo) =>
        repo.write(
          connectorFiles(TASKS, connector('Contoso Tasks', undefined, { 'icon.png': drawIcon(SHAPES.disc) })),
        ),
    });
    expect(summary(findings)).toEqual([`ICON-UNIQUE warning ${TASKS}/icon.png:1 new`]);
    expect(findings[0]!.message).toMatch(
      /^icon.png looks (almost )?the same as .*the icon of "certified-connectors\/Contoso Notes"/,
    );
  });

  it('does not fire on a distinct icon', async () => {
    const findings = await checkPullRequest({
      base: { [NOTES]: connector('Contoso Notes', undefined, { 'icon.png': drawIcon(SHAPES.disc) }) },
      change: (repo) =>
        repo.write(
          connectorFiles(
            TASKS,
            connector('Contoso Tasks', undefined, { 'icon.png': drawIcon(SHAPES.triangle) }),
          ),
        ),
    });
    expect(findings).toEqual([]);
  });
});

describe('repository rules outside a change', () => {
  it('do not run in a plain validation of a tree', async () => {
    const repo = createRepository('dev');
    repo.write({
      ...connectorFiles(TASKS, connector('Contoso Tasks')),
      ...connectorFiles(NOTES, connector('Contoso Tasks')),
    });
    const result = await validatePaths(['.'], { cwd: repo.dir, concurrency: 'off' });
    expect(result.findings.filter((f) => repositoryRules.some((rule) => rule.id === f.ruleId))).toEqual([]);
  });
});

describe('a proposal pull request (a readme only, in independent-publisher-connectors)', () => {
  const propose = async (title: string) => {
    const repo = createRepository('dev');
    repo.write({ 'README.md': '# Connectors\n' });
    repo.commitAll('dev');
    repo.git('checkout', '--quiet', '-b', 'pr');
    repo.write({ [`${IP_TASKS}/readme.md`]: '# Contoso Tasks\n\nA connector to be built.\n' });
    repo.commitAll('proposal');
    const result = await validateAgainstBase(['.'], 'dev', {
      cwd: repo.dir,
      includeWorkingTree: false,
      rules: [...repositoryRules, findRule('REPO-REQUIRED-FILES')!],
      pullRequest: { title, baseRef: 'dev' },
    });
    return result;
  };

  it('is checked as a changed connector, and needs no swagger with the proposal title', async () => {
    const result = await propose('Proposal - Contoso Tasks (Independent Publisher)');
    expect(result.diffs.map((diff) => [diff.repositoryPath, diff.status])).toEqual([[IP_TASKS, 'added']]);
    expect(result.findings).toEqual([]);
  });

  it('gets the title warning without it', async () => {
    const result = await propose('Add Contoso Tasks');
    expect(summary(result.findings)).toEqual([`REPO-PR-TITLE-IP warning ${IP_TASKS}:1 new`]);
  });
});
