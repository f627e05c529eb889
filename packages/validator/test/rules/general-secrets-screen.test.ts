import { describe, expect, it } from '@jest/globals';
import {
  SECRET_ASSIGNMENT,
  SECRET_FORMATS,
  SECRET_NAMES,
  secretFormatMatches,
} from '../../src/rules/general-secrets/patterns.js';
import { screenForSecrets } from '../../src/rules/general-secrets/screen.js';
import { findColons } from '../../src/json/colons.js';
import { findUrlCredentials } from '../../src/rules/general-secrets/url-credentials.js';
import { randomText, withEdits } from '@connector-alm/testing';
import { seededPick } from '../helpers/seeded-random.js';

/** The screen given the text's colons, as GEN-SECRETS gives them. */
const screen = (text: string): ReturnType<typeof screenForSecrets> =>
  screenForSecrets(text, findColons(text).afterSecretName);

// Built from pieces so that no secret-shaped literal is committed.
const ALNUM = 'a1B2c3D4e5'.repeat(8);
const UPPER = 'Z7Q2M4X9R1T8B3N6';
const VALUE = ALNUM.slice(0, 32);

/** One text per secret format and per anchor the screen checks, each matched by its exact pattern. */
const FORMAT_SAMPLES = [
  `key: AKIA${UPPER}`,
  `"token": "ASIA${UPPER}"`,
  `ghp_${ALNUM.slice(0, 36)}`,
  `gho_${ALNUM.slice(0, 36)}`,
  `ghu_${ALNUM.slice(0, 36)}`,
  `ghs_${ALNUM.slice(0, 36)}`,
  `ghr_${ALNUM.slice(0, 36)}`,
  `github_pat_${ALNUM.slice(0, 60)}`,
  `xoxa-${ALNUM.slice(0, 12)}`,
  `xoxb-${ALNUM.slice(0, 12)}`,
  `xoxp-${ALNUM.slice(0, 12)}`,
  `xoxr-${ALNUM.slice(0, 12)}`,
  `xoxs-${ALNUM.slice(0, 12)}`,
  `AIza${ALNUM.slice(0, 35)}`,
  `sk_live_${ALNUM.slice(0, 24)}`,
  `rk_live_${ALNUM.slice(0, 24)}`,
  `"sk-${ALNUM.slice(0, 40)}"`,
  `sk-proj-${ALNUM.slice(0, 40)}`,
  `sk-${'-_'.repeat(20)}`,
  '-----BEGIN RSA PRIVATE KEY-----',
  '-----BEGIN PRIVATE KEY-----',
  `DefaultEndpointsProtocol=https;AccountKey=${ALNUM.slice(0, 40)}==`,
  `https://a.blob.core.windows.net/c?sv=2020&sig=${ALNUM.slice(0, 30)}`,
  `sig=${'%'.repeat(30)}`,
  `Bearer eyJ${ALNUM.slice(0, 10)}.eyJ${ALNUM.slice(0, 10)}.${ALNUM.slice(0, 20)}`,
];

/** Every name of SECRET_ASSIGNMENT, with and without its underscore. */
const SECRET_KEYS = [...new Set(SECRET_NAMES.flatMap((words) => [words.join('_'), words.join('')]))];

/** The name in every case the `i` flag allows: lower, upper, capitalised, alternating both ways. */
function caseVariants(name: string): string[] {
  const alternate = (upperFirst: number) =>
    [...name].map((char, index) => (index % 2 === upperFirst ? char.toUpperCase() : char)).join('');
  return [name, name.toUpperCase(), name[0]!.toUpperCase() + name.slice(1), alternate(0), alternate(1)];
}

/** Every `\s` character, and none else. */
const REGEXP_SPACES = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((char) =>
  /\s/.test(char),
);

/** The ways a name can meet its separator and value: quotes, spaces of every kind, `:` and `=`. */
const JOINS = [
  '":"',
  '" : "',
  '":\n  "',
  "'='",
  ' = "',
  ':\t"',
  `"${'\u00a0'}:${'\u3000'}'`,
  ...REGEXP_SPACES.map((space) => `'${space}${space}=${space}"`),
];

function isExactAssignment(text: string): boolean {
  return new RegExp(SECRET_ASSIGNMENT).test(text);
}

/** A swagger-like text around `inner`, so that no anchor of the sample sits at an edge. */
function embedded(inner: string): string {
  return `{\n  "swagger": "2.0",\n  "info": { "description": "Manage tasks: ${inner.replace(/["\\\n]/g, ' ')} and more." }\n}`;
}

