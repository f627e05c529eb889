import { childPointer, valueAtPointer } from '../../json/pointer.js';
import { sameLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import { isObject } from '../../swagger/json-values.js';
import { jsonTypeOf } from './structure/json-types.js';
import { structureOf } from './structure.js';
import { typedValueOf } from '../operations/rule-kit.js';
import { valueWrite } from '../value-write-advice.js';
import { jsonExcerpt } from '../../text/message-values.js';
import type { NodeKind } from './structure/swagger-fields.js';
import type { TypeIssue } from './structure/swagger-structure.js';
import type { WrittenValue } from '../../model/report.js';
import { listMeantAt } from '../../swagger/meant-list.js';
import { typeOfList } from '../../swagger/meant-type.js';

const SCHEMA_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'file'];

/** The Swagger data type of a scalar type the structure expects, as typedValueOf names it. */
const SCALAR_TYPES = new Map<string, string>([
  ['Boolean', 'boolean'],
  ['Integer', 'integer'],
  ['Number', 'number'],
  ['Float', 'number'],
]);

/**
 * The value a value of the wrong type stands for, which validate --fix writes, and the sentence that
 * names it: a string for the boolean or number meant ("true" for a boolean, "10" for an integer), or
 * for the list meant (`"consumes": "application/json"`, listMeantAt); a JSON-schema type list for its
 * one type (`["string", "null"]`, typeOfList). The rules that read a parameter's `required`, a
 * `consumes`, `produces` or `schemes`, or a type to judge a value by take such a value as meant, so
 * that this one finding names the slip.
 */
function meantValue(swagger: unknown, issue: TypeIssue): { value: WrittenValue; advice: string } | undefined {
  const written = valueAtPointer(swagger, issue.pointer);
  if (issue.expected === 'String' && Array.isArray(written) && issue.pointer.endsWith('/type')) {
    const type = typeOfList(written);
    if (type === undefined) return undefined;
    const why = written.length > 1 ? "one type, and has no 'null' type" : 'one type, not a list';
    return { value: type, advice: ` Write ${JSON.stringify(type)}: Swagger 2.0 gives ${why}.` };
  }
  if (issue.expected === 'Array' && typeof written === 'string') {
    const holder = valueAtPointer(swagger, issue.pointer.slice(0, issue.pointer.lastIndexOf('/')));
    const list = listMeantAt(issue.pointer, written, holder);
    // Excerpts, as every value a message quotes: a secret written as the string is masked (the list
    // --fix writes holds it as written).
    const entries = list?.map((entry) => jsonExcerpt(entry)).join(', ');
    return list && { value: list, advice: ` Write it as a list: [${entries}].` };
  }
  const type = SCALAR_TYPES.get(issue.expected);
  const typed = type === undefined ? undefined : typedValueOf(written, type);
  return typed === undefined
    ? undefined
    : { value: typed, advice: ` Write ${JSON.stringify(typed)}, without quotes.` };
}

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
  namesFixes: 'valueWrites',
  file: 'swagger',
  title: 'Give every Swagger property the JSON type the specification requires.',
  description:
    'A value of the wrong JSON type (an array where Swagger 2.0 wants an object, `"required": true` inside a schema, a number as a string) is rejected by the validator (SVR: JsonTypeIncorrect; PR #4123). A string that stands for the boolean or number meant (`"required": "true"`, `"maxLength": "100"`) is named, and `validate --fix` writes it without quotes (not "010" or "1e3", whose form may be meant). So is a string written for a list (`"consumes": "application/json"`, a `produces` or `schemes`, an operation\'s `tags`, a schema\'s `required` of properties it defines), which --fix writes as that list, in the file\'s layout; the rules that read `consumes`, `produces` and `schemes` read the list meant, so that the slip is one finding, not one per operation that sends a body. A JSON-schema type list of one type (`["string", "null"]`, as Parse JSON\'s schemas write a value that may be missing) is named as that type, which --fix writes: Swagger 2.0 gives one type and has no `null` type; the rules that judge a default or enum value by its type read it.',
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
      const meant = meantValue(swagger, issue);
      context.report({
        pointer: issue.pointer,
        message: `The type of the property is incorrect. Expected type '${issue.expected}', but value is of type '${issue.actual}'.${meant?.advice ?? ''}`,
        ...(meant === undefined ? {} : valueWrite(context, 'swagger', meant.value)),
      });
    }
  },
};

export const jsonEnumRule: RuleDefinition = {
  id: 'SWG-JSONENUM',
  namesFixes: 'valueWrites',
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
