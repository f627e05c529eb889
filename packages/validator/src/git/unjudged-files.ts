import path from 'node:path';
import type { JsonDocument } from '../json/json-document.js';
import type { Finding } from '../model/finding.js';
import { CANONICAL_NAMES } from '../loader/connector-folder.js';
import type { ConnectorVersion } from '../diff/connector-version.js';

/**
 * The base findings that no current finding matched, without those whose fate cannot be told: the
 * findings of a JSON file that the current version has but cannot read (cut off, empty, nested too
 * deep), of which no rule judges anything now. A swagger cut off mid-save counted every finding of
 * the base's swagger fixed ("83 fixed since the base"), and the findings were all still there.
 */
export function fixedOfJudgedFiles(fixed: readonly Finding[], current: ConnectorVersion): Finding[] {
  const unjudged = new Set<string>();
  if (unreadable(current.swagger)) unjudged.add(CANONICAL_NAMES.swagger.toLowerCase());
  if (unreadable(current.apiProperties)) unjudged.add(CANONICAL_NAMES.apiProperties.toLowerCase());
  if (unjudged.size === 0) return [...fixed];
  // The name the file has in its folder, in any case: the base may spell it otherwise.
  return fixed.filter(
    (finding) => !unjudged.has(path.relative(finding.connector, finding.file).toLowerCase()),
  );
}

/** A file that is there, with syntax issues, and no value that the rules could read. */
function unreadable(document: JsonDocument | undefined): boolean {
  return document !== undefined && document.value === undefined && document.syntaxIssues.length > 0;
}
