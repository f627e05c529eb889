import type { JsonDocument } from '../json/json-document.js';
import type { ConnectorFolder } from '../loader/connector-folder.js';
import type { Finding } from '../model/finding.js';
import { compareWithBaseline } from '../diff/baseline.js';
import { validateLoadedConnector, type EngineOptions } from '../engine.js';

/** The JSON files that every other file's rules may read: a swagger or apiProperties that the rules cannot read. */
const READ_BY_OTHER_FILES = ['swagger', 'apiProperties'] as const;

/**
 * The base findings that no current finding matched, without those whose fate cannot be told: the
 * findings that go away with a JSON file that the current version has but cannot read (cut off,
 * empty, nested too deep). A swagger cut off mid-save counted every finding of the base's swagger
 * fixed ("83 fixed since the base"), and the findings were all still there; and with them those of
 * the rules of other files that read the swagger: a readme's operations that the swagger lacks
 * (README-OPS-MATCH), the folder's name against the title.
 *
 * Which those are is found out rather than declared: the rules run once more on the base version
 * with the current version's unreadable files in place of its own, and a base finding counts fixed
 * only when that run still has it, that is, when the unreadable file does not explain its going.
 * Rules declare no such dependency, and a declaration would go stale as rules change.
 */
export function fixedOfJudgedFiles(
  fixed: readonly Finding[],
  versions: { base: ConnectorFolder; current: ConnectorFolder },
  engine: EngineOptions,
): Finding[] {
  const { base, current } = versions;
  const unreadable = READ_BY_OTHER_FILES.filter((kind) => unreadableDocument(current.files[kind]?.document));
  if (unreadable.length === 0 || fixed.length === 0) return [...fixed];
  const files = { ...base.files };
  for (const kind of unreadable) files[kind] = current.files[kind];
  const withUnreadableFiles = validateLoadedConnector({ ...base, files }, engine);
  // The fixed findings that this run has not: those that went away with the unreadable files.
  const explained = new Set(compareWithBaseline(withUnreadableFiles, fixed).fixed);
  return fixed.filter((finding) => !explained.has(finding));
}

/** A file that is there, with syntax issues, and no value that the rules could read. */
function unreadableDocument(document: JsonDocument | undefined): boolean {
  return document !== undefined && document.value === undefined && document.syntaxIssues.length > 0;
}
