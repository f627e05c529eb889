import { childPointer, valueAtPointer } from '../../json/pointer.js';
import { sameLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import { isObject } from '../../swagger/json-values.js';
import { jsonTypeOf } from './structure/json-types.js';
import { structureOf } from './structure.js';
import { typedValueOf } from '../operations/rule-kit.js';
import { valueWrite } from '../value-write-advice.js';
import type { NodeKind } from './structure/swagger-fields.js';

const SCHEMA_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'file'];

/** The Swagger data type of a scalar type the structure expects, as typedValueOf names it. */
const SCALAR_TYPES = new Map<string, string>([
  ['Boolean', 'boolean'],
  ['Integer', 'integer'],
  ['Number', 'number'],
  ['Float', 'number'],
]);

/** The kinds whose `type` is a Swagger 2.0 data type. */
const TYPED_KINDS: readonly NodeKind[] = ['schema', 'items', 'header'];

/**
 * A swagger that parses to an array, a string, a number or null has no Swagger object for any other
 * rule to read: without this, such a file would pass with no finding at all.
 */
function reportRootNotObject(context: RuleContext): void {
  const value = context.connector.files.swagger?.document?.value;
  // No value at all (empty, unreadable, too deep) is GEN-JSON-PARSE's to report.
  if (value === undefined || isObject(value)) return;
  context.report({
    pointer: '',
    message: `The type of the property is incorrect. Expected type 'Object', but value is of type '${jsonTypeOf(value)}'. An API definition is one JSON object: { "swagger": "2.0", "info": {…}, "paths": {…} }.`,
  });
}

export const jsonTypeRule: RuleDefinition = {
  id: 'SWG-JSONTYPE',
  namesFixes: true,
  file: 'swagger',
  title: 'Give every Swagger property the JSON type the specification requires.',
  description:
    'A value of the wrong JSON type (an array where Swagger 2.0 wants an object, `"required": true` inside a schema, a number as a string) is rejected by the validator (SVR: JsonTypeIncorrect; PR #4123). A string that stands for the boolean or number meant (`"required": "true"`, `"maxLength": "100"`) is named, and `validate --fix` writes it without quotes (not "010" or "1e3", whose form may be meant).',
  levels: sameLevels('error'),
  msCode: 'JsonTypeIncorrect',
  msMessage: "The type of the property is incorrect. Expected type '{0}', but value is of type '{1}'.",
  example: {
    placement: 'definition',
    bad: '{ "type": "object", "required": true }',
    good: '{ "type": "object", "required": ["id"] }',
  },
  check(context) {
    if (!context.swagger) {
      reportRootNotObject(context);
      return;
    }
    const swagger = context.connector.files.swagger!.document!.value;
    for (const issue of structureOf(context.swagger).typeIssues) {
      // A string that stands for the value meant ("true" for a boolean, "10" for an integer) is
      // written as that value by validate --fix: the rules that read it take it as meant.
      const type = SCALAR_TYPES.get(issue.expected);
      const typed =
        type === undefined ? undefined : typedValueOf(valueAtPointer(swagger, issue.pointer), type);
      context.report({
        pointer: issue.pointer,
        message: `The type of the property is incorrect. Expected type '${issue.expected}', but value is of type '${issue.actual}'.${typed === undefined ? '' : ` Write ${JSON.stringify(typed)}, without quotes.`}`,
        ...(typed === undefined ? {} : valueWrite(context, 'swagger', typed)),
      });
    }
  },
};

export const jsonEnumRule: RuleDefinition = {
  id: 'SWG-JSONENUM',
  namesFixes: true,
  file: 'swagger',
  title: 'Use a Swagger 2.0 data type in "type".',
  description:
    'The `type` of a schema, an array item or a header must be one of the Swagger 2.0 data types (SVR: JsonValueNotInEnum). Swagger 2.0 has no `null` type and no type lists; JSON-schema spellings such as "int" or "String" are not accepted. `validate --fix` writes a type in other case ("String") in lower case.',
  levels: sameLevels('error'),
  msCode: 'JsonValueNotInEnum',
  msMessage: 'The property value must be one of the following: {0}.',
  example: { placement: 'schemaProperty', bad: '{ "type": "String" }', good: '{ "type": "string" }' },
  check(context) {
    if (!context.swagger) return;
    // The few the structure walk noted, not every typed node; kind by kind as before.
    const oddTypes = structureOf(context.swagger).keywords.oddType;
    for (const kind of TYPED_KINDS) {
      for (const node of oddTypes) {
        if (node.kind !== kind) continue;
        const type = node.value.type as string;
        const allowed = node.kind === 'schema' ? SCHEMA_TYPES : SCHEMA_TYPES.slice(0, 5);
        const lower = type.toLowerCase();
        const hint = allowed.includes(lower)
          ? ` Did you mean '${lower}'?`
          : lower === 'null'
            ? " Swagger 2.0 has no 'null' type: write the type of the value when it is set."
            : '';
        context.report({
          pointer: childPointer(node.pointer, 'type'),
          message: `The property value must be one of the following: ${allowed.join(', ')}.${hint}`,
          // A Swagger type in other case is plainly the type meant.
          ...(allowed.includes(lower) ? valueWrite(context, 'swagger', lower) : {}),
        });
      }
    }
  },
};
