import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import { asObject, asString, has } from '../../swagger/json-values.js';
import { isInternalVisibility } from '../operations/rule-kit.js';
import { nodesOfKinds, structureOf, type NodeKind } from './structure.js';

/**
 * A description that is only the name it describes, as code writes it: `id` for `id`, `PhoneNumber`
 * or `phone_number` for `PhoneNumber`. One word with no space, equal to the name once case and
 * separators are set aside. A sentence that merely starts with the name is a description.
 */
export function onlyRepeatsName(description: string, name: string): boolean {
  const text = description.trim();
  if (text === '' || /\s/.test(text)) return false;
  const bare = (value: string): string => value.toLowerCase().replace(/[^a-z0-9]/g, '');
  return bare(text) !== '' && bare(text) === bare(name);
}

const NAMED_KINDS: NodeKind[] = ['schema', 'parameter'];

/** The names of a schema's visible properties whose description only repeats the name, in order. */
function propertiesRepeatingNames(properties: Record<string, unknown>): string[] {
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
  const shown = names.slice(0, 5).map((name) => `'${name}'`);
  return names.length > 5 ? `${shown.join(', ')} and ${names.length - 5} more` : shown.join(', ');
}

export const nameDescriptionRules: RuleDefinition[] = [
  {
    id: 'SWG-DESC-IS-NAME',
    file: 'swagger',
    title: 'Describe parameters and properties in words, not by repeating their name.',
    description:
      'Certification reviewers send back descriptions that only repeat the name: "Can you please provide valid description values for all the properties in swagger?" on `"isReadOnly": { "description": "isReadOnly" }` (PR #864), the same on `PhoneNumber` and `ExternalId` (PR #880) and on `"description": "ListDataID"` (PR #943); "strings in camel case are considered non-translatable" (PR #1747). Reported: a description of one word equal to the name of its parameter or schema property, case and separators aside; once per schema, naming its properties. Internal ones are exempt. 201 of 367 merged connectors have some (12,279 properties and parameters), so this is advice.',
    levels: certificationLevels('info', 'off'),
    example: {
      placement: 'bodySchema',
      bad: '{ "type": "object", "properties": { "PhoneNumber": { "type": "string", "description": "PhoneNumber" } } }',
      good: '{ "type": "object", "properties": { "PhoneNumber": { "type": "string", "description": "The phone number of the contact, with its country code." } } }',
    },
    check(context) {
      if (!context.swagger) return;
      const [schemas, parameters] = nodesOfKinds(structureOf(context.swagger), NAMED_KINDS);
      for (const node of schemas!) {
        const properties = asObject(node.value.properties);
        if (!properties || isInternalVisibility(node.value['x-ms-visibility'])) continue;
        const names = propertiesRepeatingNames(properties);
        if (names.length === 0) continue;
        const what =
          names.length === 1
            ? `The description of '${names[0]}' only repeats its name.`
            : `The descriptions of ${names.length} properties only repeat their names: ${someNames(names)}.`;
        context.report({
          pointer: childPointer(node.pointer, 'properties', names[0]!, 'description'),
          message: `${what} Say in words what the value is: reviewers ask for valid descriptions, and a name written as code is not translated.`,
        });
      }
      for (const node of parameters!) {
        const name = asString(node.value.name);
        const description = asString(node.value.description);
        if (name === undefined || description === undefined) continue;
        if (isInternalVisibility(node.value['x-ms-visibility']) || !onlyRepeatsName(description, name))
          continue;
        context.report({
          pointer: childPointer(node.pointer, 'description'),
          message: `The description of '${name}' only repeats its name. Say in words what the value is: reviewers ask for valid descriptions, and a name written as code is not translated.`,
        });
      }
    },
  },
];
