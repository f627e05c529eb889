import { childPointer } from '../../json/pointer.js';
import type { RuleContext } from '../../model/rule.js';
import { ConnectorCache } from '../../model/connector-cache.js';
import { asArray, asObject, asString } from '../../swagger/json-values.js';

export const METADATA_POINTER = '/x-ms-connector-metadata';

export interface MetadataEntry {
  name: string;
  value: unknown;
  /** Its index in x-ms-connector-metadata: the pointer is built only for a finding. */
  index: number;
}

/**
 * Listed once per connector for the four rules that read it (SWG-META-PROPS, -CATEGORY,
 * -CATEGORY-MAX, -URL), which each built it with a pointer per entry: the four allocated 1.76 MB
 * a warm corpus run, now 1.08.
 */
const entriesByMetadata = new ConnectorCache<unknown[], readonly MetadataEntry[]>();

/** The named entries of x-ms-connector-metadata. Shared by the rules of a connector: do not modify. */
export function metadataEntries(context: RuleContext): readonly MetadataEntry[] {
  const list = asArray(context.swagger?.root['x-ms-connector-metadata']);
  if (!list) return [];
  return entriesByMetadata.getOrBuild(list, namedEntries);
}

function namedEntries(list: unknown[]): MetadataEntry[] {
  const entries: MetadataEntry[] = [];
  list.forEach((entry, index) => {
    const name = asString(asObject(entry)?.propertyName);
    if (name !== undefined) entries.push({ name, value: asObject(entry)!.propertyValue, index });
  });
  return entries;
}

/** The pointer of an entry's key (`propertyName`, `propertyValue`). */
export function entryPointer(entry: MetadataEntry, key: string): string {
  return childPointer(METADATA_POINTER, entry.index, key);
}
