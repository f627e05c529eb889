import path from 'node:path';
import { isWithin } from '@connector-alm/core';
import { InputError } from './inputs.js';

/**
 * The folders an action writes to, as real paths (links resolved): the step's workspace, and the
 * runner's temp folder (RUNNER_TEMP, `${{ runner.temp }}` in a workflow), where workflows put files
 * that no commit should hold, such as an exported zip on its way to an import. A file written
 * anywhere else outlives the job on a self-hosted runner, or overwrites something of the runner's;
 * the project writes nothing outside the folders it was given. A local run of a bundle has no
 * temp folder.
 */
export interface WritableFolders {
  workspace: string;
  runnerTemp?: string;
}

/** A path an input names for the action to write, resolved twice: as given, and with links followed. */
export interface OutputPath {
  /** The input's name, as in action.yml. */
  input: string;
  /** The input's value, as the workflow gave it. */
  value: string;
  /** The value resolved against the folder it is relative to, without following links. */
  absolute: string;
  /** Where the action would really write: `absolute` with the links of its existing part followed. */
  real: string;
  /**
   * A symbolic link at or below a writable folder took the path out of it: `absolute` lies in a
   * writable folder, as named or as real, and `real` does not. A link above them all, such as the
   * system's /var -> /private/var on macOS, changes `real` too, but never takes a path out.
   */
  throughLink: boolean;
}

/** The real path of an output lies in the workspace or in the runner's temp folder. */
export function isInWritableFolder(real: string, folders: WritableFolders, paths = path): boolean {
  return [folders.workspace, folders.runnerTemp].some(
    (folder) => folder !== undefined && isWithin(folder, real, paths),
  );
}

/**
 * Whether a link took an output out of the writable folders (OutputPath.throughLink): its path as
 * given lies in one of them, named as the environment names them or as real paths, and its real
 * path lies in none. A path that lies outside them as given is refused for that alone, and a link
 * it meets on the way is no news to the one who wrote it.
 */
export function ledOutByLink(
  absolute: string,
  real: string,
  folders: { named: WritableFolders; real: WritableFolders },
  paths = path,
): boolean {
  const inside = (target: string): boolean =>
    isInWritableFolder(target, folders.named, paths) || isInWritableFolder(target, folders.real, paths);
  return inside(absolute) && !isInWritableFolder(real, folders.real, paths);
}

/**
 * The real path of a path that may not exist yet: the real path of its deepest existing ancestor,
 * then the missing rest as given. Only what exists can be a link, and what the action creates
 * below it is a plain folder or file.
 */
export function realPathBelow(
  absolute: string,
  ancestor: string,
  ancestorReal: string,
  paths = path,
): string {
  return paths.join(ancestorReal, paths.relative(ancestor, absolute));
}

/**
 * The refusal of an output path outside the writable folders: it names the input, the value, where
 * it led (through a link, when a link took it out) and where to write instead. Without a location: a
 * path outside the workspace is nothing GitHub can show an annotation on, and the message names it.
 */
export function outsideWritableFoldersError(
  output: OutputPath,
  folders: WritableFolders,
  paths = path,
): InputError {
  const places = folders.runnerTemp ? "the workspace or the runner's temp folder" : 'the workspace';
  const led = output.throughLink ? 'which a symbolic link leads to' : 'which is';
  const name = paths.basename(output.absolute);
  const hint = folders.runnerTemp
    ? `Use a path inside the workspace (${folders.workspace}), or under runner.temp (${folders.runnerTemp}), such as '\${{ runner.temp }}/${name}'.`
    : `Use a path inside the workspace (${folders.workspace}), such as '${name}'.`;
  return new InputError(
    output.input,
    `must name a place inside ${places}; got '${output.value}', ${led} '${output.real}'. Nothing was written.`,
    `${hint} No '..' or symbolic link may lead out of it.`,
  );
}
