import { runActionBundle, type ActionRun, type RunActionOptions } from '@connector-alm/testing';

/** Runs the bundle of `action` as the runner does, in the workspace given, with the inputs given. */
export function actionRunner(
  action: string,
): (workspace: string, inputs: Record<string, string>) => Promise<ActionRun> {
  return actionRunnerWith(action, {});
}

/** As actionRunner, with more of the runner's options (a timeout, a hook on the started process). */
export function actionRunnerWith(
  action: string,
  options: Omit<RunActionOptions, 'workspace' | 'inputs'>,
): (workspace: string, inputs: Record<string, string>) => Promise<ActionRun> {
  return (workspace, inputs) => runActionBundle(action, { ...options, workspace, inputs });
}
