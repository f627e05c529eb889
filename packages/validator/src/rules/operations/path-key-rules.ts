import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { nameExcerpt } from '../../text/message-values.js';
import { fill, pathVariables, perModel } from './rule-kit.js';

/* Rules on the keys of `paths` as written: each key on its own, and the keys together. */

/**
 * The keys of `paths`, without extensions (`x-…` keys are allowed there). Listed once per document
 * for the six rules that read them.
 */
const pathKeysOf = perModel((model: SwaggerModel): string[] =>
  Object.keys(model.paths ?? {}).filter((key) => !key.startsWith('x-')),
);

function pathKeys(model: SwaggerModel | undefined): readonly string[] {
  return model ? pathKeysOf(model) : [];
}

/**
 * Reports, at its key, each path key that `problem` finds wrong on its own: what it returns is the
 * message, undefined for a key without the problem.
 */
function reportPathKeys(
  { swagger, report }: RuleContext,
  problem: (path: string) => string | undefined,
): void {
  for (const path of pathKeys(swagger)) {
    const message = problem(path);
    if (message !== undefined) report({ pointer: childPointer('/paths', path), message });
  }
}

/** Why a path template is malformed, or undefined when its braces are fine. */
function templateProblem(path: string): string | undefined {
  let open = -1;
  for (let index = 0; index < path.length; index++) {
    const character = path[index];
    if (character === '{') {
      if (open !== -1) return 'a variable is nested in another one';
      open = index;
    } else if (character === '}') {
      if (open === -1) return "a '}' has no matching '{'";
      if (index === open + 1) return 'a variable has no name';
      open = -1;
    } else if (character === '/' && open !== -1) {
      return 'a variable spans more than one segment';
    }
  }
  return open !== -1 ? "a '{' is never closed" : undefined;
}

export const pathSlashRule: RuleDefinition = {
  id: 'SWG-PATH-SLASH',
  file: 'swagger',
  title: "Start every path with '/'.",
  description:
    "Swagger 2.0 paths are relative to basePath and start with '/' (SVR OperationPathMustStartWithSlash).",
  levels: sameLevels('error'),
  msCode: 'OperationPathMustStartWithSlash',
  msMessage: "The path is not valid, it must start with a '/' character.",
  example: { bad: '"paths": { "tasks": {} }', good: '"paths": { "/tasks": {} }' },
  check(context) {
    reportPathKeys(context, (path) =>
      path.startsWith('/') ? undefined : "The path is not valid, it must start with a '/' character.",
    );
  },
};

export const pathQueryRule: RuleDefinition = {
  id: 'SWG-PATH-QUERY',
  file: 'swagger',
  title: 'Keep query strings and fragments out of paths.',
  description:
    "Query values are parameters with `in: query`; a '?' or '#' in a path key is rejected (SVR OperationPathMayNotContainQueryOrFragment).",
  levels: sameLevels('error'),
  msCode: 'OperationPathMayNotContainQueryOrFragment',
  msMessage:
    "The path is not valid, it must not contain a query part or fragment identifier. To include '?' or '#' characters in the path, they must be URL encoded.",
  example: {
    placement: 'paths',
    bad: '"/tasks?status=open": {}',
    good: '"/tasks": { "get": { "parameters": [{ "name": "status", "in": "query", "type": "string" }] } }',
  },
  check(context) {
    reportPathKeys(context, (path) =>
      /[?#]/.test(path)
        ? "The path is not valid, it must not contain a query part or fragment identifier. To include '?' or '#' characters in the path, they must be URL encoded."
        : undefined,
    );
  },
};

export const pathWildcardRule: RuleDefinition = {
  id: 'SWG-PATH-WILDCARD',
  file: 'swagger',
  title: "Do not use '*' in paths.",
  description:
    'Wildcards are not supported in operation paths (SVR OperationPathContainsUnsupportedCharacters).',
  levels: sameLevels('error'),
  msCode: 'OperationPathContainsUnsupportedCharacters',
  msMessage: "The operation path cannot contain wildcard character '*'.",
  example: { placement: 'paths', bad: '"/files/*": {}', good: '"/files/{path}": {}' },
  check(context) {
    reportPathKeys(context, (path) =>
      path.includes('*') ? "The operation path cannot contain wildcard character '*'." : undefined,
    );
  },
};

export const pathTemplateRule: RuleDefinition = {
  id: 'SWG-PATH-TEMPLATE',
  file: 'swagger',
  title: 'Write path variables as {name}, one segment each.',
  description:
    'Each path template variable is enclosed in braces within a single URL segment (SVR OperationPathTemplateNotValid).',
  levels: sameLevels('error'),
  msCode: 'OperationPathTemplateNotValid',
  msMessage:
    "The path is not valid, each path template variable enclosed by '{{' and '}}' characters must be contained within a single URL segment.",
  example: { placement: 'paths', bad: '"/tasks/{task/id}": {}', good: '"/tasks/{taskId}": {}' },
  check(context) {
    reportPathKeys(context, (path) => {
      const problem = templateProblem(path);
      return problem === undefined
        ? undefined
        : `The path is not valid, each path template variable enclosed by '{' and '}' characters must be contained within a single URL segment. Here ${problem}.`;
    });
  },
};

export const pathVariableDefaultRule: RuleDefinition = {
  id: 'SWG-PATH-VAR-DEFAULT',
  file: 'swagger',
  title: 'Give path variables defaults in their parameter, not in the path.',
  description: 'A path variable like `{version=v1}` is rejected (SVR OperationPathVariablesContainDefaults).',
  levels: sameLevels('error'),
  msCode: 'OperationPathVariablesContainDefaults',
  msMessage: "The operation path template variables cannot set default values with character '='.",
  example: { placement: 'paths', bad: '"/{version=v1}/tasks": {}', good: '"/{version}/tasks": {}' },
  check(context) {
    reportPathKeys(context, (path) =>
      // Without an '=' in the key no variable has one: most keys are not parsed at all.
      path.includes('=') && pathVariables(path).some((name) => name.includes('='))
        ? "The operation path template variables cannot set default values with character '='."
        : undefined,
    );
  },
};

export const pathCaseRule: RuleDefinition = {
  id: 'SWG-PATH-CASE',
  file: 'swagger',
  title: 'Do not define a path twice with different capitalization.',
  description: 'Paths must be unique when compared case-insensitively (SVR PathRedefined).',
  levels: sameLevels('error'),
  msCode: 'PathRedefined',
  msMessage:
    "The path '{0}' is defined multiple times with different capitalization. Paths must be unique when compared case-insensitively.",
  example: { placement: 'paths', bad: '"/Tasks": {}, "/tasks": {}' },
  check({ swagger, report }) {
    const seen = new Set<string>();
    for (const path of pathKeys(swagger)) {
      const key = path.toLowerCase();
      if (seen.has(key)) {
        report({
          pointer: childPointer('/paths', path),
          message: fill(
            "The path '{0}' is defined multiple times with different capitalization. Paths must be unique when compared case-insensitively.",
            nameExcerpt(path),
          ),
        });
      }
      seen.add(key);
    }
  },
};
