import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '@connector-alm/testing';
import { parseConfig } from '@connector-alm/validator';
import { snippetScriptProblems } from './helpers/workflow-security.js';

/**
 * The YAML a reader copies from the documentation, held to what the repository has: each of our
 * actions with inputs it declares (and its required ones), each reusable workflow called with inputs and
 * secrets it declares, other owners' actions pinned to the commit the workflows use, and the
 * configuration file example loading as it is. The workflows themselves are checked by
 * workflow-references and example-callers.
 */

const markdownFiles = [
  'README.md',
  ...readdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.join('docs', file)),
  ...readdirSync(path.join(REPO_ROOT, 'packages'))
    .map((name) => path.join('packages', name, 'README.md'))
    .filter((file) => existsSync(path.join(REPO_ROOT, file))),
];

interface Snippet {
  where: string;
  text: string;
}

/** The ```yaml blocks of a markdown file, each with its file and line; indented blocks (in lists) too. */
function yamlSnippets(file: string): Snippet[] {
  const lines = readFileSync(path.join(REPO_ROOT, file), 'utf8').split('\n');
  const snippets: Snippet[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)```ya?ml\s*$/.exec(lines[index]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    const start = index + 1;
    while (++index < lines.length && !/^\s*```\s*$/.test(lines[index]!))
      body.push(lines[index]!.slice(indent));
    snippets.push({ where: `${file}:${start}`, text: body.join('\n') });
  }
  return snippets;
}

const snippets = markdownFiles.flatMap(yamlSnippets);

interface Usage {
  uses: string;
  with?: Record<string, unknown>;
  secrets?: Record<string, unknown> | 'inherit';
}

/** Every mapping with a `uses:` in a parsed snippet: steps and reusable-workflow jobs alike. */
function usages(value: unknown): Usage[] {
  if (Array.isArray(value)) return value.flatMap(usages);
  if (!value || typeof value !== 'object') return [];
  const own = typeof (value as Usage).uses === 'string' ? [value as Usage] : [];
  return [...own, ...Object.values(value).flatMap(usages)];
}

const readYaml = (file: string): any => parseYaml(readFileSync(path.join(REPO_ROOT, file), 'utf8'));

/** The commit each other owner's action is pinned to in the repository's workflows. */
function pinnedInWorkflows(): Map<string, Set<string>> {
  const pins = new Map<string, Set<string>>();
  for (const dir of ['.github/workflows', 'examples/workflows'])
    for (const file of readdirSync(path.join(REPO_ROOT, dir)).filter((f) => /\.ya?ml$/.test(f)))
      for (const { uses } of usages(readYaml(path.join(dir, file)))) {
        const [action, ref] = uses.split('@') as [string, string];
        if (!pins.has(action)) pins.set(action, new Set());
        pins.get(action)!.add(ref);
      }
  return pins;
}

function usageProblems(usage: Usage, pins: Map<string, Set<string>>): string[] {
  const given = Object.keys(usage.with ?? {});
  const action = /^connector-alm\/connector-alm\/actions\/([a-z0-9-]+)@v1$/.exec(usage.uses);
  if (action) {
    const file = `actions/${action[1]}/action.yml`;
    if (!existsSync(path.join(REPO_ROOT, file))) return [`${usage.uses}: no ${file}`];
    const inputs: Record<string, { required?: boolean; default?: unknown }> = readYaml(file).inputs ?? {};
    return [
      ...given.filter((name) => !(name in inputs)).map((name) => `${usage.uses}: no input '${name}'`),
      ...Object.entries(inputs)
        .filter(([name, spec]) => spec.required && spec.default === undefined && !given.includes(name))
        .map(([name]) => `${usage.uses}: the required input '${name}' is not given`),
    ];
  }
  const workflow = /^connector-alm\/connector-alm\/(\.github\/workflows\/[\w.-]+\.ya?ml)@v1$/.exec(
    usage.uses,
  );
  if (workflow) {
    if (!existsSync(path.join(REPO_ROOT, workflow[1]!))) return [`${usage.uses}: no ${workflow[1]}`];
    const call = readYaml(workflow[1]!).on.workflow_call;
    const inputs: Record<string, { required?: boolean }> = call.inputs ?? {};
    const secrets: Record<string, { required?: boolean }> = call.secrets ?? {};
    const givenSecrets =
      usage.secrets === 'inherit' ? Object.keys(secrets) : Object.keys(usage.secrets ?? {});
    return [
      ...given.filter((name) => !(name in inputs)).map((name) => `${usage.uses}: no input '${name}'`),
      ...Object.entries(inputs)
        .filter(([name, spec]) => spec.required && !given.includes(name))
        .map(([name]) => `${usage.uses}: the required input '${name}' is not given`),
      ...givenSecrets
        .filter((name) => !(name in secrets))
        .map((name) => `${usage.uses}: no secret '${name}'`),
      ...Object.entries(secrets)
        .filter(([name, spec]) => spec.required && !givenSecrets.includes(name))
        .map(([name]) => `${usage.uses}: the required secret '${name}' is not given`),
    ];
  }
  if (usage.uses.startsWith('connector-alm/connector-alm/'))
    return [`${usage.uses}: neither an action nor a reusable workflow of this release (@v1)`];
  const [name, ref] = usage.uses.split('@') as [string, string | undefined];
  const pinned = pins.get(name);
  if (!pinned)
    return [`${usage.uses}: no workflow of the repository uses ${name}, so its pin is not checked`];
  return pinned.has(ref ?? '')
    ? []
    : [`${usage.uses}: the workflows pin ${name} to ${[...pinned].join(', ')}`];
}

