/**
 * The job-level parts of a workflow file that decide how and in which order jobs run: `needs`,
 * `permissions` and `environment`. Pure functions over the parsed YAML, kept apart from the runner's I/O.
 */

export type Permissions = string | Record<string, string> | undefined;

export interface WorkflowJob {
  needs?: string | string[];
  if?: unknown;
  environment?: string | { name?: string; url?: string };
  permissions?: Permissions;
  env?: Record<string, unknown>;
  outputs?: Record<string, string>;
  /** A job that calls a reusable workflow instead of running steps. */
  uses?: string;
}

/** The job's `needs:` as a list. */
export function jobNeeds(job: WorkflowJob): string[] {
  if (job.needs === undefined) return [];
  return Array.isArray(job.needs) ? job.needs : [job.needs];
}

/**
 * The jobs in an order that runs every job after the jobs it needs, keeping the file's order where
 * `needs` leaves a choice. Unknown needs and cycles are refused, as GitHub refuses such a file.
 */
export function jobOrder(jobs: Record<string, WorkflowJob>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, from?: string): void => {
    const job = jobs[id];
    if (!job) throw new Error(`Job '${from}' needs '${id}', which the workflow does not define`);
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw new Error(`The needs of job '${id}' form a cycle`);
    state.set(id, 'visiting');
    for (const need of jobNeeds(job)) visit(need, id);
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id);
  return order;
}

/**
 * Whether the job's token may request an OIDC ID token. The job's `permissions` replace the
 * workflow's; without any, GitHub's default token has no id-token permission in either default mode.
 */
export function grantsIdToken(workflowPermissions: Permissions, jobPermissions: Permissions): boolean {
  const permissions = jobPermissions ?? workflowPermissions;
  if (permissions === undefined) return false;
  if (typeof permissions === 'string') return permissions === 'write-all';
  return permissions['id-token'] === 'write';
}

/** The environment's name before expressions are evaluated, or undefined without `environment:`. */
export function environmentNameTemplate(job: WorkflowJob): string | undefined {
  if (job.environment === undefined) return undefined;
  return typeof job.environment === 'string' ? job.environment : job.environment.name;
}
