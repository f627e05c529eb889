/**
 * Failures tests switch on: throttling as the service-protection limits answer it, server errors,
 * dropped connections, requests accepted and never answered (a hung connection, a stuck proxy, an
 * environment busy past the client's patience), system jobs that fail or are not visible yet, and
 * imports that fail while their system job succeeds. A request fault applies to one Web API operation
 * (its route name, e.g. "ExportSolutionAsync", "asyncoperations") or to any, for a number of requests.
 * A status, a dropped connection or a hang comes before the service acts on the request, or, with
 * `afterProcessing`, once it has acted (a job started, an import applied) and its answer is lost: a
 * gateway's 502 or 504, a connection reset or a silence after the work, which the client cannot tell
 * from the same failure before it.
 */
export type Fault =
  | { kind: 'throttle'; retryAfterSeconds?: number; code?: '0x80072322' | '0x80072321' | '0x80072326' }
  | {
      kind: 'status';
      status: number;
      /** Default: the OData error shape. A string is sent as it is (empty, or a gateway's HTML). */
      body?: string | Record<string, unknown>;
      headers?: Record<string, string>;
      afterProcessing?: boolean;
    }
  | { kind: 'drop-connection'; afterProcessing?: boolean }
  | {
      kind: 'hang';
      /** Send the status, the headers and the start of the body first, then nothing more. */
      afterHeaders?: boolean;
      afterProcessing?: boolean;
    }
  /**
   * Not a failure: the real answer, sent `bytes` at a time every `everyMs`, as a big body (an import
   * log of megabytes, an exported solution) reaches a runner over a slow but steady link.
   */
  | { kind: 'trickle'; bytes: number; everyMs: number }
  /**
   * A gateway or a service in a bad state that answers with the request it got, Authorization header
   * and body included, in the message of an OData error: what the client quotes must not show them.
   */
  | { kind: 'echo'; status: number }
  /** A redirect to another place (another origin), which fetch follows with what it keeps of the request. */
  | { kind: 'redirect'; status?: 301 | 302 | 303 | 307 | 308; location: string };

/**
 * A failure of the login host: Entra ID's transient error (HTTP 503 `temporarily_unavailable`,
 * AADSTS90033 "A transient error has occurred. Please try again."), Entra ID's throttling (429
 * "Too Many Requests" in plain text with Retry-After, 60 s by default, as MSAL.NET#2855 shows it),
 * any status with a given body and headers, a connection dropped before any answer, or a request
 * accepted and never answered (a stuck proxy or login host), until the client gives up on it.
 */
export type LoginFault =
  | { kind: 'unavailable' }
  | { kind: 'throttle'; retryAfter?: string }
  | {
      kind: 'status';
      status: number;
      body?: string | Record<string, unknown>;
      headers?: Record<string, string>;
    }
  | { kind: 'drop-connection' }
  | { kind: 'hang' }
  /**
   * An answer that quotes the request it got (Authorization header, form body) in Entra's error shape,
   * `as` a .NET service may write it back (see EchoStyle).
   */
  | { kind: 'echo'; status: number; as?: EchoStyle }
  /** A redirect to another place, e.g. another origin: Entra ID never redirects a token request. */
  | { kind: 'redirect'; status?: 301 | 302 | 303 | 307 | 308; location: string };

/**
 * How the login host's echo writes the request's form body back: as it came (the default); read and
 * written again by .NET's HttpUtility.UrlEncode, with hex in lower case (`%7e` for a secret's '~'); or
 * read, each field decoded, into an answer written by System.Text.Json, which writes '+' as `\u002B`
 * and '"' as `\u0022`. Entra ID is a .NET service: a client that takes out the secret only as it sent
 * it would miss the last two. A gateway or proxy in front of a login host may quote it otherwise:
 * percent-encoded once more (`%257E` for '~'), or cut short, its last 3 characters left out.
 */
export type EchoStyle = 'as-sent' | 'dotnet-url-encoded' | 'dotnet-json' | 'url-encoded-again' | 'cut-short';

/** Which endpoint of the login host a login fault hits: Entra ID's token endpoint or GitHub's ID-token endpoint. */
export type LoginEndpoint = 'token' | 'github-id-token';

interface ArmedFault {
  fault: Fault;
  operation?: string;
  remaining: number;
}

const THROTTLE_MESSAGES: Record<string, string> = {
  '0x80072322': 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
  '0x80072321':
    'Combined execution time of incoming requests exceeded limit of 1,200,000 milliseconds over time window of 300 seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.',
  '0x80072326': 'Number of concurrent requests exceeded the limit of 52.',
};

