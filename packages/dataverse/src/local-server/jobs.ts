import { randomUUID } from 'node:crypto';

/**
 * A system job (asyncoperation) that completes after a fixed number of status reads, so tests see
 * "waiting", "in progress" and "succeeded" in order without waiting on wall-clock time.
 */
export class AsyncJob {
  readonly id = randomUUID();
  private reads = 0;
  private outcome?: { succeeded: boolean; message: string | null; completedOn: string };

  constructor(
    readonly kind: 'export' | 'import',
    private readonly pollsToFinish: number,
    private readonly work: () => void,
    private readonly failure?: string,
  ) {}

  /** The fraction done, 0..1, for import job progress. */
  get fraction(): number {
    return this.outcome ? 1 : Math.min(1, this.reads / this.pollsToFinish);
  }

  get succeeded(): boolean {
    return this.outcome?.succeeded === true;
  }

  /** One status read: advances the job, finishing it (and doing its work) on the last read. */
  read(now: Date): Record<string, unknown> {
    if (!this.outcome) {
      this.reads++;
      if (this.reads >= this.pollsToFinish) this.finish(now);
    }
    const [statecode, statuscode] = this.outcome
      ? [3, this.outcome.succeeded ? 30 : 31]
      : this.reads <= 1
        ? [0, 0]
        : [2, 20];
    return {
      asyncoperationid: this.id,
      statecode,
      statuscode,
      message: this.outcome?.message ?? null,
      friendlymessage: this.outcome?.message ?? null,
      completedon: this.outcome?.completedOn ?? null,
    };
  }

  private finish(now: Date): void {
    if (this.failure) {
      this.outcome = { succeeded: false, message: this.failure, completedOn: now.toISOString() };
      return;
    }
    try {
      this.work();
      this.outcome = { succeeded: true, message: null, completedOn: now.toISOString() };
    } catch (error) {
      this.outcome = {
        succeeded: false,
        message: error instanceof Error ? error.message : String(error),
        completedOn: now.toISOString(),
      };
    }
  }
}
