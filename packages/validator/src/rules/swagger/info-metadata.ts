import { nameExcerpt, quoted } from '../../text/message-values.js';
import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import { ConnectorCache } from '../../model/connector-cache.js';
import { asArray, asObject, asString, has, isObject } from '../../swagger/json-values.js';
import { OperationKey } from '../../swagger/swagger-model.js';
import { isAbsoluteHttpUrl } from './absolute-http-url.js';
import { nodesOfKinds, structureOf, type NodeKind } from './structure.js';

/** The categories of x-ms-connector-metadata, spelled exactly (SVR InvalidConnectorCategory; CERT 3b). */
export const CONNECTOR_CATEGORIES = [
  'AI',
  'Business Management',
  'Business Intelligence',
  'Collaboration',
  'Commerce',
  'Communication',
  'Content and Files',
  'Finance',
  'Data',
  'Human Resources',
  'Internet of Things',
  'IT Operations',
  'Lifestyle and Entertainment',
  'Marketing',
  'Productivity',
  'Sales and CRM',
  'Security',
  'Social Media',
  'Website',
];
const CATEGORY_BY_LOWER = new Map(CONNECTOR_CATEGORIES.map((category) => [category.toLowerCase(), category]));
const MAX_CATEGORIES = 2;

const METADATA_PROPERTIES = ['Website', 'Privacy policy', 'Categories'];
const METADATA_POINTER = '/x-ms-connector-metadata';

/** The objects whose `url` must be an absolute http(s) URL. */
const URL_KINDS: readonly NodeKind[] = ['contact', 'externalDocs', 'license'];

/** An ASCII e-mail address (SVR ContactEmailNotValid): local part, @, a dotted host name. */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

interface MetadataEntry {
  name: string;
  value: unknown;
  /** Its index in x-ms-connector-metadata: the pointer is built only for a finding. */
  index: number;
}

/**
 * Listed once per connector for the four rules that read it (SWG-META-PROPS, -CATEGORY,
 * -CATEGORY-MAX, -URL), which each built it with a pointer per entry: the four allocated 1.76 MB
 * a warm corpus run, now 1.08.
 */
const entriesByMetadata = new ConnectorCache<unknown[], readonly MetadataEntry[]>();

/** The named entries of x-ms-connector-metadata. Shared by the rules of a connector: do not modify. */
function metadataEntries(context: RuleContext): readonly MetadataEntry[] {
  const list = asArray(context.swagger?.root['x-ms-connector-metadata']);
  if (!list) return [];
  return entriesByMetadata.getOrBuild(list, namedEntries);
}

function namedEntries(list: unknown[]): MetadataEntry[] {
  const entries: MetadataEntry[] = [];
  list.forEach((entry, index) => {
    const name = asString(asObject(entry)?.propertyName);
    if (name !== undefined) entries.push({ name, value: asObject(entry)!.propertyValue, index });
  });
  return entries;
}

/** The pointer of an entry's key (`propertyName`, `propertyValue`). */
function entryPointer(entry: MetadataEntry, key: string): string {
  return childPointer(METADATA_POINTER, entry.index, key);
}

function contactOf(context: RuleContext): Record<string, unknown> | undefined {
  return asObject(asObject(context.swagger?.root.info)?.contact);
}

