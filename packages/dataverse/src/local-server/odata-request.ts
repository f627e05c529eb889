import type { IncomingMessage } from 'node:http';
import { CODES, ODataFailure, readBody } from './http-kit.js';

/** OData 4.0 is the only version the Web API speaks; the headers must say so. */
export function checkODataHeaders(request: IncomingMessage): void {
  for (const name of ['odata-version', 'odata-maxversion']) {
    const value = request.headers[name];
    if (value !== '4.0') {
      throw new ODataFailure(
        400,
        CODES.badRequest,
        `The '${name === 'odata-version' ? 'OData-Version' : 'OData-MaxVersion'}' header must be 4.0; got '${String(value ?? '')}'.`,
      );
    }
  }
  const accept = String(request.headers.accept ?? '');
  if (!/application\/json|\*\/\*/.test(accept))
    throw new ODataFailure(
      406,
      CODES.badRequest,
      `The Accept header must allow application/json; got '${accept}'.`,
    );
}

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const raw = await readBody(request);
  if (raw.length === 0) return undefined;
  const type = String(request.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type))
    throw new ODataFailure(
      415,
      CODES.badRequest,
      `The Content-Type must be application/json; got '${type}'.`,
    );
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ODataFailure(400, CODES.badRequest, 'The request body is not valid JSON.');
  }
}
