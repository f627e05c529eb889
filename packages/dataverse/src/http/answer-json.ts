import { UserError } from '@connector-alm/core';

/**
 * The JSON of a successful answer. A proxy, a sign-in page or a wrong host can answer 200 with HTML,
 * or with nothing: that is a wrong environment URL, said so, not a JSON parse error or a crash on the
 * rows the answer lacks. The Web API answers a request with nothing to return 204, and no other
 * success without a body.
 */
export function readSuccess(
  response: Response,
  text: string,
  operation: string,
  url: URL,
  environmentUrl: string,
): unknown {
  if (response.status === 204) return undefined;
  const value = parseJson(text);
  if (value === undefined) {
    const what = text === '' ? 'nothing' : (response.headers.get('content-type') ?? 'no content type');
    throw new UserError(
      `${operation}: ${url.origin} answered HTTP ${response.status} with ${what}, not with the Dataverse Web API's JSON.`,
      {
        hint: `Check ${environmentUrl}: it must be the environment itself, e.g. https://contoso.crm.dynamics.com.`,
      },
    );
  }
  return value;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
