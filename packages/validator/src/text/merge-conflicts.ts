import { applyEdits, removal, type TextEdit } from './text-edits.js';
import type { JsonSyntaxIssue } from '../json/syntax/syntax-issue.js';

// The conflicts git leaves in a file it could not merge: `<<<<<<< ours`, the first side, diff3's
// `||||||| base` and the base's text, `=======`, the other side, `>>>>>>> theirs`, each marker at the
// start of its line. Read as JSON, the markers and the two copies of the lines made a dozen errors of
// wrong advice (`write "="`, `write ':' instead of '='`) and left `validate --fix` without an edit.
// Each conflict is said once, and the rest of the file is diagnosed as its first side has it, so the
// cascade goes and a slip elsewhere is still reported. A readme or a script is read the same way
// (`firstSidesOf`), and GEN-MERGE-CONFLICT says its conflicts with the words of GEN-JSON-PARSE's.

/** One conflict: the offsets of its marker lines, each at its line's start and to its end (no line break). */
export interface MergeConflict {
  /** The `<<<<<<<` line. */
  start: number;
  startLineEnd: number;
  /** The `|||||||` line when diff3 wrote the base, else the `=======` line: where the first side ends. */
  firstSideEnd: number;
  /** The `>>>>>>>` line. */
  closer: number;
  end: number;
}

/**
 * A marker of git's default size (7 characters) at the start of a line, alone or followed by a space
 * and a label (HEAD, a branch, a commit): `========` or `<<<<<<<<` is no marker.
 */
const MARKER_LINE = /^(?:<{7}|\|{7}|={7}|>{7})(?=[ \t\r\n]|$)[^\r\n]*/gm;

/** A marker line outside every complete conflict: from its line's start to its end (no line break). */
export interface LeftoverMarker {
  start: number;
  end: number;
}

/**
 * The complete conflicts of `text`, and the marker lines outside them (`leftovers`), each in order.
 * A leftover is what resolving a conflict by hand most often leaves: a stray `=======`, or a
 * `<<<<<<<` whose conflict never closes. Read as JSON, one such line made eight errors of wrong
 * edits (`write "="`); it is one issue, "remove this line".
 */
export function findMergeMarkers(text: string): { conflicts: MergeConflict[]; leftovers: LeftoverMarker[] } {
  const conflicts: MergeConflict[] = [];
  const leftovers: LeftoverMarker[] = [];
  if (!MARKERS.some((marker) => text.includes(marker))) return { conflicts, leftovers };
  // The marker lines of the conflict still open, which become leftovers unless it completes.
  let open: { start: number; startLineEnd: number; firstSideEnd?: number; separated: boolean } | undefined;
  let pending: LeftoverMarker[] = [];
  for (const match of text.matchAll(MARKER_LINE)) {
    const at = match.index;
    const lineEnd = at + match[0].replace(/\r$/, '').length;
    const line = { start: at, end: lineEnd };
    switch (match[0].charAt(0)) {
      case '<':
        // A conflict opened again before it closed: the first was no complete conflict.
        leftovers.push(...pending);
        open = { start: at, startLineEnd: lineEnd, separated: false };
        pending = [line];
        break;
      case '|':
        if (open && !open.separated && open.firstSideEnd === undefined) {
          open.firstSideEnd = at;
          pending.push(line);
        } else if (!open) leftovers.push(line);
        break;
      case '=':
        if (open && !open.separated) {
          open.firstSideEnd ??= at;
          open.separated = true;
          pending.push(line);
        } else if (!open) leftovers.push(line);
        break;
      default:
        if (open?.separated) {
          const { start, startLineEnd, firstSideEnd } = open;
          conflicts.push({ start, startLineEnd, firstSideEnd: firstSideEnd!, closer: at, end: lineEnd });
          open = undefined;
          pending = [];
        } else {
          // `>>>>>>>` with no conflict open, or one without its `=======`: that one is no conflict.
          leftovers.push(...pending, line);
          open = undefined;
          pending = [];
        }
    }
  }
  leftovers.push(...pending);
  return { conflicts, leftovers: leftovers.sort((a, b) => a.start - b.start) };
}

