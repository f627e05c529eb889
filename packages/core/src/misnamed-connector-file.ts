import {
  intendedConnectorFileName,
  isMisnamedSwagger,
  CONNECTOR_FILE_NAMES,
  type ConnectorFileName,
} from './connector-file-names.js';
import { editorLeftover } from './editor-leftovers.js';
import { UserError } from './errors.js';
import { joinedList } from './joined-list.js';
import { printable } from './printable.js';

/**
 * The names among a folder's file names plainly meant to be `canonical`, which the folder lacks: a
 * misspelled name (apiDefination.swagger.json, apiProperty.json), any other `X.swagger.json`, or a
 * swagger under the name an editor gives it (openapidefinition.json, swagger.json), as the
 * validator's REPO-FILENAMES tells them. Sorted. `names` are file names, not folders.
 * Not a backup or lock file an editor, git or Office left (`apiDefinition.swagger.json.bak`,
 * `~$apiDefinition.swagger.json`): REPO-FILENAMES says to remove those, and renamed into place as
 * advised, a stale backup or a lock file would become the connector's file.
 */
export function namesMeantAs(canonical: string, names: readonly string[]): string[] {
  return [...names]
    .sort()
    .filter(
      (name) =>
        (canonical === CONNECTOR_FILE_NAMES.swagger &&
          isMisnamedSwagger(name) &&
          editorLeftover(name) === undefined) ||
        meantConnectorFileName(name, true) === canonical,
    );
}

/**
 * The connector file a name is plainly meant as (intendedConnectorFileName), unless it is a backup or
 * lock file an editor, git or Office left (`apiProperties.json.bak`, `~$readme.md`): that is a stale
 * copy to remove, and taken for the file (renamed into place, or read as it) it would stand for a
 * file it no longer is. The one reading for the validator's loader and for the commands that refuse
 * a folder whose swagger is misnamed.
 */
export function meantConnectorFileName(name: string, hasScript: boolean): ConnectorFileName | undefined {
  return editorLeftover(name) === undefined ? intendedConnectorFileName(name, hasScript) : undefined;
}

/**
 * The refusal of a folder without `canonical` that has a file meant to be it: the maker renames it,
 * and nothing is wrong with the path given. A content error (exit code 1), as a connector folder
 * that lacks a part is (docs/cli.md, Exit codes); build-solution and pr say it alike.
 */
export function misnamedFileError(folder: string, canonical: string, misnamed: readonly string[]): UserError {
  const has = joinedList(
    misnamed.map((name) => printable(name)),
    { quote: "'" },
  );
  return new UserError(`has no ${canonical}, but has ${has}.`, {
    location: { file: folder },
    hint:
      misnamed.length === 1
        ? `Rename it to ${canonical}.`
        : `Rename the one that is the connector's to ${canonical}.`,
  });
}
