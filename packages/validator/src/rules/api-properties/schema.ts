/**
 * Our JSON schema for apiProperties.json, written from the description of Microsoft's published
 * `schemas/paconn-apiProperties.schema.json` (catalog §3.1) with the fixes that merged connectors
 * need: `scriptOperations`, `script`, `connectionParameterSets` and `isCustomApi` are allowed under
 * `properties`, `redirectMode` accepts `GlobalPerConnector` (PR #3097), `constraints.hidden` is a
 * boolean or a string (PR #1421), `DocuSign` is an identity provider, and policy templates are
 * checked by code (case-insensitive ids, templates missing from the published schema) rather than here.
 *
 * Values whose rules have corpus nuances (identity providers' custom parameters, `IsFirstParty`,
 * `token:TenantId`'s exact shape, brand colour) are left open here and checked by the PROP-* rules.
 */

export const IDENTITY_PROVIDERS = [
  'oauth2',
  'oauth2generic',
  'aad',
  'aadcertificate',
  'facebook',
  'DocuSign',
];
export const REDIRECT_MODES = ['Global', 'GlobalPerConnector', 'Direct'];
export const CONNECTION_PARAMETER_TYPES = [
  'string',
  'securestring',
  'int',
  'bool',
  'gatewaySetting',
  'oauthSetting',
];

/** `name`, `name:sub`, or exactly `token:TenantId` (the one claim whose sub-name may be TenantId). */
export const CONNECTION_PARAMETER_NAME = '^(?:[0-9a-zA-Z_]+(?::(?!TenantId$)[0-9a-zA-Z_]+)?|token:TenantId)$';

const nullableString = { type: ['string', 'null'] };

const uiDefinition = {
  type: 'object',
  properties: {
    displayName: { type: 'string' },
    description: { type: 'string' },
    tooltip: { type: 'string' },
    tabIndex: { type: 'integer' },
    constraints: {
      type: 'object',
      properties: {
        clearText: { type: 'boolean' },
        // The schema says the string "true"/"false"; eight merged certified files use a boolean.
        required: { type: ['string', 'boolean'] },
        tabIndex: { type: 'integer' },
        capability: { type: 'array', items: { type: 'string' } },
        hidden: { type: ['boolean', 'string'] },
        allowedValues: {
          type: 'array',
          items: { type: 'object', properties: { text: { type: 'string' } } },
        },
        dependencies: { type: 'object' },
      },
    },
  },
};

const oAuthSettings = {
  type: 'object',
  required: ['identityProvider'],
  properties: {
    identityProvider: { type: 'string', enum: IDENTITY_PROVIDERS },
    clientId: nullableString,
    clientSecret: nullableString,
    scopes: { type: 'array', items: { type: 'string' } },
    redirectMode: { type: 'string', enum: REDIRECT_MODES },
    redirectUrl: { type: 'string', format: 'uri' },
    properties: { type: 'object' },
    customParameters: { type: 'object' },
  },
};

const connectionParameter = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { type: 'string', enum: CONNECTION_PARAMETER_TYPES },
    uiDefinition,
    oAuthSettings,
    allowedValues: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          uiDefinition: {
            type: 'object',
            properties: { displayName: { type: 'string' }, description: { type: 'string' } },
          },
        },
      },
    },
    metadata: { type: 'object' },
  },
  if: { properties: { type: { const: 'oauthSetting' } }, required: ['type'] },
  then: { required: ['oAuthSettings'] },
};

const connectionParameters = {
  type: 'object',
  propertyNames: { pattern: CONNECTION_PARAMETER_NAME },
  additionalProperties: connectionParameter,
};

const policyTemplateInstance = {
  type: 'object',
  required: ['templateId', 'parameters'],
  properties: {
    templateId: { type: 'string' },
    title: { type: 'string' },
    parameters: { type: 'object' },
  },
};

export const API_PROPERTIES_SCHEMA = {
  type: 'object',
  required: ['properties'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    properties: {
      type: 'object',
      required: ['iconBrandColor'],
      additionalProperties: false,
      properties: {
        iconBrandColor: { type: 'string' },
        publisher: { type: 'string' },
        stackOwner: { type: 'string' },
        capabilities: { type: 'array', items: { type: 'string' } },
        connectionParameters,
        connectionParameterSets: {
          type: 'object',
          properties: {
            uiDefinition,
            values: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name', 'parameters'],
                properties: { name: { type: 'string' }, uiDefinition, parameters: connectionParameters },
              },
            },
          },
        },
        policyTemplateInstances: { type: 'array', items: policyTemplateInstance },
        scriptOperations: { type: 'array', items: { type: 'string' } },
        isCustomApi: { type: 'boolean' },
        // Written by newer tooling instead of scriptOperations (2 merged certified connectors).
        script: {
          type: 'object',
          properties: {
            language: { type: 'string' },
            operationIds: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;