const MARKERS = ['<<<<<<<', '|||||||', '=======', '>>>>>>>'];

/**
 * The issue of a leftover marker line, spanning it, with the edit that removes it: blanked, so that
 * the rest of the file keeps its lines while it is read, and written as the line's deletion by
 * `validate --fix` (written-edits.ts).
 */
export function leftoverMarkerIssue(
  text: string,
  marker: LeftoverMarker,
): { issue: JsonSyntaxIssue; edit: TextEdit } {
  return {
    issue: {
      message: `A merge-conflict marker left over (${text.slice(marker.start, marker.start + 7)}) outside any complete conflict: remove this line, and check that the lines around it are the ones you meant to keep.`,
      offset: marker.start,
      length: marker.end - marker.start,
    },
    edit: removal(text, marker.start, marker.end - marker.start),
  };
}

/** The words up to where the engine writes " at line N" of the `>>>>>>>` line (`others`). */
const CONFLICT_ENDS = "An unresolved merge conflict starts here and ends with '>>>>>>>'";

/**
 * The one issue of a conflict, on its `<<<<<<<` line and spanning it whole, with the `>>>>>>>` line
 * as its other place: its line is written into the message where the engine writes such lines.
 */
export function mergeConflictIssue(conflict: MergeConflict, nothingElse = false): JsonSyntaxIssue {
  const until = nothingElse
    ? 'Read as its first side has it, the file is empty, so nothing else in it is checked until then.'
    : 'Until then the rest of the file is checked as the first side has it.';
  return {
    message: `${CONFLICT_ENDS}: keep one side (or combine the two) and remove the marker lines (<<<<<<<, =======, >>>>>>>, and ||||||| if any). ${until}`,
    offset: conflict.start,
    length: conflict.end - conflict.start,
    others: { offsets: [conflict.closer], wording: 'line', at: CONFLICT_ENDS.length },
  };
}

/**
 * The edits that read the file as the conflict's first side has it: its `<<<<<<<` line blanked, and
 * everything from the end of the first side to the end of the `>>>>>>>` line. Blanked, not removed,
 * so that offsets and lines stay those of the file. They are the diagnosis's reading, not a fix:
 * which side is meant is the maker's to say (`SyntaxRepair.mergeConflictAt`).
 */
export function firstSideEdits(text: string, conflict: MergeConflict): TextEdit[] {
  return [
    removal(text, conflict.start, conflict.startLineEnd - conflict.start),
    removal(text, conflict.firstSideEnd, conflict.end - conflict.firstSideEnd),
  ];
}

/**
 * The text as the readme and script rules read it: each complete conflict as its first side has it
 * (`firstSideEdits`), and the leftover `<<<<<<<`, `|||||||` and `>>>>>>>` lines blanked, as a JSON
 * file is read; the text itself where it has none. A leftover `=======` stays: under a line of text
 * it is a Markdown heading's underline, and no script rule reads it. Blanked, so that offsets and
 * lines are the file's: the rules' findings on the first side are placed as they are.
 */
export function firstSidesOf(text: string): string {
  const { conflicts, leftovers } = findMergeMarkers(text);
  if (conflicts.length === 0 && leftovers.length === 0) return text;
  const edits = [
    ...conflicts.flatMap((conflict) => firstSideEdits(text, conflict)),
    ...leftovers
      .filter((marker) => !isSeparator(text, marker))
      .map((marker) => removal(text, marker.start, marker.end - marker.start)),
  ];
  return applyEdits(text, edits)!.text;
}

/** A `=======` line: in a readme, outside a complete conflict, a setext heading's underline. */
export function isSeparator(text: string, marker: LeftoverMarker): boolean {
  return text.charCodeAt(marker.start) === 0x3d;
}
