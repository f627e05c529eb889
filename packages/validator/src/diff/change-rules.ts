import type { Severity } from '../model/finding.js';
import type { ChangeImpact } from './change.js';
import { CHANGE_RULE_DOCS, type ChangeRuleDoc } from './change-rule-docs.js';

/** A kind of change: its stable id, what it means, and the text every report of it starts with. */
export interface ChangeRule {
  id: string;
  impact: ChangeImpact;
  severity: Severity;
  /** Microsoft's exact text where the catalog quotes one (rules.md §2), else ours in the same style. */
  message: string;
  /** Where the rule comes from: an observed Microsoft message, a documented rule, or our inference. */
  source: string;
}

function rule(
  id: string,
  impact: ChangeImpact,
  severity: Severity,
  message: string,
  source: string,
): ChangeRule {
  return { id, impact, severity, message, source };
}

/**
 * Every change the diff reports. The BRK-* rules with a quoted message were seen in Microsoft's
 * change-validator output pasted into PowerPlatformConnectors PRs; the others are documented or
 * inferred (rules.md §2) and get our own wording. Severities: observed and documented ones are
 * errors, the ones reviewers often accept are warnings, non-breaking changes are info.
 */
export const CHANGE_RULES = {
  opDeleted: rule(
    'BRK-OP-DELETED',
    'breaking',
    'error',
    'The operation has been deleted. This change breaks existing flows.',
    'Microsoft change validator (PR #4043, #4168, #3470)',
  ),
  pathChanged: rule(
    'BRK-PATH-CHANGED',
    'breaking',
    'error',
    'The path template has been changed for the operation.',
    'Microsoft change validator (PR #3648, #3499)',
  ),
  parameterLocation: rule(
    'BRK-PARAM-LOCATION',
    'breaking',
    'error',
    'The location has been changed for the parameter. Existing flows will continue to send the parameter in the old location.',
    'Microsoft change validator (PR #3648)',
  ),
  requiredParameterAdded: rule(
    'BRK-REQ-PARAM-ADDED',
    'breaking',
    'error',
    'The required parameter has been added.',
    'Microsoft change validator (PR #3499)',
  ),
  requiredFieldAdded: rule(
    'BRK-REQ-FIELD-ADDED',
    'breaking',
    'error',
    'The required input field has been added. Existing flows will not send this new field.',
    'Microsoft change validator (PR #3656)',
  ),
  inputType: rule(
    'BRK-INPUT-TYPE',
    'breaking',
    'error',
    'The type has been changed for the input field. Existing flows will continue to send the field with the old type.',
    'Microsoft change validator (PR #3546)',
  ),
  outputType: rule(
    'BRK-OUTPUT-TYPE',
    'breaking',
    'error',
    'The type has been changed for the output field. Existing flows may be broken if they are using this field and actual payload has been changed.',
    'Microsoft change validator (PR #3910, #4168)',
  ),
  outputDeleted: rule(
    'BRK-OUTPUT-DELETED',
    'breaking',
    'error',
    'The output field has been deleted. Existing flows may be broken if they are using this field and actual payload has been changed.',
    'Microsoft change validator (PR #3656)',
  ),
  inputEnumAdded: rule(
    'BRK-INPUT-ENUM-ADDED',
    'breaking',
    'error',
    'The list of enum values has been added to the input field. Existing flows may use values outside of this list.',
    'Microsoft change validator (PR #619)',
  ),
  outputEnumRemoved: rule(
    'BRK-OUTPUT-ENUM-REMOVED',
    'breaking',
    'error',
    'The list of enum values has been removed from the output field.',
    'Microsoft change validator (PR #1381)',
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
  requiredConnectionParameterAdded: rule(
    'BRK-REQ-CONN-PARAM-ADDED',
    'breaking',
    'error',
    'The required connection parameter has been added. Existing connections hold no value for it, so they fail until they are edited or created again.',
    'inferred, like BRK-REQ-PARAM-ADDED and BRK-AUTH-TYPE: a connection holds the values it was created with',
  ),
  /**
   * Decided with the sign-in (auth-diff.ts), as BRK-REQ-CONN-PARAM-ADDED: a parameter that was
   * optional or hidden, now required, shown and without a defaultValue. Located on its `required`.
   */
  connectionParameterRequired: rule(
    'BRK-CONN-OPTIONAL-TO-REQUIRED',
    'breaking',
    'error',
    'The optional connection parameter has become required. Existing connections may hold no value for it, so they fail until they are edited or created again.',
    'inferred, like BRK-OPTIONAL-TO-REQUIRED and BRK-REQ-CONN-PARAM-ADDED: a connection holds the values it was created with',
  ),
  optionalToRequired: rule(
    'BRK-OPTIONAL-TO-REQUIRED',
    'breaking',
    'error',
    'The optional input has become required. Existing flows may not send it.',
    'Microsoft docs, operational-versioning (inferred)',
  ),
  parameterDeleted: rule(
    'BRK-PARAM-DELETED',
    'breaking',
    'warning',
    'The input has been deleted. Existing flows will continue to send it.',
    'Microsoft docs, operational-versioning (inferred)',
  ),
  parameterRenamed: rule(
    'BRK-PARAM-RENAMED',
    'breaking',
    'error',
    'The parameter has been renamed. Existing flows will continue to send it under its old name.',
    'inferred: a rename is a deletion plus an addition',
  ),
  visibilityInternal: rule(
    'BRK-VISIBILITY-INTERNAL',
    'breaking',
    'warning',
    'The visibility has been changed to internal. Existing users will no longer see it in the designer.',
    'inferred',
  ),
  triggerKind: rule(
    'BRK-TRIGGER-KIND',
    'breaking',
    'error',
    'The trigger kind has been changed for the operation. Existing flows were built for the old kind.',
    'inferred',
  ),
  responseChanged: rule(
    'BRK-RESPONSE-CODE',
    'breaking',
    'error',
    'The success response has been changed for the operation. Existing flows expect the old response.',
    'inferred, like BRK-OUTPUT-TYPE',
  ),
  hostChanged: rule(
    'BRK-HOST-BASEPATH',
    'breaking',
    'warning',
    'The host, base path or schemes have been changed. Every operation now calls another address.',
    'inferred, like BRK-PATH-CHANGED',
  ),
  enumNarrowed: rule(
    'BRK-ENUM-NARROWED',
    'breaking',
    'error',
    'Values have been removed from the list of enum values of the input field. Existing flows may send the removed values.',
    'inferred, like BRK-INPUT-ENUM-ADDED',
  ),
  deprecationProcess: rule(
    'BRK-DEPRECATION-PROCESS',
    'major',
    'warning',
    "The operation has been deprecated without following the versioning process: mark it 'deprecated: true' with an 'x-ms-api-annotation' family and revision, and add its replacement (e.g. '_V2').",
    'Microsoft docs, operational-versioning and deprecate-operation',
  ),
  operationAdded: rule('CHG-OP-ADDED', 'major', 'info', 'A new operation has been added.', 'non-breaking'),
  operationDeprecated: rule(
    'CHG-OP-DEPRECATED',
    'major',
    'info',
    'The operation has been deprecated, with a replacement.',
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
    'major',
    'info',
    'The file is not a JSON object in one of the versions (it is empty, not JSON, or another kind of value), so it was not compared.',
    'non-breaking',
  ),
} satisfies Record<string, ChangeRule>;

export type ChangeRuleKey = keyof typeof CHANGE_RULES;

/** A change rule with what the rule reference says of it. */
export interface DocumentedChangeRule extends ChangeRule, ChangeRuleDoc {
  /** Whether `message` is Microsoft's own text, as its change validator prints it. */
  microsoftMessage: boolean;
}

/** Every change rule with its reference text, for docs/rules.md. */
export const ALL_CHANGE_RULES: readonly DocumentedChangeRule[] = (
  Object.keys(CHANGE_RULES) as ChangeRuleKey[]
).map((key) => ({
  ...CHANGE_RULES[key],
  ...CHANGE_RULE_DOCS[key],
  microsoftMessage: CHANGE_RULES[key].source.startsWith('Microsoft change validator'),
}));
