import { managedBaseOf, managedVariantOf } from './layout.js';

/**
 * A folder unpacked with both package types (`<Managed>2</Managed>`) holds the unmanaged export as
 * it is, and beside a file `X.ext` the managed export's copy `X_managed.ext` where the two differ
 * (or where only the managed export has X). Names alone cannot say everything: a file may end in
 * `_managed` in its own right (a connector named `cr_x_managed`), and a file the managed export lacks
 * looks like one both share. Unpack notes those two kinds of file; these are the notes.
 */
export interface BothNotes {
  /**
   * Files of the unmanaged export by their own name, never the managed copy of another: needed for
   * those named like one (`X_managed.ext`).
   */
  own: ReadonlySet<string>;
  /** Files of the unmanaged export that the managed export does not have. */
  unmanagedOnly: ReadonlySet<string>;
}

export const NO_NOTES: BothNotes = { own: new Set(), unmanagedOnly: new Set() };

/** The notes unpack writes, from the files of each export (folder paths, before any renaming). */
export function notesFor(unmanaged: readonly string[], managed: readonly string[]): BothNotes {
  const inManaged = new Set(managed);
  return {
    own: new Set(unmanaged.filter((file) => managedBaseOf(file) !== undefined)),
    unmanagedOnly: new Set(unmanaged.filter((file) => !inManaged.has(file))),
  };
}

/**
 * The folder files that make up one package, as path in the package → file to read. `all` is every
 * solution file of the folder (the notes file left out).
 */
export function filesOfPackage(
  all: readonly string[],
  notes: BothNotes,
  managed: boolean,
): Map<string, string> {
  const present = new Set(all);
  /** The file whose managed copy `file` is, or undefined for a file of the unmanaged export. */
  const copyOf = (file: string): string | undefined =>
    notes.own.has(file) ? undefined : managedBaseOf(file);
  const selected = new Map<string, string>();
  for (const file of all) {
    const base = copyOf(file);
    if (base === undefined) {
      const variant = managedVariantOf(file);
      if (!managed) selected.set(file, file);
      else if (present.has(variant) && copyOf(variant) === file) selected.set(file, variant);
      else if (!notes.unmanagedOnly.has(file)) selected.set(file, file);
    } else if (managed && !(present.has(base) && copyOf(base) === undefined)) {
      // The managed export's file with no unmanaged counterpart: it is only in the managed package.
      selected.set(base, file);
    }
  }
  return selected;
}

/** Every part of either package: the unmanaged files, and the managed-only ones under their own names. */
export function filesOfEither(all: readonly string[], notes: BothNotes): Map<string, string> {
  const either = filesOfPackage(all, notes, false);
  for (const [name, file] of filesOfPackage(all, notes, true)) if (!either.has(name)) either.set(name, file);
  return either;
}