/** Contact names left from the repository templates ("Full name") or written as stand-ins. */
const PLACEHOLDER_CONTACT_NAME = /^(?:full name|name|contact name|your name|publisher(?:'s)? name)$/i;

export const infoMetadataRules: RuleDefinition[] = [
  {
    id: 'SWG-INFO-CONTACT',
    file: 'swagger',
    title: 'Give contact information in info.contact.',
    description:
      'Certification requires `info.contact` (paconn: "Error : info : The \'contact\' property is required.", PR #683, #1095). Some legacy connectors (the Cloudmersive family) lack it.',
    levels: certificationLevels('error', 'off'),
    msCode: 'RequiredPropertyMissing',
    msMessage: "The '{0}' property is required.",
    example: { bad: '{ "info": { "title": "Contoso", "version": "1.0" } }' },
    check(context) {
      const info = asObject(context.swagger?.root.info);
      if (!info || has(info, 'contact')) return;
      context.report({ pointer: '/info/contact', message: "The 'contact' property is required." });
    },
  },
  {
    id: 'SWG-INFO-CONTACT-FIELDS',
    file: 'swagger',
    title: 'Give the support name, URL and e-mail in info.contact.',
    description:
      'The certification checklist asks for the support team name, support site URL and e-mail in `info.contact` (CERT 3b). 64 merged independent-publisher connectors lack the URL, so this is a warning. The template\'s name "Full name" counts as missing (one merged connector kept it).',
    levels: certificationLevels('warning', 'off'),
    example: {
      placement: 'info',
      bad: '{ "contact": { "name": "Contoso Support" } }',
      good: '{ "contact": { "name": "Contoso Support", "url": "https://support.contoso.com", "email": "support@contoso.com" } }',
    },
    check(context) {
      const contact = contactOf(context);
      if (!contact) return;
      for (const key of ['name', 'url', 'email']) {
        if (has(contact, key)) continue;
        context.report({
          pointer: childPointer('/info/contact', key),
          message: `The contact '${key}' property should be given for certification.`,
        });
      }
      // The template's url and email ("Contact URL") fail SWG-META-URL and SWG-INFO-CONTACT-EMAIL;
      // its name passes every other check.
      const name = asString(contact.name);
      if (name !== undefined && PLACEHOLDER_CONTACT_NAME.test(name.trim())) {
        context.report({
          pointer: '/info/contact/name',
          message: `The contact name '${name}' is the template's text; give the name of the support team or person.`,
        });
      }
    },
  },
  {
    id: 'SWG-INFO-CONTACT-EMAIL',
    file: 'swagger',
    title: 'Give a valid e-mail address in info.contact.email.',
    description: 'The contact e-mail must be a valid (ASCII) e-mail address (SVR: ContactEmailNotValid).',
    levels: certificationLevels('error'),
    msCode: 'ContactEmailNotValid',
    msMessage: "The contact 'email' property, if present, must be a valid email address.",
    example: {
      placement: 'contact',
      bad: '{ "email": "support at contoso.com" }',
      good: '{ "email": "support@contoso.com" }',
    },
    check(context) {
      const email = asString(contactOf(context)?.email);
      if (email === undefined || EMAIL.test(email)) return;
      context.report({
        pointer: '/info/contact/email',
        message: "The contact 'email' property, if present, must be a valid email address.",
      });
    },
  },
  {
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
          message: "The 'x-ms-connector-metadata' property is required.",
        });
      } else if (!Array.isArray(root['x-ms-connector-metadata'])) {
        context.report({
          pointer: METADATA_POINTER,
          message:
            "The type of the property is incorrect. Expected type 'Array', but value is of type 'Object'.",
        });
      }
    },
  },
  {
    id: 'SWG-META-PROPS',
    file: 'swagger',
    title: 'List Website, Privacy policy and Categories in x-ms-connector-metadata.',
    description:
      'Each entry is `{propertyName, propertyValue}` with string values, and the names Website, Privacy policy and Categories are required, spelled exactly (SVR: ConnectorMetadataPropertiesMissing; PR #4077). "Privacy policy" was added later: 77 merged connectors lack it or spell it "Privacy Policy", so for it this is a warning.',
    levels: certificationLevels('error', 'off'),
    msCode: 'ConnectorMetadataPropertiesMissing',
    msMessage: "The connector metadata property '{0}' is required.",
    example: {
      placement: 'connectorMetadata',
      bad: '{ "propertyName": "Privacy Policy", "propertyValue": "https://contoso.com/privacy" }',
      good: '{ "propertyName": "Privacy policy", "propertyValue": "https://contoso.com/privacy" }',
    },
    check(context) {
      const list = asArray(context.swagger?.root['x-ms-connector-metadata']);
      if (!list) return;
      list.forEach((entry, index) => {
        if (!isObject(entry)) {
          context.report({
            pointer: childPointer(METADATA_POINTER, index),
            message: 'Each connector metadata entry must be an object with propertyName and propertyValue.',
          });
          return;
        }
        for (const key of ['propertyName', 'propertyValue']) {
          if (typeof entry[key] !== 'string')
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
        if (names.some((entry) => entry.name === required)) continue;
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
  },
  {
    id: 'SWG-META-CATEGORY',
    file: 'swagger',
    title: 'Use only the listed connector categories, spelled exactly.',
    description:
      'Categories is a semicolon-separated list of values from a fixed, case-sensitive list (SVR: InvalidConnectorCategory; CERT 3b; PR #570, #1260, #4077). Beyond Microsoft: a category in the wrong case gets a "did you mean" (`website`, `Social media` are in merged connectors).',
    levels: certificationLevels('error', 'off'),
    msCode: 'InvalidConnectorCategory',
    msMessage: 'The connector category is invalid. Available categories are: [{0}].',
    example: {
      placement: 'connectorMetadata',
      bad: '{ "propertyName": "Categories", "propertyValue": "Social media;Tasks" }',
      good: '{ "propertyName": "Categories", "propertyValue": "Social Media;Productivity" }',
    },
    check(context) {
      for (const entry of metadataEntries(context)) {
        if (entry.name !== 'Categories' || typeof entry.value !== 'string') continue;
        for (const raw of entry.value.split(';')) {
          const category = raw.trim();
          if (category === '' || CONNECTOR_CATEGORIES.includes(category)) continue;
          const meant = CATEGORY_BY_LOWER.get(category.toLowerCase());
          context.report({
            pointer: entryPointer(entry, 'propertyValue'),
            message: meant
              ? `The connector category is invalid. '${nameExcerpt(category)}' must be spelled '${meant}'.`
              : `The connector category is invalid. Available categories are: [${CONNECTOR_CATEGORIES.join(', ')}]. '${nameExcerpt(category)}' is not one of them.`,
          });
        }
      }
    },
  },
  {
    id: 'SWG-META-CATEGORY-MAX',
    file: 'swagger',
    title: 'Choose at most two categories.',
    description: 'A connector can have at most two categories (SVR: TooManyConnectorCategories; CERT).',
    levels: certificationLevels('error', 'off'),
    msCode: 'TooManyConnectorCategories',
    msMessage: "The maximum allowed number of categories for the connector is '{0}'.",
    example: {
      placement: 'connectorMetadata',
      bad: '{ "propertyName": "Categories", "propertyValue": "AI;Data;Productivity" }',
    },
    check(context) {
      for (const entry of metadataEntries(context)) {
        if (entry.name !== 'Categories' || typeof entry.value !== 'string') continue;
        const count = entry.value.split(';').filter((category) => category.trim() !== '').length;
        if (count <= MAX_CATEGORIES) continue;
        context.report({
          pointer: entryPointer(entry, 'propertyValue'),
          message: `The maximum allowed number of categories for the connector is '${MAX_CATEGORIES}'.`,
        });
      }
    },
  },
  {
    id: 'SWG-META-URL',
    file: 'swagger',
    title: 'Give absolute http(s) URLs for Website, Privacy policy and contact or docs links.',
    description:
      'Website and Privacy policy "should be a URL" (CERT), and `url` properties must be absolute URLs (SVR: UrlNotValid). Merged connectors show `www.in-d.ai`, `hhttps://…`, `htpts://…` and `Not Available`.',
    levels: certificationLevels('error'),
    msCode: 'UrlNotValid',
    msMessage: "The 'url' property must be a valid absolute URL.",
    example: {
      placement: 'connectorMetadata',
      bad: '{ "propertyName": "Website", "propertyValue": "www.contoso.com" }',
      good: '{ "propertyName": "Website", "propertyValue": "https://www.contoso.com" }',
    },
    check(context) {
      if (!context.swagger) return;
      for (const entry of metadataEntries(context)) {
        if (entry.name !== 'Website' && entry.name !== 'Privacy policy') continue;
        if (typeof entry.value !== 'string' || isAbsoluteHttpUrl(entry.value)) continue;
        context.report({
          pointer: entryPointer(entry, 'propertyValue'),
          message: `The '${entry.name}' value ${quoted(entry.value)} must be a valid absolute URL (https://…).`,
        });
      }
      // The three kinds' lists, not every node: findings are sorted by place afterwards.
      for (const nodes of nodesOfKinds(structureOf(context.swagger), URL_KINDS)) {
        for (const node of nodes) {
          const url = asString(node.value.url);
          if (url === undefined || isAbsoluteHttpUrl(url)) continue;
          context.report({
            pointer: childPointer(node.pointer, 'url'),
            message: "The 'url' property must be a valid absolute URL.",
          });
        }
      }
    },
  },
  {
    id: 'SWG-API-STATUS',
    file: 'swagger',
    title: 'Use Preview or Production as status, and no operation ahead of the connector.',
    description:
      '`x-ms-api-annotation.status` is "Preview" or "Production" (schema; case-sensitive: ten merged connectors use "production", which the schema rejects), and an operation cannot be in Production while the connector is in Preview (SVR: OperationStatusAheadOfConnector; VER).',
    levels: certificationLevels('error'),
    msCode: 'OperationStatusAheadOfConnector',
    msMessage: "The operation '{0}' cannot be in a Production status ahead of the connector.",
    example: {
      bad: '{ "info": { "x-ms-api-annotation": { "status": "production" } } }',
      good: '{ "info": { "x-ms-api-annotation": { "status": "Production" } } }',
    },
    check(context) {
      if (!context.swagger) return;
      const checkStatus = (holder: unknown, pointer: string): string | undefined => {
        const status = asObject(holder)?.status;
        if (status === undefined) return undefined;
        if (status === 'Preview' || status === 'Production') return status;
        const meant =
          typeof status === 'string'
            ? ['Preview', 'Production'].find((s) => s.toLowerCase() === status.toLowerCase())
            : undefined;
        context.report({
          pointer: childPointer(pointer, 'status'),
          message: `The property value must be one of the following: Preview, Production.${meant ? ` Did you mean '${meant}'?` : ''}`,
        });
        return meant;
      };
      const apiStatus = checkStatus(
        asObject(context.swagger.root.info)?.['x-ms-api-annotation'],
        '/info/x-ms-api-annotation',
      );
      for (const operation of context.swagger.operations) {
        if ((operation.keys & OperationKey.annotation) === 0) continue;
        const annotation = operation.operation['x-ms-api-annotation'];
        // Nothing to check or report: no pointer. Building every operation's cost ~2.9 MB a corpus run.
        if (asObject(annotation)?.status === undefined) continue;
        const at = childPointer(operation.pointer, 'x-ms-api-annotation');
        const status = checkStatus(annotation, at);
        if (status === 'Production' && apiStatus === 'Preview') {
          context.report({
            pointer: childPointer(at, 'status'),
            message: `The operation '${nameExcerpt(operation.operationId ?? operation.pointer)}' cannot be in a Production status ahead of the connector.`,
          });
        }
      }
    },
  },
];
