import type { ConnectorFolder } from '../loader/connector-folder.js';
import type { Finding } from '../model/finding.js';
import { valueAtPointer } from '../json/pointer.js';
import { relativeFile } from '../diff/baseline.js';

/**
 * For diff/baseline.ts `compareWithBaseline`: whether a finding of the base version is about a place
 * the current version still has, in the JSON file of the same name (in any case, as connector files
 * are read). The place is what holds the member the pointer names: a finding at a schema's `format`
 * is about the schema, which stays when the fix takes its `format` away. A finding without a pointer,
 * or in a file the current version lacks or cannot parse, has no place kept.
 */
export function placeKeptIn(current: ConnectorFolder): (baseFinding: Finding) => boolean {
  const documents = new Map<string, unknown>();
  for (const file of [current.files.swagger, current.files.apiProperties, current.files.settings]) {
    if (file?.document) documents.set(file.name.toLowerCase(), file.document.value);
  }
  return (finding) => {
    if (finding.pointer === undefined) return false;
    const root = documents.get(relativeFile(finding));
    if (root === undefined) return false;
    const holder = finding.pointer.slice(0, Math.max(0, finding.pointer.lastIndexOf('/')));
    return valueAtPointer(root, holder) !== undefined;
  };
}
