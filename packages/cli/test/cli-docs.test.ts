import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';
import { headingAnchors } from './heading-anchors.js';
import { documentedCommands, referenceProgram, withCliReference } from '../src/cli-reference.js';
import { optionDefault } from '../src/option-help.js';

const read = (file: string): string => readFileSync(path.join(REPO_ROOT, file), 'utf8');

/** The README and every page under docs/, as paths from the repository root with `/`. */
const MARKDOWN_PAGES = [
  'README.md',
  ...readdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file.split(path.sep).join('/')}`)
    .sort(),
];

async function help(argv: string[]): Promise<string> {
  const io = memoryIo(REPO_ROOT);
  await runCli([...argv, '--help'], io);
  return io.out();
}

/** The names in the "Commands:" list of a --help, without commander's own `help`. */
function commandNames(helpText: string): string[] {
  const list = helpText.slice(helpText.indexOf('\nCommands:\n'));
  return [...list.matchAll(/^ {2}([a-z][\w-]*)/gm)]
    .map((match) => match[1]!)
    .filter((name) => name !== 'help');
}

/**
 * The signature a command's section of docs/cli.md is headed with: the command and the arguments its
 * --help names (`diff <old> <new>`), or the command and its subcommands (`package build|check`).
 */
async function signature(command: string): Promise<string> {
  const text = await help([command]);
  const subcommands = commandNames(text);
  if (subcommands.length > 0) return `${command} ${subcommands.join('|')}`;
  const args = /^Usage: connector-alm \S+ (?:\[options\] ?)?(.*)$/m.exec(text)?.[1]?.trim() ?? '';
  return `${command} ${args}`.trim();
}

/** Every relative link of a markdown page to `file#anchor`, resolved from the page's folder. */
function anchorLinks(page: string): { target: string; anchor: string }[] {
  return [...read(page).matchAll(/\]\(([^)\s#]*)#([^)\s]+)\)/g)]
    .filter((match) => !/^[a-z]+:/.test(match[1]!))
    .map((match) => ({
      target: match[1] ? path.posix.join(path.posix.dirname(page), match[1]) : page,
      anchor: match[2]!,
    }));
}

describe('docs/cli.md', () => {
  it('has a section headed with the signature of every command the CLI registers', async () => {
    const commands = commandNames(await help([]));
    expect(commands).toEqual(expect.arrayContaining(['validate', 'package', 'pr', 'rules']));
    const headings = new Set([...read('docs/cli.md').matchAll(/^## `([^`]+)`$/gm)].map((match) => match[1]!));
    const missing: string[] = [];
    for (const command of commands) {
      const expected = await signature(command);
      if (!headings.has(expected)) missing.push(expected);
    }
    expect(missing).toEqual([]);
  });

  it('lists the arguments and options the CLI defines, as generated (run npm run docs after changing one)', () => {
    const page = read('docs/cli.md');
    expect(withCliReference(page, referenceProgram())).toBe(page);
  });

  it("gives an option's default as --help does: a value in code, one the command works out in words", async () => {
    const page = read('docs/cli.md');
    for (const [command, option, fallback] of [
      ['validate', '--concurrency <n>', '`auto`'],
      [
        'validate',
        '--config <file>',
        ".connector-alm.yml (or .yaml, .json) of the working directory or the nearest folder above it, up to the repository root; run from outside the paths' repository, the one at its top level",
      ],
      ['export', '--environment-url <url>', '$DATAVERSE_ENVIRONMENT_URL'],
      ['pr', '--branch-prefix <prefix>', '`connector-alm/`'],
    ] as const) {
      expect(await help([command])).toContain(option);
      const line = page.split('\n').find((each) => each.startsWith(`- \`${option}\`: `));
      expect(line).toContain(` Default: ${fallback}.`);
    }
  });

  it('documents every option that --help shows, of every command, with the default --help gives', async () => {
    const missing: string[] = [];
    for (const [name, command] of documentedCommands(referenceProgram())) {
      const text = (await help(name === 'connector-alm' ? [] : name.split(' '))).replace(/\s+/g, ' ');
      for (const option of command.options.filter((each) => !each.hidden)) {
        const fallback = optionDefault(option);
        if (!text.includes(option.flags)) missing.push(`${name} ${option.flags}`);
        else if (fallback !== undefined && !text.includes(`default: ${fallback}`))
          missing.push(`${name} ${option.flags} (default: ${fallback})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('is linked to from the README', () => {
    expect(anchorLinks('README.md').some(({ target }) => target === 'docs/cli.md')).toBe(true);
  });
});

describe('every markdown page', () => {
  it.each(MARKDOWN_PAGES)('%s links only to headings that the linked page has', (page) => {
    const links = anchorLinks(page);
    const broken = links
      .filter(({ target }) => target.endsWith('.md'))
      .filter(({ target, anchor }) => !headingAnchors(read(target)).has(anchor))
      .map(({ target, anchor }) => `${target}#${anchor}`);
    expect(broken).toEqual([]);
  });
});
