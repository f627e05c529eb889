import type { ConnectorFolder } from '../loader/connector-folder.js';
import { decodeSegment } from '../json/pointer.js';
import { has, isObject, type JsonObject } from '../swagger/json-values.js';
import type { FileKind } from './finding.js';
import type { Report } from './report.js';

/** A JSON file's root object as read, and the text after it that reading left out. */
interface UnreadTail {
  root: JsonObject;
  text: string;
}

/**
 * The root members that a connector's JSON files write after their top-level value, where reading
 * stopped (GEN-JSON-PARSE: "There is more text after the end of the JSON value"). GIPHY's swagger
 * writes its x-ms-connector-metadata after the root's closing brace: the value read lacks it, and
 * SWG-META-REQ said it was missing beside the parse error, which already says to move the text inside
 * the value. A report at a root member that the value lacks (the only place a rule can point at a
 * missing member) and that the unread text writes, as a JSON key in quotes, is withheld: the member
 * is not missing, and once the text is moved inside, the rules judge it. Undefined for a connector
 * whose JSON files were read to their end, nearly all of them.
 */
export class UnreadMembers {
  private constructor(private readonly tails: ReadonlyMap<FileKind, UnreadTail>) {}

  static of(connector: ConnectorFolder): UnreadMembers | undefined {
    let tails: Map<FileKind, UnreadTail> | undefined;
    for (const file of [connector.files.swagger, connector.files.apiProperties, connector.files.settings]) {
      const document = file?.document;
      const from = document?.unreadFrom;
      if (from === undefined || !isObject(document!.value)) continue;
      (tails ??= new Map()).set(file!.kind, { root: document!.value, text: document!.text.slice(from) });
    }
    return tails && new UnreadMembers(tails);
  }

  /** Whether `report`, of a file of `kind`, is at a root member the value lacks and the unread text writes. */
  withholds(kind: FileKind, report: Report): boolean {
    const tail = this.tails.get(kind);
    const pointer = report.pointer;
    if (!tail || report.path !== undefined || pointer === undefined || pointer === '') return false;
    const end = pointer.indexOf('/', 1);
    const key = decodeSegment(pointer.slice(1, end === -1 ? undefined : end));
    return !has(tail.root, key) && tail.text.includes(JSON.stringify(key));
  }
}
