import { lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

/**
 * Why a link's target could not be looked at: `nowhere`, it names nothing (ENOENT, ENOTDIR) or leads
 * round in a loop (ELOOP); `permission`, a folder on the way may not be entered (EACCES, EPERM), which
 * "leads nowhere" sent users looking for a target that is there; else the error's code.
 */
export type LinkTrouble = 'nowhere' | 'permission' | { code: string };

/** A symbolic link whose target could not be looked at. */
export interface BrokenLink {
  /** Its target as the link names it, unless that could not be read. */
  to?: string;
  leads: LinkTrouble;
}

/** The trouble of a link whose target `stat` failed to look at with `code`. */
export function linkTrouble(code: string | undefined): LinkTrouble {
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return 'nowhere';
  if (code === 'EACCES' || code === 'EPERM') return 'permission';
  return { code: code ?? 'error' };
}

/** "is a symbolic link that leads nowhere (to 'gone')", "… whose target cannot be reached (permission denied) …". */
export function describeBrokenLink(link: BrokenLink): string {
  return `is ${brokenLinkPhrase(link)}`;
}

/**
 * "a symbolic link that leads nowhere (to 'gone')", for a sentence of the caller's ("Input 'x'
 * names …"); describeBrokenLink says it of the path itself.
 */
export function brokenLinkPhrase(link: BrokenLink): string {
  const to = link.to === undefined ? '' : ` (to '${link.to}')`;
  if (link.leads === 'nowhere') return `a symbolic link that leads nowhere${to}`;
  const why = link.leads === 'permission' ? 'permission denied' : link.leads.code;
  return `a symbolic link whose target cannot be reached (${why})${to}`;
}

/**
 * The link that a path to write is itself, when what it leads to cannot be written: round in a loop
 * (ELOOP), into a folder the user may not enter, or to a file whose folder is not there. Node said
 * ELOOP as an unexpected failure, or ENOENT at the path, which did not name the link. Undefined for
 * anything else, a link that leads to a file or folder included (whether that may be written is the
 * caller's to say). A link to a file not there yet in a folder that is passes: a write through it
 * creates that file, and whether it may lie there is the caller's to say too. With
 * `newTarget: 'refused'` it is refused, for a caller that cannot write through it (mkdir of a folder).
 */
export function brokenLinkAtEnd(
  target: string,
  options: { cwd?: string; newTarget?: 'created' | 'refused' } = {},
): BrokenLink | undefined {
  const resolved = path.resolve(options.cwd ?? process.cwd(), target);
  const followed = statOrError(resolved);
  if (followed.stat || !statOrError(resolved, lstatSync).stat?.isSymbolicLink()) return undefined;
  const link: BrokenLink = { ...linkTarget(resolved), leads: linkTrouble(followed.code) };
  if (options.newTarget !== 'refused' && followed.code === 'ENOENT' && link.to !== undefined) {
    // Where the write would create the file, through every link of a chain: checking the folder of
    // the first hop only passed `a -> b -> missing/c`, and the write failed after the work was done.
    const folder = path.dirname(linkedNewFile(resolved));
    if (statOrError(folder).stat?.isDirectory()) return undefined;
  }
  return link;
}

/**
 * Where a write to `absolute` creates a file, when `absolute` is a symbolic link to a file not there
 * yet, through a chain of such links: the path the last link names. Each target is read from its
 * link's real folder, as the system reads it: `..` from a folder reached through a link is the real
 * folder's parent, not the parent as named. `absolute` itself (or the last link reached) otherwise:
 * a path that is there, is no link, or whose folder cannot be resolved; a loop ends at the bound,
 * where the system would say ELOOP. Shared by brokenLinkAtEnd and the actions' output check.
 */
export function linkedNewFile(absolute: string): string {
  let current = absolute;
  for (let hops = 0; hops < 64; hops++) {
    if (statOrError(current).code !== 'ENOENT') return current;
    const named = linkTarget(current).to;
    const from = named === undefined ? undefined : realPathOrNothing(path.dirname(current));
    if (named === undefined || from === undefined) return current;
    current = path.resolve(from, named);
  }
  return current;
}

/**
 * The usage error of a path to write that is a broken link (brokenLinkAtEnd), located at it as given:
 * "loop: is a symbolic link that leads nowhere (to 'loop'); nothing can be written through it."
 */
export function brokenLinkError(given: string, link: BrokenLink, hint: string): UsageError {
  return new UsageError(`${describeBrokenLink(link)}; nothing can be written through it.`, {
    location: { file: given },
    hint,
  });
}

function realPathOrNothing(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** What a link names as its target; nothing should it have vanished or changed meanwhile. */
export function linkTarget(link: string): { to?: string } {
  try {
    return { to: readlinkSync(link) };
  } catch {
    return {};
  }
}

/**
 * The stat of a file, or the code of the error that stat gave (a path that is not there is ENOTDIR
 * rather than ENOENT below a file).
 */
export function statOrError(
  file: string,
  stat: (file: string) => Stats = statSync,
): { stat?: Stats; code?: string } {
  try {
    return { stat: stat(file) };
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code };
  }
}

/**
 * The file a write to `file` lands on: `file` itself, or, when it is a symbolic link, the file it
 * leads to (through a chain, to a file not there yet included: linkedNewFile). A write through a
 * temporary file renamed into place replaced the link itself: pack's `out.zip -> $RUNNER_TEMP/x.zip`
 * left a zip in the workspace and nothing in runner.temp, unlike -o and sarif-file, written through.
 */
export function writeTarget(file: string): string {
  if (!statOrError(file, lstatSync).stat?.isSymbolicLink()) return file;
  return realPathOrNothing(file) ?? linkedNewFile(path.resolve(file));
}
