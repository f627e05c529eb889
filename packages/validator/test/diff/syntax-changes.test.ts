import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { MAX_JSON_DEPTH, offsetPastDepth } from '@connector-alm/core';
import type { Change } from '../../src/diff/change.js';
import { CHANGE_RULES } from '../../src/diff/change-rules.js';
import { diffPaths } from '../../src/diff/diff-paths.js';
import { validateFolder } from '../../src/validate.js';
import { writeConnector } from '../helpers/fixture.js';
import { validApiProperties, validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';

// The diff compares what the tolerant parser recovers of a file that does not parse. Without a word
// about the syntax errors, a broken swagger compared with itself was a "no-change".

/** The swagger with a trailing comma in `schemes` and one in `consumes`: two slips, one message. */
function brokenSwagger(): string {
  return JSON.stringify(validSwagger(), null, 2)
    .replace('"https"\n', '"https",\n')
    .replace('"application/json"\n', '"application/json",\n');
}

/** As the diff names the files: relative to the working directory. */
function shown(folder: string, file: string): string {
  return path.relative(process.cwd(), path.join(folder, file));
}

const SWAGGER = 'apiDefinition.swagger.json';
const UNCOMPARABLE = CHANGE_RULES.uncomparable.message;
const IN_BOTH = 'The base version has the same error: this update did not make it.';

/** A policy that sends ListTasks's requests to /v2/tasks, whatever path the swagger gives it. */
function routeListTasks() {
  return {
    templateId: 'routerequesttoendpoint',
    title: 'Route ListTasks',
    parameters: {
      'x-ms-apimTemplateParameter.newPath': '/v2/tasks',
      'x-ms-apimTemplateParameter.httpMethod': '@Request.OriginalHTTPMethod',
      'x-ms-apimTemplate-operationName': ['ListTasks'],
    },
  };
}

/**
 * validate's GEN-JSON-PARSE findings, as diff repeats them: without the `validate --fix` advice,
 * which is about the folder on disk, not about the versions diff compares.
 */
async function parseFindings(folder: string) {
  const result = await validateFolder(folder, {});
  return result.findings
    .filter((finding) => finding.ruleId === 'GEN-JSON-PARSE')
    .map(({ message, line, column }) => ({ message: withoutFixAdvice(message), line, column }));
}

function withoutFixAdvice(message: string): string {
  return message.replace(/ `connector-alm validate --fix` repairs it\.$/, '');
}

describe('diff of a version whose JSON has syntax errors', () => {
  it('reports each error of the new version where validate reports it, as breaking', async () => {
    const broken = brokenSwagger();
    const before = writeConnector(validConnectorFiles());
    const after = writeConnector({ ...validConnectorFiles(), [SWAGGER]: broken });
    const result = await diffPaths(before, after);
    const syntax = result.changes.filter((change) => change.ruleId === 'CHG-JSON-SYNTAX');
    const expected = await parseFindings(after);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(syntax).toEqual(
      expected.map(({ message, line, column }) =>
        expect.objectContaining({
          file: shown(after, SWAGGER),
          side: 'new',
          impact: 'breaking',
          breaking: true,
          message: `The file is not strict JSON; it was compared as far as it could be read. ${message}`,
          line,
          column,
        }),
      ),
    );
    expect(result.classification).toBe('breaking');
  });

  // Told once per version, an error the base version has too made an update that left the file
  // alone "breaking" (diff exited 1, listing it twice), while validate --base called it a major update.
  it('tells an error both versions have once, in the new version, as major: not a no-change, not breaking', async () => {
    const broken = brokenSwagger();
    const before = writeConnector({ ...validConnectorFiles(), [SWAGGER]: broken });
    const after = writeConnector({ ...validConnectorFiles(), [SWAGGER]: broken });
    const result = await diffPaths(before, after);
    const expected = await parseFindings(after);
    expect(expected).toHaveLength(2);
    expect(result.changes).toEqual(
      expected.map(({ message, line, column }) =>
        expect.objectContaining({
          ruleId: 'CHG-JSON-SYNTAX',
          file: shown(after, SWAGGER),
          side: 'new',
          impact: 'major',
          breaking: false,
          message: `The file is not strict JSON; it was compared as far as it could be read. ${message} The base version has the same error: this update did not make it.`,
          line,
          column,
        }),
      ),
    );
    expect(result.classification).toBe('major-update');
  });

  it('tells an error added beside one the base version has as breaking, and the other as major', async () => {
    const once = JSON.stringify(validSwagger(), null, 2).replace('"https"\n', '"https",\n');
    const before = writeConnector({ ...validConnectorFiles(), [SWAGGER]: once });
    const after = writeConnector({ ...validConnectorFiles(), [SWAGGER]: brokenSwagger() });
    const result = await diffPaths(before, after);
    const [kept, added] = await parseFindings(after);
    const told = result.changes.map(({ side, impact, line, message }) => ({
      side,
      impact,
      line,
      inBoth: message.endsWith('this update did not make it.'),
    }));
    expect(told).toEqual([
      { side: 'new', impact: 'major', line: kept!.line, inBoth: true },
      { side: 'new', impact: 'breaking', line: added!.line, inBoth: false },
    ]);
    expect(result.classification).toBe('breaking');
  });

  // Matched on the message alone, a trailing comma fixed and another made elsewhere read as one the
  // update left alone: major, "did not make it", and diff exited 0 on a newly broken file.
  it("tells a trailing comma made elsewhere than the one fixed as breaking, and the fixed one as the base version's", async () => {
    const inSchemes = JSON.stringify(validSwagger(), null, 2).replace('"https"\n', '"https",\n');
    const inConsumes = JSON.stringify(validSwagger(), null, 2).replace(
      '"application/json"\n',
      '"application/json",\n',
    );
    const before = writeConnector({ ...validConnectorFiles(), [SWAGGER]: inSchemes });
    const after = writeConnector({ ...validConnectorFiles(), [SWAGGER]: inConsumes });
    const result = await diffPaths(before, after);
    const [fixed] = await parseFindings(before);
    const [made] = await parseFindings(after);
    expect(fixed!.message).toBe(made!.message);
    const told = result.changes
      .map(({ side, impact, line, message }) => ({ side, impact, line, inBoth: message.endsWith(IN_BOTH) }))
      .sort((a, b) => a.side.localeCompare(b.side));
    expect(told).toEqual([
      { side: 'new', impact: 'breaking', line: made!.line, inBoth: false },
      { side: 'old', impact: 'major', line: fixed!.line, inBoth: false },
    ]);
    expect(result.classification).toBe('breaking');
  });

  it('still tells an error both versions have as major when lines inserted above it moved it down', async () => {
    const broken = brokenSwagger();
    const moved = broken.replace(
      '"info": {\n',
      '"info": {\n    "x-note": "added",\n    "x-more": "added",\n',
    );
    const before = writeConnector({ ...validConnectorFiles(), [SWAGGER]: broken });
    const after = writeConnector({ ...validConnectorFiles(), [SWAGGER]: moved });
    const result = await diffPaths(before, after);
    const syntax = result.changes.filter((change) => change.ruleId === 'CHG-JSON-SYNTAX');
    const [first] = await parseFindings(before);
    const [movedFirst] = await parseFindings(after);
    expect(movedFirst!.line).toBe(first!.line + 2);
    expect(syntax.map(({ side, impact, line }) => ({ side, impact, line }))).toEqual(
      (await parseFindings(after)).map(({ line }) => ({ side: 'new', impact: 'major', line })),
    );
  });

  // The base listed 20 of its 25 errors and counted the rest; the new version has fewer in all. Every
  // new error was taken for one of the base's, whatever it said.
  it('tells errors made where the base version had none as breaking, though the base counted more than it listed', async () => {
    const slips = Array.from({ length: 25 }, (_, index) => [index]);
    const pretty = JSON.stringify({ ...validSwagger(), 'x-slips': slips }, null, 2);
    const base = pretty.replace(/^( +\d+)$/gm, '$1,');
    const unquoted = pretty
      .replace('"swagger":', 'swagger:')
      .replace('"host":', 'host:')
      .replace('"basePath":', 'basePath:');
    const before = writeConnector({ ...validConnectorFiles(), [SWAGGER]: base });
    const after = writeConnector({ ...validConnectorFiles(), [SWAGGER]: unquoted });
    const result = await diffPaths(before, after);
    const made = result.changes.filter((change) => change.side === 'new');
    expect(made.map(({ impact, message }) => ({ impact, inBoth: message.endsWith(IN_BOTH) }))).toEqual(
      Array(3).fill({ impact: 'breaking', inBoth: false }),
    );
    expect(result.classification).toBe('breaking');
  });

  it("tells an error the update fixed as the base version's, beside one both versions have", async () => {
    const once = JSON.stringify(validSwagger(), null, 2).replace('"https"\n', '"https",\n');
    const before = writeConnector({ ...validConnectorFiles(), [SWAGGER]: brokenSwagger() });
    const after = writeConnector({ ...validConnectorFiles(), [SWAGGER]: once });
    const result = await diffPaths(before, after);
    const [, fixed] = await parseFindings(before);
    const [kept] = await parseFindings(after);
    // Sorted by side: the changes are in file order, and the temporary folders' names are random.
    const told = result.changes
      .map(({ side, impact, line }) => ({ side, impact, line }))
      .sort((a, b) => a.side.localeCompare(b.side));
    expect(told).toEqual([
      { side: 'new', impact: 'major', line: kept!.line },
      { side: 'old', impact: 'major', line: fixed!.line },
    ]);
    expect(result.classification).toBe('major-update');
  });

  it('tells a base version that does not parse as major, located in the base version', async () => {
    const before = writeConnector({ ...validConnectorFiles(), [SWAGGER]: brokenSwagger() });
    const after = writeConnector(validConnectorFiles());
    const result = await diffPaths(before, after);
    const expected = await parseFindings(before);
    expect(result.changes).toEqual(
      expected.map(({ line, column }) =>
        expect.objectContaining({
          ruleId: 'CHG-JSON-SYNTAX',
          file: shown(before, SWAGGER),
          side: 'old',
          impact: 'major',
          breaking: false,
          line,
          column,
        }),
      ),
    );
    expect(result.classification).toBe('major-update');
  });

  it('tells an error that quotes a long stretch of the file as validate does: short', async () => {
    const text = JSON.stringify(validSwagger(), null, 2).replace('"2.0"', 'b'.repeat(5000));
    const after = writeConnector({ ...validConnectorFiles(), [SWAGGER]: text });
    const [syntax] = (await diffPaths(writeConnector(validConnectorFiles()), after)).changes.filter(
      (change) => change.ruleId === 'CHG-JSON-SYNTAX',
    );
    const [finding] = await parseFindings(after);
    const shown = `${'b'.repeat(99)}…`;
    expect(finding!.message).toBe(
      `${shown} is not a JSON value: strings take double quotes, as in "${shown}".`,
    );
    expect(syntax!.message).toBe(
      `The file is not strict JSON; it was compared as far as it could be read. ${finding!.message}`,
    );
  });

  it('reads apiProperties.json too', async () => {
    const properties = JSON.stringify(validApiProperties(), null, 2).replace(/\n}$/, ',\n}');
    const before = writeConnector(validConnectorFiles());
    const after = writeConnector({ ...validConnectorFiles(), 'apiProperties.json': properties });
    const result = await diffPaths(before, after);
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-JSON-SYNTAX',
        file: shown(after, 'apiProperties.json'),
        side: 'new',
        breaking: true,
        message: expect.stringMatching(/trailing comma/),
      }),
    ]);
  });

  // The value of such a file is the text with the edits made that its syntax issues name. jsonc-parser's
  // recovery, which gave it before, dropped what the slip touched, and the diff told changes the
  // maker never made: a CHG-OTHER at /securityDefinitions, BRK-PARAM-LOCATION, BRK-OP-DELETED with
  // CHG-OP-ADDED.
  describe('a slip that its syntax issue names the edit for is compared as the maker meant it', () => {
    const slips: [string, string, string][] = [
      ['a single-quoted value in securityDefinitions', '"type": "apiKey"', `"type": 'apiKey'`],
      ['a single-quoted parameter location', '"in": "path"', `"in": 'path'`],
      ['an unquoted operationId key', '"operationId": "GetTask"', 'operationId: "GetTask"'],
    ];

    it.each(slips)(
      '%s: only CHG-JSON-SYNTAX, in either version, where validate says it',
      async (_slip, written, slipped) => {
        const valid = JSON.stringify(validSwagger(), null, 2);
        expect(valid).toContain(written);
        const broken = valid.replace(written, slipped);
        const before = writeConnector(validConnectorFiles());
        const after = writeConnector({ ...validConnectorFiles(), [SWAGGER]: broken });
        const [issue] = await parseFindings(after);
        expect(issue).toEqual({
          message: expect.stringMatching(/double quotes/),
          line: valid.slice(0, valid.indexOf(written)).split('\n').length,
          column: expect.any(Number),
        });
        const told = async (from: string, to: string) =>
          (await diffPaths(from, to)).changes.map(({ ruleId, side, line, column }) => ({
            ruleId,
            side,
            line,
            column,
          }));
        const syntax = (side: string) => ({
          ruleId: 'CHG-JSON-SYNTAX',
          side,
          line: issue!.line,
          column: issue!.column,
        });
        expect(await told(before, after)).toEqual([syntax('new')]);
        expect(await told(after, before)).toEqual([syntax('old')]);
      },
    );
  });

  it('leaves an empty file to CHG-UNCOMPARABLE', async () => {
    const before = writeConnector(validConnectorFiles());
    const after = writeConnector({ ...validConnectorFiles(), [SWAGGER]: '' });
    const result = await diffPaths(before, after);
    expect(result.changes.map((change) => change.ruleId)).toContain('CHG-UNCOMPARABLE');
    expect(result.changes.map((change) => change.ruleId)).not.toContain('CHG-JSON-SYNTAX');
  });

  // CHG-UNCOMPARABLE said "it is empty, not JSON, or another kind of value" of every unreadable
  // file, and said nothing of a file nested too deep to read, though `validate` tells each reason.
  describe('CHG-UNCOMPARABLE says why the file could not be read, and where', () => {
    const uncomparable = async (text: string) => {
      const valid = writeConnector(validConnectorFiles());
      const broken = writeConnector({ ...validConnectorFiles(), [SWAGGER]: text });
      const pick = ({ ruleId, message, line, column, side }: Change) => ({
        ruleId,
        message,
        line,
        column,
        side,
      });
      return {
        asNew: (await diffPaths(valid, broken)).changes.map(pick),
        asOld: (await diffPaths(broken, valid)).changes.map(pick),
        findings: await parseFindings(broken),
      };
    };
    const said = (reason: string, line: number, column: number) => ({
      asNew: [
        { ruleId: 'CHG-UNCOMPARABLE', message: `${UNCOMPARABLE} ${reason}`, line, column, side: 'new' },
      ],
      asOld: [
        { ruleId: 'CHG-UNCOMPARABLE', message: `${UNCOMPARABLE} ${reason}`, line, column, side: 'old' },
      ],
    });

    it('nested deeper than the validator reads: as validate says it, at the bracket past the limit', async () => {
      const swagger = validSwagger();
      let deep: Record<string, unknown> = {};
      swagger.definitions.Deep = deep;
      for (let level = 0; level < MAX_JSON_DEPTH; level++) deep = (deep.x = {}) as Record<string, unknown>;
      const text = JSON.stringify(swagger, null, 1);
      const { asNew, asOld, findings } = await uncomparable(text);
      const [finding] = findings;
      expect(finding!.message).toBe(
        `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep; it cannot be a valid connector file.`,
      );
      // The root is level 1, definitions 2, Deep 3: the object that opens level 257 is Deep's 254th x.
      const past = offsetPastDepth(text, MAX_JSON_DEPTH);
      const line = text.slice(0, past).split('\n').length;
      expect(line).toBeGreaterThan(200);
      const column = past - text.lastIndexOf('\n', past - 1);
      expect(finding).toEqual({ message: finding!.message, line, column });
      expect({ asNew, asOld }).toEqual(said(finding!.message, line, column));
    });

    it('not JSON, quoting a whole long line of it: as validate says it, short', async () => {
      const { asNew, findings } = await uncomparable(`${'a'.repeat(5000)}\n`);
      // validate quotes the word twice, each time cut to its first characters.
      const shown = `${'a'.repeat(99)}…`;
      expect(findings[0]!.message).toBe(
        `${shown} is not a JSON value: strings take double quotes, as in "${shown}".`,
      );
      expect(asNew).toEqual([
        expect.objectContaining({ message: `${UNCOMPARABLE} ${findings[0]!.message}` }),
      ]);
    });

    it('empty', async () => {
      const { asNew, asOld } = await uncomparable('  \n');
      expect({ asNew, asOld }).toEqual(said('The file is empty.', 1, 1));
    });

    it('not JSON: its first syntax error, where validate puts it', async () => {
      const { asNew, asOld, findings } = await uncomparable('swagger: "2.0"\ninfo:\n  title: Tasks\n');
      const [first] = findings;
      expect(first!.message).toMatch(/double quotes/);
      expect({ asNew, asOld }).toEqual(said(first!.message, first!.line, first!.column));
    });

    it.each([
      ['an array', '[{ "swagger": "2.0" }]', 'a JSON array'],
      ['a string', '\n  "swagger"', 'a JSON string'],
      ['a number', '2', 'a JSON number'],
      ['null', 'null', 'null'],
    ])('JSON, but %s', async (_, text, kind) => {
      const { asNew, asOld } = await uncomparable(text);
      const line = text.startsWith('\n') ? 2 : 1;
      expect({ asNew, asOld }).toEqual(
        said(`The file holds ${kind}, not an object.`, line, line === 2 ? 3 : 1),
      );
    });
  });

  it('calls an unreadable new version breaking, as a broken one, and an unreadable base version major', async () => {
    const valid = writeConnector(validConnectorFiles());
    const yaml = writeConnector({ ...validConnectorFiles(), [SWAGGER]: 'swagger: "2.0"\n' });
    const unreadableNew = await diffPaths(valid, yaml);
    expect(unreadableNew.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleId: 'CHG-UNCOMPARABLE',
          side: 'new',
          impact: 'breaking',
          breaking: true,
        }),
      ]),
    );
    expect(unreadableNew.classification).toBe('breaking');
    const unreadableBase = await diffPaths(yaml, valid);
    expect(unreadableBase.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleId: 'CHG-UNCOMPARABLE',
          side: 'old',
          impact: 'major',
          breaking: false,
        }),
      ]),
    );
    expect(unreadableBase.classification).toBe('major-update');
  });

  // The sign-in is read from both files of a version: one of them unreadable reads as "no sign-in
  // there", which told changes the maker never made (a securityDefinitions edit, a connection
  // parameter "added" beside a base version whose apiProperties.json is lost, parameter sets
  // "removed"). CHG-UNCOMPARABLE already says the file was not compared.
  describe('an unreadable file yields its CHG-UNCOMPARABLE alone', () => {
    const unreadable = ['', 'swagger: "2.0"\n', '[]'];
    const told = async (before: string, after: string) =>
      (await diffPaths(before, after)).changes.map((change) => `${change.ruleId} ${change.side}`);
    /**
     * Diffs the folder `valid` with the folder `withUnreadable` writes for each unreadable text, both
     * ways: CHG-UNCOMPARABLE alone each time, in the version that holds the text.
     */
    const expectUncomparableAlone = async (valid: string, withUnreadable: (text: string) => string) => {
      for (const text of unreadable) {
        const broken = withUnreadable(text);
        expect({ text, changes: await told(valid, broken) }).toEqual({
          text,
          changes: ['CHG-UNCOMPARABLE new'],
        });
        expect({ text, changes: await told(broken, valid) }).toEqual({
          text,
          changes: ['CHG-UNCOMPARABLE old'],
        });
      }
    };

    it('for the swagger, in either version, without the securityDefinitions read from it', async () => {
      const valid = writeConnector(validConnectorFiles());
      await expectUncomparableAlone(valid, (text) =>
        writeConnector({ ...validConnectorFiles(), [SWAGGER]: text }),
      );
    });

    it('for a swagger whose securityDefinitions are the sign-in (apiProperties.json has no connection parameters)', async () => {
      const properties = validApiProperties();
      delete properties.properties.connectionParameters;
      const valid = writeConnector({ ...validConnectorFiles(), 'apiProperties.json': properties });
      await expectUncomparableAlone(valid, (text) =>
        writeConnector({ ...validConnectorFiles(), 'apiProperties.json': properties, [SWAGGER]: text }),
      );
    });

    it('but still compares a sign-in that apiProperties.json decides in both versions', async () => {
      // The base swagger is lost; the update moves from an API key to OAuth in apiProperties.json.
      const oauth = validApiProperties();
      oauth.properties.connectionParameters = {
        token: {
          type: 'oauthSetting',
          oAuthSettings: {
            identityProvider: 'oauth2',
            clientId: '[[DUMMY]]',
            scopes: [],
            redirectMode: 'Global',
            redirectUrl: 'https://global.consent.azure-apim.net/redirect',
          },
        },
      };
      const before = writeConnector({ ...validConnectorFiles(), [SWAGGER]: '' });
      const after = writeConnector({ ...validConnectorFiles(), 'apiProperties.json': oauth });
      expect((await told(before, after)).sort()).toEqual(['BRK-AUTH-TYPE new', 'CHG-UNCOMPARABLE old']);
    });

    it('for apiProperties.json, without the connection parameters and sets read from it', async () => {
      // A connector whose connections also name their region: a required, shown parameter.
      const properties = validApiProperties();
      properties.properties.connectionParameters.region = {
        type: 'string',
        uiDefinition: { displayName: 'Region', constraints: { required: 'true' } },
      };
      // And one whose users choose between two sets of parameters.
      const sets = validApiProperties();
      const apiKey = sets.properties.connectionParameters.api_key;
      delete sets.properties.connectionParameters;
      sets.properties.connectionParameterSets = {
        uiDefinition: { displayName: 'Region', description: 'Where your account is.' },
        values: ['us', 'eu'].map((name) => ({
          name,
          uiDefinition: { displayName: name, description: `The ${name} region.` },
          parameters: { api_key: apiKey },
        })),
      };
      for (const readable of [properties, sets]) {
        const valid = writeConnector({ ...validConnectorFiles(), 'apiProperties.json': readable });
        await expectUncomparableAlone(valid, (text) =>
          writeConnector({ ...validConnectorFiles(), 'apiProperties.json': text }),
        );
      }
    });

    it("but compares the swagger's own addresses, as an apiProperties.json not read may route anywhere", async () => {
      // The base version routes ListTasks to /v2/tasks, and the update moves it there in the swagger.
      const routed = validApiProperties();
      routed.properties.policyTemplateInstances = [routeListTasks()];
      const moved = validSwagger();
      moved.paths['/v2/tasks'] = { get: moved.paths['/tasks'].get };
      delete moved.paths['/tasks'].get;
      const before = writeConnector({ ...validConnectorFiles(), 'apiProperties.json': routed });
      const after = writeConnector({
        ...validConnectorFiles(),
        [SWAGGER]: moved,
        'apiProperties.json': '[]',
      });
      expect((await told(before, after)).sort()).toEqual(['BRK-PATH-CHANGED new', 'CHG-UNCOMPARABLE new']);
    });

    it('for apiProperties.json, without the routes and host its policies set', async () => {
      // Read as "no policies", the unreadable version moved ListTasks back to the swagger's own path
      // and every request to the swagger's host.
      const routed = validApiProperties();
      routed.properties.policyTemplateInstances = [
        routeListTasks(),
        {
          templateId: 'dynamichosturl',
          title: 'Set host',
          parameters: { 'x-ms-apimTemplateParameter.urlTemplate': 'https://eu.contoso.com' },
        },
      ];
      const valid = writeConnector({ ...validConnectorFiles(), 'apiProperties.json': routed });
      await expectUncomparableAlone(valid, (text) =>
        writeConnector({ ...validConnectorFiles(), 'apiProperties.json': text }),
      );
    });
  });
});
