import { describe, expect, it } from '@jest/globals';
import {
  ANY_SECRET_FORMAT,
  MAYBE_SECRET,
  SECRET_ASSIGNMENT,
  SECRET_FORMATS,
} from '../../src/rules/general-secrets/patterns.js';

// Built from pieces so that no secret-shaped literal is committed.
const ALNUM = 'a1B2c3D4e5'.repeat(8);
const UPPER = 'Z7Q2M4X9R1T8B3N6';

/** One text per secret format, each matched by its exact pattern. */
const FORMAT_SAMPLES = [
  `key: AKIA${UPPER}`,
  `"token": "ASIA${UPPER}"`,
  `ghp_${ALNUM.slice(0, 36)}`,
  `github_pat_${ALNUM.slice(0, 60)}`,
  `xoxb-${ALNUM.slice(0, 12)}`,
  `AIza${ALNUM.slice(0, 35)}`,
  `sk_live_${ALNUM.slice(0, 24)}`,
  `rk_live_${ALNUM.slice(0, 24)}`,
  `"sk-${ALNUM.slice(0, 40)}"`,
  `sk-proj-${ALNUM.slice(0, 40)}`,
  '-----BEGIN RSA PRIVATE KEY-----',
  '-----BEGIN PRIVATE KEY-----',
  `DefaultEndpointsProtocol=https;AccountKey=${ALNUM.slice(0, 40)}==`,
  `https://a.blob.core.windows.net/c?sv=2020&sig=${ALNUM.slice(0, 30)}`,
  `Bearer eyJ${ALNUM.slice(0, 10)}.eyJ${ALNUM.slice(0, 10)}.${ALNUM.slice(0, 20)}`,
];

/** Secret-named assignments in the spellings, cases and spacings files use. */
const ASSIGNMENT_SAMPLES = [
  `"api_key": "${ALNUM.slice(0, 32)}"`,
  `"apiKey" : '${ALNUM.slice(0, 32)}'`,
  `var ApiKey = "${ALNUM.slice(0, 32)}";`,
  `"CLIENT_SECRET":\n  "${ALNUM.slice(0, 32)}"`,
  `clientSecret='${ALNUM.slice(0, 32)}'`,
  `"access_token":"${ALNUM.slice(0, 32)}"`,
  `AuthToken = "${ALNUM.slice(0, 32)}"`,
  `refresh_token: "${ALNUM.slice(0, 32)}"`,
  `SECRET_KEY="${ALNUM.slice(0, 32)}"`,
  `"Password": "${ALNUM.slice(0, 32)}"`,
  `passwd = '${ALNUM.slice(0, 32)}'`,
  `PWD:\t"${ALNUM.slice(0, 32)}"`,
];

describe('MAYBE_SECRET', () => {
  it('passes every text that a secret format matches', () => {
    for (const text of FORMAT_SAMPLES) {
      expect({ text, exact: SECRET_FORMATS.some(({ pattern }) => new RegExp(pattern).test(text)) }).toEqual({
        text,
        exact: true,
      });
      expect({ text, any: ANY_SECRET_FORMAT.test(text), maybe: MAYBE_SECRET.test(text) }).toEqual({
        text,
        any: true,
        maybe: true,
      });
    }
  });

  it('passes every text that a secret-named assignment matches', () => {
    for (const text of ASSIGNMENT_SAMPLES) {
      const exact = new RegExp(SECRET_ASSIGNMENT).test(text);
      expect({ text, exact, maybe: MAYBE_SECRET.test(text) }).toEqual({ text, exact: true, maybe: true });
    }
  });

  it('refuses ordinary swagger text', () => {
    const text = JSON.stringify(
      {
        swagger: '2.0',
        info: { title: 'Tasks', description: 'Manage the tasks of a project.' },
        paths: { '/tasks': { get: { summary: 'List tasks', operationId: 'ListTasks' } } },
        securityDefinitions: { api_key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
      },
      null,
      2,
    );
    expect(MAYBE_SECRET.test(text)).toBe(false);
  });
});
