import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { isRepositoryRoot } from '@connector-alm/validator';

/** A file of the connector folder as git sees it: its path inside the folder, mode, blob SHA and bytes. */
export interface LocalFile {
  /** Relative to the connector folder, with forward slashes. */
  path: string;
  mode: '100644' | '100755';
  sha: string;
  content: Buffer;
}

/** Names never sent upstream: version-control and file manager droppings (Windows names in any case). */
const SKIPPED = new Set(['.git', '.ds_store', 'thumbs.db', 'desktop.ini', 'node_modules']);

/** Whether a path of the folder is one never sent whatever git says: it is or lies in a SKIPPED entry. */
export function isNeverSent(relative: string): boolean {
  return relative.split('/').some((name) => SKIPPED.has(name.toLowerCase()));
}

/** The blob SHA git computes for these bytes; equal SHAs mean equal files, so unchanged files are not sent. */
export function gitBlobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** What a walk of the connector folder found: its files, and the nested repositories it did not go into. */
export interface ConnectorFolderContents {
  files: LocalFile[];
  /**
   * The folders under it that are repositories of their own, each relative to it and ending with `/`:
   * a commit carries such a folder as a link to its repository (a gitlink), not its files, so no
   * checkout of the folder has them.
   */
  nestedRepositories: string[];
}

/**
 * Every file under the connector folder, sorted by path, but those `leftOut` names (paths relative to
 * the folder; a folder's ends with `/`), which are neither read nor looked at, and those of nested
 * repositories, which are named instead (ConnectorFolderContents): those git takes for one
 * (`nestedRepositories`, from Git.nestedRepositories) in a work tree; outside one, where git has no
 * say, the folders that hold a `.git` of their own. A symbolic link is
 * refused, not skipped: left out, its file would silently be missing from the pull request (or deleted
 * upstream), and followed, it could publish a file from outside the checkout. One that git ignores is
 * never sent, so it refuses nothing. `shownAs` is the folder as the user named it, which the refusal's
 * location starts with, as the command's other messages do.
 */
export async function readConnectorFiles(
  folder: string,
  shownAs = folder,
  leftOut: (relative: string) => boolean = () => false,
  nestedRepositories?: ReadonlySet<string>,
): Promise<ConnectorFolderContents> {
  // Git's word where it has one: a `.git` it does not take for a repository (an empty folder, a file
  // that names no gitdir), or one in a folder whose files it tracks already, leaves git committing the
  // files as any others, and so must the pull request.
  const isNested = (relative: string, absolute: string): boolean =>
    nestedRepositories ? nestedRepositories.has(`${relative}/`) : isRepositoryRoot(absolute);
  const files: LocalFile[] = [];
  const nested: string[] = [];
  async function walk(directory: string, prefix: string): Promise<void> {
    for (const entry of await fs.readdir(directory, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name.toLowerCase())) continue;
      const absolute = path.join(directory, entry.name);
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (leftOut(entry.isDirectory() ? `${relative}/` : relative)) continue;
      if (entry.isSymbolicLink()) {
        throw new UserError('is a symbolic link; a pull request carries real files only.', {
          location: { file: path.join(shownAs, relative) },
          hint: 'Replace the link with a copy of the file (or folder) it points to.',
        });
      }
      if (entry.isDirectory()) {
        if (isNested(relative, absolute)) nested.push(`${relative}/`);
        else await walk(absolute, relative);
      } else if (entry.isFile()) {
        const content = await fs.readFile(absolute);
        const executable = ((await fs.stat(absolute)).mode & 0o111) !== 0;
        files.push({
          path: relative,
          mode: executable ? '100755' : '100644',
          sha: gitBlobSha(content),
          content,
        });
      }
    }
  }
  await walk(folder, '');
  const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    files: files.sort((a, b) => byPath(a.path, b.path)),
    nestedRepositories: nested.sort(byPath),
  };
}
