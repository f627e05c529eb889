import { toPointer, valueAtPointer } from '../../json/pointer.js';
import { asObject } from '../../swagger/json-values.js';
import { nameExcerpt } from '../../text/message-values.js';
import type { SchemaProblem } from '../json-schema/newtonsoft-messages.js';
import { redirectUrlOf } from './redirect-url.js';

/**
 * What to write for an OAuth connection parameter's `redirectUrl` given as a list (the merged PROS AI
 * lists its URL and the global-test counterpart): the schema's "Expected String but got Array" said
 * what was wrong, not which of the URLs to keep. The one to keep is the one the connector signs in
 * through (redirectUrlOf: of a list, its own per-connector URL where it has one). '' for any other
 * problem.
 */
export function redirectUrlListAdvice(apiProperties: unknown, problem: SchemaProblem): string {
  const { segments } = problem;
  if (segments.at(-1) !== 'redirectUrl' || segments.at(-2) !== 'oAuthSettings') return '';
  const urls = valueAtPointer(apiProperties, problem.pointer);
  const settings = asObject(valueAtPointer(apiProperties, toPointer(segments.slice(0, -1))));
  if (!Array.isArray(urls) || !settings) return '';
  const kept = redirectUrlOf(settings);
  if (kept === undefined || !urls.includes(kept))
    return 'An OAuth connection parameter has one redirect URL: write the one it signs in through as a string.';
  return `An OAuth connection parameter has one redirect URL: keep the one it signs in through, as a string: "redirectUrl": "${nameExcerpt(kept)}".`;
}
