import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import { asObject, asString, has, type JsonObject } from '../../swagger/json-values.js';
import { isInternalVisibility } from '../../swagger/visibility.js';
import { internalOnlyPlacesOf } from './internal-only-places.js';
import { onlyRepeatsName } from './repeated-name.js';
import { SchemaStructureNode, type StructureNode } from './structure/nodes.js';
import { structureOf } from './structure.js';
import { nameExcerpt } from '../../text/message-values.js';

/**
 * The names of its visible properties whose description only repeats the name, by visible schema,
 * in document order: from the properties the structure walk noted (describedByName), and for the
 * schemas whose properties it did not walk, from their `properties`.
 */
function propertiesRepeatingNames(
  noted: readonly StructureNode[],
  belowWalk: readonly SchemaStructureNode[],
): Map<SchemaStructureNode, string[]> {
  const names = new Map<SchemaStructureNode, string[]>();
  for (const node of noted) {
    if (!(node instanceof SchemaStructureNode)) continue;
    const schema = node.propertyOf!;
    const listed = names.get(schema);
    if (listed) listed.push(node.propertyName!);
    else names.set(schema, [node.propertyName!]);
  }
  for (const schema of belowWalk) {
    if (isInternalVisibility(schema.value['x-ms-visibility'])) continue;
    const listed = namesOfUnwalkedProperties(schema.value.properties as JsonObject);
    if (listed.length > 0) names.set(schema, listed);
  }
  return names;
}

/** The names of the visible properties of a `properties` object whose description repeats them. */
function namesOfUnwalkedProperties(properties: JsonObject): string[] {
  const names: string[] = [];
  for (const name in properties) {
    if (!has(properties, name)) continue;
    const property = asObject(properties[name]);
    if (!property || isInternalVisibility(property['x-ms-visibility'])) continue;
    const description = asString(property.description);
    if (description !== undefined && onlyRepeatsName(description, name)) names.push(name);
  }
  return names;
}

/** `'a', 'b', 'c' and 2 more`: enough names to find them, not a wall of them. */
function someNames(names: string[]): string {
  const shown = names.slice(0, 5).map((name) => `'${nameExcerpt(name)}'`);
  return names.length > 5 ? `${shown.join(', ')} and ${names.length - 5} more` : shown.join(', ');
}

export const nameDescriptionRules: RuleDefinition[] = [
  {
    id: 'SWG-DESC-IS-NAME',
    file: 'swagger',
    title: 'Describe parameters and properties in words, not by repeating their name.',
    description:
      'Certification reviewers send back descriptions that only repeat the name: "Can you please provide valid description values for all the properties in swagger?" on `"isReadOnly": { "description": "isReadOnly" }` (PR #864), the same on `PhoneNumber` and `ExternalId` (PR #880) and on `"description": "ListDataID"` (PR #943); "strings in camel case are considered non-translatable" (PR #1747). Reported: a description of one word equal to the name of its parameter or schema property, case and separators aside; once per schema, naming its properties. Exempt, since no designer shows them: internal ones, and whatever only internal operations use (their parameters and schemas, and the definitions, parameters and responses that only they reach, directly or through other definitions); a definition that nothing uses is still checked, and so is a schema of an internal operation that a visible one\'s `$ref` leads into. 193 of the 364 merged certified and independent-publisher connectors have some (11,615 properties and parameters), so this is advice.',
    levels: certificationLevels('info', 'off'),
    example: {
      placement: 'bodySchema',
      bad: '{ "type": "object", "properties": { "PhoneNumber": { "type": "string", "description": "PhoneNumber" } } }',
      good: '{ "type": "object", "properties": { "PhoneNumber": { "type": "string", "description": "The phone number of the contact, with its country code." } } }',
    },
    check(context) {
      const model = context.swagger;
      if (!model) return;
      const { describedByName, propertiesBelowWalk } = structureOf(model).keywords;
      // Where only internal operations lead, no designer shows the text: asked of each finding, so
      // that the reach is built only for a swagger that has any.
      const hidden = (node: StructureNode): boolean => internalOnlyPlacesOf(model).has(node);
      // Findings are sorted by place afterwards: the schemas' order here is that of their first such
      // property, not of the schemas themselves.
      for (const [node, names] of propertiesRepeatingNames(describedByName, propertiesBelowWalk)) {
        if (hidden(node)) continue;
        const what =
          names.length === 1
            ? `The description of '${nameExcerpt(names[0])}' only repeats its name.`
            : `The descriptions of ${names.length} properties only repeat their names: ${someNames(names)}.`;
        context.report({
          pointer: childPointer(node.pointer, 'properties', names[0]!, 'description'),
          message: `${what} Say in words what the value is: reviewers ask for valid descriptions, and a name written as code is not translated.`,
        });
      }
      for (const node of describedByName) {
        if (node.kind !== 'parameter' || hidden(node)) continue;
        const name = node.value.name as string;
        context.report({
          pointer: childPointer(node.pointer, 'description'),
          message: `The description of '${nameExcerpt(name)}' only repeats its name. Say in words what the value is: reviewers ask for valid descriptions, and a name written as code is not translated.`,
        });
      }
    },
  },
];
