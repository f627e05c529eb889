import type { ChangedFileKind } from './change.js';
import type { RawChange } from './raw-change.js';
import { expandEntries, type RawEntry, type SchemaReport } from './schema-report.js';

/** Where one comparer's changes go. Keeps the list and the pointers it touched, for the fallbacks. */
export class ChangeSink {
  /** The changes and schema reports, in the order added. */
  readonly entries: RawEntry[] = [];
  /**
   * Every pointer a change is at or below, per file, built at the first `touches`: scanning the
   * changes at each call was quadratic (40,000 unused definitions edited: 45 s).
   */
  private touched: Set<string> | undefined;
  /** The shared lists of schema changes whose pointers are in `touched`, each touched once. */
  private readonly touchedLists = new Set<SchemaReport['schemaChanges']>();

  add(change: RawChange): void {
    this.entries.push(change);
    if (this.touched) touch(this.touched, change);
  }

  /** Reports a schema's changes for one operation (see schema-report.ts); nothing when there are none. */
  addReport(report: SchemaReport): void {
    if (report.schemaChanges.length === 0) return;
    this.entries.push(report);
    if (this.touched) this.touchList(this.touched, report);
  }

  /** Every change, each report expanded: for tests and comparers that report no schemas. */
  get changes(): RawChange[] {
    return [...expandEntries(this.entries)];
  }

  /** True when a change was reported at `pointer` or below it, in either version. */
  touches(pointer: string, file: ChangedFileKind = 'swagger'): boolean {
    if (!this.touched) {
      const touched = new Set<string>();
      for (const entry of this.entries) {
        if ('schemaChanges' in entry) this.touchList(touched, entry);
        else touch(touched, entry);
      }
      this.touched = touched;
    }
    return this.touched.has(`${file}:${pointer}`);
  }

  /** A report's pointers are its list's, whatever the operation: each list is touched once. */
  private touchList(touched: Set<string>, report: SchemaReport): void {
    if (this.touchedLists.has(report.schemaChanges)) return;
    this.touchedLists.add(report.schemaChanges);
    for (const change of report.schemaChanges) touch(touched, { file: 'swagger', pointer: change.pointer });
  }
}

/** Adds the change's pointer and each pointer above it ('/a/b' is below '/a' and ''). */
function touch(touched: Set<string>, change: Pick<RawChange, 'file' | 'pointer'>): void {
  const { pointer } = change;
  touched.add(`${change.file}:${pointer}`);
  for (let index = pointer.lastIndexOf('/'); index >= 0; index = pointer.lastIndexOf('/', index - 1)) {
    const above = `${change.file}:${pointer.slice(0, index)}`;
    touched.add(above);
    if (index === 0) break;
  }
}
