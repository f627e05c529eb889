import { advising, inCase, observed, rule, type CaseRule, type ChangeRule } from './change-rule-type.js';

/** The way out of every break of an operation's contract: a new version beside the old one. */
const NEW_VERSION =
  "add the change to a new version of the operation (an operationId ending in '_V2') and deprecate this one";
/** The same, as the only advice. */
const ONLY_A_NEW_VERSION = `${NEW_VERSION.charAt(0).toUpperCase()}${NEW_VERSION.slice(1)}.`;
/** What to do about a secret that was a default, once it is deleted: it was published with the connector. */
const REVOKE_THE_KEY =
  'Tell the reviewers in the pull request that it held a leaked key, and revoke that key, since it stays in the git history';
/** The ways out of a connection parameter that every connection must now fill in, but for keeping it as it was. */
const REQUIRED_VALUE_WAYS_OUT = 'or give it a defaultValue, or offer it in a new connection parameter set.';

/**
 * Every change the diff reports. The `observed` ones quote messages seen in Microsoft's
 * change-validator output pasted into PowerPlatformConnectors PRs; the others are documented or
 * inferred (rules.md §2) and get our own wording. Severities: observed and documented ones are
 * errors, the ones reviewers often accept are warnings, non-breaking changes are info.
 */
export const CHANGE_RULES = {
  /**
   * Not found by comparing two versions (`diff`): `validate --base` reports it for a connector
   * folder of the merge base that the branch deleted, not renamed (deleted-connectors.ts).
   */
  connectorDeleted: advising(
    rule(
      'BRK-CONNECTOR-DELETED',
      'breaking',
      'error',
      'The connector has been deleted. This change breaks existing flows: none of its operations can run any more.',
      'inferred, like BRK-OP-DELETED: deleting the folder deletes every operation',
    ),
    "Keep the folder; to retire the connector, deprecate its operations ('deprecated: true') and point to their replacements.",
  ),
  /**
   * The swagger in the base version only: every operation is gone with it. One change for the file, not
   * one per operation (and a host "changed to nothing"); `validate --base` adds no finding of it when
   * REPO-REQUIRED-FILES reported the missing file (compare-with-base.ts).
   */
  swaggerDeleted: advising(
    rule(
      'BRK-SWAGGER-DELETED',
      'breaking',
      'error',
      'The file apiDefinition.swagger.json has been deleted. This change breaks existing flows: none of the operations it defined can run any more, and the connector cannot be certified without it.',
      'inferred, like BRK-CONNECTOR-DELETED: deleting the swagger deletes every operation; certification requires the file (REPO-REQUIRED-FILES)',
    ),
    'Keep apiDefinition.swagger.json, and edit what it holds instead.',
  ),
  /**
   * apiProperties.json in the base version only. `validate --base` lists it with the changes, and adds
   * no finding of it when REPO-REQUIRED-FILES reported the missing file (compare-with-base.ts).
   */
  apiPropertiesDeleted: advising(
    rule(
      'BRK-API-PROPERTIES-DELETED',
      'breaking',
      'error',
      'The file apiProperties.json has been deleted. The connector cannot be certified without it, and existing connections lose the connection parameters and policies it defined.',
      'inferred: certification requires the file (REPO-REQUIRED-FILES), and the platform reads the sign-in of existing connections from it',
    ),
    'Keep apiProperties.json, and edit what it holds instead.',
  ),
  opDeleted: observed(
    'BRK-OP-DELETED',
    'breaking',
    'error',
    'The operation has been deleted. This change breaks existing flows.',
    'PR #4043, #4168, #3470',
  ),
  pathChanged: advising(
    observed(
      'BRK-PATH-CHANGED',
      'breaking',
      'error',
      'The path template has been changed for the operation.',
      'PR #3648, #3499',
    ),
    `Keep the old method and path; or ${NEW_VERSION}.`,
  ),
  parameterLocation: advising(
    observed(
      'BRK-PARAM-LOCATION',
      'breaking',
      'error',
      'The location has been changed for the parameter. Existing flows will continue to send the parameter in the old location.',
      'PR #3648',
    ),
    `Keep it where it was; or ${NEW_VERSION}.`,
  ),
  requiredParameterAdded: advising(
    observed(
      'BRK-REQ-PARAM-ADDED',
      'breaking',
      'error',
      'The required parameter has been added.',
      'PR #3499',
    ),
    `Make it optional or give it a default; or ${NEW_VERSION}.`,
  ),
  requiredFieldAdded: advising(
    observed(
      'BRK-REQ-FIELD-ADDED',
      'breaking',
      'error',
      'The required input field has been added. Existing flows will not send this new field.',
      'PR #3656',
    ),
    `Make it optional or give it a default; or ${NEW_VERSION}.`,
  ),
  inputType: advising(
    observed(
      'BRK-INPUT-TYPE',
      'breaking',
      'error',
      'The type has been changed for the input field. Existing flows will continue to send the field with the old type.',
      'PR #3546',
    ),
    `Keep the old type; or ${NEW_VERSION}.`,
  ),
  /** The input side of BRK-OUTPUT-FORMAT; Microsoft's wording for inputs has not been seen. */
  inputFormat: advising(
    rule(
      'BRK-INPUT-FORMAT',
      'breaking',
      'error',
      'The type format has been changed for the input field. Existing flows will continue to send the field in the old format.',
      'inferred, like BRK-OUTPUT-FORMAT (PR #807, #3863) and BRK-INPUT-TYPE',
    ),
    `Keep the old format; or ${NEW_VERSION}.`,
  ),
  outputType: advising(
    observed(
      'BRK-OUTPUT-TYPE',
      'breaking',
      'error',
      'The type has been changed for the output field. Existing flows may be broken if they are using this field and actual payload has been changed.',
      'PR #3910, #4168',
    ),
    `Keep the old type; or ${NEW_VERSION}.`,
  ),
  /**
   * A format change, apart from a type change (which is reported instead when both change): Microsoft's
   * change validator words it apart too, ValuePath ending in '/format' (PR #807, #3863).
   */
  outputFormat: advising(
    observed(
      'BRK-OUTPUT-FORMAT',
      'breaking',
      'error',
      'The type format has been changed for the output field. Existing flows may be broken if they are using this field and actual payload has been changed.',
      'PR #807, #3863',
    ),
    `Keep the old format; or ${NEW_VERSION}.`,
  ),
  outputDeleted: advising(
    observed(
      'BRK-OUTPUT-DELETED',
      'breaking',
      'error',
      'The output field has been deleted. Existing flows may be broken if they are using this field and actual payload has been changed.',
      'PR #3656',
    ),
    `Keep the field in the schema while the API returns it ('x-ms-visibility': 'internal' hides it from new flows); or ${NEW_VERSION}.`,
  ),
  inputEnumAdded: advising(
    observed(
      'BRK-INPUT-ENUM-ADDED',
      'breaking',
      'error',
      'The list of enum values has been added to the input field. Existing flows may use values outside of this list.',
      'PR #619',
    ),
    `Leave the input open and name its values in its description; or ${NEW_VERSION}.`,
  ),
  outputEnumRemoved: advising(
    observed(
      'BRK-OUTPUT-ENUM-REMOVED',
      'breaking',
      'error',
      'The list of enum values has been removed from the output field.',
      'PR #1381',
    ),
    `Keep the list of values; or ${NEW_VERSION}.`,
  ),
  /**
   * Decided from what users sign in with: apiProperties.json connectionParameters and
   * connectionParameterSets, the swagger's securityDefinitions only when apiProperties has none
   * (auth-diff.ts). A stale securityDefinitions, a new parameter set or removed authentication
   * leaves existing connections working and is not reported.
   */
  authType: rule(
    'BRK-AUTH-TYPE',
    'breaking',
    'error',
    "The authentication has been changed so that existing connections can no longer sign in. Changing the authentication type of a connector in an update isn't allowed.",
    'Microsoft docs, certification-updates; read from apiProperties.json connection parameters first, as the platform does, then the swagger securityDefinitions',
  ),
  /**
   * Decided with the sign-in (auth-diff.ts), for each connection parameter collection: a parameter
   * added to a new parameter set, or one that is optional, hidden or has a defaultValue, breaks nothing.
   */
  requiredConnectionParameterAdded: advising(
    rule(
      'BRK-REQ-CONN-PARAM-ADDED',
      'breaking',
      'error',
      'The required connection parameter has been added. Existing connections hold no value for it, so they fail until they are edited or created again.',
      'inferred, like BRK-REQ-PARAM-ADDED and BRK-AUTH-TYPE: a connection holds the values it was created with',
    ),
    `Make it optional ${REQUIRED_VALUE_WAYS_OUT}`,
  ),
  /**
   * Decided with the sign-in (auth-diff.ts), as BRK-REQ-CONN-PARAM-ADDED: a parameter that was
   * optional or hidden, now required, shown and without a defaultValue. Located on its `required`.
   */
  connectionParameterRequired: advising(
    rule(
      'BRK-CONN-OPTIONAL-TO-REQUIRED',
      'breaking',
      'error',
      'The optional connection parameter has become required. Existing connections may hold no value for it, so they fail until they are edited or created again.',
      'inferred, like BRK-OPTIONAL-TO-REQUIRED and BRK-REQ-CONN-PARAM-ADDED: a connection holds the values it was created with',
    ),
    `Keep it optional ${REQUIRED_VALUE_WAYS_OUT}`,
  ),
  optionalToRequired: advising(
    rule(
      'BRK-OPTIONAL-TO-REQUIRED',
      'breaking',
      'error',
      'The optional input has become required. Existing flows may not send it.',
      'Microsoft docs, operational-versioning (inferred)',
    ),
    `Keep it optional or give it a default; or ${NEW_VERSION}.`,
  ),
  parameterDeleted: advising(
    rule(
      'BRK-PARAM-DELETED',
      'breaking',
      'warning',
      'The input has been deleted. Existing flows will continue to send it.',
      'Microsoft docs, operational-versioning (inferred)',
    ),
    `Keep it, even if the API now ignores it; or ${NEW_VERSION}.`,
  ),
  parameterRenamed: advising(
    rule(
      'BRK-PARAM-RENAMED',
      'breaking',
      'error',
      'The parameter has been renamed. Existing flows will continue to send it under its old name.',
      'inferred: a rename is a deletion plus an addition',
    ),
    `Keep the old name; or ${NEW_VERSION}.`,
  ),
  /**
   * Decided like BRK-PARAM-DELETED, not like BRK-PARAM-RENAMED: no flow fails to run, the ones that
   * set the parameter lose its value (parameter-diff.ts).
   */
  optionalParameterRenamed: advising(
    rule(
      'BRK-OPTIONAL-PARAM-RENAMED',
      'breaking',
      'warning',
      'The optional parameter has been renamed. Existing flows that set it will continue to send it under its old name, which the API no longer reads.',
      'inferred, like BRK-PARAM-DELETED: a rename is a deletion plus an optional addition',
    ),
    `Keep the old name (its x-ms-summary is what users see, and can change); or ${NEW_VERSION}.`,
  ),
  visibilityInternal: advising(
    rule(
      'BRK-VISIBILITY-INTERNAL',
      'breaking',
      'warning',
      'The visibility has been changed to internal. Existing users will no longer see it in the designer.',
      'inferred',
    ),
    "Keep it visible ('advanced' moves it out of the way); to retire an operation, deprecate it ('deprecated: true') and add its replacement.",
  ),
  triggerKind: advising(
    rule(
      'BRK-TRIGGER-KIND',
      'breaking',
      'error',
      'The trigger kind has been changed for the operation. Existing flows were built for the old kind.',
      'inferred',
    ),
    "Keep the old kind; or add the new kind as a new trigger (an operationId ending in '_V2') and deprecate this one.",
  ),
  responseChanged: advising(
    rule(
      'BRK-RESPONSE-CODE',
      'breaking',
      'error',
      'The success response has been changed for the operation. Existing flows expect the old response.',
      'inferred, like BRK-OUTPUT-TYPE',
    ),
    `Keep the old success response; or ${NEW_VERSION}.`,
  ),
  hostChanged: advising(
    rule(
      'BRK-HOST-BASEPATH',
      'breaking',
      'warning',
      'The host, base path or schemes have been changed. Existing flows now call another address.',
      'inferred, like BRK-PATH-CHANGED',
    ),
    'If the new address serves the same API for existing connections, say so in the pull request, as reviewers ask; otherwise keep the old one.',
  ),
  /** Decided with both swaggers (policy-reroute-diff.ts): only operations of both versions count. */
  policyReroute: advising(
    rule(
      'BRK-POLICY-REROUTE',
      'breaking',
      'warning',
      'A policy that decides where requests go has been added, removed or changed. Existing flows now call another address.',
      'inferred, like BRK-HOST-BASEPATH: dynamichosturl, dynamicsubdomain and routerequesttoendpoint replace the address the swagger gives',
    ),
    'If the new address serves the same API for existing connections, say so in the pull request, as reviewers ask; otherwise keep the old one.',
  ),
  /**
   * Decided per operation of both versions (mcp-diff.ts). An error like BRK-OP-DELETED: to the
   * agents, the MCP server is gone, though the operation stays.
   */
  mcpRemoved: advising(
    rule(
      'BRK-MCP-REMOVED',
      'breaking',
      'error',
      'The operation is no longer an MCP server (x-ms-agentic-protocol has been removed). Agents that use the server lose its tools.',
      'inferred, like BRK-OP-DELETED: Copilot Studio lists the tools of an operation marked with x-ms-agentic-protocol (its MCP docs)',
    ),
    'Keep x-ms-agentic-protocol on the operation; to move the server, add the new operation beside it and keep this one until the agents use the new one.',
  ),
  /**
   * A warning like BRK-HOST-BASEPATH: what agents call is unchanged, but they now speak another
   * transport to it; and moving off the deprecated 'mcp-sse-1.0' is what SWG-MCP-PROTOCOL asks for.
   */
  mcpProtocol: rule(
    'BRK-MCP-PROTOCOL',
    'breaking',
    'warning',
    'The MCP transport has been changed for the operation (x-ms-agentic-protocol). Agents now talk to the server over the new transport, which it must serve.',
    'inferred: the value names the transport Copilot Studio speaks to the server (streamable HTTP or SSE)',
  ),
  enumNarrowed: advising(
    rule(
      'BRK-ENUM-NARROWED',
      'breaking',
      'error',
      'Values have been removed from the list of enum values of the input field. Existing flows may send the removed values.',
      'inferred, like BRK-INPUT-ENUM-ADDED',
    ),
    `Keep the removed values in the list; or ${NEW_VERSION}.`,
  ),
  /**
   * A new version half linked to the deprecated operation it replaces. Each change names what is
   * missing and the exact edit; the rule's advice is what the docs ask in general.
   */
  deprecationProcess: advising(
    rule(
      'BRK-DEPRECATION-PROCESS',
      'major',
      'warning',
      'The operation has been deprecated without completing the versioning process that links it to its new version.',
      'Microsoft docs, operational-versioning and deprecate-operation',
    ),
    "Put the deprecated operation and its new version in one 'x-ms-api-annotation' family, the new version ('<operationId>_V2') at a higher revision; or, when nothing replaces the operation, mark it 'deprecated: true' with \"(deprecated)\" after its summary and description, without a family.",
  ),
  operationAdded: rule('CHG-OP-ADDED', 'major', 'info', 'A new operation has been added.', 'non-breaking'),
  mcpAdded: rule(
    'CHG-MCP-ADDED',
    'major',
    'info',
    'The operation has become an MCP server (x-ms-agentic-protocol has been added).',
    'non-breaking: agents can add its tools; the operation stays where it was',
  ),
  operationDeprecated: rule(
    'CHG-OP-DEPRECATED',
    'major',
    'info',
    'The operation has been deprecated.',
    'non-breaking: Microsoft docs, deprecate-operation',
  ),
  parameterAdded: rule(
    'CHG-PARAM-ADDED',
    'major',
    'info',
    'A new optional parameter has been added.',
    'non-breaking',
  ),
  inputFieldAdded: rule(
    'CHG-INPUT-FIELD-ADDED',
    'major',
    'info',
    'A new optional input field has been added.',
    'non-breaking',
  ),
  outputAdded: rule(
    'CHG-OUTPUT-ADDED',
    'major',
    'info',
    'A new output field has been added.',
    'non-breaking',
  ),
  textEdited: rule(
    'CHG-TEXT-EDITED',
    'minor',
    'info',
    'Text has been edited.',
    'non-breaking; minor when Microsoft lists it among the criteria of a minor update',
  ),
  readmeEdited: rule('CHG-README-EDITED', 'minor', 'info', 'The readme has been edited.', 'minor update'),
  iconChanged: rule('CHG-ICON-CHANGED', 'minor', 'info', 'The icon has been changed.', 'minor update'),
  scriptChanged: rule(
    'CHG-SCRIPT-CHANGED',
    'major',
    'info',
    'The custom code has been changed.',
    'non-breaking',
  ),
  other: rule('CHG-OTHER', 'major', 'info', 'Other properties have been changed.', 'non-breaking'),
  uncomparable: rule(
    'CHG-UNCOMPARABLE',
    'breaking',
    'error',
    'The file could not be read as a JSON object, so it was not compared.',
    'inferred: a new version the platform cannot read breaks every connection; a base version that could not be read leaves the update to the full review',
  ),
  jsonSyntax: rule(
    'CHG-JSON-SYNTAX',
    'breaking',
    'error',
    'The file is not strict JSON; it was compared as far as it could be read.',
    'inferred: the certification pipeline and the platform read strict JSON and refuse the file (GEN-JSON-PARSE)',
  ),
} satisfies Record<string, ChangeRule>;

