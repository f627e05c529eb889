import path from 'node:path';
import { joinedList, printable, shellWord, slashSeparated } from '@connector-alm/core';
import { kindOfFileName, type ConnectorResult, type Profile } from '@connector-alm/validator';
import { isNeverSent, type LocalFile } from './connector-files.js';
import type { RemoteFile } from './remote-file.js';
import type { TreeChanges } from './tree-changes.js';

/**
 * Why a file of the connector folder stays out of the pull request: git ignores it (no commit would
 * carry it: often a local secret or setting), it lies in a nested repository (a commit carries a
 * link to that repository, not its files), one that git tracks as such a link already (a submodule,
 * or a clone committed: .gitignore does not untrack it), or it is paconn's settings.json, which
 * holds the ids of the maker's own environment and connector (SET-NOT-IN-PR; 3 of 1,035 merged
 * folders have one), or a certified connector's icon.png, which goes with the certification package,
 * not into the repository (ICON-IN-REPO; 11 of 619 certified folders have one). The maker keeps both in
 * the folder for their own use: paconn reads settings.json, build-solution and paconn the icon, and
 * extract-connectors writes the solution's icon there.
 */
export type LeftOutReason =
  'git-ignored' | 'nested-repository' | 'linked-repository' | 'settings' | 'certified-icon';

/** The reasons a file that a commit carries stays out all the same: the maker's, not the upstream's. */
const KEPT_OUT = ['settings', 'certified-icon'] as const satisfies readonly LeftOutReason[];
type KeptOutReason = (typeof KEPT_OUT)[number];

function isKeptOut(reason: LeftOutReason): reason is KeptOutReason {
  return (KEPT_OUT as readonly LeftOutReason[]).includes(reason);
}

/** Why a file of the folder (its path inside it) is never sent, whatever git says of it; undefined when it may be. */
function keptOutReason(relative: string, profile: Profile | undefined): KeptOutReason | undefined {
  const kind = kindOfFileName(relative);
  if (kind === 'settings') return 'settings';
  return kind === 'icon' && profile === 'certified' ? 'certified-icon' : undefined;
}

export interface LeftOutFile {
  /**
   * Relative to the connector folder, with forward slashes. A folder left out whole ends with `/`: git
   * lists a nested repository it ignores as one entry, `nested/`, and one it does not ignore is one.
   */
  path: string;
  reason: LeftOutReason;
}

/** The files of the connector folder that the pull request carries, and those it leaves out. */
export interface FilesToSend {
  sent: LocalFile[];
  leftOut: LeftOutFile[];
}

/**
 * Whether a path of the folder is among `paths` or under one of them that ends with `/` (a folder).
 * For the path of a folder itself, give it with its `/`.
 */
export function isUnderAny(relative: string, paths: Iterable<string>): boolean {
  for (const entry of paths) {
    if (entry === relative || (entry.endsWith('/') && relative.startsWith(entry))) return true;
  }
  return false;
}

/**
 * Splits the folder into the files sent and those left out: the ones git ignores (`gitIgnored`, its
 * list of the folder's entries, relative to it), which were not read (readConnectorFiles), the
 * nested repositories it does not ignore (`nestedRepositories`, `tools/`; those git tracks as a link,
 * `linkedRepositories`, apart), whose files were not read either, and settings.json at the folder's
 * top whatever git says of it, and so a certified connector's icon.png (`profile`). Of git's entries,
 * those never sent anyway (.DS_Store, node_modules …) go unnamed, as before git was asked.
 */
export function filesToSend(
  files: readonly LocalFile[],
  gitIgnored: ReadonlySet<string>,
  nestedRepositories: readonly string[] = [],
  linkedRepositories: ReadonlySet<string> = new Set(),
  profile?: Profile,
): FilesToSend {
  const sent: LocalFile[] = [];
  // Ignored first: that is what the maker did about it, and what the line about it says.
  const leftOut: LeftOutFile[] = [...gitIgnored]
    .filter((entry) => !isNeverSent(entry.replace(/\/$/, '')))
    .sort()
    .map((entry) => ({ path: entry, reason: 'git-ignored' }));
  for (const repository of nestedRepositories) {
    if (isUnderAny(repository, gitIgnored)) continue;
    const reason = linkedRepositories.has(repository) ? 'linked-repository' : 'nested-repository';
    leftOut.push({ path: repository, reason });
  }
  for (const file of files) {
    if (isUnderAny(file.path, gitIgnored)) continue;
    const reason = keptOutReason(file.path, profile);
    if (reason) leftOut.push({ path: file.path, reason });
    else sent.push(file);
  }
  return { sent, leftOut };
}

/**
 * The files git ignores that validation reads as the connector's (apiProperties.json, icon.png, the
 * readme, script.csx): left out, the pull request would not send the connector that was validated (a
 * new one would lack its icon, an update would keep the upstream's apiProperties.json while its
 * checks and breaking changes were of the maker's). settings.json and a certified connector's icon are
 * left out whatever git says, and an ignored swagger is refused as a folder without one.
 */
