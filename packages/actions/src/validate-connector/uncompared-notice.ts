import { plural } from '@connector-alm/core';

/**
 * The notice of the folders validated without a comparison with the base on a run that compares:
 * those given in `path` that are in no git work tree (extract-connectors' output under runner.temp),
 * of which git knows nothing. They are validated beside the repository's folders, which are compared;
 * said, so that their findings are not read as the pull request's new ones, nor their silence as
 * "no breaking change".
 */
export function uncomparedNotice(folders: readonly string[]): string {
  const one = folders.length === 1;
  return `Not compared with the base: ${plural(folders.length, 'folder')} in no git work tree (${folders.join(', ')}). ${one ? 'It was' : 'They were'} validated, but git has no base version of ${one ? 'it' : 'them'}: ${one ? 'its' : 'their'} findings are neither new nor existing, and no breaking change is looked for.`;
}
