import { randomUUID } from 'node:crypto';
import { readZip } from './trees.js';
import { variantOf } from './zips.js';

/** The one connector of the customHIL export, which the copies below are made from. */
export const HIL_CONNECTOR = 'cat_human-2din-2dthe-2dloop';

/**
 * A real export with more connectors: customHIL with copies of its connector under other names
 * (and display names), each added after the original (its `<Connector>` element, its side files and its
 * `<RootComponent type="372">`), in the order given. No public export with several connectors is
 * among the fixtures, and this keeps every byte Dataverse wrote for the original.
 */
export async function withConnectorCopies(
  source: string,
  file: string,
  names: readonly string[],
): Promise<string> {
  const entries = await readZip(source);
  let customizations = entries.get('customizations.xml')!.toString('utf8');
  let solution = entries.get('solution.xml')!.toString('utf8');
  const element = /( *)<Connector>[\s\S]*?<\/Connector>(\r?\n)/.exec(customizations)!;
  const root = /( *)<RootComponent type="372"[^>]*\/>(\r?\n)/.exec(solution)!;
  const originalId = /<connectorid>([^<]+)<\/connectorid>/.exec(element[0])![1]!;
  const changes: Record<string, Buffer> = {};
  let addedElements = '';
  let addedRoots = '';
  for (const name of names) {
    const id = randomUUID();
    addedElements += element[0]
      .replaceAll(HIL_CONNECTOR, name)
      .replace(originalId, id)
      .replace(/<displayname>[^<]*<\/displayname>/, `<displayname>${name}</displayname>`);
    addedRoots += root[0].replaceAll(HIL_CONNECTOR, name).replace(originalId, id);
    for (const [entry, bytes] of entries) {
      if (entry.startsWith(`Connector/${HIL_CONNECTOR}_`))
        changes[entry.replace(HIL_CONNECTOR, name)] = bytes;
    }
  }
  const afterElement = element.index + element[0].length;
  customizations = customizations.slice(0, afterElement) + addedElements + customizations.slice(afterElement);
  const afterRoot = root.index + root[0].length;
  solution = solution.slice(0, afterRoot) + addedRoots + solution.slice(afterRoot);
  return variantOf(source, file, {
    'customizations.xml': customizations,
    'solution.xml': solution,
    ...changes,
  });
}
