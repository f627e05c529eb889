import type { Notification } from 'sarif';
import { ignoredFolderNote, type IgnoredFolder } from '../config/ignored-folders.js';
import { artifactUri, type PathBase } from './artifact-path.js';
import { sarifArtifactLocation } from './sarif-results.js';

/** The id of the notification that names a folder asked for that the configuration's `ignore` skips. */
export const FOLDER_IGNORED_ID = 'connector-alm/folder-ignored';

/**
 * The run's notification for a folder asked for that `ignore` skipped, as the CLI's `note:` on stderr
 * and the action's notice say it: a SARIF upload of "0 connectors" otherwise holds no word of why.
 * Located on the folder, then on the pattern's line in the configuration file.
 */
export function ignoredFolderNotification(ignored: IgnoredFolder, base: PathBase): Notification {
  const pattern = {
    physicalLocation: {
      artifactLocation: sarifArtifactLocation(artifactUri(ignored.file, base)),
      ...(ignored.line !== undefined && { region: { startLine: ignored.line } }),
    },
  };
  return {
    descriptor: { id: FOLDER_IGNORED_ID },
    level: 'note',
    message: { text: ignoredFolderNote(ignored) },
    locations: [
      // A folder has no region, as a folder finding's result has none.
      { physicalLocation: { artifactLocation: sarifArtifactLocation(artifactUri(ignored.path, base)) } },
      pattern,
    ],
  };
}
