import { describe, expect, it } from '@jest/globals';
import { lineOf, validateEditAgainstDev } from './pull-request-edit.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import type { Json } from '../diff/diff-fixture.js';

// A deleted part only exists in the base version, but a finding (an annotation, a code scanning
// alert) must be on a line of the current file, and a pull request shows it inline only on a line its
// diff holds. The finding goes where the deletion left its place: a member or element added where it
// was (the line the diff changed), else the one that now follows it (an element found by its name:
// after a deletion another element sits at its index); after the last one, the end of the member
// before it, the line whose trailing comma the deletion took away (what follows its object is below
// the diff's lines); its message names the base version's line. Changes of the new version placed
// where something was deleted (a removed enum value, a deleted 'x-ms-trigger') go there too.

const FOLDER = 'certified-connectors/Contoso';
const SWAGGER = `${FOLDER}/apiDefinition.swagger.json`;

function query(name: string): Json {
  return {
    name,
    in: 'query',
    type: 'string',
    required: false,
    'x-ms-summary': name,
    description: `Only tasks with this ${name}.`,
  };
}

/** The breaking changes of a pull request that makes `edit` on `base`, and the files it leaves. */
async function breakingFindings(edit: (files: Json) => void, base?: Json) {
  const { result, files } = await validateEditAgainstDev(FOLDER, edit, base);
  return { findings: result.findings.filter((finding) => finding.ruleId.startsWith('BRK-')), files };
}

