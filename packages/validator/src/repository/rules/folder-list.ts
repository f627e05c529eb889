import { joinedList } from '@connector-alm/core';
import { nameExcerpt } from '../../text/message-values.js';

/**
 * `a, b and c`, or `a, b, c and 4 more` beyond `max` names: messages stay one readable line. Each
 * name as a name excerpt: Linux lets a folder's name hold a line feed.
 */
export function listFolders(folders: readonly string[], max = 3): string {
  return joinedList(folders.map(nameExcerpt), { max, quote: '"' });
}
