/**
 * `connectionParameters('name')` in a policy expression: `Bearer @connectionParameters('token')`,
 * `https://@connectionParameters('region').example.com`, several in one value, or with a default
 * after the name (`@connectionParameters('apiKey','')`). Merged connectors write the function name in
 * this case and the name in single quotes only (116 references in the corpus).
 */
const CONNECTION_PARAMETER_CALL = /(?<![\w.])connectionParameters\(\s*'([^']*)'\s*(,|\))/g;

/** One reference to a connection parameter in an expression. */
export interface ConnectionParameterReference {
  /** The parameter's name as written. */
  name: string;
  /** True when a default value follows the name: the platform then never leaves the value empty. */
  hasDefault: boolean;
}

/** The connection parameters an expression names, in order. */
export function connectionParameterReferences(expression: string): ConnectionParameterReference[] {
  if (!expression.includes('connectionParameters(')) return [];
  return [...expression.matchAll(CONNECTION_PARAMETER_CALL)].map((match) => ({
    name: match[1]!,
    hasDefault: match[2] === ',',
  }));
}

/**
 * A reference with its default written as a string, the whole call from its `@`:
 * `@connectionParameters('instance_url', 'https://api.oneflow.com/v1')` (33 upstream connectors).
 * Read as CONNECTION_PARAMETER_CALL reads the name; a default that is no quoted string is not read.
 */
const DEFAULTED_CALL = /@connectionParameters\(\s*'([^']*)'\s*,\s*'([^']*)'\s*\)/g;

/**
 * The expression with each call of a connection parameter that has a default written as a string
 * replaced by what `replacement` gives for the parameter's name and default; a call it gives
 * undefined for stays as written.
 */
export function replaceDefaultedReferences(
  expression: string,
  replacement: (name: string, fallback: string) => string | undefined,
): string {
  if (!expression.includes('connectionParameters(')) return expression;
  return expression.replace(
    DEFAULTED_CALL,
    (call, name: string, fallback: string) => replacement(name, fallback) ?? call,
  );
}
