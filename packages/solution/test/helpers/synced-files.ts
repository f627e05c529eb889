import type { SystemCall } from '@connector-alm/testing';

// What a traced process flushed to the disk and renamed, in order, by path: a file's descriptor is
// known only from the openat that returned it, and a number is used again once it is closed.

/** The system calls that tell what was flushed and renamed ('?': one this architecture lacks is left out). */
export const SYNC_AND_RENAME_CALLS = [
  'openat',
  'fsync',
  'fdatasync',
  'close',
  '?rename',
  'renameat',
  'renameat2',
];

export type DiskStep = { kind: 'sync'; file: string } | { kind: 'rename'; from: string; to: string };

const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

/** The files flushed (fsync or fdatasync on a descriptor while open) and the renames, in order. */
export function diskSteps(calls: readonly SystemCall[]): DiskStep[] {
  const open = new Map<string, string>();
  const steps: DiskStep[] = [];
  for (const { name, args, result } of calls) {
    const first = args.split(', ')[0]!;
    const paths = [...args.matchAll(QUOTED)].map((match) => match[1]!);
    if (name === 'openat' && /^\d+$/.test(result)) open.set(result, paths[0]!);
    else if (name === 'close') open.delete(first);
    else if ((name === 'fsync' || name === 'fdatasync') && open.has(first))
      steps.push({ kind: 'sync', file: open.get(first)! });
    else if (name.startsWith('rename') && result === '0' && paths.length === 2)
      steps.push({ kind: 'rename', from: paths[0]!, to: paths[1]! });
  }
  return steps;
}

/** The files flushed before the first rename to `to`, and where that rename came from; undefined when there was none. */
export function syncedBeforeRenameTo(
  steps: readonly DiskStep[],
  to: string,
): { from: string; synced: Set<string> } | undefined {
  const synced = new Set<string>();
  for (const step of steps) {
    if (step.kind === 'sync') synced.add(step.file);
    else if (step.to === to) return { from: step.from, synced };
  }
  return undefined;
}
