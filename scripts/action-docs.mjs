// Generates the README's action reference from every actions/<name>/action.yml, between the markers
// <!-- actions:start --> and <!-- actions:end -->, so the docs cannot drift from the metadata.
// `node scripts/action-docs.mjs` rewrites README.md; a test compares it with renderActionDocs().
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

/** The markdown for every action: a summary table, then inputs and outputs per action. */
export function renderActionDocs(root) {
  const names = readdirSync(path.join(root, 'actions'))
    .filter((name) => existsSync(path.join(root, 'actions', name, 'action.yml')))
    .sort();
  const manifests = names.map((name) => ({
    name,
    manifest: parse(readFileSync(path.join(root, 'actions', name, 'action.yml'), 'utf8')),
  }));
  const lines = ['| Action | What it does |', '| --- | --- |'];
  for (const { name, manifest } of manifests) {
    lines.push(`| [\`${name}\`](#${name}) | ${cell(manifest.description)} |`);
  }
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

/** The README with its generated section replaced by the current one. */
export function readmeWithActionDocs(readme, docs) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n\n${docs}\n\n${readme.slice(end)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const file = path.join(root, 'README.md');
  writeFileSync(file, readmeWithActionDocs(readFileSync(file, 'utf8'), renderActionDocs(root)));
  console.log('README.md: action reference regenerated');
}
