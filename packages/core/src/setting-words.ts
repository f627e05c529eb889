/**
 * A setting that a message advises, in both the ways a user gives it. The packages' messages serve
 * the CLI and the actions alike, and each reader should be told the words they type: `--overwrite` on
 * the command line, `overwrite: true` in a workflow step's `with:` block. A message names both
 * spellings once; the caller passes the SaySetting that picks its own (optionWords or inputWords).
 */
export interface Setting {
  /** As typed on the command line, value included: `--overwrite`, `--stale keep`, `export --managed`. */
  option: string;
  /** As written in an action's `with:` block: `overwrite: true`, `stale-files: keep`. */
  input: string;
}

/** Says a setting in the words of the one who reads the message. */
export type SaySetting = (setting: Setting) => string;

/** The CLI's words: `--overwrite`. */
export const optionWords: SaySetting = (setting) => setting.option;

/** An action's words: `overwrite: true`. */
export const inputWords: SaySetting = (setting) => setting.input;

/**
 * The machine that sends a command's requests, as its user knows it: no setting, but said the same
 * way. A laptop's user was told to check "that the runner can reach" a host.
 */
export const REQUESTING_MACHINE: Setting = { option: 'this machine', input: 'the runner' };

/** What to run again when a service could not be reached, or once it is safe to. */
export const THE_RUN: Setting = { option: 'the command', input: 'the job' };
