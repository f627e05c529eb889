import { unzipSync } from 'fflate';
import { withoutByteOrderMark } from '@connector-alm/core';
import { attribute, childElements, firstChild, parseXml } from '@connector-alm/solution';

/**
 * The components a solution zip brings, as its solution.xml lists them (`<RootComponent type="372"
 * schemaName="contoso_5fcontoso"/>`): `372:contoso_5fcontoso`, or `type:{id}` for one named by its id.
 * Enough for the server to tell an update, which keeps the components of the installed version that
 * the new one lacks, from an upgrade, which deletes them (solution-store.ts).
 */
export function rootComponents(zip: Uint8Array): string[] {
  const entries = unzipSync(zip, { filter: (file) => file.name === 'solution.xml' });
  const bytes = entries['solution.xml'];
  // The store reads the manifest first, which refuses a zip without a readable solution.xml.
  if (!bytes) return [];
  const text = withoutByteOrderMark(new TextDecoder('utf-8').decode(bytes));
  const manifest = firstChild(parseXml(text, 'solution.xml'), 'SolutionManifest');
  const list = manifest && firstChild(manifest, 'RootComponents');
  return (list ? childElements(list, 'RootComponent') : []).map((component) => {
    const type = attribute(component, 'type') ?? '';
    const name = attribute(component, 'schemaName') ?? attribute(component, 'id') ?? '';
    return `${type}:${name}`;
  });
}

/**
 * The components a solution has after an import of `incoming` over `installed`. An update of a managed
 * solution keeps the components of the installed version that the new one lacks, and an upgrade deletes
 * them (Learn, Power Platform ALM, "Upgrade or update a solution"); a first install has exactly the new
 * version's. An unmanaged import over an unmanaged solution has been merged into the installed zip
 * (unmanaged-import-merge.ts): its components are the merged zip's.
 */
export function componentsAfterImport(
  installed: { managed: boolean; components: readonly string[] } | undefined,
  incoming: { managed: boolean; components: readonly string[] },
  upgrade: boolean,
): string[] {
  if (!installed || upgrade || !installed.managed || !incoming.managed) return [...incoming.components];
  return [...new Set([...installed.components, ...incoming.components])];
}
