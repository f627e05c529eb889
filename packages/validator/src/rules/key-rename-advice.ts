import { fixEditsFile } from '../fix/json-fix.js';
import type { JsonFile } from '../loader/connector-folder.js';

/** Appended to a finding whose misspelled key `validate --fix` renames, as GEN-JSON-PARSE's say their edit. */
export const RENAME_ADVICE = '`connector-alm validate --fix` renames it.';

/** A key of a JSON file that a finding names the spelling of (`basepath` meant as `basePath`). */
export interface MeantKey {
  key: string;
  meant: string;
}

/**
 * The renames among `meant` that `validate --fix` makes in `file` (fix/key-renames.ts,
 * fix-folders.ts), for a finding to say so: the file is strict JSON or --fix repairs its syntax
 * first, it is valid UTF-8, the object (`objectOf`) has no key of the new name, which no other of
 * its keys is to take either (those the maker merges by hand, as --fix says), and the key is not
 * written twice. The findings said nothing of --fix, which does rename them.
 */
export function renamedByFix<T extends MeantKey>(
  file: JsonFile | undefined,
  meant: readonly T[],
  objectOf: (use: T) => object,
): Set<T> {
  const renamed = new Set<T>();
  if (meant.length === 0 || !fixEditsFile(file)) return renamed;
  const takers = new Map<object, Map<string, number>>();
  for (const use of meant) {
    const counts = takers.get(objectOf(use)) ?? new Map<string, number>();
    counts.set(use.meant, (counts.get(use.meant) ?? 0) + 1);
    takers.set(objectOf(use), counts);
  }
  // A key written twice: renamed, one of them would stay, and --fix renames no key of the file then.
  const repeated = new Set(file!.document!.duplicateKeys.map((duplicate) => duplicate.key));
  for (const use of meant) {
    if (Object.hasOwn(objectOf(use), use.meant) || repeated.has(use.key)) continue;
    if (takers.get(objectOf(use))!.get(use.meant) === 1) renamed.add(use);
  }
  return renamed;
}
