import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/find-config.js';
import type { Git, TreeEntry } from './git.js';

/** Git's mode of a symbolic link: its blob holds the path it leads to. */
const SYMBOLIC_LINK = '120000';
/** Links followed before giving up, as the OS gives up on a loop. */
const MAX_LINKS = 8;

/**
 * The base's configuration file: where it is (`path`) and its text, or where it leads when it is a
 * symbolic link out of the repository (`linksOutTo`), which the base's tree does not hold.
 */
export type ConfigAtBase = { path: string; text: string } | { path: string; linksOutTo: string };

/**
 * The configuration file at `rev`: `file` when it is there, else the first file the search from
 * `start` up to the top level finds, as findConfigFile searches the work tree. A symbolic link is
 * followed in `rev`'s tree while it stays in the repository; one that leads to nothing there is no
 * file, as a dangling link is none to the search in the work tree.
 */
export async function readConfigAtBase(
  git: Git,
  rev: string,
  file: string | undefined,
  start: string,
): Promise<ConfigAtBase | undefined> {
  const candidates: string[] = file === undefined ? [] : [file];
  for (let folder = start; ; folder = path.posix.dirname(folder)) {
    candidates.push(...CONFIG_FILE_NAMES.map((name) => path.posix.join(folder, name)));
    if (folder === '.' || folder === '/' || folder === '') break;
  }
  const tree = new BaseTree(git, rev);
  for (const candidate of candidates) {
    const found = await tree.follow(candidate);
    if (found === undefined) continue;
    if ('linksOutTo' in found) return { path: candidate, linksOutTo: found.linksOutTo };
    return { path: candidate, text: (await tree.text(found.entry)) ?? '' };
  }
  return undefined;
}

/** The files of one commit, each folder listed once. */
class BaseTree {
  private readonly listings = new Map<string, TreeEntry[]>();

  constructor(
    private readonly git: Git,
    private readonly rev: string,
  ) {}

  /** The file at `file`, its links followed; undefined when there is none. */
  async follow(file: string): Promise<{ entry: TreeEntry } | { linksOutTo: string } | undefined> {
    let at = file;
    for (let links = 0; ; links++) {
      const entry = await this.fileAt(at);
      if (entry === undefined || entry.mode !== SYMBOLIC_LINK) return entry && { entry };
      if (links === MAX_LINKS) return undefined;
      const target = (await this.text(entry)) ?? '';
      const next = path.posix.normalize(path.posix.join(path.posix.dirname(at), target));
      const outside =
        path.posix.isAbsolute(target) ||
        path.win32.isAbsolute(target) ||
        next === '..' ||
        next.startsWith('../');
      if (outside) return { linksOutTo: target };
      at = next;
    }
  }

  async text(entry: TreeEntry): Promise<string | undefined> {
    return (await this.git.readBlobs([entry.object])).get(entry.object)?.toString('utf8');
  }

  private async fileAt(file: string): Promise<TreeEntry | undefined> {
    const folder = path.posix.dirname(file);
    if (!this.listings.has(folder)) this.listings.set(folder, await this.git.listFolder(this.rev, folder));
    return this.listings.get(folder)!.find((item) => item.type === 'blob' && item.path === file);
  }
}
