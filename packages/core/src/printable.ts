/**
 * Characters a terminal obeys instead of showing: the C0 controls (ESC starts the ANSI and OSC
 * sequences that clear the screen, recolour or hide text, set the window title, write the clipboard
 * or make a hyperlink; CR returns to the line start; BEL), DEL, the C1 controls (U+009B is CSI on its
 * own), and the bidirectional formatting characters that reorder what is shown (U+202E) and the line
 * and paragraph separators.
 */
const CONTROLS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_LF =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from files, folders, solutions or servers, made safe to print on a terminal: each control
 * character shows as an escape (`\x1b`, `\r`, `\u202e`) instead of acting. Tabs stay; line feeds stay
 * only with `lineBreaks: true`, for text that is several lines on purpose, so that a name cannot start
 * a line of its own.
 */
export function printable(text: string, options: { lineBreaks?: boolean } = {}): string {
  return text.replace(options.lineBreaks ? CONTROLS_BUT_LF : CONTROLS, escapeControl);
}

function escapeControl(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}
