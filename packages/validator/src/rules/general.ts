import type { FileKind } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { sameLevels, type RuleContext, type RuleDefinition } from '../model/rule.js';
import {
  CANONICAL_NAMES,
  JSON_FILE_KINDS,
  type ConnectorFolder,
  type FileIssue,
  type LoadedFile,
} from '../loader/connector-folder.js';
import { ConnectorCache } from '../model/connector-cache.js';
import { fixEditsFile } from '../fix/json-fix.js';
import type { JsonDocument } from '../json/json-document.js';
import { childPointer } from '../json/pointer.js';
import { syntaxErrorPlaces } from '../json/syntax-error-places.js';
import { mergeConflictRule } from './general-merge-conflict.js';

const FILE_KINDS: Exclude<FileKind, 'folder'>[] = [
  'swagger',
  'apiProperties',
  'settings',
  'readme',
  'script',
  'icon',
];

type FileList = readonly [Exclude<FileKind, 'folder'>, LoadedFile][];
type JsonDocumentList = readonly [(typeof JSON_FILE_KINDS)[number], JsonDocument][];

/**
 * Listed once per connector: five file-issue rules read the files, three JSON rules the documents,
 * and each built its list of pairs: the file-issue rules allocated ~1.3 MB a warm corpus run, now ~0.85.
 */
const filesOfConnector = new ConnectorCache<ConnectorFolder, FileList>();
const jsonDocumentsOfConnector = new ConnectorCache<ConnectorFolder, JsonDocumentList>();

/** The connector's files with their kind. Shared by the rules of a connector: do not modify. */
function eachFile(context: RuleContext): FileList {
  return filesOfConnector.getOrBuild(context.connector, listFiles);
}

function listFiles(connector: ConnectorFolder): FileList {
  const list: [Exclude<FileKind, 'folder'>, LoadedFile][] = [];
  for (const kind of FILE_KINDS) {
    const file = connector.files[kind];
    if (file) list.push([kind, file]);
  }
  return list;
}

/** Appended to a GEN-JSON-PARSE finding whose edit `validate --fix` makes. */
const FIX_ADVICE = '`connector-alm validate --fix` repairs it.';
/** The same, for the finding that counts the slips not listed: the fix makes them all. */
const FIX_ALL_ADVICE = '`connector-alm validate --fix` repairs them too.';

/** The connector's JSON files that could be read, with their kind. Shared: do not modify. */
function eachJsonDocument(context: RuleContext): JsonDocumentList {
  return jsonDocumentsOfConnector.getOrBuild(context.connector, listJsonDocuments);
}

function listJsonDocuments(connector: ConnectorFolder): JsonDocumentList {
  const list: [(typeof JSON_FILE_KINDS)[number], JsonDocument][] = [];
  for (const kind of JSON_FILE_KINDS) {
    const document = connector.files[kind]?.document;
    if (document) list.push([kind, document]);
  }
  return list;
}

/**
 * The PowerShell 7 command that rewrites the file `name` (in the connector folder, where the command
 * is run) as UTF-8 without a BOM, keeping its line endings and last line as they are: `-Raw` reads the
 * text whole, the parentheses read it before the file is opened for writing, and `-NoNewline` adds no
 * line end. Windows PowerShell 5.1 has no `utf8NoBOM`: its UTF8 is the one with a BOM.
 */
function withoutBomCommand(name: string): string {
  const file = `'${name.replaceAll("'", "''")}'`;
  return `(Get-Content -Raw -LiteralPath ${file}) | Set-Content -NoNewline -Encoding utf8NoBOM -LiteralPath ${file}`;
}

/** Reports the loader's issues of one id (encoding, size, links) on their files. */
function fileIssueRule(
  id: FileIssue['ruleId'],
  title: string,
  description: string,
  bad: string,
  /** Files whose issues are at most warnings: lowered from the rule's level, never raised (reportSeverity). */
  warningOnly: readonly Exclude<FileKind, 'folder'>[] = [],
): RuleDefinition {
  return {
    id,
    file: 'folder',
    title,
    description,
    levels: sameLevels('error'),
    milderCases: warningOnly.map((kind) => ({ when: `in ${CANONICAL_NAMES[kind]}`, atMost: 'warning' })),
    example: { bad },
    check(context) {
      for (const [kind, file] of eachFile(context)) {
        for (const issue of file.issues) {
          if (issue.ruleId !== id) continue;
          context.report({
            file: kind,
            message: issue.message,
            offset: issue.offset,
            ...(warningOnly.includes(kind) ? { severity: 'warning' as const } : {}),
          });
        }
      }
    },
  };
}

