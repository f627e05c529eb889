import { PROFILES } from '../model/finding.js';

export const LEVELS = ['error', 'warning', 'info', 'off'] as const;

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
      type: 'object',
      additionalProperties: {
        if: { type: 'string' },
        then: { $ref: '#/definitions/level' },
        else: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: Object.fromEntries(
            PROFILES.map((profile) => [profile, { $ref: '#/definitions/level' }]),
          ),
        },
      },
    },
    ignore: {
      description: 'Glob patterns, relative to this file, of connector folders to skip.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
  },
  definitions: {
    level: { enum: [...LEVELS] },
  },
} as const;
