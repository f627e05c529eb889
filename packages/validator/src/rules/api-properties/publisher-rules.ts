import { childPointer } from '../../json/pointer.js';
import type { Profile } from '../../model/finding.js';
import type { RuleDefinition } from '../../model/rule.js';
import { has } from '../../swagger/json-values.js';
import { propertiesOf } from './connection-parameters.js';
import { nameExcerpt } from '../../text/message-values.js';

/**
 * Text of the repository templates' apiProperties.json, which must be replaced: "Name of company or
 * organization." (certified publisher; inside the independent-publisher template's "Full name or
 * name of company or organization." and "Name of company or organization that connector is
 * connecting to.") and "Name of the owner of the service or product." (certified stackOwner).
 */
const TEMPLATE_TEXTS = [
  'name of company or organization',
  'name of the owner of the service or product',
  "publisher's name",
];

const PUBLISHER_ADVICE: Record<Profile, Record<'publisher' | 'stackOwner', string>> = {
  certified: {
    publisher: 'the company or organization that publishes the connector',
    stackOwner: 'the company that owns the service, usually the publisher',
  },
  'independent-publisher': {
    publisher: 'your first and last name (comma-separated for several people)',
    stackOwner: 'the company that owns the service',
  },
  custom: { publisher: 'the publisher', stackOwner: 'the owner of the service' },
};

export const apiPropertiesPublisherRules: RuleDefinition[] = [
  {
    id: 'PROP-PUBLISHER',
    file: 'apiProperties',
    title: 'Set `publisher` and `stackOwner`.',
    description:
      'Certified and independent-publisher connectors name their publisher and the owner of the service (certification step 3a; reviewers: "Please add the \'stackOwner\' property", PR #2459). Legacy certified connectors often lack them (54 without publisher, 72 without stackOwner), hence a warning there. Not checked for custom connectors: paconn create/update fail when stackOwner is present (PR #754).',
    levels: { certified: 'warning', 'independent-publisher': 'error', custom: 'off' },
    example: {
      goodPlacement: 'apiProperties',
      bad: '"properties": { "iconBrandColor": "#da3b01" }',
      good: '"publisher": "Jane Doe", "stackOwner": "Contoso Ltd"',
    },
    check(context) {
      const properties = propertiesOf(context.apiProperties);
      if (!properties) return;
      for (const key of ['publisher', 'stackOwner'] as const) {
        const value = properties[key];
        const present = has(properties, key) && typeof value === 'string' && value.trim() !== '';
        if (present) continue;
        context.report({
          pointer: childPointer('/properties', key),
          message: `Please add the '${key}' property: ${PUBLISHER_ADVICE[context.profile][key]}.`,
        });
      }
    },
  },
  {
    id: 'PROP-PUBLISHER-TEMPLATE',
    file: 'apiProperties',
    title: 'Replace the template text of `publisher` and `stackOwner`.',
    description:
      'The repository templates ship "Name of company or organization." (certified) or "Full name or name of company or organization." (independent publisher) as publisher, and "Name of the owner of the service or product." or "Name of company or organization that connector is connecting to." as stackOwner; left in place they end up on the connector page.',
    levels: { certified: 'error', 'independent-publisher': 'error', custom: 'warning' },
    example: {
      placement: 'apiProperties',
      bad: '"publisher": "Full name or name of company or organization."',
      good: '"publisher": "Contoso Ltd"',
    },
    check(context) {
      const properties = propertiesOf(context.apiProperties);
      if (!properties) return;
      for (const key of ['publisher', 'stackOwner']) {
        const value = properties[key];
        if (typeof value !== 'string') continue;
        const lower = value.toLowerCase();
        if (TEMPLATE_TEXTS.some((text) => lower.includes(text))) {
          context.report({
            pointer: childPointer('/properties', key),
            message: `The ${key} "${nameExcerpt(value)}" is the template's text; replace it with the real name.`,
          });
        }
      }
    },
  },
  {
    id: 'PROP-PUBLISHER-OWNER',
    file: 'apiProperties',
    title: 'In an independent-publisher connector, `publisher` is you, not the owner of the service.',
    description:
      "In independent-publisher-connectors, `publisher` names the person (or company) who built the connector and `stackOwner` the company that owns the service; the same name in both suggests the service's owner publishes it, whose connector belongs in certified-connectors. 1 of the corpus's 133 independent-publisher connectors has them equal (SureXeroLite). Names are compared ignoring case and spaces.",
    levels: { certified: 'off', 'independent-publisher': 'warning', custom: 'off' },
    example: {
      placement: 'apiProperties',
      bad: '"publisher": "Contoso Ltd", "stackOwner": "Contoso Ltd"',
      good: '"publisher": "Jane Doe", "stackOwner": "Contoso Ltd"',
    },
    check(context) {
      const properties = propertiesOf(context.apiProperties);
      const publisher = properties?.publisher;
      const stackOwner = properties?.stackOwner;
      if (typeof publisher !== 'string' || typeof stackOwner !== 'string') return;
      const key = (name: string): string => name.replace(/\s+/g, '').toLowerCase();
      if (key(publisher) === '' || key(publisher) !== key(stackOwner)) return;
      context.report({
        pointer: '/properties/publisher',
        message: `The publisher "${nameExcerpt(publisher)}" is also the stackOwner. In independent-publisher-connectors, publisher is you (your name, or your company) and stackOwner the company that owns the service. If you own the service, the connector belongs in certified-connectors.`,
      });
    },
  },
];
