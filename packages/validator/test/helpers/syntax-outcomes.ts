import { fixJsonText } from '../../src/fix/json-fix.js';
import { JsonDocument } from '../../src/json/json-document.js';

// What the maker sees of a JSON text's slips, as the syntax tests compare it: the issues at their
// places, and what `validate --fix` writes.

/** Each syntax issue as "line:column message", in order of place. */
export function issuesOf(text: string): string[] {
  const document = JsonDocument.parse(text);
  return document.syntaxIssues.map((issue) => {
    const { line, column } = document.position(issue.offset);
    return `${line}:${column} ${issue.message}`;
  });
}

/** What `validate --fix` writes, or why it does not. */
export function fixOf(text: string): string {
  const fix = fixJsonText(text);
  return fix.outcome === 'fixed'
    ? fix.text
    : `${fix.outcome}: ${fix.outcome === 'not-fixed' ? fix.reason : ''}`;
}
