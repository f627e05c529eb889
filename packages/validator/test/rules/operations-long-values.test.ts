import { describe, expect, it } from '@jest/globals';
import { MAX_NAME_LENGTH, MAX_VALUE_LENGTH } from '../../src/text/message-values.js';
import { swaggerFindings, type Json, type SwaggerEdit } from '../helpers/swagger-cases.js';

/*
 * The rules of rules/operations whose messages quoted a value of the file whole: a type, a
 * parameter's name or location, a path, an example's MIME type, a value path. Each now quotes an
 * excerpt: a value at most MAX_VALUE_LENGTH characters, a name at most MAX_NAME_LENGTH. Values are
 * as long as a file makes them; keys (paths, MIME types of examples) stop at key-length.ts's 4,096.
 */

const LONG_VALUE = 50_000;
const LONG_KEY = 4000;
/** A message's own words, with room to spare. */
const WORDS = 400;

const long = (letter: string, length = LONG_VALUE) => letter.repeat(length);

/** The messages of `ruleId` on the valid swagger with `edit`: at least one, each held to `bound`. */
async function expectShortMessages(ruleId: string, edit: SwaggerEdit, bound: number): Promise<string[]> {
  const findings = await swaggerFindings(ruleId, edit);
  expect(findings.length).toBeGreaterThan(0);
  const messages = findings.map((finding) => finding.message);
  for (const message of messages) {
    expect(message.length).toBeLessThan(bound);
    expect(message).toContain('…');
  }
  return messages;
}

const status = (s: Json): Json => s.paths['/tasks'].get.parameters[0];

describe('rules/operations quote excerpts of long values', () => {
  it('SWG-DEFAULT-TYPE: a declared type of 50,000 characters (the type is a value, cut to 100)', async () => {
    const [message] = await expectShortMessages(
      'SWG-DEFAULT-TYPE',
      (s) => Object.assign(status(s), { type: long('t'), default: 1 }),
      MAX_VALUE_LENGTH + WORDS,
    );
    expect(message).toContain(`given type '${long('t', MAX_VALUE_LENGTH - 1)}…'`);
  });

  it('SWG-ENUM-TYPE: a declared type of 50,000 characters, in each finding of its enum', async () => {
    const messages = await expectShortMessages(
      'SWG-ENUM-TYPE',
      (s) => Object.assign(status(s), { type: long('t'), enum: [1, 2, 3] }),
      MAX_VALUE_LENGTH + WORDS,
    );
    expect(messages).toHaveLength(3);
  });

  it("SWG-RESP-EXAMPLE: an example's MIME type of 4,000 characters (a key, cut as a name)", async () => {
    await expectShortMessages(
      'SWG-RESP-EXAMPLE',
      (s) => (s.paths['/tasks'].get.responses['200'].examples = { [`text/${long('x', LONG_KEY)}`]: '<a/>' }),
      MAX_NAME_LENGTH + WORDS,
    );
  });

  it('SWG-PATH-DUP: two paths of 4,000 characters that are the same route', async () => {
    await expectShortMessages(
      'SWG-PATH-DUP',
      (s) => {
        const get = s.paths['/tasks/{taskId}'].get;
        s.paths[`/${long('p', LONG_KEY)}/{a}`] = { get: { ...get, operationId: 'A' } };
        s.paths[`/${long('p', LONG_KEY)}/{b}`] = { get: { ...get, operationId: 'B' } };
      },
      2 * MAX_NAME_LENGTH + WORDS,
    );
  });

  it('SWG-PATH-CASE: a path of 4,000 characters written twice in different capitals', async () => {
    await expectShortMessages(
      'SWG-PATH-CASE',
      (s) => {
        s.paths[`/${long('p', LONG_KEY)}`] = {};
        s.paths[`/${long('P', LONG_KEY)}`] = {};
      },
      MAX_NAME_LENGTH + WORDS,
    );
  });

  it("SWG-PARAM-DUP: a parameter's name and location of 50,000 characters, twice", async () => {
    const [message] = await expectShortMessages(
      'SWG-PARAM-DUP',
      (s) => {
        const parameter = { name: long('n'), in: long('i'), type: 'string' };
        s.paths['/tasks'].get.parameters.push({ ...parameter }, { ...parameter });
      },
      MAX_NAME_LENGTH + MAX_VALUE_LENGTH + WORDS,
    );
    expect(message).toContain(`location '${long('i', MAX_VALUE_LENGTH - 1)}…'`);
  });

  it('SWG-PARAM-FORMDATA-ASCII: a non-ASCII form field name of 50,000 characters', async () => {
    await expectShortMessages(
      'SWG-PARAM-FORMDATA-ASCII',
      (s) => (s.paths['/tasks'].post.parameters = [{ name: long('é'), in: 'formData', type: 'string' }]),
      MAX_NAME_LENGTH + WORDS,
    );
  });

  describe('dynamic calls', () => {
    /** ListTasks's `status` gets its values from ListStatuses, which takes ListTasks's `project`. */
    function dynamicStatus(project: Json, call: Json = {}): SwaggerEdit {
      return (s) => {
        s.paths['/statuses'] = {
          get: {
            operationId: 'ListStatuses',
            parameters: [{ name: 'project', in: 'query', required: true, type: 'string' }],
            responses: { '200': { description: 'OK', schema: { type: 'array', items: { type: 'string' } } } },
          },
        };
        s.paths['/tasks'].get.parameters.push({ name: 'project', in: 'query', type: 'string', ...project });
        status(s)['x-ms-dynamic-values'] = {
          operationId: 'ListStatuses',
          parameters: { project: { parameter: 'project' } },
          ...call,
        };
      };
    }

    it("SWG-DYN-PARAMS: a source parameter's type of 50,000 characters", async () => {
      await expectShortMessages(
        'SWG-DYN-PARAMS',
        dynamicStatus({ type: long('t') }),
        MAX_NAME_LENGTH + MAX_VALUE_LENGTH + WORDS,
      );
    });

    it("SWG-DYN-PARAMS: a target parameter's type of 50,000 characters, given a static value", async () => {
      await expectShortMessages(
        'SWG-DYN-PARAMS',
        (s) => {
          dynamicStatus({}, { parameters: { project: { value: true } } })(s);
          s.paths['/statuses'].get.parameters[0].type = long('t');
        },
        MAX_VALUE_LENGTH + WORDS,
      );
    });

    it('SWG-DYN-INTERNAL-SRC: a reference of 50,000 characters to an internal parameter', async () => {
      await expectShortMessages(
        'SWG-DYN-INTERNAL-SRC',
        (s) => {
          dynamicStatus({ 'x-ms-visibility': 'internal', name: long('r') })(s);
          status(s)['x-ms-dynamic-values'].parameters = { project: { parameter: long('r') } };
        },
        2 * MAX_NAME_LENGTH + WORDS,
      );
    });

    it('SWG-DYN-PROPS-PATH: the expected path, made of a value-path of 50,000 characters', async () => {
      await expectShortMessages(
        'SWG-DYN-PROPS-PATH',
        (s) => {
          const schema = s.paths['/tasks'].post.parameters[0].schema;
          schema['x-ms-dynamic-schema'] = {
            operationId: 'GetTask',
            parameters: {},
            'value-path': `${long('v')}/properties`,
          };
          schema['x-ms-dynamic-properties'] = {
            operationId: 'GetTask',
            parameters: {},
            itemValuePath: 'data',
          };
        },
        MAX_NAME_LENGTH + WORDS,
      );
    });
  });
});
