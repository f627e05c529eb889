import path from 'node:path';
import { UsageError } from '@connector-alm/core';
import { connectorFileAt } from '@connector-alm/validator';

/**
 * Refuses, before anything is fixed or validated, an -o path that names a connector's own file (its
 * swagger, apiProperties.json, readme.md, …; connectorFileAt): the report was written over it, exit 0.
 * A slip of the shell's completion (`-o "$DIR"/apiDefinition.swagger.json`) that nothing undoes. A
 * new file beside the connector's is the maker's choice, and is written.
 */
export function refuseReportOverConnectorFile(output: string | undefined, cwd: string): void {
  if (output === undefined) return;
  const file = connectorFileAt(path.resolve(cwd, output));
  if (file === undefined) return;
  throw new UsageError(
    `is the ${file.name} of ${connectorShown(file.folder, cwd)}; the report would be written over it.`,
    {
      location: { file: output },
      hint: 'Give -o the path of a report file of its own, e.g. report.sarif.',
    },
  );
}

/** The connector's folder as the maker reaches it from the working directory: relative below it, else absolute. */
function connectorShown(folder: string, cwd: string): string {
  const relative = path.relative(cwd, folder);
  if (relative === '') return 'the connector here';
  return `the connector in ${relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative}`;
}
