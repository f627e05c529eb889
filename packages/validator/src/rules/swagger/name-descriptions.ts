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
 * The properties of one schema tree, or the parameters of one list, whose description only repeats
 * their name, in the walk's order.
 */
interface RepeatedNames {
  readonly of: 'properties' | 'parameters';
  /** Their names, each after those of the properties it is written in (`error.code`). */
  readonly names: string[];
  /** The `description` of the first. */
  readonly pointer: string;
}

/**
 * The visible properties whose description only repeats the name, by outermost schema (a body, a
 * response, a definition, as written: a `$ref` starts a tree of its own): from the properties the
 * structure walk noted (describedByName), and for the schemas whose properties it did not walk, from
 * their `properties`. By tree, not by schema: a tree written with such descriptions has them at every
 * level, and a finding for each nested schema made 8,100 upstream findings of 3,902 trees (623 in
 * Cognite Data Fusion, whose copied response schemas had three or four each). `hidden` tells the
 * schemas no designer shows.
 */
function propertiesRepeatingNames(
  noted: readonly StructureNode[],
  belowWalk: readonly SchemaStructureNode[],
  hidden: (schema: SchemaStructureNode) => boolean,
): Map<SchemaStructureNode, RepeatedNames> {
  const trees = new Map<SchemaStructureNode, RepeatedNames>();
  // The pointer is built only for a tree's first property, the one the finding is placed at: built
  // for each of the corpus's ~12,800 noted properties, it was about a third of the rule's time. Said
  // by where the description is, not by a closure that builds it: a closure (and its context) for
  // each property, with the list its label was joined from, were ~5 MB of garbage a corpus run.
  const add = (
    schema: SchemaStructureNode,
    name: string,
    described: SchemaStructureNode,
    unwalked: boolean,
  ) => {
    const root = outermostSchema(schema);
    const label = propertyPath(schema, name);
    const tree = trees.get(root);
    if (tree) tree.names.push(label);
    else {
      const pointer = unwalked
        ? childPointer(described.pointer, 'properties', name, 'description')
        : childPointer(described.pointer, 'description');
      trees.set(root, { of: 'properties', names: [label], pointer });
    }
  };
  for (const node of noted) {
    if (!(node instanceof SchemaStructureNode)) continue;
    const schema = node.propertyOf!;
    if (!hidden(schema)) add(schema, node.propertyName!, node, false);
  }
  for (const schema of belowWalk) {
    if (isInternalVisibility(schema.value['x-ms-visibility']) || hidden(schema)) continue;
    for (const name of namesOfUnwalkedProperties(schema.value.properties as JsonObject))
      add(schema, name, schema, true);
  }
  return trees;
}

/**
 * The visible parameters whose description only repeats the name, by the list that holds them (an
 * operation's, a path's, the document's `parameters`): 604 upstream findings of 383 lists, an
 * operation's `Accept` and `Content-Type` headers told apart.
 */
function parametersRepeatingNames(
  noted: readonly StructureNode[],
  hidden: (node: StructureNode) => boolean,
): Map<StructureNode | undefined, RepeatedNames> {
  const lists = new Map<StructureNode | undefined, RepeatedNames>();
  for (const node of noted) {
    if (node.kind !== 'parameter' || hidden(node)) continue;
    const name = node.value.name as string;
    const list = lists.get(node.parentNode);
    if (list) list.names.push(name);
    else
      lists.set(node.parentNode, {
        of: 'parameters',
        names: [name],
        pointer: childPointer(node.pointer, 'description'),
      });
  }
  return lists;
}

/** The schema a schema is written in, at depth 0: itself when it is outermost. */
function outermostSchema(schema: SchemaStructureNode): SchemaStructureNode {
  let node = schema;
  while (node.depth > 0 && node.parentNode instanceof SchemaStructureNode) node = node.parentNode;
  return node;
}

/**
 * A property's name after the names of the properties its schema is written in, outermost first,
 * joined with dots: `error.code`, or `items.id` in the item schema of an array property `items`. An
 * array's item schema and an `allOf` member add no name of their own.
 */
function propertyPath(schema: SchemaStructureNode, name: string): string {
  let path = name;
  for (let node: SchemaStructureNode = schema; node.depth > 0;) {
    if (node.propertyName !== undefined) path = `${node.propertyName}.${path}`;
    const parent = node.parentNode;
    if (!(parent instanceof SchemaStructureNode)) break;
    node = parent;
  }
  return path;
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
      'Certification reviewers send back descriptions that only repeat the name: "Can you please provide valid description values for all the properties in swagger?" on `"isReadOnly": { "description": "isReadOnly" }` (PR #864), the same on `PhoneNumber` and `ExternalId` (PR #880) and on `"description": "ListDataID"` (PR #943); "strings in camel case are considered non-translatable" (PR #1747). Reported: a description of one word equal to the name of its parameter or schema property, case and separators aside; once per schema as written (a body, a response, a definition: a `$ref` starts another), at the first, naming its properties and those of the schemas written in it by their path (`error.code`); once per list of parameters (of an operation, a path or the document), naming them. Exempt, since no designer shows them: internal ones, and whatever only internal operations use (their parameters and schemas, and the definitions, parameters and responses that only they reach, directly or through other definitions); a definition that nothing uses is still checked, and so is a schema of an internal operation that a visible one\'s `$ref` leads into. 193 of the 364 merged certified and independent-publisher connectors have some (11,615 properties and parameters), so this is advice.',
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
      // Findings are sorted by place afterwards: the order here is that of each group's first name.
      const repeated = [
        ...propertiesRepeatingNames(describedByName, propertiesBelowWalk, hidden).values(),
        ...parametersRepeatingNames(describedByName, hidden).values(),
      ];
      for (const { names, pointer, of } of repeated) {
        const what =
          names.length === 1
            ? `The description of '${nameExcerpt(names[0]!)}' only repeats its name.`
            : `The descriptions of ${names.length} ${of} only repeat their names: ${someNames(names)}.`;
        context.report({
          pointer,
          message: `${what} Say in words what the value is: reviewers ask for valid descriptions, and a name written as code is not translated.`,
          // Describing one of them is no new finding under `validate --base`.
          parts: { problem: `The descriptions of ${of} only repeat their names.`, names },
        });
      }
    },
  },
];
