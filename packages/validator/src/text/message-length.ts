import { excerpt } from './message-values.js';

/**
 * The longest message a finding or a change has, in characters. Each message quotes values from the
 * file as excerpts (message-values.ts), but a template that quotes one whole, or many, would make a
 * message as long as the file: this bound holds whatever the template. The corpus's longest finding
 * message is README-OPS-MATCH's, at 4,660 characters (a readme's operations listed against the
 * swagger's); its longest change message 421. 8,000 leaves every real one whole, and still makes a
 * thousand findings of one rule (finding-cap.ts) at most 8 MB.
 */
export const MAX_MESSAGE_LENGTH = 8000;

declare const bounded: unique symbol;

/**
 * A message that `boundedMessage` has held to MAX_MESSAGE_LENGTH. A finding's message has this type,
 * so that the compiler refuses a finding whose message did not pass through the bound: a finding is
 * made by `locatedFinding` (model/finding.ts), which applies it.
 */
export type BoundedMessage = string & { readonly [bounded]: true };

/**
 * The message as it is up to MAX_MESSAGE_LENGTH characters; a longer one cut to an excerpt, which
 * says that it was cut and how long the whole was, within the bound.
 */
export function boundedMessage(message: string): BoundedMessage {
  if (message.length <= MAX_MESSAGE_LENGTH) return message as BoundedMessage;
  const note = ` (Message cut: it had ${message.length.toLocaleString('en-US')} characters; a message shows at most ${MAX_MESSAGE_LENGTH.toLocaleString('en-US')}.)`;
  return `${excerpt(message, MAX_MESSAGE_LENGTH - note.length)}${note}` as BoundedMessage;
}
