// Writes src/local-server/openapi/github-subset.json: the operations the local GitHub API server
// implements, cut from GitHub's official OpenAPI description, with every component they reference.
// The full description (@octokit/openapi) unpacks to 400 MB, so it is not a dependency; re-run this
// when bumping it:
//   npm pack @octokit/openapi@23.0.2 && tar xzf octokit-openapi-23.0.2.tgz package/generated/api.github.com.json
//   node packages/github/scripts/extract-openapi-subset.mjs package/generated/api.github.com.json 23.0.2
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const OPERATIONS = [
  'users/get-authenticated',
  'repos/get',
  'repos/create-fork',
  'repos/merge-upstream',
  'repos/compare-commits-with-basehead',
  'git/get-ref',
  'git/create-ref',
  'git/update-ref',
  'git/create-blob',
  'git/get-blob',
  'git/create-tree',
  'git/get-tree',
  'git/create-commit',
  'git/get-commit',
  'pulls/list',
  'pulls/get',
  'pulls/create',
  'pulls/update',
  'pulls/list-files',
  'pulls/request-reviewers',
  'issues/add-labels',
];

const [specFile, version] = process.argv.slice(2);
if (!specFile || !version)
  throw new Error('usage: extract-openapi-subset.mjs <api.github.com.json> <@octokit/openapi version>');
const spec = JSON.parse(readFileSync(specFile, 'utf8'));

// Examples and descriptions are dropped: the server needs the shapes, not the prose.
function strip(node) {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'examples' || key === 'example' || key === 'description' || key === 'x-github') continue;
    out[key] = strip(value);
  }
  return out;
}

const paths = {};
for (const [route, item] of Object.entries(spec.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    if (!OPERATIONS.includes(operation.operationId)) continue;
    paths[route] ??= {};
    paths[route][method] = strip(operation);
  }
}
const found = Object.values(paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
const missing = OPERATIONS.filter((id) => !found.includes(id));
if (missing.length > 0) throw new Error(`not in the description: ${missing.join(', ')}`);

// Follow $refs transitively so the subset is self-contained.
const components = {};
const pending = [paths];
while (pending.length > 0) {
  const node = pending.pop();
  if (Array.isArray(node)) pending.push(...node);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const [, kind, name] = value.split('/').slice(1);
        components[kind] ??= {};
        if (!(name in components[kind])) {
          components[kind][name] = strip(spec.components[kind][name]);
          pending.push(components[kind][name]);
        }
      } else pending.push(value);
    }
  }
}
for (const kind of Object.keys(components)) {
  components[kind] = Object.fromEntries(
    Object.entries(components[kind]).sort(([a], [b]) => a.localeCompare(b)),
  );
}

const subset = {
  openapi: spec.openapi,
  info: {
    title: spec.info.title,
    version: spec.info.version,
    'x-source': `@octokit/openapi@${version} generated/api.github.com.json`,
  },
  paths,
  components,
};
const out = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../src/local-server/openapi/github-subset.json',
);
writeFileSync(out, `${JSON.stringify(subset)}\n`);
console.log(
  `wrote ${out}: ${found.length} operations, ${Object.values(components).reduce((n, c) => n + Object.keys(c).length, 0)} components`,
);
