import { nameExcerpt } from '../../text/message-values.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import { valueWrite } from '../value-write-advice.js';
import { entryPointer, metadataEntries } from './connector-metadata-entries.js';

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

export const connectorCategoryRule: RuleDefinition = {
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
  namesFixes: 'valueWrites',
  check(context) {
    for (const entry of metadataEntries(context)) {
      if (entry.name !== 'Categories' || typeof entry.value !== 'string') continue;
      // The list with each category in the wrong case spelled right, the rest as written: what every
      // such category's finding names, so that --fix writes it once for all of them.
      let respelled: string | undefined;
      for (const raw of entry.value.split(';')) {
        const category = raw.trim();
        if (category === '' || CONNECTOR_CATEGORIES.includes(category)) continue;
        const meant = CATEGORY_BY_LOWER.get(category.toLowerCase());
        context.report({
          pointer: entryPointer(entry, 'propertyValue'),
          message: meant
            ? `The connector category is invalid. '${nameExcerpt(category)}' must be spelled '${meant}'.`
            : `The connector category is invalid. Available categories are: [${CONNECTOR_CATEGORIES.join(', ')}]. '${nameExcerpt(category)}' is not one of them.`,
          ...(meant
            ? valueWrite(context, 'swagger', (respelled ??= withCategoriesRespelled(entry.value)))
            : {}),
        });
      }
    }
  },
};

/** `Website; social media` as `Website; Social Media`: spacing and unknown categories as written. */
function withCategoriesRespelled(list: string): string {
  return list
    .split(';')
    .map((raw) => {
      const category = raw.trim();
      const meant = CATEGORY_BY_LOWER.get(category.toLowerCase());
      return meant === undefined || category === '' ? raw : raw.replace(category, meant);
    })
    .join(';');
}

export const maxCategoriesRule: RuleDefinition = {
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
};
