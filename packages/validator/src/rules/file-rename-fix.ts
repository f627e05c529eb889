import type { Report } from '../model/report.js';
import { RENAME_ADVICE } from './key-rename-advice.js';

/**
 * What a folder rule's report adds where it asks to rename a connector file to its canonical name
 * (`apiProperty.json`, read as the apiProperties.json the folder lacks; `ApiProperties.json`): the
 * rename `validate --fix` makes (fix/file-renames.ts), and a note that says so. A note, not part of
 * the message, as a value write's is: the baseline of `validate --base` matches findings without it.
 */
export function fileRename(from: string, to: string): Pick<Report, 'fix' | 'transientNote' | 'fixable'> {
  return { fix: { renameFile: { from, to } }, transientNote: RENAME_ADVICE, fixable: true };
}
