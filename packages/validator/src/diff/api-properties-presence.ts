import type { JsonDocument } from '../json/json-document.js';
import { asObject } from '../swagger/json-values.js';
import { CHANGE_RULES } from './change-rules.js';
import type { RawChange } from './raw-change.js';

/**
 * apiProperties.json in one version only, as one change for the file. Compared with an empty object,
 * as before, each of its properties read as edited ("Edited: iconBrandColor", "Changed:
 * capabilities"), located in the one file there is, as if the other version had held other values.
 * Deleted, it is breaking, as `validate` says of a folder without it (REPO-REQUIRED-FILES, an error in
 * every profile); added, it is a major update, all of it new. What it decides with the swagger, the
 * sign-in and where requests go, is still compared (auth-diff, policy-reroute-diff). An added file
 * that holds no JSON object is CHG-UNCOMPARABLE's, which tells nothing else of it; undefined then,
 * and when both versions, or neither, have the file.
 */
export function apiPropertiesInOneVersion(
  before: JsonDocument | undefined,
  after: JsonDocument | undefined,
): RawChange | undefined {
  if (before && !after) {
    return { rule: CHANGE_RULES.apiPropertiesDeleted, file: 'apiProperties', side: 'old', pointer: '' };
  }
  if (!before && after && asObject(after.value)) {
    return {
      rule: CHANGE_RULES.other,
      file: 'apiProperties',
      side: 'new',
      pointer: '',
      detail:
        'The file apiProperties.json has been added: the base version has none, so all it holds is new.',
    };
  }
  return undefined;
}
