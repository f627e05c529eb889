import { excerpt, nameExcerpt } from '../../text/message-values.js';
import { writtenSchemasOf } from '../swagger/structure.js';
import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asArray, asObject, asString, has, isObject, type JsonObject } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { MAX_SCHEMA_WALK_DEPTH } from '../../swagger/schema-walk.js';
import type { WrittenSchema } from '../../swagger/written-schema.js';
import { HolderKey } from './holder-key-bits.js';
import { holderKeysOf, type HolderKeys } from './holder-keys.js';
import { writtenParameters } from './parameter-index.js';
import { fill, isLenientMatch, jsonTypeOf, typedValueOf, valueMatchesType } from './rule-kit.js';
import { valueWrite } from '../value-write-advice.js';
import { isInternalVisibility } from '../../swagger/visibility.js';
import { meantType } from '../../swagger/meant-type.js';
import { isMeantTrue } from '../../swagger/meant-boolean.js';

const FORMATS = new Set([
  'int32',
  'int64',
  'float',
  'double',
  'byte',
  'binary',
  'date',
  'date-time',
  'password',
  'date-no-tz',
  'email',
  'html',
  'uri',
  'uuid',
]);
const FORMAT_SUGGESTIONS = new Map([
  ['guid', 'uuid'],
  ['url', 'uri'],
  ['datetime', 'date-time'],
]);

/** The formats of each type, for SWG-FORMAT's advice; the other types have none. */
const FORMATS_OF_TYPE: Record<string, string> = {
  integer: "Use 'int32' or 'int64', or remove 'format'.",
  number: "Use 'float' or 'double', or remove 'format'.",
  string:
    "Remove 'format', or use one for strings: date, date-time, date-no-tz, byte, binary, password, email, html, uri or uuid.",
};

/**
 * What to write instead of an unrecognized format: the near-miss's fix, else the formats of the
 * type. "integer/enum" alone (119 corpus findings) left the maker to guess which formats exist; and
 * `enum` is no format at all, but the keyword that lists the values, which the maker meant.
 */
function formatAdvice(node: JsonObject): string {
  const { format } = node;
  const type = meantType(node.type);
  if (format === '') return "Remove the empty 'format'.";
  // 250 upstream findings in three connectors: the values are listed, or belong, in `enum`.
  if (typeof format === 'string' && format.toLowerCase() === 'enum') {
    return has(node, 'enum')
      ? "Remove 'format': the allowed values are listed in 'enum' already."
      : "Remove 'format', and list the allowed values in 'enum'.";
  }
  // `number/number`, `string/string`, `boolean/boolean` (56 upstream findings): no more than the type.
  if (typeof format === 'string' && format === type) return `Remove 'format': it only repeats the type.`;
  const suggestion = typeof format === 'string' ? FORMAT_SUGGESTIONS.get(format.toLowerCase()) : undefined;
  if (suggestion) return `Use '${suggestion}'.`;
  if (typeof type === 'string' && has(FORMATS_OF_TYPE, type)) return FORMATS_OF_TYPE[type]!;
  if (type === 'object' || type === 'array' || type === 'boolean') {
    return `Remove 'format': no format applies to ${type} values.`;
  }
  return `Remove 'format', or use one the platform knows: ${[...FORMATS].join(', ')}.`;
}

/** Where a typed node is written: read only to report (a written schema's pointer is built when read). */
type TypedPlace = { readonly pointer: string };

/**
 * Visits the parameters (not body), then the schemas, that have the key: the order rules report in.
 * Only those with its bit in holderKeysOf are read: a key is on a few percent of them.
 */
function forEachTypedNode(
  model: SwaggerModel | undefined,
  key: number,
  visit: (node: JsonObject, place: TypedPlace) => void,
): void {
  if (!model) return;
  const keys = holderKeysOf(model);
  const parameters = writtenParameters(model);
  for (let index = 0; index < parameters.length; index++) {
    const parameter = parameters[index]!;
    if ((keys.parameters[index]! & key) !== 0 && parameter.in !== 'body') visit(parameter.value, parameter);
  }
  const schemas = writtenSchemasOf(model);
  const holders = keys.schemasWith(key);
  for (let at = 0; at < holders.length; at++) {
    const written = schemas[holders[at]!]!;
    visit(written.schema, written);
  }
}

