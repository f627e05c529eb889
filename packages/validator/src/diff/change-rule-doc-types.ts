/** What the rule reference says of a change rule beyond its message. */
export interface ChangeRuleDoc {
  /** When the rule fires, what does not fire it, and where the change is located. */
  description: string;
  /** A minimal edit that fires it: a fragment of the base version, and the same of the pull request. */
  example: { placement: ExamplePlacement; before: string; after: string };
}

/**
 * Where an example's fragments sit in a connector, so a test can put them into a real one and check
 * that the diff reports the rule. A fragment written as an object (`{ … }`) is the whole thing at
 * that place; one written as members (`"key": …`) sets those members on it. Text fragments are the
 * whole file.
 */
export type ExamplePlacement =
  /** Members of the swagger's root (an object fragment, too, sets its members: it is never the whole swagger). */
  | 'swagger'
  /** The swagger's paths. */
  | 'paths'
  /** An operation: its fields. */
  | 'operation'
  /** A query parameter of an operation. */
  | 'parameter'
  /** The schema of an operation's body parameter. */
  | 'bodySchema'
  /** The properties of that body schema. */
  | 'bodyProperties'
  /** The schema of an operation's success response. */
  | 'responseSchema'
  /** The properties of that response schema. */
  | 'responseProperties'
  /** Members of apiProperties.json's `properties`. */
  | 'apiProperties'
  /** apiProperties.json's connection parameters. */
  | 'connectionParameters'
  | 'readme'
  | 'script'
  | 'icon'
  /** The text of the whole swagger file. */
  | 'swaggerFile'
  /** A connector folder of the repository: its files, listed. */
  | 'connectorFolder';

/** Where an example's fragments go, as the rule reference says it before them. */
export const EXAMPLE_PLACES: Record<ExamplePlacement, string> = {
  swagger: "members of the swagger's root",
  paths: "the swagger's paths",
  operation: 'an operation',
  parameter: 'a query parameter of an operation',
  bodySchema: "the schema of an operation's body parameter",
  bodyProperties: "the properties of an operation's body schema",
  responseSchema: "the schema of an operation's success response",
  responseProperties: "the properties of an operation's success response schema",
  apiProperties: "members of apiProperties.json's properties",
  connectionParameters: "apiProperties.json's connection parameters",
  readme: 'readme.md',
  script: 'script.csx',
  icon: 'icon.png',
  swaggerFile: 'the whole swagger file',
  connectorFolder: 'a connector folder of the repository',
};
