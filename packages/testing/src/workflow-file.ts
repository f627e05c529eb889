import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Permissions, WorkflowJob } from './workflow-jobs.js';

/** A step of a workflow file, as YAML parses it: what the runner and the reference check read. */
export interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: unknown;
  'continue-on-error'?: boolean;
  'working-directory'?: string;
  shell?: string;
}

export interface Workflow {
  env?: Record<string, unknown>;
  permissions?: Permissions;
  on?: Record<
    string,
    { inputs?: Record<string, { default?: unknown }>; outputs?: Record<string, { value?: unknown }> } | null
  >;
  jobs: Record<string, WorkflowJob & { steps?: WorkflowStep[] }>;
}

export function readWorkflow(workflowFile: string): Workflow {
  return parseYaml(readFileSync(workflowFile, 'utf8')) as Workflow;
}

export function inputDefaults(workflow: Workflow): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const trigger of ['workflow_call', 'workflow_dispatch']) {
    for (const [name, spec] of Object.entries(workflow.on?.[trigger]?.inputs ?? {})) {
      if (spec && 'default' in spec) defaults[name] = spec.default;
    }
  }
  return defaults;
}
