import type { OtherPlaces } from '../../model/other-places.js';

/**
 * A JSON syntax problem with its place in the text: what the diagnosis of a text JSON.parse refused
 * says (diagnosis.ts), and what a JsonDocument lists among its syntax issues with its own (too deep,
 * a key too long, empty, too large to repair, trailing commas).
 */
export interface JsonSyntaxIssue {
  message: string;
  offset: number;
  length: number;
  /**
   * Set on the one issue that stands for the errors past the first MAX_ISSUES: how many. GEN-JSON-PARSE
   * gives it to its finding as `unlisted`, of the file; a report other than a finding words it with
   * `unlistedSyntaxMessage` (a diff's changes).
   */
  unlisted?: number;
  /**
   * Another place of the problem whose line the message names (a merge conflict's `>>>>>>>` line):
   * GEN-JSON-PARSE gives it to its report, whose engine writes the line into the message, so that
   * lines added above leave the finding the one the base had.
   */
  others?: OtherPlaces;
}