export const generalRules: RuleDefinition[] = [
  {
    id: 'GEN-JSON-PARSE',
    file: 'swagger',
    title: 'JSON files must be strict JSON.',
    description:
      "The certification pipeline parses apiDefinition.swagger.json, apiProperties.json and settings.json as strict JSON; a trailing comma or a raw TAB in a string fails the run. Sixteen merged swaggers of PowerPlatformConnectors do not parse, because the pipeline only checks a PR's last commit. Each slip is reported where the edit goes, as the edit to make: a missing '}' or ']' names the bracket left open and its line, a missing comma is placed after the value it should follow, and a '}' one too many in the middle of an indented file, which ends the value early, is found by the indentation (the first closer indented unlike the line of its bracket, or one before it at the end of a line or mid-line that closes the bracket of the line that closer lines up with, where the file without it is strict JSON laid out consistently, each level one same step deeper than the last; a deleted line that opened a key, or a choice of closers that leave other values, is left to the maker), so the rest of the file is read. An unresolved git merge conflict (`<<<<<<<`, diff3's `|||||||`, `=======`, `>>>>>>>` at the start of their lines) is one error on its first marker line, naming the line of the last: the rest of the file is read as the conflict's first side has it, and `validate --fix` leaves the file alone, since which side is meant is the maker's choice (a conflict in readme.md or script.csx is GEN-MERGE-CONFLICT's). Errors that only follow from an earlier one are left out, and the rest of the file is still checked as far as it can be recovered. A file cut off (it ends with several brackets open, or after a ',' or a key, or inside a string within them, as an interrupted save or copy leaves it) is the exception: nothing else of it is checked until its end is restored, since every operation, definition and section lost would be a finding of its own. Text after the end of the top-level value is not read either; a root member it writes is not reported missing by other rules (GIPHY's swagger writes its x-ms-connector-metadata after the root's closing brace), and is checked once moved inside. The first 20 slips of a file are listed, and one more finding at the next counts the rest. Where every slip of a file names its edit, `validate --fix` makes those edits in the file, and its findings say so.",
    levels: sameLevels('error'),
    example: {
      bad: '{\n  "swagger": "2.0",\n  "info": { "title": "Contoso", }\n}',
      good: '{\n  "swagger": "2.0",\n  "info": { "title": "Contoso" }\n}',
    },
    check(context) {
      for (const [kind, document] of eachJsonDocument(context)) {
        if (document.syntaxIssues.length === 0) continue;
        // Said only where `validate --fix` would make the edit: it fixes a file whole or not at all.
        // Judged by the text alone, not by whether this process may write the file: findings do not
        // change with file modes (a read-only file's "not fixed" line of --fix says why it was left).
        // fixEditsFile keeps its answer for the file: the rules that name a fix ask it too, and asked
        // here directly, the repair of a file with slips was made and parsed twice a run.
        const fixable = fixEditsFile(context.connector.files[kind]);
        // The baseline of `validate --base` matches the errors on their place, as `diff` does: most
        // messages are generic, and one trailing comma fixed is not another made elsewhere.
        const places = syntaxErrorPlaces(document);
        for (const [index, issue] of document.syntaxIssues.entries()) {
          const transientNote = issue.unlisted === undefined ? FIX_ADVICE : FIX_ALL_ADVICE;
          const report: Report = {
            file: kind,
            message: issue.message,
            ...(fixable ? { transientNote, fixable: true } : {}),
            offset: issue.offset,
            length: issue.length,
            identity: places[index],
            ...(issue.others && { others: issue.others }),
          };
          if (issue.unlisted !== undefined) report.unlisted = { count: issue.unlisted, per: 'file' };
          context.report(report);
        }
      }
    },
  },
  mergeConflictRule,
  {
    id: 'GEN-JSON-DUPLICATE-KEY',
    file: 'swagger',
    title: 'Do not repeat a key in a JSON object.',
    description:
      'JSON lets an object repeat a key, but JSON readers (JSON.parse, and Newtonsoft.Json as the platform uses it) keep only the last value and drop the others without a word: the connector then behaves as the last occurrence says, whatever the earlier one says. Two merged connectors of PowerPlatformConnectors do it (RecordedFutureV2 repeats operationId and x-ms-visibility in one operation, Rainbird repeats description). Each ignored occurrence is reported, with the line of the kept one, also in a file whose only syntax errors are trailing commas; a file with other syntax errors is left to GEN-JSON-PARSE, since its tolerant reading makes repeats of its own.',
    levels: sameLevels('warning'),
    example: {
      placement: 'operation',
      bad: '{\n  "operationId": "GetItem",\n  "summary": "Get an item",\n  "operationId": "GetItemV2"\n}',
      good: '{\n  "operationId": "GetItemV2",\n  "summary": "Get an item"\n}',
    },
    check(context) {
      for (const [kind, document] of eachJsonDocument(context)) {
        for (const repeat of document.duplicateKeys) {
          // The kept key's line goes after "again" (" at line 12"): the baseline and the fingerprints
          // match the finding without it, since it moves with every line added above.
          const named = `The key '${repeat.key}' appears again`;
          context.report({
            file: kind,
            message: `${named} of this object; JSON readers keep only the last value, so this one is ignored. Remove one of them.`,
            others: { offsets: [repeat.keptOffset], wording: 'line', at: named.length },
            // The member's pointer tells the finding apart from a repeat of the same key in another
            // object and of another key in this one, so that its SARIF fingerprint does not change
            // when another is fixed. No pointer names the ignored occurrence: the offset places it.
            pointer: childPointer(repeat.objectPointer, repeat.key),
            offset: repeat.offset,
            length: repeat.length,
          });
        }
      }
    },
  },
  {
    id: 'GEN-JSON-BOM',
    file: 'swagger',
    title: 'Save JSON files without a byte-order mark.',
    description:
      "A UTF-8 byte-order mark is accepted by paconn (it reads utf-8-sig) and by this tool, but other tools choke on it, and the pipeline once had to be fixed for it (PR #619). Windows editors save one (Notepad before Windows 10 1903, Visual Studio, Windows PowerShell 5.1's `-Encoding UTF8`); the message says how to save the file without it in VS Code and PowerShell 7. `validate --fix` keeps the byte-order mark.",
    levels: sameLevels('info'),
    check(context) {
      for (const [kind, document] of eachJsonDocument(context)) {
        if (document.hadBom) {
          const name = context.connector.files[kind]!.name;
          context.report({
            file: kind,
            message: `The file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM. In VS Code: click "UTF-8 with BOM" in the status bar, "Save with Encoding", "UTF-8". In PowerShell 7, in the connector folder: ${withoutBomCommand(name)}`,
            line: 1,
          });
        }
      }
    },
  },
  fileIssueRule(
    'GEN-ENCODING',
    'Files must be UTF-8.',
    'Connector files are posted to the validation services as UTF-8 text; other encodings garble non-ASCII characters or fail to parse. A readme is only a warning: no validator reads it, and Microsoft merged readmes saved as Windows-1252 (upstream #3776, #3896 in 2025).',
    'A readme.md saved as Windows-1252 with "café" in it.',
    // A readme is shown on GitHub, which guesses its encoding; the services never read it.
    ['readme'],
  ),
  fileIssueRule(
    'GEN-BINARY',
    'Text files must hold text.',
    'A swagger, apiProperties, settings, readme or script file with NUL bytes is binary data under a text name. UTF-8 text with a few stray NULs (at most one byte in 100, and no other control character than TAB, LF and CR), as an editor or a paste leaves one, is read as text all the same, so that the other rules check it in the same run: a NUL in a readme or script is reported here at its line and column, one in a JSON file by GEN-JSON-PARSE, which `validate --fix` then removes. A file saved as UTF-16 (Windows PowerShell 5.1\'s `>`, Notepad\'s "Unicode") has NULs too: it is reported so, to be saved as UTF-8, and its text is still checked by the other rules, so that their findings come in the same run; `validate --fix` leaves it alone.',
    'apiProperties.json that is really a zip file.',
  ),
  fileIssueRule(
    'GEN-FILE-TOO-LARGE',
    'Files must be small enough to check.',
    'Files over 64 MB are not read at all. The platform imports swaggers of at most 1 MB (see SWG-SIZE).',
    'A 100 MB apiDefinition.swagger.json.',
  ),
  fileIssueRule(
    'GEN-SYMLINK',
    'Connector files must be real files in the folder.',
    'A symbolic link to a file outside the connector folder is not followed: the pipeline sees the link, not the file, and reading outside the folder would be unsafe.',
    'apiProperties.json -> ../../shared/apiProperties.json',
  ),
  fileIssueRule(
    'GEN-UNREADABLE',
    'Connector files must be readable.',
    'A file that cannot be read (permissions, a device, a broken link) cannot be checked.',
    'icon.png as a broken symbolic link.',
  ),
];
