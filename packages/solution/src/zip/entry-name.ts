/**
 * Entry names are paths chosen by whoever made the archive. Before one is used as a file path it must
 * stay inside the target folder on every OS: no parent segments, no absolute or drive-letter paths,
 * no backslashes (a separator on Windows), no NUL or other control characters.
 */
export type EntryNameProblem =
  'empty' | 'absolute' | 'drive-letter' | 'backslash' | 'parent-segment' | 'control-character';

const PROBLEM_TEXT: Record<EntryNameProblem, string> = {
  empty: 'has an empty name',
  absolute: 'has an absolute path',
  'drive-letter': 'starts with a drive letter',
  backslash: 'contains a backslash, which is a path separator on Windows',
  'parent-segment': "contains a '..' segment that leaves the target folder",
  'control-character': 'contains a control character',
};

export function describeEntryNameProblem(problem: EntryNameProblem): string {
  return PROBLEM_TEXT[problem];
}

export function findEntryNameProblem(name: string): EntryNameProblem | undefined {
  if (name === '') return 'empty';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control-character';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/.test(name)) return 'drive-letter';
  if (name.split('/').some((segment) => segment === '..')) return 'parent-segment';
  return undefined;
}

/** The key under which two names collide on a case-insensitive file system (Windows, macOS). */
export function collisionKey(name: string): string {
  return name.replace(/\/+$/, '').normalize('NFC').toLowerCase();
}
