import path from 'node:path';
import { slashSeparated } from '@connector-alm/core';
import { CANONICAL_NAMES, loadConnectorFolder, type GitIgnoredOf } from '../loader/connector-folder.js';
import { compareFindings, type Finding, type Profile } from '../model/finding.js';
import { compareWithBaseline, markAllNew } from '../diff/baseline.js';
import { classifyChanges, type Change, type DiffResult } from '../diff/change.js';
import { CHANGE_RULES } from '../diff/change-rules.js';
import { diffConnectorFiles } from '../diff/connector-diff.js';
import { connectorVersion, type ConnectorVersion } from '../diff/connector-version.js';
import { reportsMissingFile } from '../rules/folder.js';
import { resolveProfile, validateFolder } from '../validate.js';
import { ALL_RULES } from '../rules/index.js';
import { DEFAULT_CONFIG, type ValidatorConfig } from '../config/config-types.js';
import { folderSettings } from '../config/folder-settings.js';
import type { ConnectorResult } from '../connector-result.js';
import type { BaseValidationOptions } from './base-validation.js';
import { changeToFinding } from './change-finding.js';
import { fixedInBase } from './fixed-findings.js';
import { fixedOfJudgedFiles } from './unjudged-files.js';
import { placeKeptIn } from './place-kept.js';
import type { Git } from './git.js';
import { materializeFirstFolder } from './materialize.js';
import { toRepositoryPath } from './repository-paths.js';

/**
 * A connector the branch changed, compared with its version at the merge base (or at the folder it
 * was renamed from): its findings marked `new` or `existing`, the base's that none matches (`fixed`),
 * and its BRK-* changes added as findings,
 * unless one of its findings already reports the change (`reportedAs` pairs each with its finding);
 * `added` when the merge base has no such folder, or one without a swagger (no connector flows used).
 */
export async function compareWithBase(
  connector: ConnectorResult,
  repositoryPath: string,
  renamedFrom: string | undefined,
  git: Git,
  mergeBase: string,
  options: BaseValidationOptions,
  cwd: string,
  /** What git ignores in the folder, which the change does not hold, as its validation left out. */
  gitIgnored?: GitIgnoredOf,
): Promise<{
  status: 'changed' | 'added';
  /** The connector is `added` though its folder is at the merge base, without a swagger there. */
  baseHadNoSwagger?: true;
  findings: Finding[];
  /** The base findings that no finding matches now, told in the base version (`fixedInBase`); for `changed`. */
  fixed?: Finding[];
  diff?: DiffResult;
  basePath?: string;
  reportedAs?: ReadonlyMap<Change, Finding>;
}> {
  // The folder where it is; where it was, when the branch moved it there.
  const found = await materializeFirstFolder(
    git,
    mergeBase,
    renamedFrom === undefined ? [repositoryPath] : [repositoryPath, renamedFrom],
  );
  if (!found) return { status: 'added', findings: markAllNew(connector.findings) };
  const { place: basePath, folder: base } = found;
  try {
    const baseFolder = await loadConnectorFolder(base.path, base.root);
    // Compared with it, every operation read as added and the host as changed from nothing, a
    // breaking change; but no connector is made without a swagger, so no flow used that version.
    if (!baseFolder.files.swagger) {
      return { status: 'added', findings: markAllNew(connector.findings), baseHadNoSwagger: true };
    }
    // The same profile and rule levels as the current version: the comparison is about the change,
    // not the rules. The base version is where git put it, a temporary folder that the overrides'
    // globs do not name, so it is given the levels of the folder it is the base of.
    const config = options.config ?? DEFAULT_CONFIG;
    const overrides = folderSettings(path.resolve(cwd, connector.path), config).rules;
    const profile = await baseProfile(connector, repositoryPath, basePath, git, options, config);
    const baseResult = await validateFolder(
      base.path,
      { ...options, profile, onConnector: undefined },
      { ...DEFAULT_CONFIG, rules: overrides },
      base.root,
    );
    const currentFolder = await loadConnectorFolder(connector.path, cwd, gitIgnored);
    const compared = compareWithBaseline(connector.findings, baseResult.findings, placeKeptIn(currentFolder));
    const marked = compared.findings;
    const current = connectorVersion(currentFolder);
    const engine = { profile, rules: options.rules ?? ALL_RULES, overrides };
    const fixed = fixedOfJudgedFiles(compared.fixed, { base: baseFolder, current: currentFolder }, engine)
      .map((finding) => fixedInBase(finding, connector.path, mergeBase, basePath))
      .sort(compareFindings);
    const previous = relabel(
      connectorVersion(baseFolder),
      toRepositoryPath(base.root, base.path) ?? basePath,
      `${mergeBase.slice(0, 12)}:${basePath === '.' ? '' : `${basePath}/`}`,
    );
    const diff = withoutCurrentSyntaxErrors(diffConnectorFiles(previous, current));
    const reportedAs = new Map<Change, Finding>();
    const added: Finding[] = [];
    // BRK-* changes are reported as findings: the breaking ones and the process slips.
    for (const change of diff.changes.filter(({ ruleId }) => ruleId.startsWith('BRK-'))) {
      const reported = alreadyReported(change, marked);
      const finding = reported ?? changeToFinding(change, connector, current, previous);
      reportedAs.set(change, finding);
      if (!reported) added.push(finding);
    }
    const findings = [...marked, ...added].sort(compareFindings);
    return { status: 'changed', findings, fixed, diff, basePath, reportedAs };
  } finally {
    await base.cleanup();
  }
}