export function ignoredConnectorFiles(leftOut: readonly LeftOutFile[], profile?: Profile): string[] {
  return leftOut
    .filter((file) => file.reason === 'git-ignored')
    .map((file) => file.path)
    .filter((path) => kindOfFileName(path) !== undefined && !keptOutReason(path, profile));
}

/**
 * The lines that say which files stay out of the pull request, and why: one per reason. The upstream's
 * copy of such a file is left as it is (upstreamFilesToMatch), which the settings line says, since a
 * maker who keeps settings.json may find one there. `connector` is the folder as the user named it,
 * which the command that untracks a linked repository starts its paths with.
 */
export function leftOutLines(leftOut: readonly LeftOutFile[], connector: string): string[] {
  const lines: string[] = [];
  const ignored = leftOut.filter((file) => file.reason === 'git-ignored').map((file) => file.path);
  if (ignored.length > 0) {
    const them = ignored.length === 1 ? 'it' : 'them';
    lines.push(
      `Left out of the pull request: ${namesOf(ignored)}, which git ignores (.gitignore); no commit would carry ${them} either.`,
    );
  }
  const nested = leftOut.filter((file) => file.reason === 'nested-repository').map((file) => file.path);
  if (nested.length === 1)
    lines.push(
      `Left out of the pull request: ${namesOf(nested)}, which is a git repository of its own: a commit carries a link to it, not its files. Move it out of the connector folder, or list it in .gitignore.`,
    );
  else if (nested.length > 1)
    lines.push(
      `Left out of the pull request: ${namesOf(nested)}, which are git repositories of their own: a commit carries a link to each, not its files. Move them out of the connector folder, or list them in .gitignore.`,
    );
  const linked = leftOut.filter((file) => file.reason === 'linked-repository').map((file) => file.path);
  if (linked.length > 0) lines.push(linkedRepositoriesLine(linked, connector));
  const settings = leftOut.find((file) => file.reason === 'settings');
  if (settings)
    lines.push(
      `Left out of the pull request: ${namesOf([settings.path])}, which holds the ids of your own environment and connector (SET-NOT-IN-PR); a copy the upstream has stays as it is.`,
    );
  const icon = leftOut.find((file) => file.reason === 'certified-icon');
  if (icon)
    lines.push(
      `Left out of the pull request: ${namesOf([icon.path])}, as a certified connector's icon goes with the certification package, not into the repository (ICON-IN-REPO); a copy the upstream has stays as it is.`,
    );
  return lines;
}

/**
 * The line for the repositories git tracks as links: .gitignore, which the line of an untracked one
 * offers, leaves a tracked path tracked, so the maker who listed it there saw the same line again
 * and the link still committed. `git rm --cached` untracks it and keeps its files; a submodule's
 * entry in .gitmodules stays, which git rm --cached does not touch. A submodule never initialised
 * (an empty folder) is a link all the same.
 */
function linkedRepositoriesLine(linked: readonly string[], connector: string): string {
  const one = linked.length === 1;
  const untrack = linked.map((folder) => shellWord(path.join(connector, folder.replace(/\/$/, ''))));
  return one
    ? `Left out of the pull request: ${namesOf(linked)}, which git tracks as a link to another repository (a submodule, or a clone that \`git add\` met), not as files. Listing it in .gitignore does nothing while git tracks it: run \`git rm --cached ${untrack.join(' ')}\` first (for a submodule, remove its entry from .gitmodules too) and commit, or move it out of the connector folder (git mv).`
    : `Left out of the pull request: ${namesOf(linked)}, which git tracks as links to other repositories (submodules, or clones that \`git add\` met), not as files. Listing them in .gitignore does nothing while git tracks them: run \`git rm --cached ${untrack.join(' ')}\` first (for a submodule, remove its entry from .gitmodules too) and commit, or move them out of the connector folder (git mv).`;
}

/**
 * The upstream's files the pull request may change or delete: all but the copies of files it leaves
 * out, which stay as they are. Left out, a file is not "gone" from the maker's folder: proposing to
 * delete the upstream's copy would be a change nobody made.
 */
export function upstreamFilesToMatch(
  upstreamFiles: readonly RemoteFile[],
  leftOut: readonly LeftOutFile[],
): RemoteFile[] {
  const paths = leftOut.map((file) => file.path);
  return upstreamFiles.filter((file) => !isUnderAny(file.path, paths));
}

/**
 * The left-out files whose copy on the pull request's branch is not the upstream's (either may be
 * absent). The branch must hold the upstream's copies: one pushed before the file was left out
 * (git-ignored since, or settings.json sent by an older connector-alm) is still proposed otherwise.
 */
