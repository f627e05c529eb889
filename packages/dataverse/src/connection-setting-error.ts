import { RefusedSettingError, type Setting, type UsageError } from '@connector-alm/core';

/**
 * A connection setting the library refuses (an environment URL that is no URL, a tenant ID that is
 * neither a GUID nor a domain). The CLI shows it as it is ("Environment URL 'contoso.crm.dynamics.com'
 * is not a URL."); an action says it of its input with `namedAsInput`, since the input is all a
 * workflow author can find in the step.
 */
export class ConnectionSettingError extends RefusedSettingError<Setting> {
  constructor(
    setting: Setting,
    /** The setting in the CLI's message: "Environment URL". */
    label: string,
    value: string | undefined,
    problem: string,
    hint?: string,
  ) {
    super(setting, `${label}${value === undefined ? '' : ` '${value}'`} ${problem}.`, value, problem, hint);
  }

  /** Said of an action's input: "Input 'environment-url': 'contoso.crm.dynamics.com' is not a URL." */
  namedAsInput(input: string): UsageError {
    return this.namedAs(this.value === undefined ? `Input '${input}'` : `Input '${input}':`);
  }
}