/** Some schema has a default and internal visibility. */
function hasInternalDefault(schemas: readonly WrittenSchema[], keys: HolderKeys): boolean {
  const withDefault = keys.schemasWith(HolderKey.default);
  for (let at = 0; at < withDefault.length; at++) {
    const index = withDefault[at]!;
    if (
      (keys.schemas[index]! & HolderKey.visibility) !== 0 &&
      isInternalVisibility(schemas[index]!.schema['x-ms-visibility'])
    )
      return true;
  }
  return false;
}

/** Whether an x-ms-enum-values entry of the node has `value` as its value. */
function labelsValue(node: JsonObject, value: unknown): boolean {
  return (asArray(node['x-ms-enum-values']) ?? []).some((entry) => asObject(entry)?.value === value);
}

/** The type a value is judged by: the one meant (`Integer` as `integer`), which other rules name. */
function declaredType(node: JsonObject): string | undefined {
  return meantType(node.type);
}

/**
 * What to do with `"default": null` (33 upstream findings in 7 connectors, Morta's 13 from a
 * generator): no value of the type stands for it, so --fix writes nothing, and the message said only
 * that the types differ. A property with no default is what null means.
 */
const NULL_DEFAULT_ADVICE =
  " Remove 'default': without one the field starts empty, which is what null means here.";

