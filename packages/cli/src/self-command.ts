import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isBelow, shellWord } from '@connector-alm/core';

/** The command in lines to paste when it cannot be told better: what the README's quick start runs. */
export const DEFAULT_SELF_COMMAND = 'npx connector-alm';

/**
 * The words that run this CLI again from another shell, for lines to paste (dev-server's banner):
 * `npx connector-alm` where it runs this very installation, in its clone or in a project that depends
 * on it (npm exec runs the project's own bin); elsewhere `node <this script>`. `npx connector-alm`
 * there would run whatever package of that name the npm registry holds (none is published as this
 * project: anyone could publish one), and a CLI run with `npx github:…#v1` has no name npx knows.
 * @param script the script the process was started with (process.argv[1]); none when run in-process
 */
export function selfCommand(
  script: string | undefined,
  cwd: string,
  platform: NodeJS.Platform = process.platform,
): string {
  const file = script && realPath(script);
  if (!file) return DEFAULT_SELF_COMMAND;
  const root = installationRoot(file);
  if (root && localBinRuns(cwd, root)) return DEFAULT_SELF_COMMAND;
  return `node ${shellWord(file, platform)}`;
}

/** The folder of the connector-alm package that holds `file`: the nearest with its package.json. */
function installationRoot(file: string): string | undefined {
  for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
    const manifest = path.join(folder, 'package.json');
    if (existsSync(manifest) && packageName(manifest) === 'connector-alm') return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}

/** Whether `npx connector-alm` in `cwd` runs a bin of the installation at `root`. */
function localBinRuns(cwd: string, root: string): boolean {
  for (let folder = path.resolve(cwd); ; folder = path.dirname(folder)) {
    const bin = realPath(path.join(folder, 'node_modules', '.bin', 'connector-alm'));
    // npm exec takes the nearest project's bin: a bin of another installation there wins.
    if (bin) return isBelow(root, bin);
    if (path.dirname(folder) === folder) return false;
  }
}

function realPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

function packageName(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}
