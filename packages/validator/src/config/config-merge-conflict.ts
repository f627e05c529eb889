import { findMergeMarkers } from '../text/merge-conflicts.js';

/** A merge conflict of the configuration file, said at its first marker line. */
export interface ConfigMergeConflict {
  offset: number;
  message: string;
  hint: string;
}

const RESOLVE =
  'Keep one side (or combine the two) and remove the marker lines (<<<<<<<, =======, >>>>>>>, and ||||||| if any); until then nothing is validated.';

/**
 * The first merge conflict, or marker line left outside one, of a configuration file's text. Read as
 * YAML, `<<<<<<< HEAD` was a key without its colon ("write '<<<<<<<: HEAD'"); as JSON, the swagger's
 * words said the rest of the file was checked as the first side has it, which a configuration file
 * that is refused is not. `closerLine` gives the line of an offset, for the `>>>>>>>` line's.
 */
export function configMergeConflict(
  text: string,
  closerLine: (offset: number) => number,
): ConfigMergeConflict | undefined {
  const { conflicts, leftovers } = findMergeMarkers(text);
  const conflict = conflicts[0];
  const leftover = leftovers[0];
  if (conflict !== undefined && (leftover === undefined || conflict.start < leftover.start)) {
    return {
      offset: conflict.start,
      message: `The configuration file has an unresolved merge conflict: it starts here and ends with '>>>>>>>' at line ${closerLine(conflict.closer)}.`,
      hint: RESOLVE,
    };
  }
  if (leftover === undefined) return undefined;
  return {
    offset: leftover.start,
    message: `The configuration file has a merge-conflict marker left over (${text.slice(leftover.start, leftover.start + 7)}) outside any complete conflict.`,
    hint: 'Remove this line, and check that the lines around it are the ones you meant to keep.',
  };
}
