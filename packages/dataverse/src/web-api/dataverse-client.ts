import { randomUUID } from 'node:crypto';
import {
  optionWords,
  REQUESTING_MACHINE,
  THE_RUN,
  UserError,
  type Logger,
  type SaySetting,
} from '@connector-alm/core';
import type { Clock } from '../clock.js';
import type { DataverseHttp } from '../http/dataverse-http.js';
import { asyncOutcome, pollDelayMs, waitMinutes, waitRunsOut, type AsyncWait } from './async-operation.js';
import { unconfirmedExport } from './unconfirmed-export.js';
import type {
  AsyncOperationRecord,
  ExportRequest,
  ImportJobRecord,
  ImportRequest,
  SolutionRecord,
  WhoAmIResponse,
} from './types.js';
import { MAX_WAIT } from '../setting-words.js';

/** OData string literal: single quotes doubled. */
function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The asynchronous mode that large solutions need: the export's default on the CLI, the import's choice. */
const ASYNC_EXPORT = { option: 'without --sync', input: 'run-asynchronously: true' };
const ASYNC_IMPORT = { option: '--async', input: 'run-asynchronously: true' };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The solution operations of the Dataverse Web API, one method per action or query. */
export class DataverseClient {
  constructor(
    private readonly http: DataverseHttp,
    /** The time port, also for the waits of the operations built on this client. */
    readonly clock: Clock,
    private readonly logger: Logger,
    /** How advice names a setting: the CLI's options by default, or an action's inputs. */
    readonly say: SaySetting = optionWords,
  ) {}

  /** What to do about a synchronous call that large solutions make too slow. */
  private largeSolutionsHint(asynchronous: { option: string; input: string }): string {
    return `Large solutions need the asynchronous mode (${this.say(asynchronous)}).`;
  }

  get environment(): URL {
    return this.http.environment;
  }

  whoAmI(): Promise<WhoAmIResponse> {
    return this.http.get<WhoAmIResponse>('WhoAmI', { operation: 'WhoAmI' });
  }

  /** The solution with this unique name, or undefined: an empty result, not an error, when missing. */
  async findSolution(uniqueName: string): Promise<SolutionRecord | undefined> {
    const found = await this.solutionsWhere('uniquename', uniqueName, `Lookup of solution '${uniqueName}'`);
    return found[0];
  }

  /**
   * The solutions with this display name, in any letter case, for a user who gave it for the unique
   * name. Display names need not be unique. Dataverse's `eq` also ignores accents and trailing spaces:
   * only the names equal but for case are kept, so that what is suggested is what the user typed.
   */
  async findSolutionsByDisplayName(displayName: string): Promise<SolutionRecord[]> {
    const found = await this.solutionsWhere(
      'friendlyname',
      displayName,
      `Lookup of solutions with display name '${displayName}'`,
    );
    return found.filter((solution) => solution.friendlyname?.toLowerCase() === displayName.toLowerCase());
  }

  private async solutionsWhere(
    column: 'uniquename' | 'friendlyname',
    value: string,
    operation: string,
  ): Promise<SolutionRecord[]> {
    const filter = encodeURIComponent(`${column} eq ${odataString(value)}`);
    const select = 'solutionid,uniquename,friendlyname,version,ismanaged';
    const result = await this.http.get<{ value: SolutionRecord[] }>(
      `solutions?$select=${select}&$filter=${filter}`,
      { operation },
    );
    return result.value;
  }

  async publishAll(): Promise<void> {
    // Publishing every customization of a big environment takes minutes. It is sent again after a 5xx
    // or a broken connection, unlike an export: publishing twice leaves the same customizations
    // published, and it starts no job that would outlive the request.
    await this.http.post('PublishAllXml', {
      operation: 'Publishing all customizations',
      body: {},
      slow: true,
    });
  }

