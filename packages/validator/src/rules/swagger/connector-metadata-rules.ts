import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import { asArray, has, isObject } from '../../swagger/json-values.js';
import { inOtherCase } from '../../text/other-case.js';
import { jsonTypeOf } from './structure/json-types.js';
import { entryPointer, METADATA_POINTER, metadataEntries } from './connector-metadata-entries.js';

const METADATA_PROPERTIES = ['Website', 'Privacy policy', 'Categories'];

export const metadataRequiredRule: RuleDefinition = {
  id: 'SWG-META-REQ',
  file: 'swagger',
  title: 'Give x-ms-connector-metadata.',
  description:
    'Certified and independent-publisher connectors need the root `x-ms-connector-metadata` array with Website, Privacy policy and Categories (PR #683, #1095, #2459).',
  levels: certificationLevels('error', 'off'),
  msCode: 'RequiredPropertyMissing',
  msMessage: "The '{0}' property is required.",
  example: {
    bad: '{ "swagger": "2.0", "info": {…}, "paths": {…} }',
    good: '{ "x-ms-connector-metadata": [{ "propertyName": "Website", "propertyValue": "https://contoso.com" }, …] }',
  },
  check(context) {
    const root = context.swagger?.root;
    if (!root) return;
    if (!has(root, 'x-ms-connector-metadata')) {
      context.report({
        pointer: METADATA_POINTER,
        message:
          'The \'x-ms-connector-metadata\' property is required. Add it at the root: a list of { "propertyName": …, "propertyValue": … } entries for Website, Privacy policy and Categories.',
      });
    } else if (!Array.isArray(root['x-ms-connector-metadata'])) {
      context.report({
        pointer: METADATA_POINTER,
        message: `The type of the property is incorrect. Expected type 'Array', but value is of type '${jsonTypeOf(root['x-ms-connector-metadata'])}'.`,
      });
    }
  },
};

export const metadataPropertiesRule: RuleDefinition = {
  id: 'SWG-META-PROPS',
  file: 'swagger',
  title: 'List Website, Privacy policy and Categories in x-ms-connector-metadata.',
  description:
    'Each entry is `{propertyName, propertyValue}` with string values, and the names Website, Privacy policy and Categories are required, spelled exactly (SVR: ConnectorMetadataPropertiesMissing; PR #4077). "Privacy policy" was added later: 77 merged connectors lack it or spell it "Privacy Policy", so for it this is a warning.',
  levels: certificationLevels('error', 'off'),
  msCode: 'ConnectorMetadataPropertiesMissing',
  msMessage: "The connector metadata property '{0}' is required.",
  milderCases: [{ when: 'for Privacy policy', atMost: 'warning' }],
  example: {
    placement: 'connectorMetadata',
    bad: '{ "propertyName": "Privacy Policy", "propertyValue": "https://contoso.com/privacy" }',
    good: '{ "propertyName": "Privacy policy", "propertyValue": "https://contoso.com/privacy" }',
  },
  check(context) {
    const list = asArray(context.swagger?.root['x-ms-connector-metadata']);
    if (!list) return;
    // Names given under a key in another case ("PropertyName"): the key's finding says what to do,
    // and renaming it also satisfies the name, so the name is not reported missing as well.
    const namesUnderOtherCase = new Set<string>();
    list.forEach((entry, index) => {
      if (!isObject(entry)) {
        context.report({
          pointer: childPointer(METADATA_POINTER, index),
          message: 'Each connector metadata entry must be an object with propertyName and propertyValue.',
        });
        return;
      }
      for (const key of ['propertyName', 'propertyValue']) {
        if (typeof entry[key] === 'string') continue;
        const otherCase = has(entry, key)
          ? undefined
          : inOtherCase(key, Object.keys(entry), { spacesAround: true });
        if (otherCase !== undefined) {
          if (key === 'propertyName' && typeof entry[otherCase] === 'string')
            namesUnderOtherCase.add(entry[otherCase]);
          context.report({
            pointer: childPointer(METADATA_POINTER, index, otherCase),
            message: `The '${key}' property is required. This entry has '${otherCase}': keys are read exactly as written, so rename it to '${key}'.`,
          });
          continue;
        }
        context.report({
          pointer: childPointer(METADATA_POINTER, index, key),
          message: has(entry, key)
            ? `The type of the property is incorrect. Expected type 'String'.`
            : `The '${key}' property is required.`,
        });
      }
    });
    const names = metadataEntries(context);
    for (const required of METADATA_PROPERTIES) {
      if (names.some((entry) => entry.name === required) || namesUnderOtherCase.has(required)) continue;
      const nearMiss = names.find((entry) => entry.name.trim().toLowerCase() === required.toLowerCase());
      context.report({
        pointer: nearMiss ? entryPointer(nearMiss, 'propertyName') : METADATA_POINTER,
        severity: required === 'Privacy policy' ? 'warning' : undefined,
        message: nearMiss
          ? `The connector metadata property '${required}' is required. '${nearMiss.name}' is not recognized: spell it exactly '${required}'.`
          : `The connector metadata property '${required}' is required.`,
      });
    }
  },
};
