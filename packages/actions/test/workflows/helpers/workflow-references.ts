import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { WorkflowStep } from '@connector-alm/testing';
import { scriptExpressionProblem } from './workflow-security.js';

/**
 * What a reusable workflow refers to, checked against what is there, without running anything: the
 * actions its steps use (and their inputs and outputs in action.yml), the step, job, input, secret and
 * env names its expressions read, and the permissions its jobs ask for. Each problem is one line naming
 * the workflow's job and step; no problem, an empty list.
 */

type Permissions = string | Record<string, string> | undefined;

interface Job {
  environment?: unknown;
  permissions?: Permissions;
  env?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  needs?: string | string[];
  steps?: WorkflowStep[];
}

interface Workflow {
  on?: { workflow_call?: WorkflowCall } & Record<string, unknown>;
  env?: Record<string, unknown>;
  permissions?: Permissions;
  jobs: Record<string, Job>;
}

interface WorkflowCall {
  inputs?: Record<string, unknown>;
  secrets?: Record<string, unknown>;
  outputs?: Record<string, { value?: string }>;
}

interface ActionManifest {
  inputs?: Record<string, { required?: boolean; default?: unknown }>;
  outputs?: Record<string, unknown>;
}

/** This repository's actions, as the workflows that users copy name them. */
const OWN_ACTION = /^connector-alm\/connector-alm\/actions\/([a-z0-9-]+)@(.+)$/;
/** An action of another owner, pinned to a commit so that a moved tag cannot change what runs. */
const PINNED = /^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40}$/;

/**
 * Outputs of the other owners' actions the workflows read, as their action.yml at the pinned commit
 * declares them. A workflow that reads another output, or pins another action, must be checked by hand
 * and added here.
 */
const EXTERNAL_OUTPUTS: Record<string, readonly string[]> = {
  'peter-evans/create-pull-request': [
    'pull-request-number',
    'pull-request-url',
    'pull-request-operation',
    'pull-request-head-sha',
    'pull-request-branch',
  ],
};

/**
 * The permissions each action needs of GITHUB_TOKEN. A job must ask for exactly what its steps need
 * together: more is a token that can do more than the job, less is a step that fails.
 */
const NEEDED_PERMISSIONS: Record<string, Record<string, 'read' | 'write'>> = {
  'actions/checkout': { contents: 'read' },
  // Dataverse sign-in with GitHub OIDC when no client secret or certificate is given.
  'export-solution': { 'id-token': 'write' },
  'import-solution': { 'id-token': 'write' },
  // Commits and pushes the branch, opens or updates the pull request.
  'peter-evans/create-pull-request': { contents: 'write', 'pull-requests': 'write' },
  // actions: read lets it read the workflow run, which a private repository does not show without it.
  'github/codeql-action/upload-sarif': { 'security-events': 'write', actions: 'read' },
};

const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 };

export interface ReferenceCheckOptions {
  /** The folder holding actions/<name>/action.yml and packages/actions/src/<name>/. */
  repositoryRoot: string;
}

export function workflowReferenceProblems(workflowFile: string, options: ReferenceCheckOptions): string[] {
  const workflow = parseYaml(readFileSync(workflowFile, 'utf8')) as Workflow;
  const call = workflow.on?.workflow_call ?? {};
  const problems: string[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs)) {
    problems.push(...jobProblems(workflow, call, job, options).map((problem) => `${jobId}: ${problem}`));
  }
  for (const [name, output] of Object.entries(call.outputs ?? {})) {
    for (const [, jobId, outputName] of references(
      output.value,
      /(?<![\w.-])jobs\.([\w-]+)\.outputs\.([\w-]+)/g,
    )) {
      const job = workflow.jobs[jobId!];
      if (!job) problems.push(`output ${name}: reads job '${jobId}', which the workflow does not have`);
      else if (!(outputName! in (job.outputs ?? {})))
        problems.push(`output ${name}: job '${jobId}' has no output '${outputName}'`);
    }
  }
  return problems;
}

