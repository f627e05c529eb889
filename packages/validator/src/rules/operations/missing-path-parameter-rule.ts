import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { operationLabel } from '../../swagger/operation-label.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { excerpt, quoteList } from '../../text/message-values.js';
import { pathTemplates } from './path-templates.js';
import { fill } from './rule-kit.js';

/** A loop, not a set of names per operation: most operations have one or two path parameters. */
function hasPathParameter(operation: OperationInfo, name: string): boolean {
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path' && parameter.name === name) return true;
  }
  return false;
}

/** Variables of a key looked up by a loop over the operation's parameters before a set of them is made. */
const MAX_LOOPED_VARIABLES = 8;

/**
 * The variables of a path key that the operation defines no `in: path` parameter for, in order. A
 * loop over the parameters for each variable, as real keys have a few; past that the path
 * parameters' names go into a set once, so that a key with thousands of variables on an operation
 * with thousands of parameters does not multiply the two.
 */
function missingPathParameters(operation: OperationInfo, variables: readonly string[]): string[] {
  let missing: string[] | undefined;
  let defined: Set<string> | undefined;
  if (variables.length > MAX_LOOPED_VARIABLES) {
    defined = new Set();
    for (const parameter of operation.parameters) {
      if (parameter.in === 'path' && parameter.name !== undefined) defined.add(parameter.name);
    }
  }
  for (let at = 0; at < variables.length; at++) {
    const name = variables[at]!;
    if (name === '' || name.includes('=')) continue;
    if (defined ? defined.has(name) : hasPathParameter(operation, name)) continue;
    (missing ??= []).push(name);
  }
  return missing ?? NONE_MISSING;
}

const NONE_MISSING: string[] = [];

export const missingPathParameterRule: RuleDefinition = {
  id: 'SWG-PATH-MISSING-PARAM',
  file: 'swagger',
  title: 'Define an `in: path` parameter for every path variable.',
  description:
    'The platform builds the URL from path parameters; a `{variable}` without one cannot be filled (SVR OperationMissingPathParameter).',
  levels: sameLevels('error'),
  msCode: 'OperationMissingPathParameter',
  msMessage: "The operation '{0}' does not define the '{1}' parameter which is required by the path.",
  example: {
    placement: 'paths',
    bad: '"/tasks/{taskId}": { "get": { "parameters": [] } }',
    good: '"/tasks/{taskId}": { "get": { "parameters": [{ "name": "taskId", "in": "path", "required": true, "type": "string" }] } }',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    const templates = pathTemplates(swagger);
    const operations = swagger.operations;
    // Indexed loops, not for…of: V8 had not optimized this check in the measured runs, and each step
    // of an array iterator then makes a result object (~0.8 MB a warm corpus run).
    for (let index = 0; index < operations.length; index++) {
      const operation = operations[index]!;
      const variables = templates[index]!.variables;
      if (variables.length === 0) continue;
      const missing = missingPathParameters(operation, variables);
      if (missing.length === 0) continue;
      report({
        pointer: operation.pointer,
        message: missingMessage(operation, missing),
        // Defining one of them is no new finding under `validate --base`.
        parts: {
          problem: `The operation '${operationLabel(operation)}' does not define parameters which the path requires.`,
          names: missing,
        },
      });
    }
  },
};

/**
 * One finding per operation, however many variables lack a parameter: each finding repeats the
 * operation's pointer, which holds the path key, so one a variable made the report grow with the
 * square of the key (5,000 variables in one 40 KB key wrote 221 MB of JSON). Microsoft's message for
 * one; the list, cut short, for several.
 */
function missingMessage(operation: OperationInfo, missing: readonly string[]): string {
  if (missing.length === 1) {
    return fill(
      "The operation '{0}' does not define the '{1}' parameter which is required by the path.",
      operationLabel(operation),
      excerpt(missing[0]),
    );
  }
  return fill(
    "The operation '{0}' does not define the {1} parameters which are required by the path: {2}.",
    operationLabel(operation),
    missing.length,
    quoteList(missing),
  );
}
