import path from 'node:path';
import { locatedChange, type Change } from '../diff/change.js';
import { CHANGE_RULES } from '../diff/change-rules.js';
import { fileNameReadAs } from '../loader/connector-folder.js';
import { locatedFinding, type Finding } from '../model/finding.js';
import { nameExcerpt } from '../text/message-values.js';
import type { Git } from './git.js';

/** A connector folder of the merge base that the branch deleted, not renamed. */
export interface DeletedConnector {
  /** The folder relative to the repository's top level, `/`-separated, as it was at the merge base. */
  repositoryPath: string;
  /** Its swagger at the merge base, relative to the repository's top level. */
  swaggerPath: string;
}

/**
 * The changed folders gone from the head (`goneFolders`) that the branch deleted: not the source of
 * a rename (a moved folder is compared with its old self), and a connector at the merge base, which
 * it only is with a swagger there: a folder that held a readme alone was no connector that flows
 * could use. In the order of `goneFolders`.
 */
export async function deletedConnectorFolders(
  goneFolders: Iterable<string>,
  renamedFrom: ReadonlyMap<string, string>,
  git: Git,
  mergeBase: string,
): Promise<DeletedConnector[]> {
  const renameSources = new Set(renamedFrom.values());
  const deleted: DeletedConnector[] = [];
  for (const folder of goneFolders) {
    if (folder === '.' || renameSources.has(folder)) continue;
    const files = (await git.listFolder(mergeBase, folder)).filter(
      (entry) => entry.type === 'blob' && path.posix.dirname(entry.path) === folder,
    );
    // The swagger the loader read there: a misnamed one (Contoso.swagger.json), or one only meant as
    // it (swagger.json), made the folder a connector that `validate --base` compared all the same.
    const swagger = fileNameReadAs(
      'swagger',
      files.map((entry) => path.posix.basename(entry.path)),
    );
    if (swagger !== undefined) deleted.push({ repositoryPath: folder, swaggerPath: `${folder}/${swagger}` });
  }
  return deleted;
}

/**
 * The deletion as a change of the connector: located at the root of its swagger at the merge base,
 * named `<commit>:<path>` as the base version's files of other deletions are.
 */
export function connectorDeletedChange(deleted: DeletedConnector, mergeBase: string): Change {
  const rule = CHANGE_RULES.connectorDeleted;
  return locatedChange({
    ruleId: rule.id,
    severity: rule.severity,
    message: [rule.message, rule.advice].filter(Boolean).join(' '),
    advice: rule.advice,
    file: `${mergeBase.slice(0, 12)}:${deleted.swaggerPath}`,
    pointer: '',
    line: 1,
    column: 1,
    side: 'old',
    impact: rule.impact,
  });
}

/**
 * The deletion as a finding on the folder itself (`folder`: as reachable from the working directory),
 * as the repository rules report a folder: no file of it is left for a line, an annotation or a code
 * scanning alert to point at, so the message names the base version's swagger.
 */
export function connectorDeletedFinding(change: Change, folder: string): Finding {
  return locatedFinding({
    ruleId: change.ruleId,
    severity: change.severity,
    // The path as a name excerpt: a folder's name may hold a line feed.
    message: `${change.message} (In the base version: ${nameExcerpt(change.file)}.)`,
    file: folder,
    line: 1,
    column: 1,
    connector: folder,
    baseline: 'new',
  });
}
