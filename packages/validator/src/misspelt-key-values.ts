import type { PendingFinding } from './model/pending-finding.js';
import { JsonDocument } from './json/json-document.js';
import { parsePointer, toPointer, valueAtPointer } from './json/pointer.js';
import {
  JSON_FILE_KINDS,
  type ConnectorFolder,
  type JsonFile,
  type JsonFileKind,
} from './loader/connector-folder.js';
import { fixJsonFileText } from './fix/json-fix.js';
import { renameKeys, type KeyRename } from './fix/key-renames.js';
import { isObject } from './swagger/json-values.js';

// A value under a misspelled key is judged by no rule: the rules read `basePath`, and `"basepath":
// "v1"` gets SWG-ADDL-PROP's "did you mean 'basePath'?" alone. The maker renamed the key (or ran
// validate --fix, which renames it), ran validate again, and only then heard that the value was wrong
// too (SWG-BASEPATH's missing '/'), one review round late. So the rules also read the folder with the
// keys renamed that their findings name the spelling of, as --fix would rename them, and what they
// find in those values is reported at the misspelled key, in the same run.

/** A key as written and as its finding says it is meant: the pointers of the two documents. */
interface MadeRename {
  written: string;
  meant: string;
}

/**
 * The reports the rules make of the values under the misspelled keys that `reports` (the rules'
 * reports of the folder as written) name the spelling of, read with those keys renamed; each placed
 * at the key as written. `reportsOf` runs the rules on a folder. Nothing when no finding names a
 * rename, or every file it names has syntax errors that --fix does not repair (nor renames a key
 * there).
 */
export function reportsUnderMisspeltKeys(
  connector: ConnectorFolder,
  reports: readonly PendingFinding[],
  reportsOf: (connector: ConnectorFolder) => PendingFinding[],
): PendingFinding[] {
  const renamesByKind = new Map<JsonFileKind, KeyRename[]>();
  for (const { rule, report } of reports) {
    const fix = report.fix;
    if (fix === undefined || !('renameKey' in fix) || report.pointer === undefined || report.path) continue;
    const kind = report.file ?? rule.file;
    if (!isJsonFileKind(kind)) continue;
    renamesByKind.set(kind, [
      ...(renamesByKind.get(kind) ?? []),
      { pointer: report.pointer, to: fix.renameKey },
    ]);
  }
  if (renamesByKind.size === 0) return [];

  const files = { ...connector.files };
  const madeByKind = new Map<JsonFileKind, MadeRename[]>();
  for (const [kind, renames] of renamesByKind) {
    const file = connector.files[kind];
    const document = file && strictDocument(file);
    if (!file || !document) continue;
    const renamed = renameKeys(document, renames);
    if (renamed.made === 0) continue;
    const renamedDocument = JsonDocument.parse(renamed.text);
    const made = madeRenames(document.value, renamedDocument.value, renames);
    if (made.length === 0) continue;
    files[kind] = { ...file, document: renamedDocument };
    madeByKind.set(kind, made);
  }
  if (madeByKind.size === 0) return [];

  // Said already of the folder as written: not said again. A key said to be missing under its right
  // spelling (PROP-PUBLISHER's "add the 'publisher' property") that the renamed key then holds empty
  // is one problem.
  const said = reports.map(({ rule, report }) => ({
    rule: rule.id,
    pointer: report.pointer,
    message: report.message,
  }));
  const extra: PendingFinding[] = [];
  for (const pending of reportsOf({ ...connector, files })) {
    const { rule, report } = pending;
    // Offsets and other places are of the renamed text, whose keys are longer or shorter.
    if (report.pointer === undefined || report.path || report.offset !== undefined || report.others) continue;
    const kind = report.file ?? rule.file;
    if (!isJsonFileKind(kind)) continue;
    const written = writtenPointer(report.pointer, madeByKind.get(kind) ?? []);
    if (written === undefined) continue;
    const saidAlready = said.some(
      (earlier) =>
        earlier.rule === rule.id &&
        earlier.message === report.message &&
        earlier.pointer !== undefined &&
        (earlier.pointer === written ||
          earlier.pointer === report.pointer ||
          written.startsWith(`${earlier.pointer}/`)),
    );
    if (!saidAlready) extra.push({ ...pending, report: { ...report, pointer: written } });
  }
  return extra;
}

/**
 * The file as strict JSON: as read, or, where --fix repairs every syntax slip of it, as --fix writes
 * it before renaming its keys (a trailing comma elsewhere in the file hid the value's finding too).
 * Undefined for a file --fix leaves with its slips: where a key stands in it is a reading, not a fact.
 */
function strictDocument(file: JsonFile): JsonDocument | undefined {
  const document = file.document;
  if (document === undefined || document.isStrictJson) return document;
  const fixed = fixJsonFileText(file)?.fix;
  return fixed?.outcome === 'fixed' ? JsonDocument.parse(fixed.text) : undefined;
}

function isJsonFileKind(kind: string): kind is JsonFileKind {
  return (JSON_FILE_KINDS as readonly string[]).includes(kind);
}

/**
 * The renames made: the key as written is gone from its object and the meant one is there, which
 * the object did not have before (`renameKeys` leaves a key whose object has the meant one already).
 */
function madeRenames(written: unknown, renamed: unknown, renames: readonly KeyRename[]): MadeRename[] {
  const made: MadeRename[] = [];
  for (const { pointer, to } of renames) {
    const segments = parsePointer(pointer);
    const from = segments.pop()!;
    const parent = toPointer(segments);
    const before = valueAtPointer(written, parent);
    const after = valueAtPointer(renamed, parent);
    if (!isObject(before) || !isObject(after)) continue;
    if (Object.hasOwn(before, to) || !Object.hasOwn(after, to) || Object.hasOwn(after, from)) continue;
    made.push({ written: pointer, meant: toPointer([...segments, to]) });
  }
  return made;
}

/** The pointer as written of a pointer into the renamed document at or under a renamed key. */
function writtenPointer(pointer: string, made: readonly MadeRename[]): string | undefined {
  for (const { written, meant } of made) {
    if (pointer === meant) return written;
    if (pointer.startsWith(`${meant}/`)) return `${written}${pointer.slice(meant.length)}`;
  }
  return undefined;
}
