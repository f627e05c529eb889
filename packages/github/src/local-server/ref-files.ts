import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * The refs of a bare repository read from its files, as git's "files" ref store keeps them
 * (gitrepository-layout): a file per ref under refs/ holding its object id, and packed-refs for the
 * refs `git pack-refs` or gc moved there; a loose file wins over a packed line. Read afresh on every
 * call, without starting git: refs change behind the local server's back too, when a test pushes to
 * a repository as actions/checkout's origin.
 */
export async function readAllRefs(directory: string): Promise<Map<string, string>> {
  const refs = await readPackedRefs(directory);
  for (const name of await looseRefNames(directory, 'refs')) {
    const sha = await readLooseRef(directory, name);
    if (sha) refs.set(name, sha);
  }
  return new Map([...refs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The object id `ref` (a full name under refs/) holds, or undefined when there is no such ref. */
export async function readOneRef(directory: string, ref: string, depth = 0): Promise<string | undefined> {
  if (!isSafeRefName(ref)) return undefined;
  return (await readLooseRef(directory, ref, depth)) ?? (await readPackedRefs(directory)).get(ref);
}

/**
 * Whether `ref` can name a file under refs/ and nothing outside it: no empty, "." or ".." part, no
 * part starting with a dot, and not a lock file. git refuses such names for refs anyway.
 */
function isSafeRefName(ref: string): boolean {
  const parts = ref.split('/');
  return (
    parts[0] === 'refs' &&
    parts.length > 1 &&
    parts.every((part) => part !== '' && !part.startsWith('.') && !part.includes('\0')) &&
    !ref.endsWith('.lock')
  );
}

async function readLooseRef(directory: string, ref: string, depth = 0): Promise<string | undefined> {
  let text: string;
  try {
    text = (await fs.readFile(path.join(directory, ref), 'utf8')).trim();
  } catch {
    // No such file, or a folder of refs (refs/heads): no ref of that name.
    return undefined;
  }
  // A symbolic ref ("ref: refs/heads/main") holds what its target holds.
  const target = /^ref: (refs\/.+)$/.exec(text)?.[1];
  if (target) return depth < 5 ? readOneRef(directory, target, depth + 1) : undefined;
  return /^[0-9a-f]{40}$/.test(text) ? text : undefined;
}

async function looseRefNames(directory: string, folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(path.join(directory, folder), { withFileTypes: true });
  } catch {
    return [];
  }
  const names = await Promise.all(
    entries.map(async (entry) => {
      const name = `${folder}/${entry.name}`;
      if (entry.isDirectory()) return looseRefNames(directory, name);
      // git writes a ref through "<ref>.lock" and renames it: a lock file is no ref.
      return entry.isFile() && !entry.name.endsWith('.lock') ? [name] : [];
    }),
  );
  return names.flat();
}

/** packed-refs: "<id> <name>" lines, after a "#" header; "^<id>" lines peel the tag above them. */
async function readPackedRefs(directory: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await fs.readFile(path.join(directory, 'packed-refs'), 'utf8');
  } catch {
    return new Map();
  }
  const refs = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{40}) (refs\/.+)$/.exec(line);
    if (match) refs.set(match[2]!, match[1]!);
  }
  return refs;
}
