import type { RuleDefinition } from '../../model/rule.js';
import {
  bodyAndFormDataRule,
  duplicateParameterRule,
  fetchSubscribeAlikeRule,
  multipleBodyRule,
  parameterRefRule,
} from './parameter-list-rules.js';
import {
  allowEmptyValueRule,
  bodySchemaRule,
  collectionFormatRule,
  fileTypeRule,
  locationAndTypeRule,
} from './parameter-keyword-rules.js';
import { connectionIdNameRule, formDataAsciiNameRule, reservedNameRule } from './parameter-name-rules.js';
import { pathParameterInTemplateRule, pathParameterRequiredRule } from './path-parameter-rules.js';
import { pathParameterEncodingRule, queryEncodingRule, urlEncodingEnumRule } from './url-encoding-rules.js';

/** The parameter rules of the catalog, in its order (each in the file of its concept). */
export const parameterRules: RuleDefinition[] = [
  pathParameterRequiredRule,
  pathParameterInTemplateRule,
  pathParameterEncodingRule,
  urlEncodingEnumRule,
  queryEncodingRule,
  duplicateParameterRule,
  multipleBodyRule,
  bodyAndFormDataRule,
  fileTypeRule,
  formDataAsciiNameRule,
  connectionIdNameRule,
  reservedNameRule,
  bodySchemaRule,
  allowEmptyValueRule,
  parameterRefRule,
  collectionFormatRule,
  fetchSubscribeAlikeRule,
  locationAndTypeRule,
];
