import { MAX_NAME_LENGTH, quoted } from '../text/message-values.js';
import { isJsonFile } from './find-config.js';

/** What the hint of a connector folder refused for taking another configuration says. */
export interface AnotherConfigurationHintFacts {
  /** The `ignore` pattern that skips the folder's repository, relative to `file`'s folder. */
  readonly ignorePattern: string;
  /** The configuration file in use as messages name it, or where a new one would be found. */
  readonly file: string;
  /** Whether `file` is in use (rather than to be made). */
  readonly fileInUse: boolean;
  /**
   * Whether the run is from the folder's own repository already (`validate ..` from a checkout nested
   * in another), where "run from the folder's repository" tells the user to do what they do.
   */
  readonly runFromFoldersRepository: boolean;
}

/**
 * The ways out of the refusal: one file for every folder, the `ignore` that skips the folder's
 * repository (the pattern itself, which must match the connector folders: the repository's folder
 * alone skips none), or a run per repository.
 */
export function anotherConfigurationHint(facts: AnotherConfigurationHintFacts): string {
  const give = "give the file to apply to every folder (--config, the action's config input)";
  // The pattern in full, since it is to be copied; the file quoted as the message quotes it.
  const file = facts.fileInUse ? quoted(facts.file) : `a new file ${quoted(facts.file)}`;
  const skip = `skip the folder's repository with ${ignoreEntry(facts.ignorePattern, facts.file)} in ${file}`;
  return facts.runFromFoldersRepository
    ? `One run applies one configuration: run once for each repository, ${give}, or ${skip}.`
    : `One run applies one configuration: ${give}, ${skip}, or run from the folder's repository.`;
}

/**
 * The `ignore` entry to copy into the file, written as the file's own format reads it: in YAML a
 * single-quoted string, whose one escape is a doubled quote (a folder named o'neil), in JSON a JSON
 * string. A name past the message limit, or with a control character, cannot be copied anyway, and
 * is quoted as messages quote one (cut, escaped).
 */
function ignoreEntry(pattern: string, file: string): string {
  // eslint-disable-next-line no-control-regex -- a control character is what this looks for
  if (pattern.length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(pattern))
    return `ignore: [${quoted(pattern, MAX_NAME_LENGTH)}]`;
  if (isJsonFile(file)) return `"ignore": [${JSON.stringify(pattern)}]`;
  return `ignore: ['${pattern.replaceAll("'", "''")}']`;
}
