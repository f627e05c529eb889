/**
 * Where a rule's example fragment goes in a connector, when the fragment does not say it itself
 * (`"redirectMode": "Global"` could be anywhere; `{ "host": … }` is the swagger's root). The rule
 * reference says it before the fragment, and the rule-examples test puts the fragment there in a
 * real connector, so the two read the same key. A fragment written as an object (`{ … }`) or as
 * members (`"key": …`) goes into the value at that place.
 */
export type RuleExamplePlacement =
  /** The swagger's paths: path items by their path. */
  | 'paths'
  /** A path item: operations by their method. */
  | 'pathItem'
  /** An operation: its fields. */
  | 'operation'
  /** The x-ms-api-annotation of a deprecated operation. */
  | 'deprecatedAnnotation'
  /** A parameter of an operation (a fragment with `in` says which kind). */
  | 'parameter'
  /** A path parameter of an operation. */
  | 'pathParameter'
  /** The body parameter of an operation. */
  | 'bodyParameter'
  /** The schema of an operation's body parameter. */
  | 'bodySchema'
  /** The x-ms-dynamic-values of a parameter. */
  | 'dynamicValues'
  /** An operation's responses, by status code. */
  | 'responses'
  /** An operation's success response. */
  | 'response'
  /** The schema of an operation's success response. */
  | 'responseSchema'
  /** A schema of the swagger's definitions. */
  | 'definition'
  /** A property of a schema. */
  | 'schemaProperty'
  /** The body parameter of a webhook trigger. */
  | 'webhookBody'
  /** The properties of a webhook trigger's body schema. */
  | 'webhookBodyProperties'
  /** The swagger's info. */
  | 'info'
  /** The swagger's info.contact. */
  | 'contact'
  /** An item of the swagger's x-ms-connector-metadata. */
  | 'connectorMetadata'
  /** A security definition of the swagger. */
  | 'securityDefinition'
  /** Members of apiProperties.json's `properties`. */
  | 'apiProperties'
  /** apiProperties.json's connection parameters, by name. */
  | 'connectionParameters'
  /** A connection parameter of apiProperties.json. */
  | 'connectionParameter'
  /** The uiDefinition of a connection parameter. */
  | 'uiDefinition'
  /** A connection parameter of type oauthSetting. */
  | 'oauthConnectionParameter'
  /** The oAuthSettings of an OAuth connection parameter. */
  | 'oauthSettings'
  /** An item of apiProperties.json's policyTemplateInstances. */
  | 'policyTemplate';

/** Where an example's fragment goes, as the rule reference says it before the fragment. */
export const RULE_EXAMPLE_PLACES: Record<RuleExamplePlacement, string> = {
  paths: "the swagger's paths",
  pathItem: "a path of the swagger's paths",
  operation: 'an operation',
  deprecatedAnnotation: 'the x-ms-api-annotation of a deprecated operation',
  parameter: 'a parameter of an operation',
  pathParameter: 'a path parameter of an operation',
  bodyParameter: 'the body parameter of an operation',
  bodySchema: "the schema of an operation's body parameter",
  dynamicValues: "a parameter's x-ms-dynamic-values",
  responses: "an operation's responses",
  response: "an operation's success response",
  responseSchema: "the schema of an operation's success response",
  definition: "a schema of the swagger's definitions",
  schemaProperty: 'a property of a schema',
  webhookBody: 'the body parameter of a webhook trigger',
  webhookBodyProperties: "the properties of a webhook trigger's body schema",
  info: "the swagger's info",
  contact: "the swagger's info.contact",
  connectorMetadata: "an item of the swagger's x-ms-connector-metadata",
  securityDefinition: "a security definition of the swagger's securityDefinitions",
  apiProperties: 'apiProperties.json, members of its properties',
  connectionParameters: 'apiProperties.json, its connection parameters',
  connectionParameter: 'apiProperties.json, a connection parameter',
  uiDefinition: "apiProperties.json, a connection parameter's uiDefinition",
  oauthConnectionParameter: 'apiProperties.json, an OAuth connection parameter',
  oauthSettings: "apiProperties.json, an OAuth connection parameter's oAuthSettings",
  policyTemplate: 'apiProperties.json, an item of its policyTemplateInstances',
};
