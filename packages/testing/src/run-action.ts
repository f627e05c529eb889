import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { nodeWarnings } from './node-warnings.js';
import { runnerNodeBinary } from './runner-node.js';
import {
  parseFileCommands,
  parseWorkflowCommands,
  type Annotation,
  type WorkflowCommand,
} from './workflow-commands.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface RunActionOptions {
  /** Inputs as a workflow's `with:` block gives them; undeclared names are refused, as typos. */
  inputs?: Record<string, string>;
  /** GITHUB_WORKSPACE, and the working directory of the step. */
  workspace: string;
  eventName?: string;
  /** The webhook payload, written to GITHUB_EVENT_PATH. */
  event?: unknown;
  /** GITHUB_API_URL, e.g. a local server on 127.0.0.1. */
  apiUrl?: string;
  /** Extra environment (GITHUB_TOKEN, ACTIONS_ID_TOKEN_REQUEST_URL, …). */
  env?: Record<string, string>;
  timeoutMs?: number;
  /**
   * The largest file the step may write, in KB (the shell's `ulimit -f`): past it the system refuses
   * the write with EFBIG, as a full disk refuses with ENOSPC. Unlimited when not given.
   */
  fileSizeLimitKb?: number;
  /** Called with the action's process as it starts, to signal it mid-run as a cancelled job does. */
  onStart?: (child: ChildProcess) => void;
}

export interface ActionRun {
  /** The process's exit code; 1 when a signal ended it (as the runner fails such a step). */
  exitCode: number;
  /** The signal that ended the process (a cancelled job's SIGINT or SIGTERM), or null. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  annotations: Annotation[];
  masks: string[];
  /** Every workflow command the runner would carry out, from stdout and stderr. */
  commands: WorkflowCommand[];
  /** The job summary the step appended (GITHUB_STEP_SUMMARY). */
  summary: string;
}

interface ActionManifest {
  inputs?: Record<string, { default?: string; required?: boolean; description?: string }>;
  runs: { using: string; main: string };
}

/** The runner's name mangling: spaces become underscores, upper case; hyphens stay. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Runs an action's built bundle the way the Actions runner does: a child process of the runner's Node.js (runnerNodeBinary) with
 * INPUT_* (action.yml defaults filled in), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV,
 * GITHUB_STATE, GITHUB_WORKSPACE, GITHUB_EVENT_NAME/PATH and GITHUB_API_URL, and a clean environment
 * otherwise. Returns what the runner would read back.
 */
export async function runActionBundle(actionName: string, options: RunActionOptions): Promise<ActionRun> {
  const actionDir = path.join(REPO_ROOT, 'actions', actionName);
  const manifest = parseYaml(readFileSync(path.join(actionDir, 'action.yml'), 'utf8')) as ActionManifest;
  const main = path.resolve(actionDir, manifest.runs.main);
  if (!existsSync(main))
    throw new Error(`${actionName}: ${manifest.runs.main} does not exist; run npm run build`);

  const declared = manifest.inputs ?? {};
  for (const name of Object.keys(options.inputs ?? {})) {
    if (!(name in declared)) throw new Error(`${actionName} has no input '${name}'`);
  }

  const temp = mkdtempSync(path.join(os.tmpdir(), `runner-${actionName}-`));
  const files = {
    output: path.join(temp, 'output'),
    summary: path.join(temp, 'summary.md'),
    env: path.join(temp, 'env'),
    state: path.join(temp, 'state'),
    path: path.join(temp, 'path'),
    event: path.join(temp, 'event.json'),
  };
  for (const file of [files.output, files.summary, files.env, files.state, files.path])
    writeFileSync(file, '');
  writeFileSync(files.event, JSON.stringify(options.event ?? {}));

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_STATE: files.state,
    GITHUB_PATH: files.path,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_API_URL: options.apiUrl ?? 'https://api.github.com',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'contoso/connectors',
    GITHUB_RUN_ID: '1',
    GITHUB_ACTION: actionName,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    ...options.env,
  };
  for (const [name, spec] of Object.entries(declared)) {
    const value = options.inputs?.[name] ?? spec.default ?? '';
    env[inputEnvName(name)] = value;
  }

  try {
    const { exitCode, signal, stdout, stderr } = await spawnNode(
      main,
      options.workspace,
      env,
      options.timeoutMs ?? 60_000,
      options.onStart,
      options.fileSizeLimitKb,
    );
    const warnings = nodeWarnings(stderr);
    if (warnings.length > 0) {
      throw new Error(
        `The ${actionName} bundle printed Node.js warnings into the job log:\n${warnings.join('\n')}`,
      );
    }
    const commands = parseWorkflowCommands(stdout, stderr);
    return {
      exitCode,
      signal,
      stdout,
      stderr,
      outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
      annotations: commands.annotations,
      masks: commands.masks,
      commands: commands.commands,
      summary: readFileSync(files.summary, 'utf8'),
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function spawnNode(
  main: string,
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
  onStart?: (child: ChildProcess) => void,
  fileSizeLimitKb?: number,
): Promise<{ exitCode: number; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const [command, args] =
      fileSizeLimitKb === undefined
        ? [runnerNodeBinary(), [main]]
        : ['bash', ['-c', `ulimit -f ${fileSizeLimitKb} && exec "$0" "$@"`, runnerNodeBinary(), main]];
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    onStart?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`action did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? 1, signal, stdout, stderr });
    });
  });
}
