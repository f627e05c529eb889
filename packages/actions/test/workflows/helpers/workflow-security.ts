/**
 * GitHub's hardening advice for Actions, as checks on parsed workflow YAML, for the workflows users
 * copy into public repositories that take pull requests from forks. Each problem is one line naming
 * the job and step; no problem, an empty list.
 */

/** A step as YAML parses it: only what these checks read. */
export interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: unknown;
  with?: Record<string, unknown>;
}

interface Job {
  steps?: Step[];
}

export interface ParsedWorkflow {
  on?: unknown;
  jobs?: Record<string, Job>;
  /** An action.yml: a composite action's steps are a job's steps. */
  runs?: { steps?: Step[] };
}

/**
 * Values that no pull request, branch, commit message or connector folder can choose: the runner's
 * own paths and names, numbers, and a commit id. Anything else pasted into a script is text the
 * runner writes into it before the shell reads it, where a quote, `$(` or a line break runs as code;
 * a script reads such a value from env instead ("$TITLE"). Only a bare value is allowed here, no
 * function or operator around it, so that what reaches the script is plainly one of these.
 */
const SAFE_IN_SCRIPT: ReadonlySet<string> = new Set([
  'runner.temp',
  'runner.os',
  'runner.arch',
  'github.run_id',
  'github.run_number',
  'github.run_attempt',
  'github.sha',
  'github.event.pull_request.number',
  'strategy.job-index',
  'strategy.job-total',
]);

/** A literal number or boolean. */
const LITERAL = /^(?:-?\d+(?:\.\d+)?|true|false)$/;

/** The expressions (the text inside `${{ }}`) of a string, trimmed. */
export function expressionsOf(text: string): string[] {
  return [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((match) => match[1]!.trim());
}

/** Whether an expression pasted into a script can only give one of the values above. */
export function isSafeInScript(expression: string): boolean {
  return LITERAL.test(expression) || SAFE_IN_SCRIPT.has(expression);
}

/**
 * What is wrong with the expressions of a script (a `run:`, or github-script's `script:`), or
 * undefined. A secret is said apart: it also lands in the script's text, which the log can show.
 */
export function scriptExpressionProblem(script: string, what = 'its script'): string | undefined {
  const expressions = expressionsOf(script);
  if (expressions.some((expression) => /(?<![\w.-])secrets\s*[.[]/.test(expression)))
    return `puts a secret into ${what}`;
  const unsafe = expressions.filter((expression) => !isSafeInScript(expression));
  if (unsafe.length === 0) return undefined;
  const shown = unsafe.map((expression) => `\${{ ${expression} }}`).join(', ');
  return `puts an expression into ${what} (${shown}); pass the value through env`;
}

/** `actions/github-script@…`: its `script` input is JavaScript that expressions are pasted into. */
const GITHUB_SCRIPT = /^actions\/github-script@/;
const CHECKOUT = /^actions\/checkout@/;

/** The script problems of one step. */
export function stepScriptProblems(step: Step): string[] {
  const problems: string[] = [];
  if (typeof step.run === 'string') {
    const problem = scriptExpressionProblem(step.run);
    if (problem) problems.push(problem);
  }
  const script = step.with?.script;
  if (GITHUB_SCRIPT.test(step.uses ?? '') && typeof script === 'string') {
    const problem = scriptExpressionProblem(script, 'its github-script script');
    if (problem) problems.push(problem);
  }
  return problems;
}

/**
 * Events that run a workflow of the base repository for a fork's pull request with the base's write
 * token and its secrets: checking out and validating the fork's files there hands both to the fork.
 * The workflows users copy run on pull_request, where a fork's run gets a read-only token and no secrets.
 */
const PRIVILEGED_EVENTS = ['pull_request_target', 'workflow_run'];

function eventNames(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  if (on && typeof on === 'object') return Object.keys(on);
  return [];
}

export interface SecurityCheckOptions {
  /**
   * Jobs whose checkout keeps the token in .git/config on purpose, by job id, with the reason: a job
   * that pushes with git itself. Every other checkout sets persist-credentials: false, so that a later
   * step (npm ci's install scripts, a test, a tool reading the checked-out files) cannot read it there.
   */
  keepCredentials?: Record<string, string>;
}

/** Every problem of a parsed workflow or action.yml. */
export function workflowSecurityProblems(
  workflow: ParsedWorkflow,
  options: SecurityCheckOptions = {},
): string[] {
  const problems: string[] = [];
  for (const event of eventNames(workflow.on).filter((name) => PRIVILEGED_EVENTS.includes(name)))
    problems.push(
      `on: ${event} runs with the base repository's write token and secrets for a fork's pull request; use pull_request`,
    );
  const jobs: [string, Job][] = [
    ...Object.entries(workflow.jobs ?? {}),
    ...(workflow.runs?.steps ? [['runs', { steps: workflow.runs.steps }] as [string, Job]] : []),
  ];
  for (const [jobId, job] of jobs) {
    for (const [index, step] of (job.steps ?? []).entries()) {
      const where = `${jobId}: step '${step.id ?? step.name ?? step.uses ?? index + 1}'`;
      for (const problem of stepScriptProblems(step)) problems.push(`${where}: ${problem}`);
      if (
        CHECKOUT.test(step.uses ?? '') &&
        !isFalse(step.with?.['persist-credentials']) &&
        !(jobId in (options.keepCredentials ?? {}))
      )
        problems.push(
          `${where}: keeps the token in .git/config, where later steps can read it; set persist-credentials: false`,
        );
    }
  }
  return problems;
}

function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}

/**
 * The script problems of a YAML fragment from the documentation: any mapping in it with a `run:`, or a
 * github-script step, wherever it sits (a whole workflow, a job, a list of steps, one step).
 */
export function snippetScriptProblems(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(snippetScriptProblems);
  if (!value || typeof value !== 'object') return [];
  const step = value as Step;
  const own = typeof step.run === 'string' || typeof step.uses === 'string' ? stepScriptProblems(step) : [];
  return [...own, ...Object.values(value).flatMap(snippetScriptProblems)];
}
