import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '@connector-alm/testing';
import { CONFIG_FILE_NAMES } from '@connector-alm/validator';

const read = (file: string): string => readFileSync(path.join(REPO_ROOT, file), 'utf8');

describe('docs/troubleshooting.md', () => {
  it('gives the time limit per job that the snapshot and promote workflows set', () => {
    const limits = ['connector-snapshot.yml', 'connector-promote.yml'].flatMap((file) =>
      Object.values(
        (
          parseYaml(read(`.github/workflows/${file}`)) as {
            jobs: Record<string, { 'timeout-minutes'?: number }>;
          }
        ).jobs,
      ).map((job) => job['timeout-minutes']),
    );
    expect(new Set(limits).size).toBe(1);
    const text = read('docs/troubleshooting.md').replace(/\s+/g, ' ');
    expect(text).toContain(`the snapshot and promote workflows allow ${limits[0]} minutes per job`);
  });
});

describe('docs/actions.md', () => {
  it('says which powerplatform-actions sign-in inputs the Dataverse actions do not take, and they do not', () => {
    const page = read('docs/actions.md').replace(/\s+/g, ' ');
    expect(page).toContain('A user name and password (`user-name`, `password-secret`) are not supported');
    for (const name of ['export-solution', 'import-solution']) {
      const inputs = Object.keys(
        (parseYaml(read(`actions/${name}/action.yml`)) as { inputs: Record<string, unknown> }).inputs,
      );
      expect({
        name,
        inputs: inputs.filter((input) => ['user-name', 'password-secret'].includes(input)),
      }).toEqual({
        name,
        inputs: [],
      });
      expect(inputs).toEqual(
        expect.arrayContaining(['environment-url', 'app-id', 'tenant-id', 'client-secret']),
      );
    }
  });
});

/**
 * The inputs of microsoft/powerplatform-actions' export-solution/action.yml with their defaults (''
 * for none), as of its commit 11af25ee5f752896935d11db7d94557078404674 (February 2025).
 */
const POWERPLATFORM_EXPORT_INPUTS: Record<string, string> = {
  'environment-url': '',
  'user-name': '',
  'password-secret': '',
  'app-id': '',
  'client-secret': '',
  'tenant-id': '',
  'solution-name': '',
  'solution-version': '',
  'solution-output-file': '',
  managed: 'false',
  'working-directory': '',
  'run-asynchronously': 'false',
  cloud: 'Public',
  'max-async-wait-time': '60',
  'export-auto-numbering-settings': 'false',
  'export-calendar-settings': 'false',
  'export-customization-settings': 'false',
  'export-email-tracking-settings': 'false',
  'export-external-applications-settings': 'false',
  'export-general-settings': 'false',
  'export-isv-config': 'false',
  'export-marketing-settings': 'false',
  'export-outlook-synchronization-settings': 'false',
  'export-relationship-roles': 'false',
  'export-sales': 'false',
  overwrite: 'false',
};

describe('docs/actions.md on export-solution and powerplatform-actions', () => {
  it('names every input whose name or default differs, and every output, in its list of differences', () => {
    // The action said "Inputs match microsoft/powerplatform-actions", which five inputs did not.
    const page = read('docs/actions.md');
    const start = page.indexOf('What else differs in `export-solution`:');
    expect(start).toBeGreaterThan(0);
    const list = page.slice(start, page.indexOf('\n\n', page.indexOf('\n- ', start)));
    const named = new Set(backticked(list));
    const action = parseYaml(read('actions/export-solution/action.yml')) as {
      description: string;
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, unknown>;
    };
    const ours = Object.fromEntries(
      Object.entries(action.inputs).map(([name, spec]) => [name, spec.default ?? '']),
    );
    // The sign-in inputs that are not supported are said of both Dataverse actions above the lists.
    const signIn = ['user-name', 'password-secret'];
    const differing = [
      ...Object.keys(POWERPLATFORM_EXPORT_INPUTS).filter(
        (name) => !signIn.includes(name) && ours[name] !== POWERPLATFORM_EXPORT_INPUTS[name],
      ),
      ...Object.keys(ours).filter((name) => !(name in POWERPLATFORM_EXPORT_INPUTS)),
      ...Object.keys(action.outputs),
    ];
    expect(differing.filter((name) => !named.has(name))).toEqual([]);
    expect(differing).toEqual(expect.arrayContaining(['run-asynchronously', 'overwrite', 'publish-changes']));
    expect(action.description.replace(/\s+/g, ' ')).toContain(
      'Input names follow microsoft/powerplatform-actions; the differences are listed in docs/actions.md.',
    );
  });
});

/** The rows of the markdown tables of a page whose header starts with `Input`, as cells. */
function inputRows(markdown: string): string[][] {
  const rows: string[][] = [];
  let inTable = false;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (/^Input\b/.test(cells[0]!)) inTable = true;
    else if (inTable && !/^-+$/.test(cells[0]!)) rows.push(cells);
  }
  return rows;
}

const backticked = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

const GUIDES: [guide: string, workflow: string][] = [
  ['docs/getting-started/single-environment.md', 'connector-snapshot.yml'],
  ['docs/getting-started/multiple-environments.md', 'connector-promote.yml'],
  ['docs/getting-started/open-source-certification.md', 'connector-publish.yml'],
];