describe('validateAgainstBase: where a deleted part is reported in the current file', () => {
  it('puts a deleted parameter on the parameter that followed it, not on the one that moved into its index', async () => {
    const base = validConnectorFiles() as Json;
    base['apiDefinition.swagger.json'].paths['/tasks'].get.parameters.push(query('owner'), query('label'));
    const { findings, files } = await breakingFindings((after) => {
      const parameters = after['apiDefinition.swagger.json'].paths['/tasks'].get.parameters;
      // 'status' goes, and 'label' moves into its index: 'owner' followed it.
      parameters.splice(0, 3, parameters[2], parameters[1]);
    }, base);
    const swagger = files['apiDefinition.swagger.json'];
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-PARAM-DELETED',
        file: SWAGGER,
        pointer: '/paths/~1tasks/get/parameters/1',
        // The element's `{`, the line before its name.
        line: lineOf(swagger, '"name": "owner"') - 1,
        baseline: 'new',
      }),
    ]);
    expect(findings[0]!.message).toMatch(/ValuePath: operation\/ListTasks\/parameter\/status/);
    expect(findings[0]!.message).toMatch(
      /In the base version: [0-9a-f]{12}:certified-connectors\/Contoso\/apiDefinition\.swagger\.json:\d+:\d+/,
    );
  });

  it('puts a deleted body field on the field that followed it, in the same body parameter wherever it moved', async () => {
    const base = validConnectorFiles() as Json;
    const body = base['apiDefinition.swagger.json'].paths['/tasks'].post.parameters[0];
    body.schema.properties.notes = {
      type: 'string',
      'x-ms-summary': 'Notes',
      description: 'About the task.',
    };
    const { findings, files } = await breakingFindings((after) => {
      const post = after['apiDefinition.swagger.json'].paths['/tasks'].post;
      delete post.parameters[0].schema.properties.due;
      post.parameters.unshift(query('notify'));
    }, base);
    const swagger = files['apiDefinition.swagger.json'];
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-PARAM-DELETED',
        file: SWAGGER,
        pointer: '/paths/~1tasks/post/parameters/1/schema/properties/notes',
        line: lineOf(swagger, '"notes"', '"CreateTask"'),
      }),
    ]);
    expect(findings[0]!.message).toMatch(/'due'/);
  });

  it("puts a deleted last field at the end of the field before it, not below the diff nor on the object's first line", async () => {
    const { findings, files } = await breakingFindings((after) => {
      delete after['apiDefinition.swagger.json'].paths['/tasks'].post.parameters[0].schema.properties.due;
    });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-PARAM-DELETED',
        // `title`'s closing brace, whose comma went with `due`: not the operation's `responses`,
        // four lines below the lines the pull request changed.
        pointer: '/paths/~1tasks/post/parameters/0/schema/properties/title',
        line: lineOf(files['apiDefinition.swagger.json'], '"description": "The title of the task."') + 1,
      }),
    ]);
  });

  it('puts a deleted last parameter at the end of the parameter before it', async () => {
    const base = validConnectorFiles() as Json;
    base['apiDefinition.swagger.json'].paths['/tasks'].get.parameters.push(query('owner'));
    const { findings, files } = await breakingFindings((after) => {
      after['apiDefinition.swagger.json'].paths['/tasks'].get.parameters.pop();
    }, base);
    const swagger = files['apiDefinition.swagger.json'];
    const parameters = swagger.paths['/tasks'].get.parameters as Json[];
    const before = parameters[parameters.length - 1]!;
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-PARAM-DELETED',
        pointer: `/paths/~1tasks/get/parameters/${parameters.length - 1}`,
        // Its closing brace: the line after its last member.
        line: lineOf(swagger, `"description": ${JSON.stringify(before.description)}`, '"ListTasks"') + 1,
      }),
    ]);
  });

  it('puts a deleted output field of a definition on the field that followed it, once for each operation', async () => {
    const { findings, files } = await breakingFindings((after) => {
      delete after['apiDefinition.swagger.json'].definitions.Task.properties.title;
    });
    const place = {
      ruleId: 'BRK-OUTPUT-DELETED',
      pointer: '/definitions/Task/properties/status',
      line: lineOf(files['apiDefinition.swagger.json'], '"status"', '"definitions"'),
    };
    expect(findings.length).toBeGreaterThan(0);
    expect(findings).toEqual(findings.map(() => expect.objectContaining(place)));
  });

  it('puts removed enum values on the value that followed the first one, not on the enum key', async () => {
    const base = validConnectorFiles() as Json;
    base['apiDefinition.swagger.json'].paths['/tasks'].get.parameters[0].enum = [
      'open',
      'done',
      'late',
      'blocked',
    ];
    const { findings, files } = await breakingFindings((after) => {
      after['apiDefinition.swagger.json'].paths['/tasks'].get.parameters[0].enum = ['open', 'blocked'];
    }, base);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-ENUM-NARROWED',
        pointer: '/paths/~1tasks/get/parameters/0/enum/1',
        line: lineOf(files['apiDefinition.swagger.json'], '"blocked"'),
      }),
    ]);
    expect(findings[0]!.message).toMatch(/Removed: 'done', 'late'\./);
  });

  it('puts a removed last enum value replaced by another on the new value, the line the diff changed', async () => {
    const { findings, files } = await breakingFindings((after) => {
      after['apiDefinition.swagger.json'].paths['/tasks'].get.parameters[0].enum = ['open', 'late'];
    });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-ENUM-NARROWED',
        // Not the end of 'open', a line of the diff's context above the change.
        pointer: '/paths/~1tasks/get/parameters/0/enum/1',
        line: lineOf(files['apiDefinition.swagger.json'], '"late"'),
      }),
    ]);
  });

  it('puts a removed last enum value of objects at the end of the value before it, the line that lost its comma', async () => {
    const base = validConnectorFiles() as Json;
    const body = base['apiDefinition.swagger.json'].paths['/tasks'].post.parameters[0];
    body.schema.properties.title.enum = [{ code: 1 }, { code: 2 }];
    const { findings, files } = await breakingFindings((after) => {
      after['apiDefinition.swagger.json'].paths[
        '/tasks'
      ].post.parameters[0].schema.properties.title.enum.pop();
    }, base);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-ENUM-NARROWED',
        pointer: '/paths/~1tasks/post/parameters/0/schema/properties/title/enum/0',
        // The `}` of `{ code: 1 }`, not its `{` a line above the change.
        line: lineOf(files['apiDefinition.swagger.json'], '"code": 1', '"CreateTask"') + 1,
      }),
    ]);
  });

  it("puts a trigger whose deleted last 'x-ms-trigger' made it an action at the end of the member before it", async () => {
    const base = validConnectorFiles() as Json;
    base['apiDefinition.swagger.json'].paths['/tasks'].get['x-ms-trigger'] = 'batch';
    const { findings, files } = await breakingFindings((after) => {
      delete after['apiDefinition.swagger.json'].paths['/tasks'].get['x-ms-trigger'];
    }, base);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-TRIGGER-KIND',
        // The `}` of its responses, whose comma went: not the next operation below the diff's lines.
        pointer: '/paths/~1tasks/get/responses',
        line: lineOf(files['apiDefinition.swagger.json'], '"post"', '"/tasks"') - 2,
      }),
    ]);
  });

  it('puts a deleted last field replaced by another on the new field, not at the end of the field above the change', async () => {
    const { findings, files } = await breakingFindings((after) => {
      const properties =
        after['apiDefinition.swagger.json'].paths['/tasks'].post.parameters[0].schema.properties;
      delete properties.due;
      properties.deadline = { type: 'string', 'x-ms-summary': 'Deadline', description: 'When it ends.' };
    });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-PARAM-DELETED',
        pointer: '/paths/~1tasks/post/parameters/0/schema/properties/deadline',
        line: lineOf(files['apiDefinition.swagger.json'], '"deadline"'),
      }),
    ]);
  });

  it('puts an output field renamed in place on its new name, the line the diff changed, and names it', async () => {
    const { findings, files } = await breakingFindings((after) => {
      const task = after['apiDefinition.swagger.json'].definitions.Task;
      // 'title' becomes 'Title', and 'summary' is added before it: between the same kept fields.
      const { id, title, status } = task.properties;
      task.properties = { id, summary: { type: 'string', description: 'In short.' }, Title: title, status };
    });
    const swagger = files['apiDefinition.swagger.json'];
    expect(findings.map((finding) => [finding.ruleId, finding.pointer, finding.line])).toEqual(
      Array.from({ length: 3 }, () => [
        'BRK-OUTPUT-DELETED',
        '/definitions/Task/properties/Title',
        lineOf(swagger, '"Title": {'),
      ]),
    );
    expect(findings[0]!.message).toContain(
      "Only the letter case of its name changed, to 'Title': flows read a field by its exact name.",
    );
  });

  it('puts a deleted path item on the path item now at its place, not on the paths far above it', async () => {
    const { findings, files } = await breakingFindings((after) => {
      delete after['apiDefinition.swagger.json'].paths['/tasks'];
    });
    const swagger = files['apiDefinition.swagger.json'];
    const place = {
      ruleId: 'BRK-OP-DELETED',
      file: SWAGGER,
      pointer: '/paths/~1tasks~1{taskId}',
      line: lineOf(swagger, '"/tasks/{taskId}"'),
    };
    expect(findings).toEqual([expect.objectContaining(place), expect.objectContaining(place)]);
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/ValuePath: operation\/CreateTask \(In the base version: [0-9a-f]{12}:/),
      expect.stringMatching(/ValuePath: operation\/ListTasks \(In the base version: [0-9a-f]{12}:/),
    ]);
  });

  it('puts a deleted operation on the operation that now follows it, or after its last one at the end of the one before it', async () => {
    const first = await breakingFindings((after) => {
      delete after['apiDefinition.swagger.json'].paths['/tasks'].get;
    });
    expect(first.findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-OP-DELETED',
        pointer: '/paths/~1tasks/post',
        line: lineOf(first.files['apiDefinition.swagger.json'], '"post"', '"/tasks"'),
      }),
    ]);
    const last = await breakingFindings((after) => {
      delete after['apiDefinition.swagger.json'].paths['/tasks'].post;
    });
    expect(last.findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-OP-DELETED',
        pointer: '/paths/~1tasks/get',
        // The `}` of `get`, above the `},` that closes its path item: not the next path item.
        line: lineOf(last.files['apiDefinition.swagger.json'], '"/tasks/{taskId}"') - 2,
      }),
    ]);
  });

  it('puts a removed connection parameter set on the set that followed it', async () => {
    const base = validConnectorFiles() as Json;
    const apiKey = base['apiProperties.json'].properties.connectionParameters;
    const set = (name: string): Json => ({
      name,
      uiDefinition: { displayName: name, description: `Sign in with ${name}.` },
      parameters: structuredClone(apiKey),
    });
    delete base['apiProperties.json'].properties.connectionParameters;
    base['apiProperties.json'].properties.connectionParameterSets = {
      uiDefinition: { displayName: 'Authentication', description: 'How to sign in.' },
      values: [set('europe'), set('americas')],
    };
    const { findings, files } = await breakingFindings((after) => {
      after['apiProperties.json'].properties.connectionParameterSets.values.shift();
    }, base);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-AUTH-TYPE',
        file: `${FOLDER}/apiProperties.json`,
        pointer: '/properties/connectionParameterSets/values/0',
        line: lineOf(files['apiProperties.json'], '"name": "americas"') - 1,
      }),
    ]);
    expect(findings[0]!.message).toMatch(/'europe'/);
  });
});
