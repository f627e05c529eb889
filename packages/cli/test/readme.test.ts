import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALL_RULES } from '@connector-alm/validator';
import { REPO_ROOT } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { ACTION_DOC_PAGES, withActionDocs } from '../../../scripts/action-docs.mjs';

describe.each(ACTION_DOC_PAGES as { file: string; render: (root: string) => string }[])(
  '$file',
  ({ file, render }) => {
    it('has the action reference generated from every action.yml (run npm run docs after changing one)', () => {
      const page = readFileSync(path.join(REPO_ROOT, file), 'utf8');
      expect(page === withActionDocs(page, render(REPO_ROOT), file)).toBe(true);
    });
  },
);

describe('README.md', () => {
  it('keeps the two-command quick start', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npx connector-alm validate examples');
    expect(readme).toContain('\nnpm test\n');
    expect(readFileSync(path.join(REPO_ROOT, '.ci/run'), 'utf8')).toContain('npm test');
  });

  it('shows the findings validate prints for the example made faulty as the quick start says', async () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const shown = /```text\n(certified-connectors\/Contoso \[[^]*?)```/.exec(readme)?.[1];
    expect(shown).toBeDefined();
    const root = mkdtempSync(path.join(os.tmpdir(), 'readme-findings-'));
    try {
      const folder = path.join(root, 'certified-connectors', 'Contoso');
      cpSync(path.join(REPO_ROOT, 'examples', 'certified-connectors', 'Contoso Tasks'), folder, {
        recursive: true,
      });
      const swaggerFile = path.join(folder, 'apiDefinition.swagger.json');
      const swagger = readFileSync(swaggerFile, 'utf8');
      const title = '"title": "Contoso Tasks",';
      const encoding = /\n\s*"x-ms-url-encoding": "single",(?=\n\s*"x-ms-summary": "Task ID")/;
      expect(swagger).toContain(title);
      expect(swagger).toMatch(encoding);
      writeFileSync(
        swaggerFile,
        swagger.replace(title, '"title": "Contoso Tasks API for everything",').replace(encoding, ''),
      );
      const io = memoryIo(root);
      expect(await runCli(['validate', 'certified-connectors'], io)).toBe(1);
      expect(io.out()).toBe(shown);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('gives the number of validation rules there are', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(`in review (${ALL_RULES.length} rules, [docs/rules.md]`);
  });

  it('says why of every dependency of every package.json, and of no other', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Why each dependency'), readme.indexOf('## Licence'));
    const named = new Set(
      section
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!)),
    );
    const manifests = [
      'package.json',
      ...readdirSync(path.join(REPO_ROOT, 'packages')).map((name) => `packages/${name}/package.json`),
    ];
    const dependencies = new Set(
      manifests.flatMap((file) => {
        const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')) as Record<
          string,
          Record<string, string> | undefined
        >;
        return [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
      }),
    );
    const accountedFor = (name: string) =>
      named.has(name) || (name.startsWith('@types/') && named.has('@types/*'));
    const ours = (name: string) => name.startsWith('@connector-alm/');
    expect([...dependencies].filter((name) => !ours(name) && !accountedFor(name))).toEqual([]);
    const stale = [...named].filter(
      (name) =>
        !(name === '@types/*'
          ? [...dependencies].some((d) => d.startsWith('@types/'))
          : dependencies.has(name)),
    );
    expect(stale).toEqual([]);
  });
});

describe("README.md's table of commands", () => {
  it('writes each command with the arguments its --help names, so that what a user reads is what they type', async () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| Command'), readme.indexOf('\nExit codes:'));
    // "`unpack <solution.zip> <folder>` / `pack <folder> <solution.zip>`": each signature of a row.
    const signatures = table
      .split('\n')
      .filter((row) => row.startsWith('| `'))
      .flatMap((row) => [...row.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
    expect(signatures).toEqual(expect.arrayContaining(['import <solution.zip>', 'dev-server']));
    const mismatches: string[] = [];
    for (const signature of signatures) {
      const [command, ...args] = signature.split(' ');
      const io = memoryIo(REPO_ROOT);
      await runCli([command!, '--help'], io);
      const usage = /^Usage: connector-alm (\S+) (?:\[options\] ?)?(.*)$/m.exec(io.out());
      const helpArgs = usage?.[2]?.trim() ?? '';
      if (helpArgs !== args.join(' '))
        mismatches.push(`README: ${signature}; --help: ${command} ${helpArgs}`);
    }
    expect(mismatches).toEqual([]);
  });
});
