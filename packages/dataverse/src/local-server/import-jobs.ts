import type { SolutionManifest } from '../zip/solution-manifest.js';
import type { ImportFailure } from './faults.js';
import type { AsyncJob } from './jobs.js';

/** An import that failed without a code of its own (the system job failed): Dataverse's generic one. */
const GENERIC_FAILURE = '0x80040216';
/** .NET ticks (100 ns since 0001-01-01) at the Unix epoch: importexportxml writes times as ticks. */
const EPOCH_TICKS = 621_355_968_000_000_000n;

/**
 * The `importjob` row of one import, as the Web API returns it: `progress` (null until the import
 * starts, 100 when it succeeded, where it stopped when it failed), `completedon`, `solutionname` and
 * `data`, the import log XML whose `/importexportxml/solutionManifests/solutionManifest/result` says
 * how the solution itself fared (`result="success|warning|failure"`, `errorcode`, `errortext`), in
 * the shape of the sample in Microsoft's "Work with solutions" documentation.
 */
export class ImportJob {
  private failure?: Required<ImportFailure>;
  private warning?: string;
  /**
   * The system job of an asynchronous import, or the work of a synchronous one that runs on after its
   * answer was lost (FaultSwitches.keepNextImportRunning); none for a synchronous one done when the
   * request returns.
   */
  private job?: AsyncJob;

  /** @param manifest undefined when the file is not a readable solution. */
  constructor(
    readonly id: string,
    private readonly manifest: SolutionManifest | undefined,
    private readonly startedOn: number,
  ) {}

  runBy(job: AsyncJob): void {
    this.job = job;
  }

  /** The solution failed to import; the system job may still end as Succeeded. */
  fail(failure: ImportFailure): void {
    this.failure = { errorcode: failure.errorcode ?? '0x80048033', errortext: failure.errortext };
  }

  /** The solution was imported, and the import job's log says it finished with warnings: `text`. */
  warn(text: string): void {
    this.warning = text;
  }

  /** A read of the row, which moves an asynchronous import on when nobody reads its system job. */
  read(now: Date): Record<string, unknown> {
    this.job?.readWorkedOn(now);
    return this.row();
  }

  /** Every column of the row. */
  row(): Record<string, unknown> {
    const ended = this.job ? this.job.outcome : { succeeded: this.failure === undefined };
    const failure =
      this.failure ??
      (ended && !ended.succeeded
        ? { errorcode: GENERIC_FAILURE, errortext: this.job?.outcome?.message ?? 'The import failed.' }
        : undefined);
    const progress = ended && !failure ? 100 : fraction(this.job?.progress ?? null);
    const started = this.job ? this.job.progress !== null || ended !== undefined : true;
    const completedOn = this.job ? this.job.outcome?.completedOn : new Date(this.startedOn).toISOString();
    return {
      importjobid: this.id,
      solutionname: this.manifest?.uniqueName ?? null,
      progress,
      startedon: started ? new Date(this.startedOn).toISOString() : null,
      completedon: completedOn ?? null,
      data: started ? this.data(progress, completedOn, failure) : null,
    };
  }

  private data(
    progress: number | null,
    completedOn: string | undefined,
    failure: Required<ImportFailure> | undefined,
  ): string {
    const manifest = this.manifest;
    const stoppedAt = completedOn === undefined ? undefined : Date.parse(completedOn);
    const verdict = failure ? 'failure' : this.warning !== undefined ? 'warning' : 'success';
    const result =
      stoppedAt === undefined
        ? ''
        : `<result result="${verdict}" errorcode="${failure ? escape(failure.errorcode) : '0'}" errortext="${escape(failure?.errortext ?? this.warning ?? '')}" datetime="${clockTime(stoppedAt)}" datetimeticks="${ticks(stoppedAt)}" />`;
    const solution = manifest
      ? `<solutionManifest languagecode="1033" id="${escape(manifest.uniqueName)}" LocalizedName="${escape(manifest.uniqueName)}" processed="${stoppedAt !== undefined}"><UniqueName>${escape(manifest.uniqueName)}</UniqueName><Version>${escape(manifest.version)}</Version><Managed>${manifest.managed ? 1 : 0}</Managed><results />${result}</solutionManifest>`
      : '';
    const stop = stoppedAt === undefined ? '' : ` stop="${ticks(stoppedAt)}"`;
    return `<importexportxml start="${ticks(this.startedOn)}"${stop} progress="${progress ?? 0}" processed="${stoppedAt !== undefined}"><solutionManifests>${solution}</solutionManifests><entities /><nodes /><settings /><workflows /><optionSets /><webResources /><languages /><rootComponents /><dependencies /></importexportxml>`;
  }
}

function fraction(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100);
}

function ticks(ms: number): string {
  return String(EPOCH_TICKS + BigInt(ms) * 10_000n);
}

/** `20:49:12.08`, as the log writes its `datetime` attributes (UTC here). */
function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 22);
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
