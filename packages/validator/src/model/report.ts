import type { FileKind, Severity } from './finding.js';
import type { OtherPlaces } from './other-places.js';
import type { ProblemParts } from './problem-parts.js';
import type { Unlisted } from './unlisted-message.js';

// A rule's report, apart from the rules (rule.ts) because the contexts of every kind of rule take it:
// the folder rules' (rule.ts) and the repository rules' (repository/repository-rule-context.ts).

/**
 * What a rule says about one problem. Where it is:
 * - JSON files (swagger, apiProperties, settings): `pointer` (RFC 6901, build it with `childPointer`);
 *   a pointer to a missing property may name it: it is shown at its nearest existing ancestor. With
 *   an `offset` too, the finding is shown at the offset and keeps the pointer, for a place no pointer
 *   can name (GEN-JSON-DUPLICATE-KEY's ignored occurrence of a key: the pointer names the kept one).
 * - Text files (readme, script): `offset` into the text, or `line` (1-based) with optional `column`.
 * - icon and folder: nothing (reported at 1:1 of the file or folder).
 * `file` defaults to the rule's own file; `path` names another file of the folder (relative to it),
 * for rules about misnamed or extra files.
 */
export interface Report {
  message: string;
  file?: FileKind;
  path?: string;
  pointer?: string;
  offset?: number;
  length?: number;
  line?: number;
  column?: number;
  /**
   * Lowers the rule's level for this one report (e.g. an info variant of a warning rule); never raises
   * it, so a level the configuration gives the rule holds for every report (engine's reportSeverity).
   */
  severity?: Severity;
  /**
   * Other places of the same problem in the report's file: the engine writes their lines into the
   * message (model/other-places.ts) and gives them to the finding as `related`.
   */
  others?: OtherPlaces;
  /**
   * A sentence the engine appends to the message that depends on more than the problem itself, and
   * so comes and goes while the problem stays (GEN-JSON-PARSE's "`validate --fix` repairs it.", said
   * only while every slip of the file can be fixed): users read it, but the baseline of `validate
   * --base` and the SARIF fingerprints match the finding without it (`messageWithoutPlaces`), so that
   * a slip added elsewhere in the file that --fix cannot make does not turn the errors both versions
   * have into new ones. Not `advice`, which a change (Change.advice) and a change rule name what to
   * do with: this one is told apart by being left out of the matching, whatever it says.
   */
  transientNote?: string;
  /** What tells the problem apart where its message cannot say it: the finding's `identity`. */
  identity?: string;
  /**
   * The finding's `matchedAs`: the problem as twin rules of two profiles both report it, or as any
   * spelling of what the message quotes says it (a colour in either case).
   */
  matchedAs?: string;
  /**
   * For a report that stands for many things of one problem, each fixed on its own, which the
   * message names (README-OPS-MATCH's "3 operations are not listed under …: "A", "B", "C""): the
   * problem without them, and every one of them. The finding's `parts`: `validate --base` matches it
   * on the problem, so that listing one of the three operations is no new finding.
   */
  parts?: ProblemParts;
  /**
   * Set on the one report that stands for the reports a listing leaves out (model/finding-cap.ts,
   * GEN-JSON-PARSE's errors past a file's 20), whose message says it (`unlistedMessage`): the
   * finding's `unlisted`.
   */
  unlisted?: Unlisted;
  /**
   * The fix, as data, where the rule knows it for sure: `validate --fix` makes it. Not part of the
   * finding: reporters never see it, and the JSON and SARIF output stay as they are.
   */
  fix?: ReportFix;
  /**
   * `validate --fix` makes this report's fix, and its message says so: the finding's `fixable`,
   * which the reports count ("2 of them can be fixed by connector-alm validate --fix").
   */
  fixable?: true;
}

/**
 * A fix `validate --fix` makes in the report's JSON file, at its `pointer`, or of the folder's files:
 * - `renameKey`: the key that `pointer` names is meant to be spelled so;
 * - `writeValue`: the value there (a string, number or boolean) is meant to be this one, as the
 *   finding names it for sure (`Advanced` meant as `advanced`, `"10"` as 10 for an integer,
 *   `"application/json"` as `["application/json"]` for a list of MIME types);
 * - `renameFile`: a connector file of the folder is to be named so (no `pointer`).
 */
export type ReportFix = { renameKey: string } | { writeValue: WrittenValue } | { renameFile: FileRename };

/**
 * A connector file `validate --fix` renames to the name the pipeline reads (a folder rule's fix):
 * `from`, a name in the folder's listing, to `to`, its canonical name (`apiProperty.json` →
 * `apiProperties.json`, `ApiProperties.json` → `apiProperties.json`).
 */
export interface FileRename {
  from: string;
  to: string;
}

/**
 * A value `validate --fix` writes in place of another: a scalar, or a list of strings (the list a
 * string written for one stands for), as the fixes that write one need.
 */
export type WrittenValue = string | number | boolean | readonly string[];
