import { optionWords, UserError, type SaySetting } from '@connector-alm/core';
import { installedModeOfRefusal, modeMismatchHint } from '../operations/import-mode.js';
import { ENVIRONMENT_URL } from '../setting-words.js';

/** The OData error body of the Web API: `{"error":{"code":"0x…","message":"…"}}`. */
export interface ODataErrorBody {
  error?: { code?: string; message?: string };
}

/** Dataverse error codes (HRESULTs) we explain, with what to do. */
export const DATAVERSE_CODES = {
  notAMember: '0x80072560',
  privilegeDenied: '0x80040220',
  apiRestricted: '0x80095ffc',
  throttledRequests: '0x80072322',
  throttledExecutionTime: '0x80072321',
  throttledConcurrency: '0x80072326',
  /** An import of a lower version than the installed one (the local server's import-refusals.ts). */
  lowerVersion: '0x80048541',
} as const;

const HINTS: Record<string, string> = {
  [DATAVERSE_CODES.notAMember]:
    'The app registration has no application user in this environment: add it in the Power Platform admin center (Environment > Settings > Users + permissions > Application users) with a security role.',
  [DATAVERSE_CODES.privilegeDenied]:
    'The application user lacks a privilege: give it a security role that has it (System Customizer covers solution export and import).',
  [DATAVERSE_CODES.apiRestricted]: 'An administrator has restricted Dataverse API access for this app ID.',
  [DATAVERSE_CODES.throttledRequests]:
    'Dataverse service protection limits were hit; retry later or reduce parallel jobs against this environment.',
  [DATAVERSE_CODES.throttledExecutionTime]:
    'Dataverse service protection limits were hit; retry later or reduce parallel jobs against this environment.',
  [DATAVERSE_CODES.throttledConcurrency]:
    'Dataverse service protection limits were hit; retry later or reduce parallel jobs against this environment.',
};

/**
 * What to do about a Dataverse error code, where we know; `say` names the settings that fix it, in
 * the CLI's options by default or an action's inputs. `message`, Dataverse's words, tells an import
 * refused for its mode (managed or unmanaged) whatever the code.
 */
export function dataverseCodeHint(
  code: string | undefined,
  say: SaySetting = optionWords,
  message?: string,
): string | undefined {
  // Met after import's own check could not read the installed solution, or when it was installed
  // between that read and the import: the same advice as that check's.
  const installedMode = installedModeOfRefusal(code, message);
  if (installedMode) return modeMismatchHint(installedMode === 'managed', say);
  // Dataverse says only that the version must be higher; a maker who edited the unpacked folder most
  // often forgot to raise it.
  if (code === DATAVERSE_CODES.lowerVersion)
    return `Give the solution a higher version than the environment has (${say(RAISE_VERSION)}), or skip the import when the environment has this version or a later one (${say(SKIP_LOWER_VERSION)}).`;
  return code ? HINTS[code] : undefined;
}

/**
 * Where a zip gets a higher version: on the command line, the option of whichever command wrote the
 * zip (import cannot tell pack's from build-solution's); in a workflow, pack-solution's input.
 */
export const RAISE_VERSION = {
  option: 'pack --solution-version, or build-solution --solution-version for a zip it built',
  input: 'the version input of pack-solution',
};
const SKIP_LOWER_VERSION = { option: '--skip-lower-version', input: 'skip-lower-version: true' };

/** A failed Web API call: Dataverse's own code and message, which request, and advice. */
export class DataverseError extends UserError {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

/**
 * What an error response says, status included once: "<Dataverse's message> (Dataverse code 0x…,
 * HTTP 403)", or "HTTP 401" alone when it has no body, as the Web API refuses a token.
 */
export function describeFailedResponse(status: number, body: ODataErrorBody | undefined): string {
  const code = body?.error?.code || undefined;
  const serviceMessage = body?.error?.message?.trim();
  if (!serviceMessage) return `HTTP ${status}${code ? ` (Dataverse code ${code})` : ''}`;
  return `${serviceMessage} (${code ? `Dataverse code ${code}, ` : ''}HTTP ${status})`;
}

/** Turns an error response into a DataverseError naming the operation. */
export function dataverseError(
  operation: string,
  status: number,
  body: ODataErrorBody | undefined,
  environment: URL,
  say: SaySetting = optionWords,
): DataverseError {
  const code = body?.error?.code || undefined;
  const serviceMessage = body?.error?.message?.trim();
  if (!serviceMessage && (status === 404 || status === 405)) {
    return new DataverseError(
      `${operation}: ${environment.origin} has no Dataverse Web API (HTTP ${status}).`,
      status,
      code,
      {
        hint: `Check ${say(ENVIRONMENT_URL)}: it is the environment URL, e.g. https://contoso.crm.dynamics.com.`,
      },
    );
  }
  const text = `${operation} failed: ${describeFailedResponse(status, body)}${serviceMessage ? '' : '.'}`;
  const hint =
    dataverseCodeHint(code, say, serviceMessage) ||
    (status === 401
      ? `Dataverse rejected the access token: check that ${say(ENVIRONMENT_URL)} is the environment the app registration is set up for.`
      : undefined);
  return new DataverseError(text, status, code, hint ? { hint } : {});
}
