import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestEcho } from '@connector-alm/core';
import { ApiFailure, badCredentials, ssoRequired } from './api-failure.js';
import type { HandlerResult } from './handlers/context.js';
import type { ContractViolation, OpenApiContract } from './openapi-contract.js';
import { Representations } from './representations.js';
import { HANDLERS } from './routes.js';
import type { ServerState } from './server-state.js';

export interface RecordedRequest {
  method: string;
  path: string;
  operationId?: string;
  status: number;
  /**
   * When the request arrived, in milliseconds of the server process's monotonic clock
   * (performance.now): tests measure how far apart the client spaced its writes.
   */
  receivedAtMs: number;
}

const RATE_LIMIT = 5000;

/** Error answers GitHub gives on any operation, documented there or not. */
const CROSS_CUTTING_STATUSES = new Set([401, 403, 404, 429]);

/**
 * The HTTP side of the local GitHub API server: routes by GitHub's OpenAPI paths, checks the token,
 * applies switched-on faults, and checks both bodies against the OpenAPI contract. A body that does
 * not match is recorded as a violation; the client gets 422 for a bad request and 500 for a bad
 * response, so a test can never pass on a shape GitHub would not send or accept.
 */
export class LocalGitHubHttpServer {
  readonly requests: RecordedRequest[] = [];
  readonly violations: ContractViolation[] = [];
  private server?: http.Server;
  private views?: Representations;
  /** Where it listens (http://127.0.0.1:port): what the links it sends begin with. */
  private origin = 'http://127.0.0.1';

  constructor(
    private readonly state: ServerState,
    private readonly contract: OpenApiContract,
  ) {}