function jobProblems(
  workflow: Workflow,
  call: WorkflowCall,
  job: Job,
  options: ReferenceCheckOptions,
): string[] {
  const problems: string[] = [];
  const steps = job.steps ?? [];
  const env = new Set([...Object.keys(workflow.env ?? {}), ...Object.keys(job.env ?? {})]);
  const needs = Array.isArray(job.needs) ? job.needs : job.needs ? [job.needs] : [];

  // Names every part of the job may read.
  const checkNames = (where: string, value: unknown, stepsBefore: readonly WorkflowStep[], stepEnv = {}) => {
    const known = new Set([...env, ...Object.keys(stepEnv)]);
    for (const [, name] of references(value, /(?<![\w.-])inputs\.([\w-]+)/g))
      if (!(name! in (call.inputs ?? {})))
        problems.push(`${where}: reads inputs.${name}, which is not declared`);
    for (const [, name] of references(value, /(?<![\w.-])secrets\.([\w-]+)/g))
      // A job with an environment reads that environment's secrets, which no caller passes.
      if (name !== 'GITHUB_TOKEN' && job.environment === undefined && !(name! in (call.secrets ?? {})))
        problems.push(`${where}: reads secrets.${name}, which is not declared`);
    for (const [, name] of references(value, /(?<![\w.-])env\.([\w-]+)/g))
      if (!known.has(name!)) problems.push(`${where}: reads env.${name}, which the job does not set`);
    for (const [, need, output] of references(value, /(?<![\w.-])needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (!needs.includes(need!)) problems.push(`${where}: reads needs.${need}, which the job does not need`);
      else if (!(output! in (workflow.jobs[need!]?.outputs ?? {})))
        problems.push(`${where}: job '${need}' has no output '${output}'`);
    }
    for (const [, stepId, output] of references(value, /(?<![\w.-])steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const step = stepsBefore.find((candidate) => candidate.id === stepId);
      if (!step) problems.push(`${where}: reads steps.${stepId}, which is no step before it`);
      else {
        if (!stepOutputs(step, options).includes(output!))
          problems.push(`${where}: step '${stepId}' has no output '${output}'`);
      }
    }
  };

  for (const [index, step] of steps.entries()) {
    const where = `step '${step.id ?? step.name ?? step.uses ?? index + 1}'`;
    const { run, ...rest } = step;
    checkNames(where, rest, steps.slice(0, index), step.env);
    if (run !== undefined) {
      checkNames(where, run, steps.slice(0, index), step.env);
      // The runner writes an expression's value into the script before bash reads it: a value with a
      // quote or $( in it runs as code, and a secret lands in the script's text. Values go through env.
      const problem = scriptExpressionProblem(run);
      if (problem) problems.push(`${where}: ${problem}`);
    }
    if (step.uses) problems.push(...usesProblems(step, options).map((problem) => `${where}: ${problem}`));
  }
  checkNames('outputs', job.outputs, steps);
  problems.push(...permissionProblems(job, workflow.permissions));
  return problems;
}

function usesProblems(step: WorkflowStep, options: ReferenceCheckOptions): string[] {
  const own = OWN_ACTION.exec(step.uses!);
  if (!own) {
    if (step.uses!.startsWith('./')) return [`uses a path inside the caller's repository: ${step.uses}`];
    return PINNED.test(step.uses!) ? [] : [`${step.uses} is not pinned to a full commit SHA`];
  }
  const [, name, ref] = own;
  if (ref !== 'v1') return [`uses ${name}@${ref}; the workflows of this release use @v1`];
  const manifest = readManifest(name!, options);
  if (!manifest) return [`uses actions/${name}, which has no action.yml`];
  const inputs = manifest.inputs ?? {};
  const given = Object.keys(step.with ?? {});
  const problems = given
    .filter((input) => !(input in inputs))
    .map((input) => `${name} has no input '${input}'`);
  for (const [input, spec] of Object.entries(inputs)) {
    if (spec.required && spec.default === undefined && !given.includes(input))
      problems.push(`${name} needs the input '${input}', which the step does not give`);
  }
  return problems;
}

/** The outputs a step can set: its action's declared outputs, or what its script writes. */
function stepOutputs(step: WorkflowStep, options: ReferenceCheckOptions): string[] {
  if (step.run !== undefined) {
    // `name=value` or a `name<<DELIMITER` block, as the script appends them to $GITHUB_OUTPUT.
    return [...step.run.matchAll(/^\s*echo\s+["']?([\w-]+)(?:=|<<)/gm)].map((match) => match[1]!);
  }
  const own = OWN_ACTION.exec(step.uses ?? '');
  if (own) return Object.keys(readManifest(own[1]!, options)?.outputs ?? {});
  return [...(EXTERNAL_OUTPUTS[actionKey(step.uses ?? '')] ?? [])];
}

function permissionProblems(job: Job, workflowPermissions: Permissions): string[] {
  if (job.steps === undefined) return [];
  if (typeof job.permissions !== 'object') {
    return [
      `has no permissions of its own, so it gets ${JSON.stringify(workflowPermissions ?? 'the repository default')}`,
    ];
  }
  const needed: Record<string, string> = {};
  for (const step of job.steps) {
    const own = OWN_ACTION.exec(step.uses ?? '');
    const key = own ? own[1]! : actionKey(step.uses ?? '');
    for (const [scope, level] of Object.entries(NEEDED_PERMISSIONS[key] ?? {})) {
      if ((LEVEL[level] ?? 0) > (LEVEL[needed[scope] ?? 'none'] ?? 0)) needed[scope] = level;
    }
  }
  const granted = job.permissions;
  const problems: string[] = [];
  for (const scope of new Set([...Object.keys(needed), ...Object.keys(granted)])) {
    const want = needed[scope] ?? 'none';
    const have = granted[scope] ?? 'none';
    if (want !== have) problems.push(`permissions: ${scope} is ${have}; its steps need ${want}`);
  }
  return problems;
}

/** `owner/repo/path@ref` → `owner/repo/path`. */
function actionKey(uses: string): string {
  return uses.replace(/@.*$/, '');
}

function readManifest(name: string, options: ReferenceCheckOptions): ActionManifest | undefined {
  const file = path.join(options.repositoryRoot, 'actions', name, 'action.yml');
  return existsSync(file) ? (parseYaml(readFileSync(file, 'utf8')) as ActionManifest) : undefined;
}

/** Every match of `pattern` in the expressions (`${{ … }}`) of a value and the values inside it. */
function references(value: unknown, pattern: RegExp): RegExpMatchArray[] {
  return expressionsIn(value).flatMap((expression) => [...expression.matchAll(pattern)]);
}

function expressionsIn(value: unknown): string[] {
  if (typeof value === 'string')
    return [...value.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((match) => match[1]!);
  if (Array.isArray(value)) return value.flatMap(expressionsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(expressionsIn);
  return [];
}

/**
 * The names each of this repository's actions sets with core.setOutput, read from its source: an
 * output that action.yml declares and the code never sets reads as empty in every workflow.
 */
export function outputsSetBySource(name: string, options: ReferenceCheckOptions): string[] {
  const folder = path.join(options.repositoryRoot, 'packages/actions/src', name);
  const names = new Set<string>();
  for (const file of readdirSync(folder)) {
    const full = path.join(folder, file);
    if (!statSync(full).isFile() || !file.endsWith('.ts')) continue;
    for (const match of readFileSync(full, 'utf8').matchAll(/setOutput\(\s*'([\w-]+)'/g))
      names.add(match[1]!);
  }
  return [...names].sort();
}
