import { UsageError, type Setting } from '@connector-alm/core';

/**
 * A connection setting the library refuses (an environment URL that is no URL, a tenant ID that is
 * neither a GUID nor a domain), kept with the setting it was given by. The CLI shows it as it is
 * ("Environment URL 'contoso.crm.dynamics.com' is not a URL."); an action says it of its input with
 * `namedAs`, since the input is all a workflow author can find in the step.
 */
export class ConnectionSettingError extends UsageError {
  constructor(
    readonly setting: Setting,
    /** The setting in the CLI's message: "Environment URL". */
    label: string,
    /** The value as it may be shown (secrets taken out), or undefined where the message shows none. */
    readonly value: string | undefined,
    /** What is wrong, after the value: "is not a URL". */
    readonly problem: string,
    hint?: string,
  ) {
    super(`${label}${value === undefined ? '' : ` '${value}'`} ${problem}.`, hint ? { hint } : {});
  }

  /** Said of an action's input: "Input 'environment-url': 'contoso.crm.dynamics.com' is not a URL." */
  namedAs(input: string): UsageError {
    const named = this.value === undefined ? `Input '${input}'` : `Input '${input}': '${this.value}'`;
    return new UsageError(`${named} ${this.problem}.`, {
      ...(this.hint ? { hint: this.hint } : {}),
      cause: this,
    });
  }
}
