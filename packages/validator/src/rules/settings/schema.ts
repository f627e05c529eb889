/**
 * Our schema for settings.json (paconn's settings file), from `schemas/paconn-settings.schema.json`
 * (catalog §1.15), with `script` added (paconn reads and writes it) and the environment pattern left
 * to SET-ENV. paconn also reads clientId, tenant, authorityUrl and resource.
 */
export const SETTINGS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    connectorId: { type: 'string' },
    environment: { type: 'string' },
    apiProperties: { type: 'string' },
    apiDefinition: { type: 'string' },
    icon: { type: 'string' },
    script: { type: 'string' },
    powerAppsUrl: { type: 'string', format: 'uri' },
    powerAppsApiVersion: { type: 'string', enum: ['2016-11-01'] },
    flowUrl: { type: 'string', format: 'uri' },
    flowApiVersion: { type: 'string', enum: ['2016-11-01'] },
    clientId: { type: 'string' },
    tenant: { type: 'string' },
    authorityUrl: { type: 'string' },
    resource: { type: 'string' },
  },
} as const;

/** An environment id; default environments are written `Default-<guid>` (schema pattern fixed for them). */
export const ENVIRONMENT_ID = /^(?:Default-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
