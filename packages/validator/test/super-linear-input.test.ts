import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { renderJobSummary, formatText } from '../src/reporters/index.js';
import { validateFolder, validatePaths } from '../src/validate.js';
import { diffConnectors, diffEdited, diffSwaggers, type Json } from './diff/diff-fixture.js';
import { MAX_NAME_LENGTH } from '../src/text/message-values.js';
import { runRules, writeConnector } from './helpers/fixture.js';
import {
  validApiProperties,
  validConnectorFiles,
  validReadme,
  validSwagger,
} from './helpers/valid-connector.js';

/*
 * Text a pull request controls, shaped so that a regular expression that backtracks or rescans it
 * takes quadratic (or worse) time. Each input is sized so that the expression it was written against
 * took minutes (the measured time is given with each test), far past the suite's 60 s timeout; with
 * the linear forms each check takes milliseconds. The outcome is asserted too: the rule still finds
 * what it is for, after the hostile text.
 */

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('text shaped against the regular expressions is checked in linear time', () => {
  it('finishes a swagger whose unclosed key is followed by 300,000 spaces (was 110 s a try)', async () => {
    const swagger = `{"swagger": "2.0", "info": {\n  "title${' '.repeat(300_000)}\n}}`;
    const folder = writeConnector({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
    const result = await validateFolder(folder, { cwd: path.dirname(folder) });
    const unclosed = result.findings.find(
      (finding) => finding.ruleId === 'GEN-JSON-PARSE' && finding.line === 2,
    );
    expect(unclosed?.message).toMatch(/^A string is not closed on its line: add the closing '"'/);
  });

  it('still names the key whose closing quote is missing, the spaces before its colon aside', async () => {
    const swagger = `{"swagger": "2.0", "info": {\n  "title  : "Contoso"\n}}`;
    const folder = writeConnector({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
    const result = await validateFolder(folder, { cwd: path.dirname(folder) });
    expect(result.findings.find((finding) => finding.ruleId === 'GEN-JSON-PARSE')).toMatchObject({
      line: 2,
      column: '  "title'.length + 1,
      message: expect.stringMatching(
        /^A key is not closed: add the closing '"' before its ':', as in "title"\./,
      ),
    });
  });

  it('finishes a readme line "TODO:" with 400,000 tabs after it (was 200 s), and reports the next', async () => {
    const readme = `${validReadme()}TODO:${'\t'.repeat(400_000)}\nTODO: the publisher's name\n`;
    const findings = await runRules({ ...validConnectorFiles(), 'readme.md': readme }, [
      'README-PLACEHOLDER',
    ]);
    expect(findings.map((finding) => finding.message)).toEqual([
      `The readme still says "TODO: the publisher's name": replace the line with the publisher's name.`,
    ]);
  });

  it('finishes a heading of 400,000 tabs before ":TODO" (was 200 s), and reports the next', async () => {
    const readme = `${validReadme()}#\t${'\t'.repeat(400_000)}:TODO\n## Publisher : TODO\n`;
    const findings = await runRules({ ...validConnectorFiles(), 'readme.md': readme }, [
      'README-PLACEHOLDER',
    ]);
    expect(findings.map((finding) => finding.message)).toEqual([
      'The readme still says "## Publisher : TODO": replace TODO with the publisher.',
    ]);
  });

  it('finishes a run of 100,000 "eyJ" starts with no token (was 300 s), and finds the token after', async () => {
    const readme = `${validReadme()}${'eyJ0e-eeJ-'.repeat(100_000)}\nThe token: ${JWT}\n`;
    const findings = await runRules({ ...validConnectorFiles(), 'readme.md': readme }, ['GEN-SECRETS']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'GEN-SECRETS', column: 'The token: '.length + 1 });
    expect(findings[0]!.message).toMatch(/^This looks like a JSON Web Token/);
  });

  it('finds a token that starts in the middle of a run of token characters, as before', async () => {
    const readme = `${validReadme()}Bearer-${JWT}\n`;
    const findings = await runRules({ ...validConnectorFiles(), 'readme.md': readme }, ['GEN-SECRETS']);
    expect(findings).toMatchObject([{ ruleId: 'GEN-SECRETS', column: 'Bearer-'.length + 1 }]);
  });

  it('finishes a script of 100,000 "override"s (was 100 s), and finds the ExecuteAsync override after', async () => {
    const script = `${'\toverride\tc'.repeat(100_000)}
public class Script : ScriptBase
{
    public override async Task<HttpResponseMessage> ExecuteAsync()
    {
        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken);
    }
}
`;
    const findings = await runRules({ ...validConnectorFiles(), 'script.csx': script }, ['CSX-EXECUTE']);
    expect(findings).toEqual([]);
  });

  it('finishes a script of 300,000 "$" in a row (was 334 s), and reads the string after as a string', async () => {
    // The scan stops at each `$`, and tried from each the whole run as a string's prefix.
    const script = `var y = ${'$'.repeat(300_000)};\nvar s = "new HttpClient()";\nvar c = new HttpClient();\n`;
    const findings = await runRules({ ...validConnectorFiles(), 'script.csx': script }, ['CSX-HTTPCLIENT']);
    expect(findings.map((finding) => finding.line)).toEqual([3]);
  });

  it('still requires the override to be the one of ExecuteAsync()', async () => {
    const script =
      'public class Script : ScriptBase { public override void ExecuteAsyncX() { } ExecuteAsync() }';
    const findings = await runRules({ ...validConnectorFiles(), 'script.csx': script }, ['CSX-EXECUTE']);
    expect(findings.map((finding) => finding.ruleId)).toEqual(['CSX-EXECUTE']);
  });

  it('finishes a title and description that repeat a template phrase 100,000 times over two lines', async () => {
    const swagger = validSwagger();
    // Was 200 s and 120 s: the phrase is found at every repetition, and each runs to the line end.
    swagger.info.title = `${'Title cannot include '.repeat(100_000)}\nx`;
    swagger.info.description = `${' between 30 and 500 characters '.repeat(100_000)}\nx`;
    const findings = await runRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger }, [
      'SWG-INFO-TITLE-PLACEHOLDER',
      'SWG-INFO-DESC-PLACEHOLDER',
    ]);
    // Two lines are no template text, which is one line.
    expect(findings).toEqual([]);
  });

  it('finishes a readme line naming "Microsoft Flow" 150,000 times (was minutes), each name found', async () => {
    const line = `${'Microsoft Flow '.repeat(150_000)}\`code Microsoft Flow\` [link](https://x/Microsoft Flow) Microsoft Flow`;
    const readme = `${validReadme()}${line}\n`;
    const findings = await runRules({ ...validConnectorFiles(), 'readme.md': readme }, [
      'README-PRODUCT-NAMES',
    ]);
    // Every name in prose, and none of the two in inline code and in a link target: the rule lists
    // 1,000 (engine.ts, MAX_FINDINGS_PER_RULE) and counts the other 149,001 in one more finding.
    expect(findings).toHaveLength(1_001);
    expect(findings.at(-1)!.message).toBe(
      '149,001 more findings of this rule are not listed: a rule lists at most 1,000 for a connector. Fix the ones listed and check again.',
    );
  });
});

describe('misspelt operationIds and parameter references are matched against names prepared once', () => {
  it('names the meant operation of 3,000 misspelt dynamic calls (was 138 s: the ids listed and prepared per call)', async () => {
    const count = 3_000;
    const swagger = validSwagger();
    swagger.paths = {};
    for (let index = 0; index < count; index++) {
      const dynamic = { operationId: `ListThingNumbr${index}`, 'value-path': 'id' };
      swagger.paths[`/p${index}`] = {
        get: {
          operationId: `ListThingNumber${index}`,
          parameters: [{ name: 'q', in: 'query', type: 'string', 'x-ms-dynamic-values': dynamic }],
          responses: { 200: { description: 'OK' } },
        },
      };
    }
    const findings = await runRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger }, [
      'SWG-DYN-OPID',
    ]);
    expect(findings).toHaveLength(1_001);
    expect(findings[7]!.message).toMatch(/'ListThingNumbr7' is not .* Did you mean 'ListThingNumber7'\?$/);
  });

  it('names the meant input of 3,000 misspelt references to an operation of 3,000 parameters (was 118 s)', async () => {
    const count = 3_000;
    const swagger = validSwagger();
    const parameters: Json[] = Array.from({ length: count }, (_, index) => ({
      name: `filterNumber${index}`,
      in: 'query',
      type: 'string',
    }));
    const given: Json = {};
    for (let index = 0; index < count; index++) given[`p${index}`] = { parameter: `filterNumbr${index}` };
    parameters.push({
      name: 'choice',
      in: 'query',
      type: 'string',
      'x-ms-dynamic-values': { operationId: 'ListChoices', 'value-path': 'id', parameters: given },
    });
    swagger.paths = {
      '/things': {
        get: { operationId: 'ListThings', parameters, responses: { 200: { description: 'OK' } } },
      },
      '/choices': { get: { operationId: 'ListChoices', responses: { 200: { description: 'OK' } } } },
    };
    const findings = await runRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger }, [
      'SWG-DYN-PARAMS',
    ]);
    const references = findings.filter((finding) => finding.message.startsWith('The parameter reference'));
    expect(references).toHaveLength(1_000);
    expect(references[7]!.message).toMatch(/'filterNumbr7' is not .* Did you mean 'filterNumber7'\?$/);
  });
});

