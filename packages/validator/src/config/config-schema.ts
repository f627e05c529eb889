import { PROFILES } from '../model/finding.js';

export const LEVELS = ['error', 'warning', 'info', 'off'] as const;

/** Rule levels by rule id, at the top of the file and in each override. */
const RULES_SCHEMA = {
  type: 'object',
  additionalProperties: {
    if: { type: 'string' },
    then: { $ref: '#/definitions/level' },
    else: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: Object.fromEntries(PROFILES.map((profile) => [profile, { $ref: '#/definitions/level' }])),
    },
  },
} as const;

/** Glob patterns of connector folders, relative to the configuration file's folder. */
const PATTERNS_SCHEMA = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

/**
 * The JSON schema (draft-07) of `.connector-alm.yml`. Rule ids are checked separately against the
 * known rules, so that a typo gets a suggestion.
 */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'connector-alm configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    profile: {
      description: 'The profile of connector folders outside the PowerPlatformConnectors layout.',
      enum: [...PROFILES],
    },
    rules: {
      description: 'Rule levels by rule id: one level for every profile, or a level per profile.',
      ...RULES_SCHEMA,
    },
    ignore: {
      description: 'Glob patterns, relative to this file, of connector folders to skip.',
      ...PATTERNS_SCHEMA,
    },
    overrides: {
      description:
        'Settings of the connector folders that glob patterns match (relative to this file); later entries win.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        // files and what it changes: an entry of files alone changes nothing, a slip.
        minProperties: 2,
        properties: {
          files: { ...PATTERNS_SCHEMA, minItems: 1 },
          profile: { enum: [...PROFILES] },
          rules: RULES_SCHEMA,
        },
      },
    },
  },
  definitions: {
    level: { enum: [...LEVELS] },
  },
} as const;
