import { asObject, type ConnectorVersion } from '@connector-alm/validator';

/** The fields of apiProperties.json's `properties` that say whose connector it is. */
const OWNER_FIELDS = ['publisher', 'stackOwner'] as const;

/** How long a value is quoted: a name, not a document. */
const MAX_SHOWN = 100;

/**
 * A warning when an update changes who the upstream's connector says publishes or owns it
 * (apiProperties.json's `publisher` or `stackOwner`): the connector may be someone else's, and its
 * reviewers will ask. A value the upstream version does not have (a certified connector has no
 * publisher) is no change of owner. Undefined when neither changes.
 */
export function ownerChangeWarning(
  upstream: ConnectorVersion,
  local: ConnectorVersion,
  words: { connector: string; upstream: string },
): string | undefined {
  const before = propertiesOf(upstream);
  const after = propertiesOf(local);
  const changed = OWNER_FIELDS.filter(
    (field) => typeof before[field] === 'string' && before[field] !== after[field],
  );
  if (changed.length === 0) return undefined;
  const what = changed
    .map(
      (field) =>
        `${field} from ${shown(before[field])} to ${after[field] === undefined ? 'none' : shown(after[field])}`,
    )
    .join(' and ');
  return `${words.connector} changes apiProperties.json's ${what}, as ${words.upstream} has the connector: is it someone else's? Its reviewers will ask; keep the upstream's values unless you are taking the connector over.`;
}

function propertiesOf(version: ConnectorVersion): Record<string, unknown> {
  return asObject(asObject(version.apiProperties?.value)?.properties) ?? {};
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `"${text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text}"`;
}