export function leftOutDifferences(
  onBranch: readonly RemoteFile[],
  upstreamFiles: readonly RemoteFile[],
  leftOut: readonly LeftOutFile[],
): string[] {
  const paths = leftOut.map((file) => file.path);
  const onBranchLeftOut = onBranch.filter((file) => isUnderAny(file.path, paths));
  const upstreamLeftOut = upstreamFiles.filter((file) => isUnderAny(file.path, paths));
  const same = (a: RemoteFile | undefined, b: RemoteFile | undefined): boolean =>
    a?.sha === b?.sha && a?.mode === b?.mode;
  const inEither = new Set([...onBranchLeftOut, ...upstreamLeftOut].map((file) => file.path));
  return [...inEither].sort().filter(
    (path) =>
      !same(
        onBranchLeftOut.find((file) => file.path === path),
        upstreamLeftOut.find((file) => file.path === path),
      ),
  );
}

/**
 * The validation of the connector with the findings in the given left-out files taken away. Those
 * git ignores no checkout has, so their findings refuse nothing (fail-on), as validate-connector on the
 * workflow's checkout never sees them (withoutIgnoredFindings). None of the files left out is sent, so
 * the pull request's body lists the findings of neither, where a SET-NOT-IN-PR row would tell the
 * reviewers of a file they never get. `sent` are the files the pull request carries: a folder that
 * holds none of them is not sent either (see isLeftOutPlace).
 */
export function withoutLeftOutFindings(
  validation: ConnectorResult,
  leftOut: readonly LeftOutFile[],
  sent: readonly LocalFile[],
  paths: path.PlatformPath = path,
): ConnectorResult {
  return withoutFindingsIn(
    validation,
    leftOut.map((file) => file.path),
    sent.map((file) => file.path),
    paths,
  );
}

/**
 * The validation of the connector as a checkout of the repository has it: without the findings in
 * the files git ignores, nor in those of a nested repository (the checkout has a link to it, or an
 * empty folder, which REPO-EXTRA-FILES still names). A committed settings.json's findings stay, though
 * it is not sent, and so do a certified icon's: the publish workflow's validate step counts them, and
 * its verdict and pr's must be one.
 */
export function withoutIgnoredFindings(
  validation: ConnectorResult,
  leftOut: readonly LeftOutFile[],
  sent: readonly LocalFile[],
  paths: path.PlatformPath = path,
): ConnectorResult {
  // What a commit carries: the files sent, those kept out all the same, and the link of a nested repository.
  const committed = [
    ...sent.map((file) => file.path),
    ...leftOut.filter((file) => file.reason !== 'git-ignored').map((file) => file.path),
  ];
  const notCommitted = leftOut.filter((file) => !isKeptOut(file.reason)).map((file) => file.path);
  return withoutFindingsIn(validation, notCommitted, committed, paths);
}

function withoutFindingsIn(
  validation: ConnectorResult,
  leftOut: readonly string[],
  carried: readonly string[],
  paths: path.PlatformPath,
): ConnectorResult {
  if (leftOut.length === 0) return validation;
  return {
    ...validation,
    findings: validation.findings.filter((finding) => {
      // Compared inside the folder, with forward slashes as git writes paths: a finding's file is a
      // display path, with the platform's separators (`connectors\Contoso\nested` on Windows).
      const relative = slashSeparated(paths.relative(validation.path, finding.file), paths);
      return !isLeftOutPlace(relative, leftOut, carried);
    }),
  };
}

/**
 * Whether a place of the connector folder (relative to it, with forward slashes) is left out: a
 * `leftOut` file, anything under a `leftOut` folder (its path ends with `/`), or a folder that holds
 * `leftOut` entries and nothing of `carried` (what the commit or the pull request carries). The last
 * takes in the folder itself, which REPO-EXTRA-FILES names (`nested`, where git lists `nested/`): a
 * git-ignored folder, or `tmp` whose every file git ignores, is in no commit, as git keeps no empty
 * folder. The connector folder itself (the empty relative path) is never left out.
 */
function isLeftOutPlace(relative: string, leftOut: readonly string[], carried: readonly string[]): boolean {
  if (relative === '' || relative === '..' || relative.startsWith('../')) return false;
  if (isUnderAny(relative, leftOut)) return true;
  const folder = `${relative}/`;
  return (
    leftOut.some((entry) => entry.startsWith(folder)) && !carried.some((entry) => entry.startsWith(folder))
  );
}

/**
 * The files the pull request proposes against the upstream, each with what it does to it:
 * `apiDefinition.swagger.json (updated), icon.png (added) and old.png (deleted)`.
 */
export function proposedFiles(changes: TreeChanges): string {
  const upserts = changes.upserts.map(
    (file) => `${printable(file.path)} (${changes.additions.includes(file.path) ? 'added' : 'updated'})`,
  );
  const deletions = changes.deletions.map((file) => `${printable(file)} (deleted)`);
  return joinedList([...upserts, ...deletions]);
}

/** Names in a sentence, each printable: one with a line break must not start a line of its own. */
function namesOf(paths: readonly string[]): string {
  return joinedList(paths.map((file) => printable(file)));
}
