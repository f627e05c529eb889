import { UsageError } from './errors.js';

/**
 * A setting a library refuses (a solution version Dataverse would not take, an environment URL that is
 * no URL), kept with which setting it was. The packages serve the CLI and the actions alike, and only
 * the caller knows how its user gave the setting: `namedAs` says the same problem of that name, so
 * that no caller checks the value again to say it in its own words. `S` names the setting (a key of
 * the library's options, or its Setting words).
 */
export class RefusedSettingError<S> extends UsageError {
  constructor(
    readonly setting: S,
    /** The library's own message, for a caller that names no setting. */
    message: string,
    /** The value as it may be shown (secrets taken out), or undefined where the message shows none. */
    readonly value: string | undefined,
    /** What is wrong, after the value: "is not a solution version". */
    readonly problem: string,
    hint?: string,
  ) {
    super(message, hint ? { hint } : {});
  }

  /** The problem said of the setting as the user named it: "--prefix 'mscrmx' is not a customization prefix." */
  namedAs(name: string): UsageError {
    return new UsageError(`${name}${this.value === undefined ? '' : ` '${this.value}'`} ${this.problem}.`, {
      ...(this.hint ? { hint: this.hint } : {}),
      cause: this,
    });
  }
}