function workflowCall(workflow: string): {
  inputs: Record<string, { default?: unknown }>;
  secrets?: Record<string, unknown>;
} {
  return (
    parseYaml(read(`.github/workflows/${workflow}`)) as {
      on: { workflow_call: ReturnType<typeof workflowCall> };
    }
  ).on.workflow_call;
}

describe.each(GUIDES)('the input table of %s', (guide, workflow) => {
  it(`names inputs and secrets that ${workflow} has`, () => {
    const call = workflowCall(workflow);
    const rows = inputRows(read(guide));
    expect(rows.length).toBeGreaterThan(0);
    const unknown = rows.flatMap(([first]) => {
      const secret = first!.startsWith('secret ');
      return backticked(first!)
        .map((name) => name.replace(/:.*$/, ''))
        .filter((name) => !(name in (secret ? (call.secrets ?? {}) : call.inputs)));
    });
    expect(unknown).toEqual([]);
  });
});

// The single-environment guide's table says why, not the defaults.
describe.each(GUIDES.filter(([guide]) => !guide.includes('single-environment')))(
  'the input table of %s',
  (guide, workflow) => {
    it(`gives the defaults that ${workflow} has`, () => {
      const call = workflowCall(workflow);
      const claimed = inputRows(read(guide))
        .filter((cells) => cells.length === 3 && backticked(cells[1]!).length > 0)
        .flatMap(([first, defaults]) => {
          const names = backticked(first!);
          const values = backticked(defaults!);
          return names.length === values.length ? names.map((name, index) => [name, values[index]!]) : [];
        });
      expect(claimed.length).toBeGreaterThan(2);
      expect(claimed.filter(([name, value]) => String(call.inputs[name!]?.default) !== value)).toEqual([]);
    });
  },
);

describe('docs/getting-started/open-source-certification.md', () => {
  it('names every output the publish workflow passes on to its caller, and no other', () => {
    const outputs = Object.keys(
      (
        parseYaml(read('.github/workflows/connector-publish.yml')) as {
          on: { workflow_call: { outputs: Record<string, unknown> } };
        }
      ).on.workflow_call.outputs,
    );
    const guide = read('docs/getting-started/open-source-certification.md').replace(/\s+/g, ' ');
    const sentence = /reads what happened in `needs\.<job>\.outputs`[^.]*\./.exec(guide)?.[0];
    expect(sentence).toBeDefined();
    const named = backticked(sentence!).filter((name) => !name.startsWith('needs.'));
    expect(named.sort()).toEqual(outputs.sort());
  });
});

describe('the certification steps of the docs', () => {
  // The walkthrough's Windows maker met `GITHUB_TOKEN=$(gh auth token) …`, which PowerShell does not
  // run, and a guide that never reached the certification package.
  it('give every GITHUB_TOKEN=$(gh auth token) command its PowerShell form too', () => {
    for (const file of ['docs/getting-started/open-source-certification.md', 'docs/cli.md', 'README.md']) {
      const text = read(file);
      const bash = text.split('GITHUB_TOKEN=$(gh auth token) ').length - 1;
      const powerShell = text.split('$env:GITHUB_TOKEN = gh auth token; ').length - 1;
      expect({ file, powerShell }).toEqual({ file, powerShell: bash });
    }
  });

  it('take a certified connector through the certification package, as package build takes it', () => {
    const guide = read('docs/getting-started/open-source-certification.md').replace(/\s+/g, ' ');
    for (const option of ['--intro', '--connector-solution', '--flow-solution'])
      expect(guide).toMatch(new RegExp(`package build [^\`]*${option} `));
    expect(guide).toContain('intro.md');
    expect(guide).toContain('(../cli.md#package-buildcheck)');
  });
});

describe('docs/rules.md', () => {
  /** The text of a rule's section, from its heading to the next one, on one line. */
  const ruleSection = (id: string): string => {
    const rules = read('docs/rules.md');
    const start = rules.indexOf(`\n### ${id}\n`);
    expect(start).toBeGreaterThanOrEqual(0);
    const end = rules.indexOf('\n### ', start + 1);
    return rules.slice(start, end < 0 ? undefined : end).replace(/\s+/g, ' ');
  };

  it('says a retitled pull request is checked again where the workflow runs on edited, as the example does', () => {
    const example = parseYaml(read('examples/workflows/connector-pr-check.yml')) as {
      on: { pull_request: { types: string[] } };
    };
    expect(example.on.pull_request.types).toContain('edited');
    const text = ruleSection('REPO-PR-TITLE-IP');
    expect(text).not.toMatch(/not re-run/);
    expect(text).toContain('`edited`');
    expect(text).toContain('examples/workflows/connector-pr-check.yml');
  });
});

describe('the pull-request check to copy', () => {
  // docs/validation.md presents REPO-CONFIG-LOOSENED as the safeguard against a pull request that
  // silences its own check; with the connector folders alone in paths, a pull request that changed
  // only the configuration file never started the check.
  it('runs on a pull request that changes only the configuration file, under each name it may have', () => {
    const readme = read('README.md');
    const block = /```yaml\n(# \.github\/workflows\/connector-pr-check\.yml[\s\S]*?)```/.exec(readme)![1]!;
    for (const workflow of [block, read('examples/workflows/connector-pr-check.yml')]) {
      const paths = (parseYaml(workflow) as { on: { pull_request: { paths: string[] } } }).on.pull_request
        .paths;
      expect(paths).toEqual(expect.arrayContaining([...CONFIG_FILE_NAMES]));
    }
  });
});
