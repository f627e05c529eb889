import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from './run-action.js';
import type { RunJobOptions } from './run-job-options.js';
import type { WorkflowStep } from './workflow-file.js';

/** `owner/repo/actions/<name>@ref` or `./actions/<name>`: one of this repository's actions. */
export function localActionName(uses: string): string | undefined {
  const match = /(?:^\.\/|\/)actions\/([a-z0-9-]+)(?:@.*)?$/.exec(uses);
  if (!match) return undefined;
  return existsSync(path.join(REPO_ROOT, 'actions', match[1]!, 'action.yml')) ? match[1] : undefined;
}

/**
 * Refuses `with:` names the action does not declare: ours from their action.yml, external ones from
 * the names their handler lists (a bare handler function declares none and is not checked).
 */
export function checkStepInputs(step: WorkflowStep, fallbackName: string, options: RunJobOptions): void {
  if (!step.uses) return;
  const name = step.name ?? step.id ?? fallbackName;
  const local = localActionName(step.uses);
  let declared: readonly string[] | undefined;
  let action: string;
  if (local) {
    action = local;
    declared = Object.keys(readActionInputs(local));
  } else {
    action = step.uses.split('@')[0]!;
    const handler = options.externalActions?.[action];
    declared = handler && typeof handler !== 'function' ? handler.inputs : undefined;
  }
  if (!declared) return;
  for (const input of Object.keys(step.with ?? {})) {
    if (!declared.includes(input)) throw new Error(`${action} has no input '${input}' (step '${name}')`);
  }
}

function readActionInputs(action: string): Record<string, unknown> {
  const manifest = parseYaml(readFileSync(path.join(REPO_ROOT, 'actions', action, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, unknown>;
  };
  return manifest.inputs ?? {};
}