describe('a swagger shaped against the diff is compared in linear time', () => {
  const ruleIds = (changes: { ruleId: string }[]) => [...new Set(changes.map((change) => change.ruleId))];

  it('finishes a basePath of 400,000 slashes with a letter before the last (was minutes)', () => {
    const result = diffEdited((swagger) => {
      swagger.basePath = `/${'/'.repeat(400_000)}x/`;
    });
    expect(ruleIds(result.changes)).toContain('BRK-HOST-BASEPATH');
  });

  it('finishes a path of 4,000 "{" with no "}", as long as a key may be', () => {
    const result = diffEdited((swagger) => {
      swagger.paths[`/tasks/${'{'.repeat(4_000)}`] = swagger.paths['/tasks/{taskId}'];
      delete swagger.paths['/tasks/{taskId}'];
    });
    expect(ruleIds(result.changes)).toContain('BRK-PATH-CHANGED');
  });

  it('does not compare a path of 400,000 "{" (was minutes): a key past 4,096 characters is refused', () => {
    const result = diffEdited((swagger) => {
      swagger.paths[`/tasks/${'{'.repeat(400_000)}`] = swagger.paths['/tasks/{taskId}'];
      delete swagger.paths['/tasks/{taskId}'];
    });
    expect(ruleIds(result.changes)).toEqual(['CHG-UNCOMPARABLE']);
  });

  it('finishes a host URL policy whose host runs 200,000 characters to a line end (was minutes)', () => {
    const before = { swagger: validSwagger(), apiProperties: validApiProperties() };
    const after = structuredClone(before);
    after.apiProperties.properties.policyTemplateInstances = [
      {
        templateId: 'dynamichosturl',
        title: 'Set Contoso Address',
        parameters: { 'x-ms-apimTemplateParameter.urlTemplate': `https://${'h'.repeat(200_000)}/\n` },
      },
    ];
    expect(ruleIds(diffConnectors(before, after).changes)).toContain('BRK-POLICY-REROUTE');
  });
});