  async exportSolution(request: ExportRequest): Promise<Uint8Array> {
    const sentAtMs = this.clock.now();
    const result = await this.http.post<{ ExportSolutionFile: string }>('ExportSolution', {
      operation: `Export of solution '${request.solutionName}'`,
      body: exportBody(request),
      // The service goes on exporting when the connection is cut (at about 4 minutes): once sent, it is
      // not sent again.
      idempotent: false,
      slow: true,
      timeoutHint: this.largeSolutionsHint(ASYNC_EXPORT),
      ifUnconfirmed: (happened) =>
        unconfirmedExport(
          {
            solutionName: request.solutionName,
            environment: this.environment,
            sentAtMs,
            asynchronous: false,
            happened,
            moreHint: this.largeSolutionsHint(ASYNC_EXPORT),
          },
          this.say,
        ),
    });
    return this.exportedFile(
      result.ExportSolutionFile,
      `Export of solution '${request.solutionName}'`,
      'ExportSolution',
    );
  }

  async startExportAsync(request: ExportRequest): Promise<{ asyncOperationId: string; exportJobId: string }> {
    const sentAtMs = this.clock.now();
    const result = await this.http.post<{ AsyncOperationId: string; ExportJobId: string }>(
      'ExportSolutionAsync',
      {
        operation: `Export of solution '${request.solutionName}'`,
        body: exportBody(request),
        // It starts a system job: sent again only when it surely was not processed.
        idempotent: false,
        ifUnconfirmed: (happened) =>
          unconfirmedExport(
            {
              solutionName: request.solutionName,
              environment: this.environment,
              sentAtMs,
              asynchronous: true,
              happened,
            },
            this.say,
          ),
      },
    );
    return { asyncOperationId: result.AsyncOperationId, exportJobId: result.ExportJobId };
  }

  async downloadExportData(exportJobId: string): Promise<Uint8Array> {
    const result = await this.http.post<{ ExportSolutionFile: string }>('DownloadSolutionExportData', {
      operation: 'Download of the exported solution',
      body: { ExportJobId: exportJobId },
      slow: true,
      timeoutHint: `Check ${this.say(REQUESTING_MACHINE)}'s network to the environment, and run ${this.say(THE_RUN)} again.`,
    });
    return this.exportedFile(
      result.ExportSolutionFile,
      'Download of the exported solution',
      'DownloadSolutionExportData',
    );
  }

  async importSolution(request: ImportRequest): Promise<void> {
    await this.http.post('ImportSolution', {
      operation: importOperation(request),
      body: importBody(request),
      idempotent: false,
      slow: true,
      timeoutHint: this.largeSolutionsHint(ASYNC_IMPORT),
    });
  }

  async startImportAsync(request: ImportRequest): Promise<{ asyncOperationId: string }> {
    // Quick for the service, which only starts a job, but it carries the solution file.
    const result = await this.http.post<{ AsyncOperationId: string }>('ImportSolutionAsync', {
      operation: importOperation(request),
      body: importBody(request),
      idempotent: false,
      slow: true,
    });
    return { asyncOperationId: result.AsyncOperationId };
  }

  /**
   * StageAndUpgradeAsync: imports a managed solution as a holding solution and applies the upgrade in
   * one system job, so that the components the new version no longer holds are deleted (an update
   * keeps them). Its parameters are ImportSolutionAsync's without HoldingSolution.
   */
  async startStageAndUpgrade(request: ImportRequest): Promise<{ asyncOperationId: string }> {
    const result = await this.http.post<{ AsyncOperationId: string }>('StageAndUpgradeAsync', {
      operation: importOperation(request),
      body: importBody({ ...request, holdingSolution: false }),
      idempotent: false,
      slow: true,
    });
    return { asyncOperationId: result.AsyncOperationId };
  }

  /**
   * @param justStarted the first read after the POST that started the job, which can reach a replica
   * the job has not reached yet: a 404 then is read again a few times before it counts.
   */
  getAsyncOperation(id: string, justStarted = false): Promise<AsyncOperationRecord> {
    return this.http.get<AsyncOperationRecord>(
      `asyncoperations(${guid(id)})?$select=asyncoperationid,statecode,statuscode,message,friendlymessage,completedon`,
      { operation: 'Status of the system job', mayNotExistYet: justStarted },
    );
  }

