import { randomBytes } from 'node:crypto';
import { renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * The exit codes a shell gives a command ended by these signals (128 + the signal's number): used
 * only where the signal, raised again, does not end the process (Windows).
 */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type EndingSignal = keyof typeof SIGNAL_EXIT_CODES;
const SIGNALS = Object.keys(SIGNAL_EXIT_CODES) as EndingSignal[];

/**
 * What a temporary is, for the message when it cannot be removed: a hidden staging file or folder
 * that a writer puts beside its target (temporarySibling), or a scratch folder in the system's
 * temporary folder (makeScratchFolder), which is never renamed into place.
 */
export type TemporaryKind = 'staging' | 'scratch';

/**
 * The temporary files and folders (temporarySibling) that their writers still use, and the scratch
 * folders in the system's temporary folder (makeScratchFolder) still in use: a writer removes its
 * own on success and on failure, but a signal ends the process between the two. Each writer forgets
 * its name when done with it, so the map holds only the writes under way.
 */
const pending = new Map<string, TemporaryKind>();

export function rememberTemporary(name: string, kind: TemporaryKind = 'staging'): void {
  pending.set(name, kind);
  listenWhileNeeded();
}

/** Called by a writer once its temporary name is renamed into place or removed. */
export function forgetTemporary(name: string): void {
  pending.delete(name);
  listenWhileNeeded();
}

/** The temporary names of the writes under way. */
export function pendingTemporaries(): string[] {
  return [...pending.keys()];
}

/**
 * The folders that writers made for their temporaries: the missing parents of a nested target
 * (unpack into solutions/Contoso/src made solutions/Contoso for its staging folder beside src). The
 * signal clean-up removes them after the temporaries, each only while empty, so a folder that holds
 * anything (the target renamed into place, a file put there meanwhile) stays. A writer remembers
 * only the folders it made, never one that was there before, and forgets them when done.
 */
const madeFolders = new Set<string>();

export function rememberMadeFolder(folder: string): void {
  madeFolders.add(folder);
  listenWhileNeeded();
}

export function forgetMadeFolder(folder: string): void {
  madeFolders.delete(folder);
  listenWhileNeeded();
}

/** The folders made for the writes under way. */
export function pendingMadeFolders(): string[] {
  return [...madeFolders];
}

/** A temporary file or folder that the signal clean-up could not remove, and why (EACCES, EBUSY). */
export interface LeftTemporary {
  name: string;
  code: string;
  kind: TemporaryKind;
}

/**
 * Removes, at once, every temporary of the writes under way: for a signal handler, which cannot
 * wait for the writers' own clean-up. Each is first renamed to a fresh name beside it and removed
 * there: its writer may be renaming it into place at this moment (commitFolder moves a staging folder
 * into a missing target in one rename), and removing its files one by one would let the folder land
 * half-empty. After our rename theirs fails and the target stays as it was; after theirs ours finds
 * nothing (ENOENT), and the target is whole. One that cannot be removed is returned, not thrown: the
 * others are still removed and the process still ends.
 */
export function removePendingTemporaries(): LeftTemporary[] {
  const left: LeftTemporary[] = [];
  for (const [name, kind] of pending) {
    const removing = `${name}.${randomBytes(6).toString('hex')}.removing`;
    try {
      renameSync(name, removing);
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT') left.push({ name, code, kind });
      continue;
    }
    try {
      rmSync(removing, { recursive: true, force: true });
    } catch (error) {
      left.push({ name: removing, code: errorCode(error), kind });
    }
  }
  pending.clear();
  removeEmptyMadeFolders();
  listenWhileNeeded();
  return left;
}

/**
 * Deepest first, so that a parent is empty once its made children are gone. One that cannot be
 * removed is not reported: it holds something (not ours to remove) or is empty, which git does not
 * see, unlike the staging files.
 */
function removeEmptyMadeFolders(): void {
  const deepestFirst = [...madeFolders].sort((a, b) => b.length - a.length);
  for (const folder of deepestFirst) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty, already gone, or not ours to remove: left as it is.
    }
  }
  madeFolders.clear();
}

/**
 * What the signal clean-up says of a temporary it could not remove, as a located error line. A
 * staging file or folder lies beside the target, in the user's work: named relative to `cwd`, and
 * what it risks is a `git add`. A scratch folder lies in the system's temporary folder, which a path
 * relative to the work would name as ../../tmp/…: named absolute, and what it risks is a copy of
 * what the command read, kept there (a self-hosted runner keeps its temporary folder between jobs).
 */
