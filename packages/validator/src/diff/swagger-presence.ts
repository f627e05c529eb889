import type { ConnectorVersion } from './connector-version.js';
import { CHANGE_RULES } from './change-rules.js';
import type { RawChange } from './raw-change.js';

/**
 * The swagger of the base version only, as one breaking change of the file. Compared with an empty
 * object, each operation read as deleted and the host, base path and schemes as changed "to nothing",
 * beside REPO-REQUIRED-FILES's error on the folder; and the sign-in and policies, which the swagger
 * decides with apiProperties.json, as changed too. With no swagger there is no connector to compare:
 * nothing else of the file is listed, nor the sign-in nor the policies. Undefined when the new version
 * has a swagger, or neither has one. A base version without a swagger is no connector flows could
 * use: `validate --base` takes the connector for a new one (compare-with-base.ts), and `diff` refuses
 * such a folder (diff-paths.ts).
 */
export function swaggerDeletion(before: ConnectorVersion, after: ConnectorVersion): RawChange | undefined {
  if (before.swagger === undefined || after.swagger !== undefined) return undefined;
  return { rule: CHANGE_RULES.swaggerDeleted, file: 'swagger', side: 'old', pointer: '' };
}
