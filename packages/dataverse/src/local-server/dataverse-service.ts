import type { CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import { ServerResponse, type IncomingMessage } from 'node:http';

import { describeUserError, isUserError } from '@connector-alm/core';
import type { Clock } from '../clock.js';
import { readSolutionManifest, type SolutionManifest } from '../zip/solution-manifest.js';
import { verifyAccessToken } from './access-tokens.js';
import {
  bindParameters,
  checkComponentParameters,
  DOWNLOAD_EXPORT_DATA,
  EXPORT_FLAGS,
  EXPORT_SOLUTION,
  IMPORT_SOLUTION,
  STAGE_AND_UPGRADE,
} from './action-parameters.js';
import { requirePrivilege, type Caller } from './caller.js';
import type { FaultSwitches } from './faults.js';
import { CODES, ODataFailure, sendODataError, sendOData } from './http-kit.js';
import { ImportJob } from './import-jobs.js';
import { importRefusal, upgradeRefusal } from './import-refusals.js';
import { AsyncJob } from './jobs.js';
import { checkODataHeaders, readJsonBody } from './odata-request.js';
import type { LocalApp } from './scenario.js';
import { selectedColumns } from './selected-columns.js';
import { SOLUTION_COLUMNS, solutionFilter } from './solution-filter.js';
import { asManagedZip, type SolutionStore } from './solution-store.js';
import { answerEcho, applyFault, trickle } from './web-api-faults.js';

/** What the tests can inspect after a run: every import with the parameters it carried. */
export interface ImportRecord {
  solutionName: string;
  version: string;
  asynchronous: boolean;
  /** StageAndUpgradeAsync: the components the new version lacks were deleted. */
  stageAndUpgrade: boolean;
  componentParameters: unknown[];
  overwriteUnmanagedCustomizations: boolean;
  publishWorkflows: boolean;
  /** The optional flags, false when not sent. */
  convertToManaged: boolean;
  skipProductUpdateDependencies: boolean;
  holdingSolution: boolean;
}

/** What the tests can inspect after a run: every export started, with the settings it carried. */
export interface ExportRecord {
  solutionName: string;
  managed: boolean;
  asynchronous: boolean;
  /** The Export* settings sent (ExportSales, ExportIsvConfig, …), as sent; one not sent is absent. */
  settings: Record<string, boolean>;
}

export interface DataverseServiceOptions {
  origin: string;
  tenantId: string;
  apps: LocalApp[];
  store: SolutionStore;
  faults: FaultSwitches;
  tokenKey: CryptoKey;
  asyncPolls: number;
  clock: Clock;
}

const VERSIONED_PATH = /^\/api\/data\/v9\.[0-2]\/(.*)$/;
const KEYED = /^(asyncoperations|importjobs)\(([0-9a-f-]{36})\)$/i;

/**
 * The Dataverse Web API subset for solutions, as strict as the service: bearer tokens verified
 * (signature, issuer, audience, expiry), application user and privileges checked, OData headers and
 * action parameters required, errors in the OData shape.
 */
export class DataverseService {
  readonly organizationId = randomUUID();
  readonly businessUnitId = randomUUID();
  readonly imports: ImportRecord[] = [];
  readonly exports: ExportRecord[] = [];
  publishCount = 0;
  private importJobCount = 0;
  private readonly userIds = new Map<string, string>();
  private readonly jobs = new Map<string, AsyncJob>();
  private readonly exportJobs = new Map<string, { job: AsyncJob; zip?: Uint8Array }>();
  private readonly importJobs = new Map<string, ImportJob>();

  constructor(private readonly options: DataverseServiceOptions) {}

  /** How many system jobs of this kind requests have started: a resent start shows as one too many. */
  jobsStarted(kind: AsyncJob['kind']): number {
    return [...this.jobs.values()].filter((job) => job.kind === kind).length;
  }

  /**
   * How many import jobs requests have started, synchronous ImportSolution (which runs no system job)
   * and ImportSolutionAsync alike: a resent import shows as one too many.
   */
  importJobsStarted(): number {
    return this.importJobCount;
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const url = new URL(request.url ?? '/', this.options.origin);
      const match = VERSIONED_PATH.exec(url.pathname);
      if (!match)
        throw new ODataFailure(
          404,
          CODES.badRequest,
          `Resource not found for the segment '${url.pathname}'.`,
        );
      const resource = decodeURIComponent(match[1]!);
      const operation = KEYED.exec(resource)?.[1]?.toLowerCase() ?? resource.replace(/\(\)$/, '');
      const caller = await this.authenticate(request);
      checkODataHeaders(request);
      const fault = this.options.faults.take(operation);
      if (fault?.kind === 'echo') return await answerEcho(fault.status, request, response);
      if (fault?.kind === 'trickle') trickle(response, fault, this.options.clock);
      else if (fault && 'afterProcessing' in fault && fault.afterProcessing)
        await this.processUnanswered(request, url, resource, caller);
      if (fault && fault.kind !== 'trickle') return applyFault(fault, response, this.options.faults);
      await this.route(request, response, url, resource, caller);
    } catch (error) {
      if (error instanceof ODataFailure) return sendODataError(response, error);
      sendODataError(
        response,
        new ODataFailure(
          500,
          '0x80040216',
          `An unexpected error occurred: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
  }

  private async authenticate(request: IncomingMessage): Promise<Caller> {
    const header = request.headers.authorization ?? '';
    const challenge = {
      'WWW-Authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/${this.options.tenantId}/oauth2/authorize, resource_id=${this.options.origin}/`,
    };
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token)
      throw new ODataFailure(401, CODES.unauthorized, 'The request has no bearer access token.', challenge);
    const verdict = await verifyAccessToken(token, {
      key: this.options.tokenKey,
      tenantId: this.options.tenantId,
      resource: this.options.origin,
      nowMs: this.options.clock.now(),
    });
    if (!verdict.ok) throw new ODataFailure(401, CODES.unauthorized, verdict.reason, challenge);
    const app = this.options.apps.find((candidate) => candidate.clientId === verdict.claims.appid);
    if (!app || app.applicationUser === false)
      throw new ODataFailure(403, CODES.notAMember, 'The user is not a member of the organization.');
    let userId = this.userIds.get(app.clientId);
    if (!userId) this.userIds.set(app.clientId, (userId = randomUUID()));
    return { app, userId };
  }

  /**
   * Does what the request asks (starts the job, applies the import) and loses the answer, which goes
   * to a response with no connection: the fault that follows is all the client sees.
   */
  private async processUnanswered(
    request: IncomingMessage,
    url: URL,
    resource: string,
    caller: Caller,
  ): Promise<void> {
    const lost = new ServerResponse(request);
    try {
      await this.route(request, lost, url, resource, caller, { answerLost: true });
    } catch (error) {
      if (!(error instanceof ODataFailure)) throw error;
    }
  }

  private async route(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    resource: string,
    caller: Caller,
    { answerLost = false } = {},
  ): Promise<void> {
    const method = request.method ?? 'GET';
    const keyed = KEYED.exec(resource);
    if (method === 'GET') {
      if (resource === 'WhoAmI' || resource === 'WhoAmI()') return this.whoAmI(response, caller);
      if (resource === 'solutions') return this.querySolutions(response, url, caller);
      if (keyed?.[1]?.toLowerCase() === 'asyncoperations')
        return this.readAsyncOperation(response, keyed[2]!);
      if (keyed?.[1]?.toLowerCase() === 'importjobs') return this.readImportJob(response, url, keyed[2]!);
    }
    if (method === 'POST') {
      const body = await readJsonBody(request);
      switch (resource) {
        case 'PublishAllXml':
          requirePrivilege(caller, 'prvPublishCustomizations');
          bindParameters('PublishAllXml', body ?? {}, { required: {}, optional: {} });
          this.publishCount++;
          return sendOData(response, 204);
        case 'ExportSolution':
          return this.exportSolution(response, body, caller, false);
        case 'ExportSolutionAsync':
          return this.exportSolution(response, body, caller, true);
        case 'DownloadSolutionExportData':
          return this.downloadExport(response, body);
        case 'ImportSolution':
        case 'ImportSolutionAsync':
        case 'StageAndUpgradeAsync':
          return this.importSolution(response, body, caller, resource, answerLost);
      }
    }
    const known = [
      'WhoAmI',
      'solutions',
      'PublishAllXml',
      'ExportSolution',
      'ExportSolutionAsync',
      'DownloadSolutionExportData',
      'ImportSolution',
      'ImportSolutionAsync',
      'StageAndUpgradeAsync',
    ];
    if (known.includes(resource) || keyed)
      throw new ODataFailure(
        405,
        CODES.badRequest,
        `The HTTP method '${method}' is not allowed for '${resource}'.`,
      );
    throw new ODataFailure(404, CODES.badRequest, `Resource not found for the segment '${resource}'.`);
  }

  private whoAmI(response: ServerResponse, caller: Caller): void {
    sendOData(response, 200, {
      '@odata.context': `${this.options.origin}/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
      BusinessUnitId: this.businessUnitId,
      UserId: caller.userId,
      OrganizationId: this.organizationId,
    });
  }

  /** Filtered by `uniquename` or `friendlyname` only, the lookups clients make (solution-filter.ts). */
  private querySolutions(response: ServerResponse, url: URL, caller: Caller): void {
    requirePrivilege(caller, 'prvReadSolution');
    const rows = this.options.store.list().map((solution) => ({
      solutionid: solution.solutionId,
      uniquename: solution.uniqueName,
      // Dataverse requires a display name; a zip without one is served under its unique name.
      friendlyname: solution.displayName || solution.uniqueName,
      version: solution.version,
      ismanaged: solution.managed,
    }));
    const filter = url.searchParams.get('$filter');
    const compared = filter === null ? undefined : solutionFilter(filter);
    const matching = compared
      ? rows.filter((row) => row[compared.column].toLowerCase() === compared.value.toLowerCase())
      : rows;
    const columns = (url.searchParams.get('$select') ?? SOLUTION_COLUMNS.join(','))
      .split(',')
      .map((c) => c.trim());
    const records = matching.map((row) => ({
      '@odata.etag': 'W/"1"',
      ...selectedColumns(row, columns, 'solution'),
    }));
    sendOData(response, 200, {
      '@odata.context': `${this.options.origin}/api/data/v9.2/$metadata#solutions(${columns.join(',')})`,
      value: records,
    });
  }

  private exportSolution(
    response: ServerResponse,
    body: unknown,
    caller: Caller,
    asynchronous: boolean,
  ): void {
    const action = asynchronous ? 'ExportSolutionAsync' : 'ExportSolution';
    const parameters = bindParameters(action, body, EXPORT_SOLUTION);
    requirePrivilege(caller, 'prvExportSolution');
    const name = parameters.SolutionName as string;
    const solution = this.options.store.get(name);
    if (!solution)
      throw new ODataFailure(404, CODES.solutionNotFound, `The solution '${name}' cannot be found.`);
    if (solution.managed)
      throw new ODataFailure(
        400,
        CODES.managedExport,
        `The solution '${name}' is managed; managed solutions cannot be exported.`,
      );
    this.exports.push({
      solutionName: name,
      managed: parameters.Managed === true,
      asynchronous,
      settings: Object.fromEntries(
        EXPORT_FLAGS.filter((flag) => flag in parameters).map((flag) => [flag, parameters[flag] === true]),
      ),
    });
    const produce = () => (parameters.Managed === true ? asManagedZip(solution.zip) : solution.zip);
    if (!asynchronous) {
      return sendOData(response, 200, {
        '@odata.context': `${this.options.origin}/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.ExportSolutionResponse`,
        ExportSolutionFile: Buffer.from(produce()).toString('base64'),
      });
    }
    const exportJobId = randomUUID();
    const entry: { job: AsyncJob; zip?: Uint8Array } = {
      job: new AsyncJob(
        'export',
        this.options.asyncPolls,
        () => (entry.zip = produce()),
        this.options.faults.takeJobFailure(),
        this.options.faults.takeHiddenReads(),
      ),
    };
    this.jobs.set(entry.job.id, entry.job);
    this.exportJobs.set(exportJobId, entry);
    sendOData(response, 200, {
      '@odata.context': `${this.options.origin}/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.ExportSolutionAsyncResponse`,
      AsyncOperationId: entry.job.id,
      ExportJobId: exportJobId,
    });
  }

  private downloadExport(response: ServerResponse, body: unknown): void {
    const parameters = bindParameters('DownloadSolutionExportData', body, DOWNLOAD_EXPORT_DATA);
    const entry = this.exportJobs.get((parameters.ExportJobId as string).toLowerCase());
    if (!entry)
      throw new ODataFailure(
        404,
        CODES.doesNotExist,
        `Export job With Id = ${String(parameters.ExportJobId)} Does Not Exist`,
      );
    if (!entry.job.succeeded || !entry.zip)
      throw new ODataFailure(
        400,
        CODES.jobNotDone,
        'The export job has not completed successfully; there is no file to download.',
      );
    sendOData(response, 200, {
      '@odata.context': `${this.options.origin}/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.DownloadSolutionExportDataResponse`,
      ExportSolutionFile: Buffer.from(entry.zip).toString('base64'),
    });
  }

  /**
   * ImportSolution, ImportSolutionAsync and StageAndUpgradeAsync. The last runs as ImportSolutionAsync
   * does, and its import deletes the components the new version lacks, where an update keeps them; a
   * solution not installed yet is installed ("applies the upgrade … when applicable", Learn).
   */
  private importSolution(
    response: ServerResponse,
    body: unknown,
    caller: Caller,
    action: 'ImportSolution' | 'ImportSolutionAsync' | 'StageAndUpgradeAsync',
    answerLost = false,
  ): void {
    const asynchronous = action !== 'ImportSolution';
    const upgrade = action === 'StageAndUpgradeAsync';
    const parameters = bindParameters(action, body, upgrade ? STAGE_AND_UPGRADE : IMPORT_SOLUTION);
    requirePrivilege(caller, 'prvImportSolution');
    const componentParameters = (parameters.ComponentParameters as unknown[] | undefined) ?? [];
    checkComponentParameters(componentParameters);
    // Optional for StageAndUpgradeAsync only: the service makes one.
    const importJobId = ((parameters.ImportJobId as string | undefined) ?? randomUUID()).toLowerCase();
    const zip = new Uint8Array(Buffer.from(parameters.CustomizationFile as string, 'base64'));
    // The solution installed when the import runs may make Dataverse refuse it (import-refusals.ts).
    const refusal = () =>
      (upgrade ? upgradeRefusal(manifest) : undefined) ??
      importRefusal(manifest && this.options.store.get(manifest.uniqueName), manifest);
    const store = () => {
      const stored = this.options.store.import(zip, { upgrade });
      this.imports.push({
        solutionName: stored.uniqueName,
        version: stored.version,
        asynchronous,
        stageAndUpgrade: upgrade,
        componentParameters,
        overwriteUnmanagedCustomizations: parameters.OverwriteUnmanagedCustomizations as boolean,
        publishWorkflows: parameters.PublishWorkflows as boolean,
        convertToManaged: parameters.ConvertToManaged === true,
        skipProductUpdateDependencies: parameters.SkipProductUpdateDependencies === true,
        holdingSolution: parameters.HoldingSolution === true,
      });
    };
    const manifest = readableManifest(zip);
    const now = this.options.clock.now();
    this.importJobCount++;
    const faults = this.options.faults;
    // A synchronous import the service runs on after its answer was lost: a job, as an asynchronous
    // one, but with no system job a client could read.
    const runsOn = !asynchronous && answerLost && faults.takeRunningImport();
    if (!asynchronous && !runsOn) {
      const importJob = new ImportJob(importJobId, manifest, now);
      this.importJobs.set(importJobId, importJob);
      const refused = refusal();
      if (refused) {
        importJob.fail(refused);
        // The status is assumed: the Web API answers a failed action with 400 and the error's code.
        throw new ODataFailure(400, refused.errorcode, refused.errortext);
      }
      try {
        store();
      } catch (error) {
        if (isUserError(error)) {
          const problem = describeUserError(error);
          importJob.fail({ errorcode: CODES.invalidSolutionFile, errortext: problem });
          throw new ODataFailure(400, CODES.invalidSolutionFile, `The import file is invalid: ${problem}`);
        }
        throw error;
      }
      return sendOData(response, 204);
    }
    const importFailure = faults.takeImportFailure();
    const importWarning = faults.takeImportWarning();
    const importJob = new ImportJob(importJobId, manifest, now);
    const work = () => {
      // A solution-level failure is the import job's, not the system job's: that one still succeeds.
      if (importFailure) return importJob.fail(importFailure);
      // So is a refusal because of the installed solution: the import job's log carries the reason.
      const refused = refusal();
      if (refused) return importJob.fail(refused);
      try {
        store();
      } catch (error) {
        importJob.fail({
          errorcode: CODES.invalidSolutionFile,
          errortext: error instanceof Error ? error.message : String(error),
        });
        throw error;
      }
      if (importWarning !== undefined) importJob.warn(importWarning);
    };
    const job = new AsyncJob(
      'import',
      this.options.asyncPolls,
      work,
      faults.takeJobFailure(),
      faults.takeHiddenReads(),
    );
    importJob.runBy(job);
    this.importJobs.set(importJobId, importJob);
    // Its answer is lost on the way (the fault's), so nothing is sent.
    if (runsOn) return;
    this.jobs.set(job.id, job);
    sendOData(response, 200, {
      '@odata.context': `${this.options.origin}/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.${action}Response`,
      AsyncOperationId: job.id,
      ImportJobKey: importJobId,
    });
  }

  private readAsyncOperation(response: ServerResponse, id: string): void {
    const job = this.jobs.get(id.toLowerCase());
    if (!job?.visible())
      throw new ODataFailure(
        404,
        CODES.doesNotExist,
        `Entity 'asyncoperation' With Id = ${id} Does Not Exist`,
      );
    sendOData(response, 200, { '@odata.etag': 'W/"1"', ...job.read(new Date(this.options.clock.now())) });
  }

  /** `importjobs(<id>)?$select=…`: the columns asked for (all when none), like any Web API row. */
  private readImportJob(response: ServerResponse, url: URL, id: string): void {
    const importJob = this.importJobs.get(id.toLowerCase());
    if (!importJob)
      throw new ODataFailure(404, CODES.doesNotExist, `Entity 'importjob' With Id = ${id} Does Not Exist`);
    const row = importJob.read(new Date(this.options.clock.now()));
    const select = url.searchParams.get('$select');
    const columns = select === null ? Object.keys(row) : select.split(',').map((column) => column.trim());
    const selected = selectedColumns(row, columns, 'importjob');
    sendOData(response, 200, {
      '@odata.context': `${this.options.origin}/api/data/v9.2/$metadata#importjobs(${columns.join(',')})/$entity`,
      '@odata.etag': 'W/"1"',
      // The key comes back whether asked for or not.
      importjobid: row.importjobid,
      ...selected,
    });
  }
}

/** The solution a customization file holds; undefined for one that is not a solution (its import fails). */
function readableManifest(zip: Uint8Array): SolutionManifest | undefined {
  try {
    return readSolutionManifest(zip, { description: 'the customization file' });
  } catch {
    return undefined;
  }
}