export function leftTemporaryMessage({ name, code, kind }: LeftTemporary, cwd: string): string {
  if (kind === 'scratch')
    return `${path.resolve(cwd, name)}: error: this scratch folder of an interrupted command could not be removed from the system's temporary folder (${code}). Remove it: it holds copies of files the command read.`;
  return `${path.relative(cwd, name) || name}: error: this staging file or folder of an interrupted write could not be removed (${code}). Remove it before adding the folder to git.`;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}

/** How many calls of makeWhileListening are under way: the listener stays while any is. */
let making = 0;

/**
 * Runs `make`, which makes a temporary or a folder on disk and remembers it (rememberTemporary,
 * rememberMadeFolder), with the signal listener installed before it makes anything. While nothing
 * is under way, no listener is there (listenWhileNeeded) and a signal ends the process at once, by
 * the system's default action: between the make and the remember, that left what was made (a
 * scratch folder of extract-connectors, under load). Once installed, the listener runs only when
 * the event loop is free, so `make`, synchronous, has remembered what it made by then, and the
 * clean-up finds it. A writer that can remember the name first (temporarySibling) needs none of
 * this: remembering installs the listener before the write.
 */
export function makeWhileListening<T>(make: () => T): T {
  making += 1;
  listenWhileNeeded();
  try {
    return make();
  } finally {
    making -= 1;
    listenWhileNeeded();
  }
}

/** Set by removeTemporariesOnSignal: the process (the CLI, an action) wants its temporaries removed on a signal. */
let wanted = false;
/** Whether onSignal listens to SIGINT and SIGTERM now. */
let listening = false;
/** Set by nextSignal: the command ends by itself on the next signal, instead of by it. */
let waiting: ((signal: EndingSignal) => void) | undefined;

/**
 * On Ctrl+C, a kill, or a cancelled GitHub Actions job (the runner sends SIGINT, then SIGTERM),
 * removes the hidden staging folders and files that unpack, pack, extract-connectors and
 * build-solution write beside their target before renaming it into place, the empty folders made
 * for them, and the scratch folders in the system's temporary folder: the signal would
 * otherwise end the process in between and leave them there, outside the target, for a later
 * `git add -A` or a self-hosted runner's next job to find. The process then ends by the signal
 * itself, not by an exit code: a shell running `unpack x.zip src; git add -A; git commit` stops
 * at Ctrl+C only when its command died of SIGINT (an exit 130 says the command handled it).
 *
 * The listener is there only while a temporary or made folder is, or is being made: a listener replaces the signal's
 * default action and runs only when the event loop is free, so a command busy computing (validate
 * with a config of thousands of mistakes, diff of a 40 MB swagger) ran to its end after Ctrl+C, and
 * a SIGTERM from `timeout` or a cancelled job did not end it. With nothing to remove, the system ends
 * the process at once, by the signal. Calling it again does nothing.
 */
export function removeTemporariesOnSignal(): void {
  wanted = true;
  listenWhileNeeded();
}

/**
 * Resolves on the next SIGINT or SIGTERM, which then leaves the process running: for a command
 * that ends by itself on it (dev-server closes its servers and exits 0). The temporaries under way
 * are removed as on any signal; a further signal ends the process as usual.
 */
export function nextSignal(): Promise<EndingSignal> {
  return new Promise((resolve) => {
    waiting = resolve;
    listenWhileNeeded();
  });
}

/** Listens to the signals while there is something to do on one, and leaves them to the system otherwise. */
function listenWhileNeeded(): void {
  const needed =
    waiting !== undefined || (wanted && (making > 0 || pending.size > 0 || madeFolders.size > 0));
  if (needed === listening) return;
  listening = needed;
  for (const signal of SIGNALS) {
    if (needed) process.on(signal, onSignal);
    else process.removeListener(signal, onSignal);
  }
}

function onSignal(signal: EndingSignal): void {
  const resolve = waiting;
  waiting = undefined;
  for (const left of removePendingTemporaries())
    process.stderr.write(`${leftTemporaryMessage(left, process.cwd())}\n`);
  if (resolve) return resolve(signal);
  wanted = false;
  listenWhileNeeded();
  process.kill(process.pid, signal);
  // Still running: another listener took the signal, or the system cannot end a process by it.
  process.exit(SIGNAL_EXIT_CODES[signal]);
}
