import type { RawChange } from './raw-change.js';
import type { SchemaReport } from './schema-report.js';

/**
 * The entries of one operation at one ValuePath: the part of it up to a '/' (or its end) that every
 * ValuePath below starts with.
 */
export class PathNode {
  readonly children = new Map<string, PathNode>();
  /** The schema reports at this ValuePath, in entry order. */
  readonly reports: SchemaReport[] = [];
  /** The breaking changes not in reports at this ValuePath, in entry order. */
  readonly changes: RawChange[] = [];
  /** Whether a report or change is at a ValuePath below this one. */
  entriesBelow = false;

  constructor(
    readonly parent: PathNode | undefined,
    /** The length of the ValuePath: below it, a ValuePath's rest is `valuePath.slice(length)`. */
    readonly length: number,
  ) {}

  /** The ancestors of this node, nearest first: the ValuePaths this one starts with. */
  *ancestors(): Generator<PathNode> {
    for (let node = this.parent; node && node.length >= 0; node = node.parent) yield node;
  }
}

/**
 * One operation's ValuePaths as a tree of their '/'-separated parts, so that the ValuePaths above or
 * below one are found by walking its parts, not by cutting it at each '/' and looking each piece up
 * (a chain of 500 parameters named 'x', 'x/x', … cut 500 strings of up to 1,000 characters each).
 * 'a/b' is below 'a' and '' (what a leading '/' leaves), as in `valuePath.startsWith(above + '/')`.
 */
export class ValuePathTree {
  // Above every ValuePath; '' is a ValuePath of its own (the one before a leading '/').
  private readonly root = new PathNode(undefined, -1);

  /** The node of `valuePath`, made with the nodes above it if missing. */
  nodeOf(valuePath: string): PathNode {
    let node = this.root;
    for (const end of partEnds(valuePath)) {
      const part = valuePath.slice(node.length + 1, end);
      let child = node.children.get(part);
      if (!child) {
        child = new PathNode(node, end);
        node.children.set(part, child);
      }
      node = child;
    }
    return node;
  }

  /** Notes that `node` holds an entry: the nodes above it have entries below. */
  static holdsEntry(node: PathNode): void {
    for (const above of node.ancestors()) {
      if (above.entriesBelow) return;
      above.entriesBelow = true;
    }
  }

  /** The nodes of `valuePath` and the ValuePaths it starts with, from the shortest, as far as they exist. */
  *along(valuePath: string): Generator<PathNode> {
    yield* ValuePathTree.down(this.root, valuePath);
  }

  /**
   * The nodes below `node` that `valuePath` (node's ValuePath and more) is at or below, from the
   * nearest, as far as they exist: `node` itself is not one.
   */
  static *down(node: PathNode, valuePath: string): Generator<PathNode> {
    for (const end of partEnds(valuePath, node.length + 1)) {
      const child = node.children.get(valuePath.slice(node.length + 1, end));
      if (!child) return;
      yield child;
      node = child;
    }
  }
}

/** Where each part of `valuePath` from `start` ends: at each '/' and at the end. */
function* partEnds(valuePath: string, start = 0): Generator<number> {
  if (start > valuePath.length) return;
  for (let index = valuePath.indexOf('/', start); index >= 0; index = valuePath.indexOf('/', index + 1))
    yield index;
  yield valuePath.length;
}
