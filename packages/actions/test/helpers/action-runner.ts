import { runActionBundle, type ActionRun } from '@connector-alm/testing';

/** Runs the bundle of `action` as the runner does, in the workspace given, with the inputs given. */
export function actionRunner(
  action: string,
): (workspace: string, inputs: Record<string, string>) => Promise<ActionRun> {
  return (workspace, inputs) => runActionBundle(action, { workspace, inputs });
}
