import { realpath } from 'node:fs';
import { isWithin, posixRelativePath } from '@connector-alm/core';
import { promisify } from 'node:util';

/**
 * A path with its links resolved and each name as the disk has it. Git names folders as they are on
 * disk, while on Windows and macOS `Certified-Connectors\contoso` (typed so, or the working
 * directory entered so) finds certified-connectors/Contoso: compared with git's names as typed, the
 * connector would not be found changed. The OS's realpath gives the disk's case; Node's own does not.
 */
export const realCasePath = (file: string): Promise<string> => promisify(realpath.native)(file);

/** `/`-separated path of `absolute` inside `topLevel` (`.` for the top level), or undefined outside it. */
export function toRepositoryPath(topLevel: string, absolute: string): string | undefined {
  return isWithin(topLevel, absolute) ? posixRelativePath(topLevel, absolute) : undefined;
}
