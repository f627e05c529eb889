import { isDeepStrictEqual } from 'node:util';
import { isUserError, withoutByteOrderMark, type SaySetting } from '@connector-alm/core';
import { prettyJson, SOLUTION_JSON_HINT } from '../json/json-text.js';
import { sameJsonTokens } from '../json/same-json-tokens.js';
import { decodeUtf8Strict } from '../text/decode.js';
import { mergeApiProperties, parseExistingApiProperties } from './api-properties.js';
import { isPng, REPOSITORY_FILES } from './repository-layout.js';
import { sameScriptText } from './same-script-text.js';
import type { SolutionConnector } from './solution-connector.js';

/** The setting that names the solution as last extracted, in the CLI's words and the action's. */
export const PREVIOUS_SOURCE = { option: '--previous-source', input: 'previous-source' };

/**
 * The file extraction wrote from `previous` (the connector in the solution as last extracted), over
 * a folder whose file is `present`: undefined when that cannot be told (the previous solution did not
 * carry it, or its content does not read). apiProperties.json is merged with the present file, as
 * extraction merges it, so that the keys the maker owns (publisher, stackOwner, …) count as theirs;
 * `present` undefined gives it as extraction writes it into a new folder, without the maker's keys
 * (what a folder about to be removed can be got back as).
 */
export function previouslyWritten(
  name: string,
  previous: SolutionConnector,
  present: Buffer | undefined,
  file: string,
): string | Buffer | undefined {
  try {
    switch (name) {
      case REPOSITORY_FILES.swagger: {
        const definition = previous.files.openapidefinition;
        return definition && prettyJson(decodeUtf8Strict(definition.bytes, file), file, SOLUTION_JSON_HINT);
      }
      case REPOSITORY_FILES.apiProperties:
        return mergeApiProperties(previous, present && parseExistingApiProperties(present, file));
      case REPOSITORY_FILES.icon: {
        const icon = previous.files.iconblob;
        return icon && isPng(icon.bytes) ? icon.bytes : undefined;
      }
      case REPOSITORY_FILES.script:
        return previous.files.customcodeblobcontent?.bytes;
      default:
        return undefined;
    }
  } catch (error) {
    // A previous solution whose file does not read tells nothing about the maker's edits.
    if (isUserError(error)) return undefined;
    throw error;
  }
}

/**
 * Whether `present` holds what extraction wrote (`written`), as extraction compares them: the API
 * definition token for token (extraction keeps a folder's own layout of it, e.g. upstream's 4-space
 * files), script.csx but for line endings and a byte-order mark (extraction keeps upstream's LF
 * script beside the CRLF one Dataverse exports), apiProperties.json as JSON (a maker's editor may lay
 * it out another way), the icon byte for byte.
 */
export function sameAsWritten(name: string, present: Buffer, written: string | Buffer): boolean {
  if (name === REPOSITORY_FILES.swagger) return sameJsonTokens(present, written.toString());
  if (name === REPOSITORY_FILES.script) return sameScriptText(present, Buffer.from(written));
  if (name !== REPOSITORY_FILES.apiProperties) return present.equals(Buffer.from(written));
  try {
    const parse = (text: string): unknown => JSON.parse(withoutByteOrderMark(text));
    return isDeepStrictEqual(parse(present.toString('utf8')), parse(written.toString()));
  } catch {
    return false;
  }
}

/**
 * The warning for a file of the folder that extraction replaced although the solution did not write
 * it so: the maker edited it since the last extraction (it is neither what the previous solution
 * gives nor what the solution gives now), and committed the edit, so that git has it
 * (guardUnsavedEdits leaves an edit git does not have in place). Only the files extraction writes
 * from the solution are compared; without the previous solution no edit can be told from a change
 * in Dataverse.
 */
export function makersEditWarning(name: string, say: SaySetting): string {
  return (
    `${name} was edited in this folder since the last extraction (it is not what ${say(PREVIOUS_SOURCE)} gives): ` +
    `the solution's version replaced the edit. git diff shows it; make the change in the maker portal (or build ` +
    `the solution from this folder and import it), or the next extraction replaces it again.`
  );
}