export const valueConstraintRules: RuleDefinition[] = [
  {
    id: 'SWG-INTERNAL-DEFAULT',
    file: 'swagger',
    title: 'Make internal parameters required, with a default value.',
    description:
      'An internal field is hidden from makers, so the platform sends it only when it is required and has a default: "For parameters that are internal and required, you must provide default values" (openapi-extensions doc), and an optional internal field with a default is ignored (SVR PropertyMustBeRequired / InternalPropertyWithDefaultOptional).',
    levels: sameLevels('error'),
    msCode: 'InternalPropertyWithDefaultOptional',
    msMessage:
      'The internal property has a default value but is optional. Only required properties are guaranteed to be included in requests.',
    example: {
      placement: 'parameter',
      bad: '{ "name": "api-version", "in": "query", "type": "string", "default": "2024-01-01", "x-ms-visibility": "internal" }',
      good: '{ "name": "api-version", "in": "query", "type": "string", "default": "2024-01-01", "required": true, "x-ms-visibility": "internal" }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      const optionalWithDefault =
        'The internal property has a default value but is optional. Only required properties are guaranteed to be included in requests.';
      const keys = holderKeysOf(swagger);
      const parameters = writtenParameters(swagger);
      for (let index = 0; index < parameters.length; index++) {
        if ((keys.parameters[index]! & HolderKey.visibility) === 0) continue;
        const parameter = parameters[index]!;
        const value = parameter.value;
        if (parameter.in === 'body' || !isInternalVisibility(value['x-ms-visibility'])) continue;
        // `"required": "true"` is required as meant: SWG-JSONTYPE tells the string.
        const required = isMeantTrue(value.required);
        if (has(value, 'default') && !required) {
          report({ pointer: parameter.pointer, severity: 'warning', message: optionalWithDefault });
        } else if (!has(value, 'default') && required) {
          report({
            pointer: parameter.pointer,
            message: `The internal parameter '${nameExcerpt(parameter.name ?? '')}' is required but has no default value; makers cannot see it, so nothing would be sent.`,
          });
        }
      }
      const schemas = writtenSchemasOf(swagger);
      // Every property of a listed schema is a listed schema itself, except below the deepest ones:
      // when no listed schema is internal with a default, only the deepest can have such a
      // property, and the others' properties are not read (~85,000 a corpus run, ~5 ms).
      const anyInternalDefault = hasInternalDefault(schemas, keys);
      for (let index = 0; index < schemas.length; index++) {
        if ((keys.schemas[index]! & HolderKey.properties) === 0) continue;
        const written = schemas[index]!;
        if (!anyInternalDefault && written.depth < MAX_SCHEMA_WALK_DEPTH) continue;
        const properties = written.schema.properties;
        if (!isObject(properties)) continue;
        // for…in, not entriesOf: no list of pairs for each of the document's schemas.
        for (const name in properties) {
          if (!has(properties, name)) continue;
          const value = asObject(properties[name]);
          // `default` first: few properties have one, and an own-key test is cheaper than reading an
          // absent `x-ms-visibility` from objects of so many shapes.
          if (!value || !has(value, 'default') || !isInternalVisibility(value['x-ms-visibility'])) continue;
          if (asArray(written.schema.required)?.includes(name)) continue;
          report({
            pointer: childPointer(written.pointer, 'properties', name),
            severity: 'warning',
            message: optionalWithDefault,
          });
        }
      }
    },
  },
  {
    id: 'SWG-DEFAULT-TYPE',
    file: 'swagger',
    title: "Give 'default' a value of the declared type.",
    description:
      'A default of another type is sent as is and rejected by the API, or breaks the designer (SVR DefaultValueMustMatchType). A string the platform can read as the type ("true", "10") or null is a warning: 11 merged connectors have such defaults. `validate --fix` writes such a string as the value it stands for ("true" as true, "10" as 10, but not "010" or "1e3", whose form may be meant).',
    levels: sameLevels('error'),
    namesFixes: 'valueWrites',
    msCode: 'DefaultValueMustMatchType',
    msMessage: "The 'default' value is of type '{0}', but should match the given type '{1}'.",
    example: {
      placement: 'schemaProperty',
      bad: '{ "type": "integer", "default": "10" }',
      good: '{ "type": "integer", "default": 10 }',
    },
    check(context) {
      forEachTypedNode(context.swagger, HolderKey.default, (node, place) => {
        const type = declaredType(node);
        if (type === undefined || !has(node, 'default') || valueMatchesType(node.default, type)) return;
        const typed = typedValueOf(node.default, type);
        context.report({
          pointer: childPointer(place.pointer, 'default'),
          severity: isLenientMatch(node.default, type) ? 'warning' : undefined,
          message: `${fill(
            "The 'default' value is of type '{0}', but should match the given type '{1}'.",
            jsonTypeOf(node.default),
            excerpt(type),
          )}${node.default === null ? NULL_DEFAULT_ADVICE : ''}`,
          ...(typed === undefined ? {} : valueWrite(context, 'swagger', typed)),
        });
      });
    },
  },
  {
    id: 'SWG-ENUM-NONEMPTY',
    file: 'swagger',
    title: "Give 'enum' at least one value.",
    description: 'An empty enum allows no value at all (SVR).',
    levels: sameLevels('error'),
    msMessage: "The 'enum' array requires at least one value.",
    example: {
      placement: 'schemaProperty',
      bad: '{ "type": "string", "enum": [] }',
      good: '{ "type": "string", "enum": ["open", "done"] }',
    },
    check({ swagger, report }) {
      forEachTypedNode(swagger, HolderKey.enum, (node, place) => {
        if (asArray(node.enum)?.length !== 0) return;
        report({
          pointer: childPointer(place.pointer, 'enum'),
          message: "The 'enum' array requires at least one value.",
        });
      });
    },
  },
  {
    id: 'SWG-ENUM-TYPE',
    file: 'swagger',
    title: 'Write enum values of the declared type.',
    description:
      'An enum value of another type can never be a valid value (SVR InvalidEnumValue). Strings the platform can read as the type ("true", "1") are a warning: 7 merged connectors have them. `validate --fix` writes such a string as the value it stands for, as for SWG-DEFAULT-TYPE.',
    levels: sameLevels('error'),
    namesFixes: 'valueWrites',
    msCode: 'InvalidEnumValue',
    msMessage: "The type of the enum value is '{0}' but it should be '{1}' as specified in the schema.",
    example: {
      placement: 'schemaProperty',
      bad: '{ "type": "integer", "enum": ["1", "2"] }',
      good: '{ "type": "integer", "enum": [1, 2] }',
    },
    check(context) {
      forEachTypedNode(context.swagger, HolderKey.enum, (node, place) => {
        const values = asArray(node.enum);
        if (!values) return;
        const type = declaredType(node);
        if (type === undefined) return;
        values.forEach((value, index) => {
          if (value === null || valueMatchesType(value, type)) return;
          // An x-ms-enum-values entry that labels the string would label nothing once it is typed
          // (SWG-ENUMVALUES): both are the maker's to write.
          const typed = labelsValue(node, value) ? undefined : typedValueOf(value, type);
          context.report({
            pointer: childPointer(place.pointer, 'enum', index),
            severity: isLenientMatch(value, type) ? 'warning' : undefined,
            message: fill(
              "The type of the enum value is '{0}' but it should be '{1}' as specified in the schema.",
              jsonTypeOf(value),
              excerpt(type),
            ),
            ...(typed === undefined ? {} : valueWrite(context, 'swagger', typed)),
          });
        });
      });
    },
  },
  {
    id: 'SWG-ENUMVALUES',
    file: 'swagger',
    title: 'Give x-ms-enum-values unique values from the enum, each with a displayName.',
    description:
      'x-ms-enum-values labels the enum values in the designer; each entry needs `value` and `displayName` (schema; SVR).',
    levels: sameLevels('error'),
    msMessage: "The 'x-ms-enum-values' extension is invalid. Please specify the property 'displayName'.",
    example: {
      placement: 'parameter',
      bad: '"enum": ["open"], "x-ms-enum-values": [{ "value": "closed" }]',
      good: '"enum": ["open"], "x-ms-enum-values": [{ "value": "open", "displayName": "Open" }]',
    },
    check({ swagger, report }) {
      forEachTypedNode(swagger, HolderKey.enumValues, (node, place) => {
        const entries = asArray(node['x-ms-enum-values']);
        if (!entries) return;
        // Each enum value as JSON once per node, not once per entry: entries × values stringified
        // was ~1 MB a corpus run. The pointer of an entry is built only to report.
        const enumKeys = asArray(node.enum)?.map((candidate) => JSON.stringify(candidate));
        const knownKeys = enumKeys && new Set(enumKeys);
        const seen = new Set<string>();
        entries.forEach((entry, index) => {
          const at = (): string => childPointer(place.pointer, 'x-ms-enum-values', index);
          const value = asObject(entry);
          if (!value || asString(value.displayName) === undefined) {
            report({
              pointer: at(),
              message:
                "The 'x-ms-enum-values' extension is invalid. Please specify the property 'displayName'.",
            });
          }
          if (!value || !has(value, 'value')) return;
          const key = JSON.stringify(value.value);
          if (seen.has(key)) {
            report({
              pointer: childPointer(at(), 'value'),
              message: `The 'x-ms-enum-values' extension has duplicate values. ${key} is listed twice.`,
            });
          }
          seen.add(key);
          if (knownKeys && !knownKeys.has(key)) {
            report({
              pointer: childPointer(at(), 'value'),
              message:
                "The 'value' field must match one of the enums as defined in the 'enum' property of the schema.",
            });
          }
        });
      });
    },
  },
  {
    id: 'SWG-FORMAT',
    file: 'swagger',
    title: 'Use a format the platform recognizes.',
    namesFixes: 'valueWrites',
    description:
      "The schema's formats are int32, int64, float, double, byte, binary, date, date-time, password, date-no-tz, email, html, uri and uuid; others are ignored (SVR UnrecognizedTypeFormat). Merged connectors use `enum`, `guid`, `decimal`… by the hundreds, so this is a warning. `validate --fix` writes a format in other case (`Int32`, `Date-Time`) in lower case.",
    levels: sameLevels('warning'),
    msCode: 'UnrecognizedTypeFormat',
    msMessage: "The type/format '{0}' is not recognized.",
    example: {
      placement: 'schemaProperty',
      bad: '{ "type": "string", "format": "guid" }',
      good: '{ "type": "string", "format": "uuid" }',
    },
    check(context) {
      forEachTypedNode(context.swagger, HolderKey.format, (node, place) => {
        if (!has(node, 'format')) return;
        const format = node.format;
        if (typeof format === 'string' && FORMATS.has(format)) return;
        // `Int32`, `Date-Time` is plainly the format in lower case, which validate --fix writes.
        const lower = typeof format === 'string' ? format.toLowerCase() : undefined;
        const meant = lower !== undefined && FORMATS.has(lower) ? lower : undefined;
        context.report({
          pointer: childPointer(place.pointer, 'format'),
          message: `${fill("The type/format '{0}' is not recognized.", `${nameExcerpt(String(node.type ?? ''))}/${nameExcerpt(String(format))}`)} ${meant === undefined ? formatAdvice(node) : `Write '${meant}' in lower case.`}`,
          ...(meant === undefined ? {} : valueWrite(context, 'swagger', meant)),
        });
      });
    },
  },
];
