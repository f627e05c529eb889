import { collisionKey } from './entry-name.js';

/**
 * What stands in the way of a path being placed: something already at that path; a file placed
 * where an earlier path needs a folder; or a folder the path needs where an earlier file is.
 * `folder` is the folder's path as the path that needs it names it.
 */
export type PathClash<T> =
  | { kind: 'same-path'; other: T }
  | { kind: 'needed-as-folder'; other: T; folder: string }
  | { kind: 'file-in-the-way'; other: T; folder: string };

interface Folder<T> {
  id: number;
  /** What was placed at this path. */
  placed?: { value: T; isFolder: boolean };
  /** The first path that needs this one as a folder: its segments, of which this is the first `depth`. */
  neededBy?: { value: T; segments: readonly string[]; depth: number };
}

/**
 * The files and folders that a set of paths makes, compared as a case-insensitive file system
 * compares them (see collisionKey). Each path is looked up folder by folder, so the time and memory
 * grow with the length of the names: a zip name may nest 30,000 folders, and keeping every folder
 * as a whole path costs the square of that.
 */
export class PathTree<T> {
  /** Each folder or file by its parent's id and its own name's collision key. */
  private readonly nodes = new Map<string, Folder<T>>();
  private nextId = 1;

  /**
   * Places a '/'-separated path (without a final '/'), or says what is in its way; a clash leaves
   * the path unplaced.
   */
  place(path: string, isFolder: boolean, value: T): PathClash<T> | undefined {
    const segments = path.split('/');
    const chain = this.chain(segments);
    const node = chain.at(-1)!;
    if (node.placed !== undefined) return { kind: 'same-path', other: node.placed.value };
    if (!isFolder && node.neededBy !== undefined) {
      const { value, segments: theirs, depth } = node.neededBy;
      return { kind: 'needed-as-folder', other: value, folder: theirs.slice(0, depth).join('/') };
    }
    for (const [index, folder] of chain.slice(0, -1).entries()) {
      if (folder.placed !== undefined && !folder.placed.isFolder)
        return {
          kind: 'file-in-the-way',
          other: folder.placed.value,
          folder: segments.slice(0, index + 1).join('/'),
        };
    }
    for (const [index, folder] of chain.slice(0, -1).entries())
      folder.neededBy ??= { value, segments, depth: index + 1 };
    node.placed = { value, isFolder };
    return undefined;
  }

  /** The node of each segment's path, made where missing. */
  private chain(segments: readonly string[]): Array<Folder<T>> {
    let parent = 0;
    return segments.map((segment) => {
      const key = `${parent}/${collisionKey(segment)}`;
      let node = this.nodes.get(key);
      if (node === undefined) this.nodes.set(key, (node = { id: this.nextId++ }));
      parent = node.id;
      return node;
    });
  }
}
