import { fixEditsFile } from '../../fix/json-fix.js';
import type { RuleContext } from '../../model/rule.js';
import type { StructureNode } from './structure/nodes.js';

/** Appended to a finding whose misspelled key `validate --fix` renames, as GEN-JSON-PARSE's say their edit. */
export const RENAME_ADVICE = '`connector-alm validate --fix` renames it.';

/** A key of the swagger that a finding names the spelling of (`basepath` meant as `basePath`). */
export interface MeantKey {
  node: StructureNode;
  key: string;
  meant: string;
}

/**
 * The renames among `meant` that `validate --fix` makes (fix/key-renames.ts, fix-folders.ts), for a
 * finding to say so: the swagger is strict JSON or --fix repairs its syntax first, it is valid UTF-8,
 * the object has no key of the new name, which no other of its keys is to take either (those the
 * maker merges by hand, as --fix says), and the key is not written twice. The findings said nothing
 * of --fix, which does rename them.
 */
export function renamedByFix(context: RuleContext, meant: readonly MeantKey[]): Set<MeantKey> {
  const renamed = new Set<MeantKey>();
  const file = context.connector.files.swagger;
  if (meant.length === 0 || !fixEditsFile(file)) return renamed;
  const takers = new Map<StructureNode, Map<string, number>>();
  for (const { node, meant: to } of meant) {
    const counts = takers.get(node) ?? new Map<string, number>();
    counts.set(to, (counts.get(to) ?? 0) + 1);
    takers.set(node, counts);
  }
  // A key written twice: renamed, one of them would stay, and --fix renames no key of the file then.
  const repeated = new Set(file!.document!.duplicateKeys.map((duplicate) => duplicate.key));
  for (const use of meant) {
    if (Object.hasOwn(use.node.value, use.meant) || repeated.has(use.key)) continue;
    if (takers.get(use.node)!.get(use.meant) === 1) renamed.add(use);
  }
  return renamed;
}
