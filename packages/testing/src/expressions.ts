import { data, Evaluator, Lexer, Parser, type ExpressionError } from '@actions/expressions';

/** The contexts a step's expressions can read, as plain JSON values. */
export type ExpressionContexts = Record<string, unknown>;

/** The job status the status functions answer to. */
export type JobStatus = 'success' | 'failure' | 'cancelled';

const CONTEXT_NAMES = [
  'github',
  'env',
  'inputs',
  'secrets',
  'vars',
  'steps',
  'needs',
  // Only in on.workflow_call.outputs: what each job of a reusable workflow gave.
  'jobs',
  'runner',
  'job',
  'matrix',
  'strategy',
];

function statusFunctions(status: JobStatus) {
  const fn = (name: string, value: () => boolean) => ({
    name,
    minArgs: 0,
    maxArgs: 0,
    call: () => new data.BooleanData(value()),
  });
  return [
    fn('success', () => status === 'success'),
    fn('failure', () => status === 'failure'),
    fn('always', () => true),
    fn('cancelled', () => status === 'cancelled'),
  ];
}

/**
 * Evaluates one GitHub Actions expression (the text inside `${{ }}`) with GitHub's own parser and
 * evaluator (@actions/expressions), so workflows under test behave as on the runner.
 */
export function evaluateExpression(
  expression: string,
  contexts: ExpressionContexts,
  status: JobStatus = 'success',
): unknown {
  const lexed = new Lexer(expression).lex();
  const functions = statusFunctions(status);
  const parsed = new Parser(lexed.tokens, CONTEXT_NAMES, functions).parse();
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  let result: data.ExpressionData;
  try {
    result = new Evaluator(parsed, context, new Map(functions.map((f) => [f.name, f]))).evaluate();
  } catch (error) {
    throw new Error(`Cannot evaluate \${{ ${expression} }}: ${(error as ExpressionError).message}`, {
      cause: error,
    });
  }
  return JSON.parse(JSON.stringify(result, data.replacer)) as unknown;
}

/** Replaces every `${{ … }}` in a string, as the runner does for `with:`, `env:` and `run:`. */
export function interpolate(
  template: string,
  contexts: ExpressionContexts,
  status: JobStatus = 'success',
): string {
  return template.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => {
    const value = evaluateExpression(expression.trim(), contexts, status);
    if (value === null || value === undefined) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

/** An `if:` condition: a bare expression or one wrapped in `${{ }}`; absent means success(). */
export function evaluateCondition(
  condition: unknown,
  contexts: ExpressionContexts,
  status: JobStatus,
): boolean {
  if (condition === undefined || condition === null || condition === '') return status === 'success';
  if (typeof condition === 'boolean') return condition;
  const text = String(condition).trim();
  const expression = /^\$\{\{([\s\S]*)\}\}$/.exec(text)?.[1] ?? text;
  // A condition without a status function implicitly has success() && in front.
  const hasStatus = /\b(success|failure|always|cancelled)\s*\(/.test(expression);
  const value = evaluateExpression(hasStatus ? expression : `success() && (${expression})`, contexts, status);
  return Boolean(value) && value !== 0 && value !== '';
}
