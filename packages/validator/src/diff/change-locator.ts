import type { JsonDocument } from '../json/json-document.js';
import { CANONICAL_NAMES } from '../loader/connector-folder.js';
import { locatedChange, type Change, type ChangedFileKind } from './change.js';
import type { ConnectorVersion } from './connector-version.js';
import { listedOperationId, type RawChange } from './raw-change.js';
import { isSchemaReport, type RawEntry, type SchemaReport } from './schema-report.js';

type SchemaChanges = SchemaReport['schemaChanges'];

/** Locates changes in their files: each pointer of each file and version found in one pass over its text. */
export class ChangeLocator {
  private readonly documents = new Map<string, JsonDocument | undefined>();
  private readonly located = new Map<string, ReturnType<JsonDocument['locateAll']>>();
  private readonly places = new Map<SchemaChanges, { line: number; column: number }[]>();

  constructor(
    entries: readonly RawEntry[],
    private readonly before: ConnectorVersion,
    private readonly after: ConnectorVersion,
  ) {
    const pointers = new Map<string, Set<string>>();
    const add = (side: string, file: ChangedFileKind, pointer: string): void => {
      const key = `${side}:${file}`;
      const set = pointers.get(key) ?? new Set<string>();
      set.add(pointer);
      pointers.set(key, set);
    };
    const lists = new Set<SchemaChanges>();
    for (const entry of entries) {
      if (!isSchemaReport(entry)) add(entry.side, entry.file, entry.pointer);
      else if (!lists.has(entry.schemaChanges)) {
        lists.add(entry.schemaChanges);
        for (const change of entry.schemaChanges) add(change.side, 'swagger', change.pointer);
      }
    }
    for (const [key, set] of pointers) {
      const [side, file] = key.split(':') as ['old' | 'new', ChangedFileKind];
      const version = side === 'old' ? before : after;
      const document =
        file === 'swagger' ? version.swagger : file === 'apiProperties' ? version.apiProperties : undefined;
      this.documents.set(key, document);
      if (document && document.value !== undefined) this.located.set(key, document.locateAll(set));
    }
  }

  /** The line and column of each change of a list, as `locate` gives them. */
  placesOf(list: SchemaChanges): { line: number; column: number }[] {
    let places = this.places.get(list);
    if (!places) {
      places = list.map((change) =>
        this.position({
          side: change.side,
          file: 'swagger',
          pointer: change.pointer,
          atValueEnd: change.atValueEnd,
        }),
      );
      this.places.set(list, places);
    }
    return places;
  }

  locate(change: RawChange): Change {
    const version = change.side === 'old' ? this.before : this.after;
    const position = this.position(change);
    const advice = change.advice ?? change.rule.advice;
    return locatedChange({
      ruleId: change.rule.id,
      severity: change.rule.severity,
      message: [change.rule.message, change.detail, advice].filter(Boolean).join(' '),
      advice,
      operationId: change.operationId !== undefined ? listedOperationId(change.operationId) : undefined,
      file: filePath(version, change.file),
      pointer: change.pointer,
      line: position.line,
      column: position.column,
      side: change.side,
      impact: change.impact ?? change.rule.impact,
      valuePath: change.valuePath,
    });
  }

  private position(change: Pick<RawChange, 'side' | 'file' | 'pointer' | 'atValueEnd' | 'offset' | 'line'>): {
    line: number;
    column: number;
  } {
    const key = `${change.side}:${change.file}`;
    const located = this.located.get(key)?.get(change.pointer);
    const document = this.documents.get(key);
    // The end of a value is scanned from its start, which the one pass over the text found.
    const end = change.atValueEnd && located ? document?.valueEnd(change.pointer, located) : undefined;
    const offset = change.offset ?? end ?? located?.offset;
    return document && offset !== undefined
      ? document.position(offset)
      : { line: change.line ?? 1, column: 1 };
  }
}

export function filePath(version: ConnectorVersion, file: ChangedFileKind): string {
  switch (file) {
    case 'swagger':
      return version.swaggerPath ?? CANONICAL_NAMES.swagger;
    case 'apiProperties':
      return version.apiPropertiesPath ?? CANONICAL_NAMES.apiProperties;
    case 'readme':
      return version.readme?.path ?? CANONICAL_NAMES.readme;
    case 'script':
      return version.script?.path ?? CANONICAL_NAMES.script;
    case 'icon':
      return version.icon?.path ?? CANONICAL_NAMES.icon;
  }
}
