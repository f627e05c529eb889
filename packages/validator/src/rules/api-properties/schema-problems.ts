import { cachedSchemaProblems, schemaProblemsValidator } from '../json-schema/ajv-validator.js';
import type { SchemaProblem } from '../json-schema/newtonsoft-messages.js';
import type { RuleContext } from '../../model/rule.js';
import { valueWrite } from '../value-write-advice.js';
// API_PROPERTIES_SCHEMA (./schema.ts), compiled ahead of time: npm run schema-validators.
import validateApiProperties from '../../generated/validate-api-properties.cjs';

/** The rule that owns a schema problem, so that each problem is reported once, by the rule about it. */
export type SchemaRuleId =
  | 'PROP-SCHEMA'
  | 'PROP-ROOT'
  | 'PROP-BRAND-REQ'
  | 'PROP-BRAND-FORMAT'
  | 'PROP-UNKNOWN-KEYS'
  | 'PROP-CP-NAME'
  | 'PROP-CP-TYPE'
  | 'PROP-CP-UI'
  | 'PROP-OAUTH-IDP'
  | 'PROP-OAUTH-REDIRECT'
  | 'PROP-POLICY'
  | 'PROP-CAPABILITIES'
  | 'PROP-SCRIPTOPS';

const problemsOf = cachedSchemaProblems(schemaProblemsValidator(validateApiProperties));

export function classify(problem: SchemaProblem): SchemaRuleId {
  const [first, second] = problem.segments;
  const path = problem.segments;
  if (first === undefined) return 'PROP-ROOT';
  if (first !== 'properties') return 'PROP-ROOT';
  if (second === undefined) {
    if (problem.keyword === 'additionalProperties') return 'PROP-UNKNOWN-KEYS';
    if (problem.keyword === 'required' && problem.key === 'iconBrandColor') return 'PROP-BRAND-REQ';
    return 'PROP-ROOT';
  }
  if (second === 'iconBrandColor') return 'PROP-BRAND-FORMAT';
  if (second === 'capabilities') return 'PROP-CAPABILITIES';
  if (second === 'scriptOperations' || second === 'script') return 'PROP-SCRIPTOPS';
  if (second === 'policyTemplateInstances') return 'PROP-POLICY';
  if (second === 'connectionParameters' || second === 'connectionParameterSets') {
    if (problem.keyword === 'pattern' && problem.key !== undefined) return 'PROP-CP-NAME';
    if (path.includes('oAuthSettings')) {
      const last = path[path.length - 1];
      if (last === 'redirectMode') return 'PROP-OAUTH-REDIRECT';
      if (last === 'identityProvider') return 'PROP-OAUTH-IDP';
      if (last === 'oAuthSettings' && problem.key === 'identityProvider') return 'PROP-OAUTH-IDP';
      return 'PROP-SCHEMA';
    }
    if (path.includes('uiDefinition')) return 'PROP-CP-UI';
    if (path[path.length - 1] === 'type' && path.length === parameterNameDepth(path) + 1)
      return 'PROP-CP-TYPE';
  }
  return 'PROP-SCHEMA';
}

/** Segments up to a connection parameter's name: properties/connectionParameters/<name>, or inside a set. */
function parameterNameDepth(path: readonly string[]): number {
  return path[1] === 'connectionParameterSets' ? 6 : 3;
}

/** The schema problems of this connector's apiProperties.json that belong to one rule. */
export function schemaProblemsFor(context: RuleContext, ruleId: SchemaRuleId): readonly SchemaProblem[] {
  const document = context.connector.files.apiProperties?.document;
  if (!document || document.value === undefined) return [];
  const problems = problemsOf(document.value);
  // Thirteen rules ask per connector, and nearly every file has no problem: no filtered copy of none.
  return problems.length === 0 ? problems : problems.filter((problem) => classify(problem) === ruleId);
}

/**
 * Reports the schema problems a rule owns, each with Newtonsoft's message and then the rule's advice:
 * one sentence for all of them, or one worked out for each problem ('' for none).
 */
export function reportSchemaProblems(
  context: RuleContext,
  ruleId: SchemaRuleId,
  adviceFor: string | ((problem: SchemaProblem) => string) = '',
): void {
  for (const problem of schemaProblemsFor(context, ruleId)) {
    const advice = typeof adviceFor === 'string' ? adviceFor : adviceFor(problem);
    context.report({
      pointer: problem.pointer,
      message: advice ? `${problem.message} ${advice}` : problem.message,
      // Enum values are case-sensitive: one written in other case is meant as the allowed value.
      ...(problem.meant === undefined ? {} : valueWrite(context, 'apiProperties', problem.meant)),
    });
  }
}