export type ChangeRuleKey = keyof typeof CHANGE_RULES;

/**
 * The rules as told in the cases their advice does not fit, each reported instead of its rule in
 * that case (the rule's advice stays one string; the case picks the rule).
 */
export const CASE_RULES = {
  /** Its placeholder has left the path (BRK-PATH-CHANGED, which advises keeping the old path). */
  pathParameterDeleted: inCase(
    CHANGE_RULES.parameterDeleted,
    'for a path parameter, which cannot be kept without its placeholder in the path',
    ONLY_A_NEW_VERSION,
  ),
  /**
   * Its default was a secret, as GEN-SECRETS finds one of a parameter: every user sent it (upstream
   * Weavo #3269, where keeping it was the advice). Deleting it is the fix, and the key must be revoked.
   */
  secretInputDeleted: inCase(
    CHANGE_RULES.parameterDeleted,
    'for a parameter or an input field whose default was a secret (GEN-SECRETS)',
    `Removing it is right: a secret as a default goes to every user of the connector. ${REVOKE_THE_KEY}; if the API still needs one, let each user give their own in a connection parameter.`,
  ),
  /**
   * The same of an output field (GEN-SECRETS reports a response's secret defaults too): no request
   * sends it, but it was published with the connector, to whoever reads it.
   */
  secretOutputDeleted: inCase(
    CHANGE_RULES.outputDeleted,
    'for an output field whose default was a secret (GEN-SECRETS)',
    `Removing it is right: a secret as a default is published with the connector, to whoever reads it. ${REVOKE_THE_KEY}.`,
  ),
  /** It was required but hidden, so that no one filled it in: keeping it hidden is the way out. */
  hiddenConnectionParameterRequired: inCase(
    CHANGE_RULES.connectionParameterRequired,
    'for a parameter that was hidden',
    `Keep it hidden ${REQUIRED_VALUE_WAYS_OUT}`,
  ),
  /** There is no field to keep: the whole schema went. */
  responseBodyDeleted: inCase(
    CHANGE_RULES.outputDeleted,
    'when the response no longer has a body',
    `Keep the response's schema while the API returns a body; or ${NEW_VERSION}.`,
  ),
  /** A parameter or input field is not retired as an operation is. */
  inputHidden: inCase(
    CHANGE_RULES.visibilityInternal,
    'for a parameter or an input field',
    "Keep it visible ('advanced' moves it out of the way).",
  ),
} satisfies Record<string, CaseRule>;
