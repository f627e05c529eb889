import type { Setting } from '@connector-alm/core';

/**
 * The settings of the Dataverse commands and actions, as advice names them: the CLI's options
 * (`--environment-url`) and the actions' inputs (`environment-url`). Sign-in and Web API failures
 * say which one to check, and a reader should meet the words they typed (setting-words.ts in core).
 */
export const ENVIRONMENT_URL: Setting = { option: '--environment-url', input: 'environment-url' };
export const TENANT_ID: Setting = { option: '--tenant-id', input: 'tenant-id' };
export const APP_ID: Setting = { option: '--app-id', input: 'app-id' };
export const CLOUD: Setting = { option: '--cloud', input: 'cloud' };
export const AUTHORITY_HOST: Setting = { option: '--authority-host', input: 'authority-host' };

/** How long to wait for an asynchronous export or import. */
export const MAX_WAIT: Setting = { option: '--max-wait', input: 'max-async-wait-time' };
/** The solution an export asks for: the CLI's argument, the action's input. */
export const SOLUTION_NAME: Setting = { option: '<solution-name>', input: 'solution-name' };

/** The cloud setting with its value, as typed: `--cloud UsGov`, `cloud: UsGov`. */
export function cloudSetTo(name: string): Setting {
  return { option: `--cloud ${name}`, input: `cloud: ${name}` };
}
