import { FOLDER_SOLUTION } from './layout.js';

/**
 * What to give instead of a folder that is not an unpacked solution: the unpacked solutions inside
 * it when it has some (a pac solution project keeps one in src/, beside its .cdsproj). They are
 * named relative to the folder, which the error's location already names.
 *
 * Read from `files`, the listing that pack and extract-connectors make of the folder anyway, so at
 * any depth and at no cost. import looks for them itself (solutions-in-folder.ts), one level down
 * only: it has no listing, and the folder given where a zip goes may be a home folder or a drive.
 */
export function nestedSolutionHint(files: readonly string[]): string {
  const suffix = `/${FOLDER_SOLUTION}`;
  const nested = files.filter((file) => file.endsWith(suffix)).map((file) => file.slice(0, -suffix.length));
  if (nested.length === 1) return `It holds one in ${nested[0]}: give that folder.`;
  if (nested.length > 1) return `It holds several, in ${nested.join(', ')}: give one of them.`;
  return 'Give the folder that unpack wrote (the one holding Other/).';
}
