import * as jsonc from 'jsonc-parser';
import { LineIndex } from './line-index.js';
import { diagnoseAndRepair, diagnoseSyntax, type SyntaxRepair } from './syntax/diagnosis.js';
import { applyEdits, type RepairedText } from '../text/text-edits.js';
import type { JsonSyntaxIssue } from './syntax/syntax-issue.js';
import { unexpectedCharacters } from './syntax/unexpected-character.js';

// Text JSON.parse refused is read with the edits made that its syntax issues name: JSON.parse of the
// repaired text reads the file as its maker meant it, where jsonc-parser's error-tolerant recovery
// drops what a slip touches (a single-quoted value, an unquoted key) and the diff then reports a
// change nobody made.

/**
 * jsonc-parser's error-tolerant parse gives the value; the issues are those of `diagnoseSyntax`, each
 * said as the edit that fixes it, without the errors that only follow from an earlier one. It finds
 * at least one in every text JSON.parse refuses (syntax/diagnosis.test.ts holds it to that for each
 * kind of error jsonc-parser knows and for thousands of slips made to a document), so jsonc-parser's
 * own errors are not read. Exported for the tests that hold `parseTrailingCommaSlips` to it.
 */
export function parseTolerantly(
  text: string,
  issues: JsonSyntaxIssue[],
  lines: LineIndex = new LineIndex(text),
): unknown {
  const value = tolerantValue(text);
  issues.push(...diagnoseSyntax(text, unexpectedCharacters, lines));
  return value;
}

/**
 * The value of text JSON.parse refused, and its issues (those of `diagnoseSyntax`). Each issue is said
 * as the edit that fixes it; where every one names a single edit, JSON.parse of the text with those
 * edits made gives the value, `repaired` keeps that text for locating. jsonc-parser's recovery drops
 * what a slip touches: a single-quoted value, a key without quotes and the member it names, which
 * the diff then reported as changed or deleted though the maker changed nothing. Where an issue
 * leaves the choice to the maker ("add the missing value"), or the edits still leave text
 * JSON.parse refuses, the value is jsonc-parser's, as `parseTolerantly` gives it. The diagnosis is
 * returned too, for `validate --fix`, which makes its edits.
 */
export function parseRepaired(
  text: string,
  issues: JsonSyntaxIssue[],
  lines: LineIndex = new LineIndex(text),
): { value: unknown; repaired?: RepairedText; diagnosis: SyntaxRepair } {
  const diagnosis = diagnoseAndRepair(text, unexpectedCharacters, lines);
  issues.push(...diagnosis.issues);
  // Refused, as text nested too deep is: no value, and no tolerant parse of millions of slips.
  if (diagnosis.refused) return { value: undefined, diagnosis };
  const repaired = diagnosis.edits && applyEdits(text, diagnosis.edits);
  if (repaired) {
    try {
      return { value: JSON.parse(repaired.text), repaired, diagnosis };
    } catch {
      // Fall through to the tolerant parse.
    }
  }
  return { value: tolerantValue(text), diagnosis };
}

function tolerantValue(text: string): unknown {
  return jsonc.parse(text, undefined, {
    allowTrailingComma: false,
    disallowComments: true,
    allowEmptyContent: false,
  });
}

/**
 * The longest text that is repaired when it is not strict JSON. Repairing reads it two or three
 * times more (the slips' edits, a tolerant parse and its tree where an edit is missing), which for a
 * 50 MB swagger with one missing value took 26 s and 2.6 GB, a few MB short of the heap. The
 * platform takes a swagger of at most 1 MB (SWG-SIZE), so eight is far past any real one.
 */
export const MAX_REPAIRED_CHARACTERS = 8 * 1024 * 1024;