export function throttleMessage(code: string): string {
  return THROTTLE_MESSAGES[code] ?? THROTTLE_MESSAGES['0x80072322']!;
}

/** A solution-level import failure as the import job's data reports it. */
export interface ImportFailure {
  errortext: string;
  /** HRESULT, e.g. 0x80048033; default that one, which Dataverse gives for missing dependencies. */
  errorcode?: string;
}

export class FaultSwitches {
  private armed: ArmedFault[] = [];
  private jobFailures: string[] = [];
  private importFailures: ImportFailure[] = [];
  private importWarnings: string[] = [];
  private hiddenJobs: number[] = [];
  private runningImports = 0;
  private loginFaults: { fault: LoginFault; endpoint: LoginEndpoint }[] = [];
  /**
   * Requests a hang holds unanswered so far, counted once the server holds them (its headers out, for
   * `afterHeaders`): a test waits for this before it lets the client's time limit pass, so that the
   * limit ends a request the server really holds, whatever the machine's load.
   */
  held = 0;

  /** The next `times` requests (to `operation`, or any) get this fault. */
  inject(fault: Fault, options: { times?: number; operation?: string } = {}): void {
    this.armed.push({
      fault,
      remaining: options.times ?? 1,
      ...(options.operation ? { operation: options.operation } : {}),
    });
  }

  /** The next system job ends as Failed with this message. */
  failNextJob(message: string): void {
    this.jobFailures.push(message);
  }

  /**
   * The next import completes as a system job (statecode 3, statuscode 30 Succeeded) while its import
   * job's data says the solution failed: the case only the import job shows.
   */
  failNextImport(failure: ImportFailure): void {
    this.importFailures.push(failure);
  }

  /**
   * The next import succeeds, its solution installed, while its import job's data says it finished
   * with warnings (`result="warning"`), with this text as its `errortext` (empty for none).
   */
  warnNextImport(text: string): void {
    this.importWarnings.push(text);
  }

  /**
   * The next system job answers its first `reads` status reads with 404 Does Not Exist, as a read
   * that reaches a replica the job has not reached yet, right after the POST that started it.
   */
  hideNextJob(reads: number): void {
    this.hiddenJobs.push(reads);
  }

  /**
   * The next synchronous ImportSolution whose answer is lost (a fault with `afterProcessing`) is still
   * running when it is lost, as a big import goes on in the service after a gateway severed its
   * connection (at about 4 minutes): its import job moves one step per read, and ends after
   * `asyncPolls` reads, as an asynchronous import's does.
   */
  keepNextImportRunning(): void {
    this.runningImports++;
  }

  /** The next `times` requests to the login host's token endpoint (or the given one) get this fault. */
  injectLogin(fault: LoginFault, options: { times?: number; endpoint?: LoginEndpoint } = {}): void {
    const endpoint = options.endpoint ?? 'token';
    for (let i = 0; i < (options.times ?? 1); i++) this.loginFaults.push({ fault, endpoint });
  }

  clear(): void {
    this.held = 0;
    this.loginFaults = [];
    this.armed = [];
    this.jobFailures = [];
    this.importFailures = [];
    this.importWarnings = [];
    this.hiddenJobs = [];
    this.runningImports = 0;
  }

  /** The fault for this request, if one is armed; consumes one use. */
  take(operation: string): Fault | undefined {
    const match = this.armed.find(
      (armed) => armed.remaining > 0 && (armed.operation === undefined || armed.operation === operation),
    );
    if (!match) return undefined;
    match.remaining--;
    return match.fault;
  }

  takeJobFailure(): string | undefined {
    return this.jobFailures.shift();
  }

  takeImportFailure(): ImportFailure | undefined {
    return this.importFailures.shift();
  }

  takeImportWarning(): string | undefined {
    return this.importWarnings.shift();
  }

  /** Whether a synchronous import whose answer is lost runs on (keepNextImportRunning); consumes it. */
  takeRunningImport(): boolean {
    if (this.runningImports === 0) return false;
    this.runningImports--;
    return true;
  }

  takeHiddenReads(): number {
    return this.hiddenJobs.shift() ?? 0;
  }

  /** The next fault armed for this endpoint of the login host, if any; consumes it. */
  takeLoginFault(endpoint: LoginEndpoint): LoginFault | undefined {
    const index = this.loginFaults.findIndex((armed) => armed.endpoint === endpoint);
    return index < 0 ? undefined : this.loginFaults.splice(index, 1)[0]!.fault;
  }
}