describe('YAML in the documentation', () => {
  const pins = pinnedInWorkflows();

  it('finds the snippets', () => {
    const count = (file: string) => snippets.filter((snippet) => snippet.where.startsWith(`${file}:`)).length;
    expect(count('README.md')).toBeGreaterThanOrEqual(2);
    expect(count('docs/actions.md')).toBeGreaterThanOrEqual(1);
  });

  it.each(snippets)('$where parses and refers to actions, workflows and inputs that exist', ({ text }) => {
    const parsed: unknown = parseYaml(text);
    expect(usages(parsed).flatMap((usage) => usageProblems(usage, pins))).toEqual([]);
  });

  // A reader copies the snippet as it is: a pull request's title or branch pasted into its script
  // would run as code in the reader's repository (workflow-security.ts).
  it.each(snippets)('$where pastes no untrusted value into a script', ({ text }) => {
    expect(snippetScriptProblems(parseYaml(text))).toEqual([]);
  });

  it('has a configuration file example that loads as it is', () => {
    const examples = snippets.filter((snippet) => /^(profile|rules|ignore):/m.test(snippet.text));
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples)
      expect(() =>
        parseConfig(example.text, path.join(REPO_ROOT, '.connector-alm.yml'), { cwd: REPO_ROOT }),
      ).not.toThrow();
  });
});

// Each push to a pull request started one more check; the runs of the commits it replaced went on to
// the end, holding runners and posting annotations of stale lines.
describe('the PR check, as the example and the documentation show it', () => {
  const callsPrCheck = (workflow: any) =>
    usages(workflow).some((usage) => usage.uses.includes('/.github/workflows/connector-pr-check.yml@'));
  const shown = [
    {
      where: 'examples/workflows/connector-pr-check.yml',
      workflow: readYaml('examples/workflows/connector-pr-check.yml'),
    },
    ...snippets.map(({ where, text }) => ({ where, workflow: parseYaml(text) as any })),
  ].filter(({ workflow }) => workflow?.on?.pull_request && callsPrCheck(workflow));

  it('is shown', () => {
    expect(shown.map(({ where }) => where)).toContain('examples/workflows/connector-pr-check.yml');
    expect(shown.some(({ where }) => where.startsWith('README.md'))).toBe(true);
  });

  it.each(shown)(
    '$where cancels the run that a new push to the same pull request supersedes',
    ({ workflow }) => {
      expect(workflow.concurrency).toEqual({
        group: '${{ github.workflow }}-${{ github.event.pull_request.number }}',
        'cancel-in-progress': true,
      });
    },
  );
});

describe('the snippet check', () => {
  const pins = pinnedInWorkflows();
  it.each([
    [
      { uses: 'connector-alm/connector-alm/actions/export-solution@v1', with: { 'solution-name': 'x' } },
      "connector-alm/connector-alm/actions/export-solution@v1: the required input 'environment-url' is not given",
    ],
    [
      { uses: 'connector-alm/connector-alm/actions/validate-connector@v1', with: { paths: 'x' } },
      "connector-alm/connector-alm/actions/validate-connector@v1: no input 'paths'",
    ],
    [
      {
        uses: 'connector-alm/connector-alm/.github/workflows/connector-publish.yml@v1',
        with: { connector: 'x' },
      },
      "connector-alm/connector-alm/.github/workflows/connector-publish.yml@v1: the required secret 'token' is not given",
    ],
    [{ uses: 'actions/checkout@v4' }, 'actions/checkout@v4: the workflows pin actions/checkout to'],
  ])('catches %j', (usage, problem) => {
    expect(usageProblems(usage as Usage, pins).join('\n')).toContain(problem);
  });

  it('catches a branch name pasted into a script, in a list of steps as in a whole workflow', () => {
    const steps = '- run: echo "${{ github.head_ref }}"';
    const problem = 'puts an expression into its script (${{ github.head_ref }}); pass the value through env';
    expect(snippetScriptProblems(parseYaml(steps))).toEqual([problem]);
    expect(snippetScriptProblems(parseYaml(`jobs:\n  j:\n    steps:\n      ${steps}`))).toEqual([problem]);
  });
});
