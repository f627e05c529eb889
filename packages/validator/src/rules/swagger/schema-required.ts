import { childPointer, parsePointer } from '../../json/pointer.js';
import { sameLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import { asArray, asObject, has, type JsonObject } from '../../swagger/json-values.js';
import { inputSchemaFindings } from './input-schemas.js';
import { structureOf } from './structure.js';
import type { StructureNode } from './structure/nodes.js';
import { perModel } from '../operations/rule-kit.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { nameExcerpt } from '../../text/message-values.js';
import { meantTypeOf } from '../../swagger/meant-type.js';

interface SchemaWithRequired {
  node: StructureNode;
  required: unknown[];
}

/**
 * Schema nodes that declare a `required` array. Sorted out once per swagger for the three rules
 * below: each of them going through every schema node of the document cost more than its check.
 */
function schemasWithRequired(context: RuleContext): SchemaWithRequired[] {
  if (!context.swagger) return [];
  return withRequiredOf(context.swagger);
}

function listSchemasWithRequired(swagger: SwaggerModel): SchemaWithRequired[] {
  const result: SchemaWithRequired[] = [];
  // The schemas the structure walk noted with a `required` key, not every schema node.
  for (const node of structureOf(swagger).keywords.required) {
    const required = asArray(node.value.required);
    if (required) result.push({ node, required });
  }
  return result;
}

const withRequiredOf = perModel(listSchemasWithRequired);

/**
 * The schema's `properties` object when its properties are all written there, or undefined when they
 * can come from elsewhere: allOf members, a `$ref` or a dynamic schema. One pass over the schema's
 * keys (for…in meets the own keys of parsed objects, as hasOwnProperty and reads by name did):
 * asking each of the ~3,300 corpus schemas with a `required` list for five names, most of them
 * absent, on objects of thousands of shapes, cost SWG-REQ-UNDEFINED ~0.1 ms more a corpus run.
 */
function closedProperties(schema: JsonObject): JsonObject | undefined {
  let properties: unknown;
  for (const key in schema) {
    switch (key) {
      case 'allOf':
      case '$ref':
      case 'x-ms-dynamic-schema':
      case 'x-ms-dynamic-properties':
        return undefined;
      case 'properties':
        properties = schema[key];
        break;
    }
  }
  return asObject(properties) ?? NO_PROPERTIES;
}

/**
 * A schema whose `type` names one type, not object, as meant (`["string", "null"]` is a string,
 * `"Object"` an object): `required` means nothing there.
 */
function isTypedNonObject(schema: JsonObject): boolean {
  const type = meantTypeOf(schema);
  return type !== undefined && type !== 'object';
}

/**
 * What SWG-REQ-NONOBJECT asks of a `required` list in an array schema. The designer's body schemas
 * write `"required": ["items"]` there (13 of the 75 upstream findings: IN-D, TranslatorV3, allGeo…),
 * meaning the array itself, whose items already list their own required properties: moving the names
 * into the items, as said for other names, would make a property 'items' required.
 */
function arrayRequiredAdvice(pointer: string, required: unknown[]): string {
  const names = required.filter((name) => name !== 'items');
  const itemsAdvice =
    names.length > 0
      ? " To require properties of the array's items, list them in the 'required' of 'items'."
      : '';
  if (names.length === required.length) return itemsAdvice;
  return `${itemsAdvice} 'items' is not a property here but the array's own keyword: ${requiredArrayAdvice(pointer)}`;
}

/** How to make the array at `pointer` required, by where it is. */
function requiredArrayAdvice(pointer: string): string {
  const segments = parsePointer(pointer);
  const last = segments.length - 1;
  if (segments[last] === 'schema' && segments[last - 2] === 'parameters')
    return 'to make the array required, set "required": true on the body parameter.';
  if (segments[last - 1] === 'properties')
    return `to make the array required, list '${nameExcerpt(segments[last]!)}' in the 'required' of the object that holds it.`;
  return 'remove it.';
}

/** Stands for a schema without properties; never written to. */
const NO_PROPERTIES: JsonObject = Object.freeze({});

export const schemaRequiredRules: RuleDefinition[] = [
  {
    id: 'SWG-REQ-EMPTY',
    file: 'swagger',
    title: 'Remove an empty "required" array.',
    description:
      'An empty `required` array is rejected (SVR: "If no properties are required in the schema, remove the \'required\' property.").',
    levels: sameLevels('error'),
    msCode: 'RequiredArrayEmpty',
    msMessage:
      "The 'required' array requires at least one value. If no properties are required in the schema, remove the 'required' property.",
    example: {
      placement: 'bodySchema',
      bad: '{ "type": "object", "required": [] }',
      good: '{ "type": "object" }',
    },
    check(context) {
      for (const { node, required } of schemasWithRequired(context)) {
        if (required.length > 0) continue;
        context.report({
          pointer: childPointer(node.pointer, 'required'),
          message:
            "The 'required' array requires at least one value. If no properties are required in the schema, remove the 'required' property.",
        });
      }
    },
  },
  {
    id: 'SWG-REQ-UNDEFINED',
    file: 'swagger',
    title: 'Require only properties the schema defines.',
    description:
      "Every name in `required` must be a key of the schema's `properties` (SVR). A misspelled name makes the intended property optional and requires one that does not exist. A list in a schema of another type (string, array…) is SWG-REQ-NONOBJECT's finding.",
    levels: sameLevels('error'),
    msCode: 'RequiredPropertyNotDefined',
    msMessage: "The required property '{0}' is not defined in the object schema.",
    example: {
      placement: 'bodySchema',
      bad: '{ "required": ["titel"], "properties": { "title": { "type": "string" } } }',
      good: '{ "required": ["title"], "properties": { "title": { "type": "string" } } }',
    },
    check(context) {
      for (const { node, required } of schemasWithRequired(context)) {
        // A list in a string or array schema is SWG-REQ-NONOBJECT's finding: defining the names
        // there would not help, moving or removing the list does.
        if (isTypedNonObject(node.value)) continue;
        const properties = closedProperties(node.value);
        if (properties === undefined) continue;
        for (let index = 0; index < required.length; index++) {
          const name = required[index];
          if (typeof name !== 'string' || has(properties, name)) continue;
          context.report({
            pointer: childPointer(node.pointer, 'required', index),
            message: `The required property '${nameExcerpt(name)}' is not defined in the object schema.`,
          });
        }
      }
    },
  },
  {
    id: 'SWG-REQ-NONOBJECT',
    file: 'swagger',
    title: 'Use "required" only in object schemas.',
    description:
      "A `required` list on a string, array or other non-object schema means nothing and is rejected (SVR). To make a property required, list it in its parent object's `required`.",
    levels: sameLevels('error'),
    msCode: 'RequiredOnNonObject',
    msMessage:
      "The property 'required' is applicable to schemas with 'object' type only and should be removed.",
    example: {
      placement: 'bodySchema',
      bad: '{ "type": "string", "required": ["name"] }',
      good: '{ "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } }',
    },
    check(context) {
      for (const { node, required } of schemasWithRequired(context)) {
        if (!isTypedNonObject(node.value)) continue;
        const advice = meantTypeOf(node.value) === 'array' ? arrayRequiredAdvice(node.pointer, required) : '';
        context.report({
          pointer: childPointer(node.pointer, 'required'),
          message: `The property 'required' is applicable to schemas with 'object' type only and should be removed.${advice}`,
        });
      }
    },
  },
  {
    id: 'SWG-REQ-READONLY',
    file: 'swagger',
    title: 'Do not make an input property both read-only and required.',
    description:
      'A read-only property is never sent, so it cannot be required in a request body (SVR). Checked on body parameter schemas, following `$ref`s.',
    levels: sameLevels('error'),
    msCode: 'ReadOnlyPropertyRequired',
    msMessage: "An input property cannot be 'readonly' and required.",
    example: {
      placement: 'bodySchema',
      bad: '{ "required": ["id"], "properties": { "id": { "type": "string", "readOnly": true } } }',
    },
    check(context) {
      if (!context.swagger) return;
      const reported = new Set<string>();
      for (const node of inputSchemaFindings(context.swagger).requiredReadOnly) {
        if (reported.has(node.pointer)) continue;
        reported.add(node.pointer);
        context.report({
          pointer: childPointer(node.pointer, 'readOnly'),
          message: "An input property cannot be 'readonly' and required.",
        });
      }
    },
  },
];
