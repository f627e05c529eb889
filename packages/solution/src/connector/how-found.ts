import type { OwnFolderMatch } from './own-folder.js';

/**
 * Why a folder named otherwise than a connector's display name could be the connector's, as the
 * connector's line, the warnings of folders left alone and the refusals say it: `its API
 * definition's title is "365 Training"`, or `its name reads as "365 Training"`. `was` for a renamed
 * connector's earlier display name that the folder's title had: extraction has written the new one.
 */
export function howFound(matched: OwnFolderMatch, displayName: string, tense: 'is' | 'was' = 'is'): string {
  return matched === 'title'
    ? `its API definition's title ${tense} "${displayName}"`
    : `its name reads as "${displayName}"`;
}
