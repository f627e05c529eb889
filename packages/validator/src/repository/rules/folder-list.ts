import { joinedList } from '../../text/message-values.js';

/** `a, b and c`, or `a, b, c and 4 more` beyond `max` names: messages stay one readable line. */
export function listFolders(folders: readonly string[], max = 3): string {
  return joinedList(folders, max, '"');
}
