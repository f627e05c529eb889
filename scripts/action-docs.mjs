// Generates the action reference from every actions/<name>/action.yml, between the markers
// <!-- actions:start --> and <!-- actions:end -->, so the docs cannot drift from the metadata: in
// docs/actions.md every action's inputs and outputs, in README.md the table of actions linking there.
// `node scripts/action-docs.mjs` rewrites both; a test compares them with what this renders.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const START = '<!-- actions:start -->';
export const END = '<!-- actions:end -->';

function cell(text) {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|');
}

/** Where each generated part goes, from the repository root, and the page its links lead to. */
export const ACTION_DOC_PAGES = [
  { file: 'docs/actions.md', render: (root) => renderActionDocs(root) },
  { file: 'README.md', render: (root) => renderActionTable(actionManifests(root), 'docs/actions.md') },
];

function actionManifests(root) {
  return readdirSync(path.join(root, 'actions'))
    .filter((name) => existsSync(path.join(root, 'actions', name, 'action.yml')))
    .sort()
    .map((name) => ({
      name,
      manifest: parse(readFileSync(path.join(root, 'actions', name, 'action.yml'), 'utf8')),
    }));
}

/** The table of actions, each linked to its section on `page` ('' for the same page). */
function renderActionTable(manifests, page) {
  const lines = ['| Action | What it does |', '| --- | --- |'];
  for (const { name, manifest } of manifests) {
    lines.push(`| [\`${name}\`](${page}#${name}) | ${cell(manifest.description)} |`);
  }
  return lines.join('\n');
}

/** The markdown for every action: the table, then inputs and outputs per action. */
export function renderActionDocs(root) {
  const manifests = actionManifests(root);
  const lines = [renderActionTable(manifests, '')];
  for (const { name, manifest } of manifests) {
    lines.push(
      '',
      `### ${name}`,
      '',
      cell(manifest.description),
      '',
      `\`uses: connector-alm/connector-alm/actions/${name}@v1\``,
    );
    const inputs = Object.entries(manifest.inputs ?? {});
    if (inputs.length > 0) {
      lines.push('', '| Input | Required | Default | Description |', '| --- | --- | --- | --- |');
      for (const [input, spec] of inputs) {
        const fallback = spec.default === undefined || spec.default === '' ? '' : `\`${cell(spec.default)}\``;
        lines.push(
          `| \`${input}\` | ${spec.required ? 'yes' : 'no'} | ${fallback} | ${cell(spec.description)} |`,
        );
      }
    }
    const outputs = Object.entries(manifest.outputs ?? {});
    if (outputs.length > 0) {
      lines.push('', '| Output | Description |', '| --- | --- |');
      for (const [output, spec] of outputs) lines.push(`| \`${output}\` | ${cell(spec.description)} |`);
    }
  }
  return lines.join('\n');
}

/** A page with its generated section replaced by the current one. */
export function withActionDocs(page, docs, file) {
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start === -1 || end < start) throw new Error(`${file} needs the markers ${START} and ${END}`);
  return `${page.slice(0, start + START.length)}\n\n${docs}\n\n${page.slice(end)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  for (const { file, render } of ACTION_DOC_PAGES) {
    const at = path.join(root, file);
    writeFileSync(at, withActionDocs(readFileSync(at, 'utf8'), render(root), file));
  }
  console.log(`${ACTION_DOC_PAGES.map((page) => page.file).join(', ')}: action reference regenerated`);
}
