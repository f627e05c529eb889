import { randomUUID } from 'node:crypto';

/** How a system job ended: statuscode 30 Succeeded or 31 Failed, with the job's message. */
export interface JobOutcome {
  succeeded: boolean;
  message: string | null;
  completedOn: string;
}

/**
 * A system job (asyncoperation) that completes after a fixed number of status reads, so tests see
 * "waiting", "in progress" and "succeeded" in order without waiting on wall-clock time.
 */
export class AsyncJob {
  readonly id = randomUUID();
  private reads = 0;
  private runningFraction: number | null = null;
  private ended?: JobOutcome;
  /** Whether a client has read this job's status: one that lost its id follows the import job instead. */
  private statusRead = false;

  /**
   * @param hiddenReads status reads answered 404 before the job is seen at all: a replica that the
   * job has not reached yet.
   */
  constructor(
    readonly kind: 'export' | 'import',
    private readonly pollsToFinish: number,
    private readonly work: () => void,
    private readonly failure?: string,
    private hiddenReads = 0,
  ) {}

  /**
   * How far the work got, 0..1: null before it started (the job waits for resources), the fraction
   * while it runs, and the last one it reached once it ended.
   */
  get progress(): number | null {
    return this.runningFraction;
  }

  get outcome(): JobOutcome | undefined {
    return this.ended;
  }

  get succeeded(): boolean {
    return this.ended?.succeeded === true;
  }

  /** Whether this status read finds the job; false uses up one of its hidden reads. */
  visible(): boolean {
    if (this.hiddenReads === 0) return true;
    this.hiddenReads--;
    return false;
  }

  /** One status read: advances the job, finishing it (and doing its work) on the last read. */
  read(now: Date): Record<string, unknown> {
    this.statusRead = true;
    return this.advance(now);
  }

  /**
   * A read of what the job works on (an import's import job): it moves the job on only while nobody
   * reads its status. The service runs a job whether or not anyone watches it; here reads are the
   * clock, and a client that lost the job's id with the answer of ImportSolutionAsync follows the
   * import job, so those reads must move it. A client that reads the status too is not sped up.
   */
  readWorkedOn(now: Date): void {
    if (!this.statusRead) this.advance(now);
  }

  private advance(now: Date): Record<string, unknown> {
    if (!this.ended) {
      this.reads++;
      if (this.reads >= this.pollsToFinish) this.finish(now);
      else if (this.reads > 1) this.runningFraction = this.reads / this.pollsToFinish;
    }
    const [statecode, statuscode] = this.ended
      ? [3, this.ended.succeeded ? 30 : 31]
      : this.reads <= 1
        ? [0, 0]
        : [2, 20];
    return {
      asyncoperationid: this.id,
      statecode,
      statuscode,
      message: this.ended?.message ?? null,
      friendlymessage: this.ended?.message ?? null,
      completedon: this.ended?.completedOn ?? null,
    };
  }

  private finish(now: Date): void {
    if (this.failure) {
      this.ended = { succeeded: false, message: this.failure, completedOn: now.toISOString() };
      return;
    }
    try {
      this.work();
      this.ended = { succeeded: true, message: null, completedOn: now.toISOString() };
    } catch (error) {
      this.ended = {
        succeeded: false,
        message: error instanceof Error ? error.message : String(error),
        completedOn: now.toISOString(),
      };
    }
  }
}