describe('screenForSecrets', () => {
  it('passes every text that a secret format matches, alone, at either edge and inside a document', () => {
    for (const sample of FORMAT_SAMPLES) {
      for (const text of [sample, `${sample} `, ` x ${sample}`, embedded(sample)]) {
        expect({ text, exact: SECRET_FORMATS.some(({ pattern }) => new RegExp(pattern).test(text)) }).toEqual(
          {
            text,
            exact: true,
          },
        );
        expect({ text, formats: screen(text)?.formats }).toEqual({ text, formats: true });
      }
    }
  });

  it('passes every text that a secret-named assignment matches: every name, case, quote, space and separator', () => {
    let checked = 0;
    for (const name of SECRET_KEYS) {
      for (const spelled of caseVariants(name)) {
        for (const join of JOINS) {
          const written = `${spelled}${join}${VALUE}${join.endsWith("'") ? "'" : '"'}`;
          for (const text of [written, `{"a": 1, ${written}}`, `var x = 1;\n${written};\n`]) {
            if (!isExactAssignment(text)) continue;
            checked++;
            expect({ text, assignments: screen(text)?.assignments }).toEqual({
              text,
              assignments: true,
            });
          }
        }
      }
    }
    // Most combinations are exact matches: the loop above did test the screen.
    expect(checked).toBeGreaterThan(SECRET_KEYS.length * 5 * JOINS.length * 2);
  });

  it("folds case as SECRET_ASSIGNMENT's flags do: each letter of a name matches only itself and its ASCII other case", () => {
    // With the `u` flag, `k` would also match the Kelvin sign and `s` the long s, which the screen's
    // `| 0x20` does not fold: the screen would then wrongly skip such a text.
    const flags = SECRET_ASSIGNMENT.flags.replace('g', '');
    for (const letter of new Set(SECRET_KEYS.join('').replace(/_/g, ''))) {
      const pattern = new RegExp(`^${letter}$`, flags);
      const matching = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter(
        (char) => pattern.test(char),
      );
      expect({ letter, matching }).toEqual({ letter, matching: [letter.toUpperCase(), letter] });
    }
  });

  it('refuses ordinary swagger text and near misses', () => {
    const swagger = JSON.stringify(
      {
        swagger: '2.0',
        info: { title: 'Tasks', description: 'Manage the tasks of a project: create, list; key: none.' },
        paths: {
          '/tasks': {
            get: { summary: 'List tasks', operationId: 'ListTasks', 'x-ms-visibility': 'important' },
          },
        },
        securityDefinitions: { api_key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
        parameters: { task: { name: 'task-id', 'x-ms-summary': 'Task', default: 'a=b' } },
      },
      null,
      2,
    );
    const nearMisses = [
      swagger,
      `"password": "short"`,
      `"passwords": "${VALUE}"`,
      `"keyName": "${VALUE}"`,
      `"task-${ALNUM.slice(0, 39)}"`,
      `sig=${ALNUM.slice(0, 29)}`,
      `eyJ${ALNUM.slice(0, 9)}`,
      'ghx_ AKIB ASIB AIz xoxc- sk_live BEGINS',
    ];
    for (const text of nearMisses)
      expect({ text, screen: screen(text) }).toEqual({ text, screen: undefined });
  });

  it('tells formats and assignments apart, so that each exact scan runs only where it can match', () => {
    expect(screen(`AKIA${UPPER}`)).toEqual({ formats: true, assignments: false, urls: false });
    expect(screen(`"pwd": "${VALUE}"`)).toEqual({ formats: false, assignments: true, urls: false });
    expect(screen(`AccountKey=${ALNUM.slice(0, 40)}; password='${VALUE}'`)).toEqual({
      formats: true,
      assignments: true,
      urls: false,
    });
    expect(screen(`https://a.example.com/?token=${VALUE}`)).toEqual({
      formats: false,
      assignments: false,
      urls: true,
    });
  });

  it('passes every text in which findUrlCredentials finds a credential, and refuses URLs without one', () => {
    const found = [
      `https://a.example.com/v1?api_key=${VALUE}`,
      `https://a.example.com/v1?a=1&amp;Access-Token=${VALUE}`,
      `"https:\\/\\/a.example.com\\/v1?key=${VALUE}"`,
      `https://fn.azurewebsites.net/api/x?code=${VALUE}`,
      `"https:\\/\\/fn.azurewebsites.net\\/api\\/x?code=${VALUE}"`,
      `"https://a.example.com/v1?format=json\\u0026api_key=${VALUE}\\u0026limit=5"`,
      `https://svc:${VALUE}@a.example.com/`,
      `"url": "https:\\/\\/svc:${VALUE}@a.example.com"`,
    ];
    // embedded() blanks quotes and backslashes: the JSON-escaped samples stand alone.
    for (const text of [...found, ...found.filter((url) => !url.includes('\\')).map(embedded)]) {
      expect({ text, exact: findUrlCredentials(text, { fileLinks: false }).length }).toEqual({
        text,
        exact: 1,
      });
      expect({ text, urls: screen(text)?.urls }).toEqual({ text, urls: true });
    }
    const nearMisses = [
      `https://a.example.com/v1?skiptoken=${VALUE}`,
      `https://a.example.com/v1?code=${VALUE}`,
      `api_key=${VALUE}`,
      'write to support@contoso.com or https://contoso.com/help',
      // A URL, then a key's colon, then an e-mail address: no user information between them.
      '{ "url": "https://contoso.com", "email": "support@contoso.com" }',
      `https://contoso.com/a/svc:${VALUE}@host`,
    ];
    for (const text of nearMisses)
      expect({ text, screen: screen(text) }).toEqual({ text, screen: undefined });
  });
});

/**
 * Pieces that make or almost make a secret when spliced into text: each format's anchor and body,
 * secret names, separators, quotes and URL parts. Built from pieces, as above.
 */
const SPLICED = [
  ...FORMAT_SAMPLES,
  ...SECRET_KEYS,
  // Assignments and URLs whole (a value of the shortest length matched), and their beginnings.
  ...SECRET_KEYS.map((key) => `"${key}": "${VALUE.slice(0, 8)}"`),
  ...SECRET_KEYS.map((key) => `${key}='`),
  `https://a.example.com/v1?api_key=${VALUE}`,
  `https://svc:${VALUE}@a.example.com/`,
  '?access_token=',
  'AKIA',
  'ASIA',
  'AIza',
  'ghp_',
  'github_pat_',
  'xoxb-',
  'sk_live_',
  'sk-',
  'sk-proj-',
  '-----BEGIN ',
  'PRIVATE KEY-----',
  'AccountKey=',
  'sig=',
  'eyJ',
  '.eyJ',
  UPPER,
  ALNUM,
  VALUE,
  '%'.repeat(12),
  '-_'.repeat(8),
  '"',
  "'",
  ':',
  '=',
  ' ',
  '\n',
  '_',
  '-',
  '.',
  '@',
  '://',
  '?',
  '&',
  'https://svc:',
  '?api_key=',
  '?code=',
  '.azurewebsites.net/api/x',
  '\\/',
  '\\u0026',
];

/** The characters secret bodies are made of, and a few that end them. */
const TOKEN_CHARACTERS = 'aZ09_-%+/=.';

/** The base text with one to six pieces spliced in, each maybe cut short or with characters changed. */
function splicedText(base: string, pick: (n: number) => number): string {
  let text = base;
  for (let splice = 1 + pick(6); splice > 0; splice--) {
    // Or a run of up to 50 token characters: the body of a secret, or a near miss of one.
    let piece = pick(4) === 0 ? randomText(pick(51), TOKEN_CHARACTERS, pick) : SPLICED[pick(SPLICED.length)]!;
    // Cut short or at its start, so that lengths land on each side of the patterns' minimums.
    if (pick(3) === 0) {
      piece = pick(2) === 0 ? piece.slice(0, pick(piece.length + 1)) : piece.slice(pick(piece.length + 1));
    }
    // Or with characters changed, so that a body holds each token character somewhere.
    if (pick(3) === 0) piece = withEdits(piece, 1 + pick(3), TOKEN_CHARACTERS, pick);
    const at = pick(text.length + 1);
    text = text.slice(0, at) + piece + text.slice(at);
  }
  return text;
}

describe('screenForSecrets, next to the exact scans', () => {
  it('passes every seeded text in which an exact scan finds something: never a false "no"', () => {
    const pick = seededPick(17);
    const base = embedded('Returns the task with its owner and due date');
    const misses: string[] = [];
    const hits = { formats: 0, assignments: 0, urls: 0 };
    for (let round = 0; round < 20_000; round++) {
      const text = splicedText(base, pick);
      const exact = {
        formats: SECRET_FORMATS.some((format) => !secretFormatMatches(text, format).next().done),
        assignments: isExactAssignment(text),
        urls: findUrlCredentials(text, { fileLinks: false }).length > 0,
      };
      const screened = screen(text) ?? { formats: false, assignments: false, urls: false };
      for (const kind of ['formats', 'assignments', 'urls'] as const) {
        if (!exact[kind]) continue;
        hits[kind]++;
        if (!screened[kind]) misses.push(`round ${round}, ${kind}: ${JSON.stringify(text)}`);
      }
    }
    expect(misses).toEqual([]);
    // Enough texts hold a secret of each kind to prove something.
    expect(Math.min(hits.formats, hits.assignments, hits.urls)).toBeGreaterThan(300);
  });
});