  async listen(): Promise<string> {
    this.server = http.createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => this.failed(request, response, error));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    this.views = new Representations(url);
    this.origin = url;
    return url;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    // No answer at all: the client's own timeout ends the request, or close() the connection.
    if (this.state.faults.hang > 0) {
      this.state.faults.hang--;
      return;
    }
    if (this.state.faults.redirect.times > 0) {
      this.state.faults.redirect.times--;
      response
        .writeHead(307, { location: `${this.state.faults.redirect.origin}${request.url ?? '/'}` })
        .end();
      return;
    }
    if (this.state.faults.echoRequest.times > 0) {
      this.state.faults.echoRequest.times--;
      const echo = requestEcho(request, await readBody(request));
      response.writeHead(this.state.faults.echoRequest.status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ message: `Rejected: ${echo}`, errors: [{ code: 'custom', message: echo }] }),
      );
      return;
    }
    const receivedAtMs = performance.now();
    const url = new URL(request.url ?? '/', this.origin);
    const method = request.method ?? 'GET';
    const route = this.contract.match(method, url.pathname);
    let result: HandlerResult;
    try {
      const text = await readBody(request);
      result = await this.dispatch(request, route, url, text);
    } catch (error) {
      result =
        error instanceof ApiFailure
          ? error
          : {
              status: 500,
              body: { message: `local GitHub server failed: ${String(error)}`, documentation_url: '' },
            };
      if (!(error instanceof ApiFailure))
        this.violations.push({
          operationId: route?.operationId ?? '?',
          part: 'server',
          errors: [String(error)],
        });
    }
    if (route) result = this.checkResponse(route.operationId, result);
    this.requests.push({
      method,
      path: url.pathname + url.search,
      status: result.status,
      ...(route ? { operationId: route.operationId } : {}),
      receivedAtMs,
    });
    const lost = route ? this.lostAnswer(route.operationId) : undefined;
    if (lost === 'dropAnswer') {
      request.socket.destroy();
      return;
    }
    response.writeHead(result.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      // Every GitHub answer carries one (Octokit's request log prints it); in GitHub's shape of five hex parts.
      'x-github-request-id': requestId(this.requests.length, this.state.clock()),
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(RATE_LIMIT - this.requests.length),
      'x-ratelimit-used': String(this.requests.length),
      'x-ratelimit-resource': 'core',
      'x-ratelimit-reset': String(Math.floor(this.state.clock().getTime() / 1000) + 3600),
      ...result.headers,
    });
    const text = result.body === undefined ? '' : JSON.stringify(result.body);
    if (lost === 'cutAnswer' || lost === 'stallAnswer') {
      // Half the body, sent chunked, without its last chunk: the client cannot take it for a whole answer.
      const half = text.slice(0, Math.floor(text.length / 2));
      // cutAnswer: the connection ends once the half is out. stallAnswer: nothing more comes, and the
      // client's own timeout ends the request.
      if (lost === 'cutAnswer') response.write(half, () => request.socket.end());
      else response.write(half);
      return;
    }
    response.end(text);
  }

  /**
   * An error of the server outside the handlers' own (a request body the client aborts while a fault
   * reads it, a body JSON cannot write): recorded as a violation, so that the test fails on it, and
   * answered with a 500 where no answer has begun, else the connection ends. Left alone, the client
   * waited for its own timeout, and the rejection, unhandled, ended the test process.
   */
  private failed(request: http.IncomingMessage, response: http.ServerResponse, error: unknown): void {
    this.violations.push({ operationId: '?', part: 'server', errors: [String(error)] });
    if (response.headersSent || response.destroyed) {
      request.socket.destroy();
      return;
    }
    response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
    response.end(
      JSON.stringify({ message: `local GitHub server failed: ${String(error)}`, documentation_url: '' }),
    );
  }

  /** Which lost-answer fault, if any, this operation's answer suffers now (consuming it). */
  private lostAnswer(operationId: string): 'dropAnswer' | 'cutAnswer' | 'stallAnswer' | undefined {
    for (const kind of ['dropAnswer', 'cutAnswer', 'stallAnswer'] as const) {
      const fault = this.state.faults[kind];
      if (fault.operationId === operationId && fault.times > 0) {
        fault.times--;
        return kind;
      }
    }
    return undefined;
  }

  private async dispatch(
    request: http.IncomingMessage,
    route: ReturnType<OpenApiContract['match']>,
    url: URL,
    text: string,
  ): Promise<HandlerResult> {
    const token = /^(?:token|bearer) (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const account = token ? this.state.accountByToken(token) : undefined;
    if (!account) throw badCredentials();
    this.applyRateLimitFaults();
    if (!route) {
      this.violations.push({
        operationId: '?',
        part: 'request',
        errors: [`${request.method} ${url.pathname} is not an implemented GitHub operation`],
      });
      throw new ApiFailure(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
    const owner = route.params.owner;
    if (
      owner &&
      account.ssoUnauthorized.some((organization) => organization.toLowerCase() === owner.toLowerCase())
    )
      throw ssoRequired(owner);
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ApiFailure(400, {
          message: 'Problems parsing JSON',
          documentation_url: 'https://docs.github.com/rest',
        });
      }
    }
    const problems = this.contract.checkRequest(route.operationId, body);
    if (problems.length > 0) {
      this.violations.push({ operationId: route.operationId, part: 'request', errors: problems });
      throw new ApiFailure(422, {
        message: 'Invalid request.',
        errors: problems.map((message) => ({ code: 'invalid', message })),
        documentation_url: '',
      });
    }
    return HANDLERS[route.operationId]!({
      state: this.state,
      account,
      params: route.params,
      url,
      query: url.searchParams,
      body,
      views: this.views!,
    });
  }

  private applyRateLimitFaults(): void {
    const { faults } = this.state;
    if (faults.secondaryRateLimit.times > 0) {
      faults.secondaryRateLimit.times--;
      const status = faults.secondaryRateLimit.status ?? 403;
      throw new ApiFailure(
        status,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: String(status),
        },
        { 'retry-after': String(faults.secondaryRateLimit.retryAfterSeconds) },
      );
    }
    if (faults.primaryRateLimit.times > 0) {
      faults.primaryRateLimit.times--;
      const reset = Math.floor(Date.now() / 1000) + faults.primaryRateLimit.resetInSeconds;
      throw new ApiFailure(
        403,
        {
          message: 'API rate limit exceeded for user.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          status: '403',
        },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      );
    }
  }

  private checkResponse(operationId: string, result: HandlerResult): HandlerResult {
    let problems: string[];
    let verdict = "does not match GitHub's OpenAPI description";
    try {
      problems = this.responseProblems(operationId, result);
    } catch (error) {
      // The check itself broke (a schema Ajv cannot compile, say). Left to throw, it would leave the
      // request unanswered, and the test would wait for its client's timeout and blame the client.
      problems = [`the contract check failed: ${String(error)}`];
      verdict = "could not be checked against GitHub's OpenAPI description";
    }
    if (problems.length === 0) return result;
    this.violations.push({ operationId, part: String(result.status), errors: problems });
    return {
      status: 500,
      body: {
        message: `local GitHub server: the ${result.status} answer of ${operationId} ${verdict}`,
        errors: problems,
      },
    };
  }

  private responseProblems(operationId: string, result: HandlerResult): string[] {
    const problems = this.contract.checkResponse(operationId, result.status, result.body);
    if (
      problems.length > 0 &&
      CROSS_CUTTING_STATUSES.has(result.status) &&
      problems[0]!.startsWith('status')
    ) {
      return this.contract.checkBasicError(result.body);
    }
    return problems;
  }
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A request id shaped as GitHub's (`C0DE:1A2B:3C4D5E:4D5E6F:6566E8C1`): unique per answer of a server. */
function requestId(sequence: number, now: Date): string {
  const hex = (value: number, width: number): string => value.toString(16).toUpperCase().padStart(width, '0');
  return `0000:0000:${hex(sequence, 6)}:${hex(sequence, 6)}:${hex(Math.floor(now.getTime() / 1000), 8)}`;
}