/**
 * One operation whose query parameters are arrays of D (`fields` fields, made required), each's
 * description edited: a report per parameter, of its own change and D's. `name` names them.
 */
function parameterPair(count: number, fields: number, name: (index: number) => string) {
  const swagger = (edited: boolean) => {
    const properties: Json = {};
    for (let index = 0; index < fields; index++) properties[`p${index}`] = { type: 'string' };
    const parameters = Array.from({ length: count }, (_, index) => ({
      name: name(index),
      in: 'query',
      type: 'array',
      description: edited ? `Edited ${index}` : `P ${index}`,
      items: { $ref: '#/definitions/D' },
    }));
    return {
      ...validSwagger(),
      paths: {
        '/op': { get: { operationId: 'Get', parameters, responses: { 200: { description: 'ok' } } } },
      },
      definitions: {
        D: { type: 'object', properties, ...(edited ? { required: Object.keys(properties) } : {}) },
      },
    };
  };
  return diffSwaggers(swagger(false), swagger(true));
}

describe('a diff of reports whose ValuePaths overlap is deduped in near-linear time', () => {
  const required = <T extends { ruleId: string }>(changes: T[]) =>
    changes.filter((change) => change.ruleId === 'BRK-OPTIONAL-TO-REQUIRED');

  it('finishes 300 parameters named "x", "x/x", … over a definition of 900 fields (was over 2 minutes)', () => {
    // Each ValuePath begins the next: each report was paired with every one above it and each change
    // looked up in each of their lists, though none holds a path under 'x'.
    const result = parameterPair(300, 900, (index) =>
      Array(index + 1)
        .fill('x')
        .join('/'),
    );
    const listed = required(result.changes);
    expect(listed).toHaveLength(1_001);
    expect(listed.at(-1)!.message).toMatch(/^269,000 more changes of this rule are not listed/);
  });

  it('finishes 4,000 parameters named alike up to the cut (was over 5 minutes), each field once', () => {
    // One ValuePath: each report was paired with every earlier one, each change looked up in all.
    const result = parameterPair(4_000, 5, (index) => `${'n'.repeat(MAX_NAME_LENGTH)}${index}`);
    expect(required(result.changes)).toHaveLength(5);
  });
});

describe('a finding that quotes hostile text is reported in linear time', () => {
  it('writes the text report and job summary of a TODO line of 400,000 spaces (was minutes)', async () => {
    const readme = `${validReadme()}TODO: write${' '.repeat(400_000)}it\n`;
    const folder = writeConnector({ ...validConnectorFiles(), 'readme.md': readme });
    const result = await validatePaths([folder], { cwd: path.dirname(folder) });
    expect(formatText(result)).toContain('README-PLACEHOLDER The readme still says "TODO: write');
    expect(renderJobSummary(result)).toContain('README-PLACEHOLDER');
  });
});
