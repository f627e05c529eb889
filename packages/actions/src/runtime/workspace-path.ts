import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  BACKSLASH_PATH_HINT,
  backslashPathToWriteMessage,
  isWithin,
  linkedNewFile,
  refuseBlockedOutputPath,
  slashedPathToWrite,
  withSlashes,
  writeFailure,
} from '@connector-alm/core';
import { InputError } from './inputs.js';
import { readRefusedHint } from './read-refused-input.js';
import {
  isInWritableFolder,
  ledOutByLink,
  outsideWritableFoldersError,
  realPathBelow,
  type WritableFolders,
} from './writable-folders.js';

/** The step's workspace: GITHUB_WORKSPACE, or the current folder when a bundle runs locally. */
export function workspaceFolder(): string {
  return process.env.GITHUB_WORKSPACE || process.cwd();
}

/**
 * Where a path that an input names really is, when it stays inside the workspace; undefined when it
 * leads out: by `..`, as an absolute path elsewhere (or on another drive), or through a symbolic
 * link in the workspace. The path need not exist yet: its deepest existing folder is resolved.
 * A lexical check alone let `reports -> /tmp/elsewhere` carry a report out of the workspace.
 * A path the file system refuses to look at (a name longer than it allows) is an error of `input`.
 */
export async function realPathInsideWorkspace(
  input: string,
  workspace: string,
  given: string,
): Promise<string | undefined> {
  const root = await fs.realpath(workspace);
  const real = await realPathOfNew(path.resolve(workspace, given)).catch((error: unknown) => {
    throw pathRefusedError(input, error, 'read');
  });
  return isWithin(root, real) ? real : undefined;
}

/**
 * Refuses an input that names a file or folder for the action to write, unless its real path lies
 * in the workspace or in the runner's temp folder (writable-folders.ts). Every action calls it for
 * each such input before it writes anything or sends a request: an export refused after it signed
 * in and waited minutes for the zip wastes the wait. Returns the real path, to write to.
 * `absolute` is the value resolved against the folder it is relative to (the workspace, or
 * working-directory). A path that runs through a file is refused here too, located at the file.
 * A path that is a link to a file not there yet is checked, and returned, as where the link leads:
 * the write creates that file, and workflows link a report into runner.temp so. A `folder` output
 * that is a link to a folder not there yet is refused: mkdir cannot make a folder through a link.
 * So is a value whose new part separates folders with `\` on Linux or macOS (`solutions\Contoso`),
 * which would make one folder of that name, and an output (`folder`) with the `\` in it.
 */
export async function requireWritableOutput(
  input: string,
  value: string,
  absolute: string,
  kind: 'file' | 'folder' = 'file',
): Promise<string> {
  // Said of the input, with its value in `/` form: refuseBlockedOutputPath would name the absolute path.
  if (slashedPathToWrite(absolute) !== undefined)
    throw new InputError(
      input,
      backslashPathToWriteMessage(withSlashes(value) ?? value),
      BACKSLASH_PATH_HINT,
    );
  const named = namedWritableFolders();
  const folders = await realWritableFolders(named);
  // A link to a file not there yet is checked as where the write creates that file (linkedNewFile):
  // taking the link's own path let the write create a file wherever it pointed, outside the
  // workspace included. What exists realpath follows; a link round in a loop is refused below.
  const real = await realPathOfNew(linkedNewFile(absolute)).catch((error: unknown) => {
    throw pathRefusedError(input, error, 'written');
  });
  if (!isInWritableFolder(real, folders)) {
    const throughLink = ledOutByLink(absolute, real, { named, real: folders });
    throw outsideWritableFoldersError({ input, value, absolute, real, throughLink }, folders);
  }
  // A file where the path needs a folder (sarif-file: README.md/x.sarif) failed only at the write:
  // after the validation or the export it waited for, and in validate-connector as an unexpected error.
  // So did a link at the end that leads nowhere (round in a loop, into a missing folder), which
  // realPathOfNew resolves as a file not there yet. A link to a file not there yet, in a folder that
  // is, passes: where it leads was checked above.
  refuseBlockedOutputPath(absolute, {
    throughFileHint: `Give '${input}' a path that runs through folders only, or move the file out of the way.`,
    brokenLinkHint: `Give '${input}' the path of a file or folder to write, or remove the link.`,
    newTarget: kind === 'folder' ? 'refused' : 'created',
  });
  return real;
}

/**
 * The file system's refusal to look at a path an input names, said at the input: every error of a
 * system call (writeFailure), a name longer than it allows and no permission to a folder on the way in
 * words, any other with its code (EIO), since what refused is the path or the machine, not this
 * code. Only an error that no system call gave, a bug of ours, is returned as it was. Node's own
 * message, at the whole path, failed the step "unexpectedly" and asked for a bug report.
 */
function pathRefusedError(input: string, error: unknown, use: 'read' | 'written'): unknown {
  const failure = writeFailure(error);
  if (failure === undefined) return error;
  const code = (error as NodeJS.ErrnoException).code;
  // writeFailure's hints are for a write: a long name's is an unpacked zip's ("zip the files again"),
  // and "a folder you can write to" does not help a path that is only read.
  const hint =
    use === 'written' && code !== 'ENAMETOOLONG' ? failure.hint : readRefusedHint(input, code ?? '');
  return new InputError(input, `cannot be ${use}: ${failure.reason} (${code}).`, hint);
}

/** The writable folders as the environment names them, links not followed. */
function namedWritableFolders(): WritableFolders {
  const runnerTemp = process.env.RUNNER_TEMP;
  return {
    workspace: path.resolve(workspaceFolder()),
    ...(runnerTemp ? { runnerTemp: path.resolve(runnerTemp) } : {}),
  };
}

async function realWritableFolders(named: WritableFolders): Promise<WritableFolders> {
  return {
    workspace: await realPathOfNew(named.workspace),
    ...(named.runnerTemp ? { runnerTemp: await realPathOfNew(named.runnerTemp) } : {}),
  };
}

/** The real path of a file that may not exist yet: its deepest existing ancestor, resolved, plus the rest. */
async function realPathOfNew(absolute: string): Promise<string> {
  let current = absolute;
  for (;;) {
    try {
      return realPathBelow(absolute, current, await fs.realpath(current));
    } catch (error) {
      const parent = path.dirname(current);
      // ENOTDIR: a file stands where a folder is named; ELOOP: a link leads round in a loop. Its
      // parent is resolved instead, and fileInTheWay names what is in the way.
      const missing = ['ENOENT', 'ENOTDIR', 'ELOOP'].includes((error as NodeJS.ErrnoException).code ?? '');
      if (!missing || parent === current) throw error;
      current = parent;
    }
  }
}