/**
 * The profile the base version is judged by: the current version's, but for a connector the branch
 * moved from another tree (from independent-publisher-connectors to certified-connectors, as its
 * service owner takes it over), whose base is judged by the rules of the place it was. Judged by the
 * new place's rules, the findings of the move (a certified readme's Publisher section) were the
 * base's, "existing", and `--only-new` hid them.
 */
async function baseProfile(
  connector: ConnectorResult,
  repositoryPath: string,
  basePath: string,
  git: Git,
  options: BaseValidationOptions,
  config: ValidatorConfig,
): Promise<Profile> {
  if (basePath === repositoryPath || options.profile !== undefined) return connector.profile;
  return resolveProfile(path.join(await git.topLevel(), basePath), undefined, config);
}

/**
 * The finding of this run that already reports the change, if any. A deleted apiProperties.json or
 * swagger is REPO-REQUIRED-FILES's report of the folder without it, and a second error would say the
 * same of the same folder; but only when the rule reported it: a configuration can turn the rule off,
 * and the deletion must be a finding still. Paired with the change, the finding is listed once with it (the
 * job summary), and the breaking changes counted are the findings that report them.
 */
function alreadyReported(change: Change, findings: readonly Finding[]): Finding | undefined {
  const file = DELETED_FILES.get(change.ruleId);
  if (file === undefined) return undefined;
  return findings.find((finding) => reportsMissingFile(finding, file));
}

/** The changes that delete a file REPO-REQUIRED-FILES requires, each with the file's name. */
const DELETED_FILES: ReadonlyMap<string, string> = new Map([
  [CHANGE_RULES.apiPropertiesDeleted.id, CANONICAL_NAMES.apiProperties],
  [CHANGE_RULES.swaggerDeleted.id, CANONICAL_NAMES.swagger],
]);

/**
 * The diff without the current version's new JSON syntax errors (the breaking ones): its GEN-JSON-PARSE
 * findings report them, and the job summary would list them twice. The base version's stay, and
 * those both versions have (major, told in the current version): nothing else says that the
 * comparison read a base that does not parse, and the classification is `diff`'s.
 */
export function withoutCurrentSyntaxErrors(diff: DiffResult): DiffResult {
  const changes = diff.changes.filter(
    (change) => !(change.ruleId === CHANGE_RULES.jsonSyntax.id && change.side === 'new' && change.breaking),
  );
  if (changes.length === diff.changes.length) return diff;
  return { changes, classification: classifyChanges(changes) };
}

/** Names the base version's files `<commit>:<repository path>`, as `git show` would. */
function relabel(version: ConnectorVersion, folderDisplay: string, prefix: string): ConnectorVersion {
  const rename = (display: string | undefined): string | undefined => {
    if (display === undefined) return undefined;
    const posix = slashSeparated(display);
    const inside = folderDisplay === '.' ? posix : posix.slice(folderDisplay.length + 1);
    return `${prefix}${inside}`;
  };
  return {
    ...version,
    swaggerPath: rename(version.swaggerPath),
    apiPropertiesPath: rename(version.apiPropertiesPath),
    readme: version.readme && { ...version.readme, path: rename(version.readme.path)! },
    script: version.script && { ...version.script, path: rename(version.script.path)! },
    icon: version.icon && { ...version.icon, path: rename(version.icon.path)! },
    caseTwins: version.caseTwins?.map((twin) => ({ ...twin, path: rename(twin.path)! })),
  };
}
