import type { AskGit, SaySetting } from '@connector-alm/core';
import { makersEditWarning, PREVIOUS_SOURCE, previouslyWritten, sameAsWritten } from './makers-edits.js';
import type { SolutionConnector } from './solution-connector.js';
import { uncommittedFiles, uncommittedWords, type Uncommitted } from './uncommitted-files.js';

/** A file of the folder that extraction would replace (`written`) or delete (`written` undefined). */
export interface ReplacedFile {
  /** The name extraction writes (apiDefinition.swagger.json). */
  name: string;
  /** The folder's name of it, which may differ in case (ApiDefinition.swagger.json). */
  present: string;
  /** Its absolute path. */
  path: string;
  bytes: Buffer;
  written: string | Buffer | undefined;
}

/** A file extraction left as it is, as it holds content that exists nowhere else; `message` says what to do. */
export interface NotReplaced {
  /** The folder's name of the file. */
  file: string;
  message: string;
}

/** What becomes of the files extraction would replace: those it leaves, and the warnings of those it replaces. */
export interface GuardedFiles {
  notReplaced: NotReplaced[];
  warnings: string[];
}

/**
 * Which of the files extraction would replace or delete hold content that exists nowhere else, and
 * so stay as they are. A file's content is known elsewhere when it is what `previous` (the
 * connector as last extracted) gives, as extraction wrote it then, or when git's last commit has it:
 * `git diff` then shows what the solution's version changed, and it can be undone. The rest stays: a
 * maker's edit since the last extraction that is not committed (or in a folder outside git), and,
 * where there is no previous version of the file to tell an edit by, uncommitted content in a git
 * work tree. Outside a work tree, such a file is replaced, as nothing shows it is an edit rather than
 * an earlier extraction's output (the docs say so). A committed edit is replaced with the warning
 * that git has it. Git is asked once per folder, and only when a file holds what extraction did not
 * write (`askGit` undefined: as outside a work tree).
 */
export async function guardUnsavedEdits(
  replaced: readonly ReplacedFile[],
  previous: SolutionConnector | undefined,
  askGit: AskGit | undefined,
  say: SaySetting,
): Promise<GuardedFiles> {
  const unknown: { file: ReplacedFile; edited: boolean }[] = [];
  for (const file of replaced) {
    if (file.written !== undefined && sameAsWritten(file.name, file.bytes, file.written)) continue;
    const before = previous && previouslyWritten(file.name, previous, file.bytes, file.path);
    if (before !== undefined && sameAsWritten(file.name, file.bytes, before)) continue;
    unknown.push({ file, edited: before !== undefined });
  }
  const result: GuardedFiles = { notReplaced: [], warnings: [] };
  if (unknown.length === 0) return result;
  const uncommitted = await uncommittedFiles(
    unknown.map(({ file }) => file.path),
    askGit,
  );
  for (const { file, edited } of unknown) {
    const why = uncommitted.get(file.path);
    if (why === undefined) {
      // Replaced, as the solution is the source of truth: git keeps the edit, and the warning says so.
      const warning = edited && file.written !== undefined && makersEditWarning(file.name, say);
      if (warning) result.warnings.push(warning);
      continue;
    }
    // No previous version of the file and no git to ask: an earlier extraction's output, as far as
    // anything shows, replaced as before.
    if (!edited && 'outside' in why) continue;
    result.notReplaced.push({
      file: file.present,
      message: notReplacedMessage(file, edited, previous !== undefined, why, say),
    });
  }
  return result;
}

function notReplacedMessage(
  file: ReplacedFile,
  edited: boolean,
  hasPrevious: boolean,
  why: Uncommitted,
  say: SaySetting,
): string {
  const previousSource = say(PREVIOUS_SOURCE);
  const what = edited
    ? `${file.present} was edited in this folder since the last extraction (it is not what ${previousSource} gives)`
    : hasPrevious
      ? `${file.present} holds neither the solution's version nor what ${previousSource} gives`
      : // Without the previous solution, an edit cannot be told from an earlier extraction's output.
        `${file.present} is not the solution's version (without ${previousSource}, an edit cannot be told from an earlier extraction)`;
  const left =
    file.written === undefined
      ? 'it was left in place, not deleted (the solution no longer has it)'
      : "it was left as it is, not replaced by the solution's version";
  const advice =
    'outside' in why || why.state === 'ignored'
      ? 'Copy it elsewhere, then delete it, and run again.'
      : why.state === 'changed'
        ? `Commit it and run again (the solution's version then replaces it, and git diff shows what changed), or discard it (git restore) and run again.`
        : `Commit it and run again (the solution's version then replaces it, and git diff shows what changed), or delete it and run again.`;
  const keepEdit = edited
    ? ' To keep the edit, make it in the maker portal (or build the solution from this folder and import it) too.'
    : '';
  return `${what}, and ${uncommittedWords(why)}: ${left}. ${advice}${keepEdit}`;
}
