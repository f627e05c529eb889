import { describe, expect, it } from '@jest/globals';
import { managedBaseOf, managedVariantOf } from '../src/index.js';
import { filesOfPackage, notesFor } from '../src/solution/both-packages.js';

/**
 * What unpack writes for two exports given as path → content, as `stageBoth` does: the unmanaged
 * files as they are, then each managed file that differs or is new under its `_managed` name.
 */
function unpackBoth(
  unmanaged: Record<string, string>,
  managed: Record<string, string>,
): { all: string[]; notes: ReturnType<typeof notesFor> } {
  const all = new Set(Object.keys(unmanaged));
  for (const [file, content] of Object.entries(managed))
    if (unmanaged[file] !== content) all.add(managedVariantOf(file));
  return { all: [...all].sort(), notes: notesFor(Object.keys(unmanaged), Object.keys(managed)) };
}

describe('filesOfPackage', () => {
  it('gives each export back, whatever the names end in', () => {
    const unmanaged = {
      'Other/Solution.xml': 'u',
      'a.x': 'u',
      'own_managed.x': 'u',
      'same_managed.x': 'same',
      'draft.txt': 'u',
      'Connectors/cr_x_managed.xml': 'same',
    };
    const managed = {
      'Other/Solution.xml': 'm',
      'a.x': 'm',
      'a_managed.x': 'only managed',
      'own_managed.x': 'm',
      'same_managed.x': 'same',
      new_managed: 'only managed',
      'Connectors/cr_x_managed.xml': 'same',
    };
    const { all, notes } = unpackBoth(unmanaged, managed);
    expect(all).toContain('a_managed_managed.x');
    const read = (kind: boolean): Record<string, string> =>
      Object.fromEntries([...filesOfPackage(all, notes, kind)].map(([name, file]) => [name, file]));
    const keys = (kind: boolean): string[] => Object.keys(read(kind)).sort();
    expect(keys(false)).toEqual(Object.keys(unmanaged).sort());
    expect(keys(true)).toEqual(Object.keys(managed).sort());
    expect(read(true)['a.x']).toBe('a_managed.x');
    expect(read(true)['a_managed.x']).toBe('a_managed_managed.x');
    expect(read(true)['own_managed.x']).toBe('own_managed_managed.x');
    expect(read(true)['new_managed']).toBe('new_managed_managed');
    expect(read(false)['own_managed.x']).toBe('own_managed.x');
  });
});

describe('managedBaseOf', () => {
  it.each(['Other/Solution.xml', 'a.tar.gz', 'Makefile', 'WebResources/.config', 'a.', 'x_managed.y'])(
    'is the inverse of managedVariantOf for %s',
    (file) => expect(managedBaseOf(managedVariantOf(file))).toBe(file),
  );

  it.each(['Other/Solution.xml', 'a/_managed.x', 'managed.x'])('names no copy for %s', (file) =>
    expect(managedBaseOf(file)).toBeUndefined(),
  );
});
