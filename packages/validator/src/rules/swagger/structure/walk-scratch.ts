import { CHILD_FIELDS } from './child-slots.js';
import { FieldTable } from './field-table.js';
import type { StructureNode } from './nodes.js';
import { OBJECT_FIELDS, type NodeKind } from './swagger-fields.js';

/** What the walk keeps for each kind: its fields' bits, and the nodes the running walk met. */
export interface KindState {
  readonly kind: NodeKind;
  readonly fields: FieldTable;
  /** How many children slots its nodes take (CHILD_FIELDS). */
  readonly childCount: number;
  /** See KINDS: the walk writes its nodes here, then copies them at their length. */
  readonly nodes: (StructureNode | undefined)[];
  count: number;
}

/**
 * Each kind's state, found with one lookup per node. The walk lists each kind's nodes into `nodes`
 * and copies them at their final length when it ends: the ~140,000 nodes of a corpus run pushed onto
 * lists grown from [] made them copy themselves over and over (~2.1 MB of the walk's 17.6 a corpus
 * run). Walks are synchronous and never nested, so these lists serve them all; each walk clears the
 * entries it wrote (the lists keep their length) so that no document outlives its walk.
 */
export const KINDS = Object.fromEntries(
  (Object.keys(OBJECT_FIELDS) as NodeKind[]).map((kind): [NodeKind, KindState] => [
    kind,
    { kind, fields: new FieldTable(kind), childCount: CHILD_FIELDS[kind].length, nodes: [], count: 0 },
  ]),
) as Record<NodeKind, KindState>;

/** Copies the lists of the kinds met, in that order, into `byKind`, and empties them. */
export function takeNodes(kindsMet: readonly KindState[], byKind: Map<NodeKind, StructureNode[]>): void {
  for (const state of kindsMet) {
    byKind.set(state.kind, state.nodes.slice(0, state.count) as StructureNode[]);
    state.nodes.fill(undefined, 0, state.count);
    state.count = 0;
  }
}

export const NO_HOLDER_KEYS = new Uint16Array(0);

/**
 * The HolderKey bits of the running walk's schemas, by index among them, copied at their count when
 * the walk ends (as KINDS' lists are): walks are synchronous and never nested. Grown by doubling.
 */
let schemaHolderScratch = new Uint16Array(4096);

export function noteSchemaHolderKeys(index: number, bits: number): void {
  if (index >= schemaHolderScratch.length) {
    const grown = new Uint16Array(schemaHolderScratch.length * 2);
    grown.set(schemaHolderScratch);
    schemaHolderScratch = grown;
  }
  schemaHolderScratch[index] = bits;
}

/**
 * Where the walks keep their schemas' HolderKey bits: each walk copies its bits here after the
 * previous walk's and keeps a view of them. A Uint16Array of its own per walk, each with a buffer
 * outside the heap, cost ~1.2 µs a walk (~3% of the walk's samples). A walk whose bits do not fit
 * in what is left starts a new pool; the old one lives as long as the views of it.
 */
const HOLDER_POOL_LENGTH = 1 << 16;
let holderPool = new Uint16Array(HOLDER_POOL_LENGTH);
let holderPoolUsed = 0;

/** The running walk's `count` bits, copied from the scratch list into the pool. */
export function takeSchemaHolderKeys(count: number): Uint16Array {
  if (holderPoolUsed + count > holderPool.length) {
    holderPool = new Uint16Array(Math.max(HOLDER_POOL_LENGTH, count));
    holderPoolUsed = 0;
  }
  const start = holderPoolUsed;
  holderPool.set(schemaHolderScratch.subarray(0, count), start);
  holderPoolUsed += count;
  return holderPool.subarray(start, start + count);
}
