// Types of runner-node.mjs, for the tests that import it.
export function actionRuntime(repositoryRoot?: string): { using: string; major: number };
export function runnerNodePackage(platform?: NodeJS.Platform, arch?: string): string;
export function ensureRunnerNode(
  repositoryRoot?: string,
  env?: Record<string, string | undefined>,
):
  | { binary: string; version: string; missing?: undefined }
  | { missing: string; binary?: undefined; version?: undefined };