  /**
   * The import job's row; with `data`, also its import log, which can run to megabytes, so it is
   * read once, when the import has ended.
   */
  getImportJob(id: string, options: { data?: boolean } = {}): Promise<ImportJobRecord> {
    const columns = `importjobid,progress,solutionname,completedon${options.data ? ',data' : ''}`;
    return this.http.get<ImportJobRecord>(`importjobs(${guid(id)})?$select=${columns}`, {
      operation: options.data ? 'Result of the import job' : 'Progress of the import job',
    });
  }

  /**
   * Polls a system job until it completes or `wait` runs out (counted from when the request that
   * started it was sent). `onPoll` sees each state, for progress lines. Failure carries the job's own message, as pac shows it ("The reason given was: …").
   */
  async waitForAsyncOperation(
    id: string,
    what: string,
    wait: AsyncWait,
    onPoll?: (record: AsyncOperationRecord) => Promise<void>,
  ): Promise<void> {
    for (let poll = 0; ; poll++) {
      const record = await this.getAsyncOperation(id, poll === 0);
      await onPoll?.(record);
      const outcome = asyncOutcome(record);
      if (outcome.done && outcome.succeeded) return;
      if (outcome.done)
        throw new UserError(`${what} failed in Dataverse. The reason given was: ${outcome.reason}`);
      const delay = pollDelayMs(poll);
      if (waitRunsOut(wait, this.clock.now(), delay)) {
        throw new UserError(
          `${what} did not finish within ${waitMinutes(wait)} (last status: ${outcome.status}).`,
          {
            hint: `The job keeps running in Dataverse (system job ${id}); raise ${this.say(MAX_WAIT)} to wait longer.`,
          },
        );
      }
      this.logger.debug(`${what}: ${outcome.status}`);
      await this.clock.sleep(delay);
    }
  }

  /**
   * The solution zip of an export's answer (ExportSolutionFile, base64). An answer without it, which
   * the Web API never gives but a proxy or a service in a bad state can, is told with the environment
   * and the call, not as an empty zip.
   */
  private exportedFile(base64: unknown, operation: string, action: string): Uint8Array {
    if (typeof base64 !== 'string' || base64 === '')
      throw new UserError(
        `${operation}: ${this.environment.origin} answered ${action} without the solution file (ExportSolutionFile).`,
        {
          hint: `Run ${this.say(THE_RUN)} again; if the answer is the same, export the solution in Power Apps to see what Dataverse says.`,
        },
      );
    return new Uint8Array(Buffer.from(base64, 'base64'));
  }

  newImportJobId(): string {
    return randomUUID();
  }
}

function exportBody(request: ExportRequest): Record<string, unknown> {
  return { SolutionName: request.solutionName, Managed: request.managed, ...request.settings };
}

/** How an import request is named in its errors: the solution, when the caller knows it. */
function importOperation(request: ImportRequest): string {
  return request.solutionName ? `Import of solution '${request.solutionName}'` : 'Import of the solution';
}

function importBody(request: ImportRequest): Record<string, unknown> {
  return {
    OverwriteUnmanagedCustomizations: request.overwriteUnmanagedCustomizations,
    PublishWorkflows: request.publishWorkflows,
    CustomizationFile: Buffer.from(request.customizationFile).toString('base64'),
    ImportJobId: request.importJobId,
    ...(request.convertToManaged ? { ConvertToManaged: true } : {}),
    ...(request.skipProductUpdateDependencies ? { SkipProductUpdateDependencies: true } : {}),
    ...(request.holdingSolution ? { HoldingSolution: true } : {}),
    ...(request.componentParameters && request.componentParameters.length > 0
      ? { ComponentParameters: request.componentParameters }
      : {}),
  };
}

function guid(id: string): string {
  if (!GUID.test(id)) throw new UserError(`Dataverse returned '${id}' where a job ID (GUID) was expected.`);
  return id;
}
