import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '@connector-alm/core';
import { isConnectorFolderListing, kindOfFileName } from '@connector-alm/validator';

/**
 * Refuses, before anything is fixed or validated, an -o path that names a connector's own file (its
 * swagger, apiProperties.json, readme.md, …, in a folder that holds a connector): the report was
 * written over it, exit 0, and the next run found "not a JSON value" where the definition had been.
 * A slip of the shell's completion (`-o "$DIR"/apiDefinition.swagger.json`) that nothing undoes.
 * Followed through links, as the write would be. A new file beside the connector's is the maker's
 * choice, and is written.
 */
export function refuseReportOverConnectorFile(output: string | undefined, cwd: string): void {
  if (output === undefined) return;
  const written = realFileAt(path.resolve(cwd, output));
  if (written === undefined || kindOfFileName(path.basename(written)) === undefined) return;
  if (!isConnectorFolderListing(namesIn(path.dirname(written)))) return;
  throw new UsageError(
    `is the ${path.basename(written)} of ${connectorShown(path.dirname(written), cwd)}; the report would be written over it.`,
    {
      location: { file: output },
      hint: 'Give -o the path of a report file of its own, e.g. report.sarif.',
    },
  );
}

/** The real path of the file at `target`, links followed; undefined where no file is there. */
function realFileAt(target: string): string | undefined {
  try {
    const real = realpathSync(target);
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/** The connector's folder as the maker reaches it from the working directory: relative below it, else absolute. */
function connectorShown(folder: string, cwd: string): string {
  const relative = path.relative(cwd, folder);
  if (relative === '') return 'the connector here';
  return `the connector in ${relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative}`;
}
