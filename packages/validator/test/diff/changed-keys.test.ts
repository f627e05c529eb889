import { describe, expect, it } from '@jest/globals';
import { diffApiProperties, diffEdited, diffSwaggers, withRule } from './diff-fixture.js';
import { validSwagger } from '../helpers/valid-connector.js';

// "Changed: x-ms-visibility." alone left a maker to diff the swaggers by hand: in a sweep of 400
// PowerPlatformConnectors commits, 529 entries were that and 372 more "Changed: format." or
// "Changed: default.", where the old and the new value are the whole change.
const OTHER = 'Other properties have been changed.';
const otherMessages = (edit: Parameters<typeof diffEdited>[0]) =>
  withRule(diffEdited(edit), 'CHG-OTHER').map((change) => change.message);

describe('CHG-OTHER names the old and the new value of a plain key', () => {
  it("of a parameter: x-ms-visibility from none to 'important' (Tribal, 8bff86ea)", () => {
    expect(
      otherMessages(
        (swagger) => (swagger.paths['/tasks'].get.parameters[0]['x-ms-visibility'] = 'important'),
      ),
    ).toEqual([`${OTHER} Changed: x-ms-visibility (from none to 'important').`]);
  });

  it('of an operation, and of a number', () => {
    expect(otherMessages((swagger) => (swagger.paths['/tasks'].get['x-ms-visibility'] = 'advanced'))).toEqual(
      [`${OTHER} Changed: x-ms-visibility (from none to 'advanced').`],
    );
    expect(
      otherMessages((swagger) => {
        swagger.paths['/tasks'].get.parameters[0].maxLength = 10;
      }),
    ).toEqual([`${OTHER} Changed: maxLength (from none to 10).`]);
  });

  it('of an output field', () => {
    expect(
      otherMessages(
        (swagger) => (swagger.definitions.Task.properties.status['x-ms-visibility'] = 'internal'),
      ),
    ).toEqual([`${OTHER} Changed: x-ms-visibility (from none to 'internal').`]);
  });

  it('of an output field whose definition was renamed: told where the new version writes it', () => {
    const before = validSwagger();
    const after = JSON.parse(
      JSON.stringify(before).replaceAll('#/definitions/Task', '#/definitions/Item'),
    ) as typeof before;
    after.definitions = { Item: after.definitions.Task };
    after.definitions.Item.properties.status.maxLength = 10;
    const changes = withRule(diffSwaggers(before, after), 'CHG-OTHER').filter((change) =>
      change.message.includes('maxLength'),
    );
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect(change).toMatchObject({ side: 'new', pointer: '/definitions/Item/properties/status' });
    }
  });

  it('and only the name of a key holding an object or a list', () => {
    const messages = otherMessages((swagger) => {
      swagger.paths['/tasks'].get.parameters[0]['x-ms-test-value'] = { a: 1 };
    });
    expect(messages).toEqual([`${OTHER} Changed: x-ms-test-value.`]);
  });

  it('cuts a long value, as every message value is', () => {
    const [message] = otherMessages(
      (swagger) => (swagger.paths['/tasks'].get.parameters[0].pattern = 'x'.repeat(10_000)),
    );
    expect(message!.length).toBeLessThan(400);
    expect(message).toMatch(
      /^Other properties have been changed\. Changed: pattern \(from none to 'x+…'\)\.$/,
    );
  });

  it("of info, as 'info.version'", () => {
    expect(otherMessages((swagger) => (swagger.info.version = '2.0'))).toEqual([
      `${OTHER} Changed: info.version (from '1.0' to '2.0').`,
    ]);
  });

  it('of a list of plain values: what it gained and lost, the first five of each', () => {
    expect(otherMessages((swagger) => (swagger.consumes = ['text/plain']))).toEqual([
      `${OTHER} Changed: consumes (added 'text/plain'; removed 'application/json').`,
    ]);
    expect(
      otherMessages(
        (swagger) =>
          (swagger.produces = [
            'application/json',
            ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((s) => `text/${s}`),
          ]),
      ),
    ).toEqual([
      `${OTHER} Changed: produces (added 'text/a', 'text/b', 'text/c', 'text/d', 'text/e' and 2 more).`,
    ]);
    expect(otherMessages((swagger) => (swagger.schemes = ['http', 'https']))).toEqual([
      `${OTHER} Changed: schemes (added 'http').`,
    ]);
  });

  it('says a list of the same values in another order was reordered', () => {
    const start = { ...validSwagger(), produces: ['text/plain', 'application/json'] };
    const result = diffEdited((swagger) => (swagger.produces = ['application/json', 'text/plain']), start);
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toEqual([
      `${OTHER} Changed: produces (reordered).`,
    ]);
  });

  it('of a response', () => {
    expect(
      otherMessages((swagger) => (swagger.paths['/tasks'].get.responses['200']['x-ms-summary'] = 'Tasks')),
    ).toEqual([`${OTHER} Changed: x-ms-summary (from none to 'Tasks').`]);
  });

  it('of apiProperties.json', () => {
    const messages = withRule(
      diffApiProperties((properties) => (properties.properties.capabilities = ['actions', 'triggers'])),
      'CHG-OTHER',
    ).map((change) => change.message);
    expect(messages).toEqual([`${OTHER} Changed: capabilities (added 'actions', 'triggers').`]);
  });

  it('and only the name of a list that holds an object', () => {
    expect(otherMessages((swagger) => (swagger.consumes = [{ type: 'text/plain' }]))).toEqual([
      `${OTHER} Changed: consumes.`,
    ]);
  });
});

// GEN-SECRETS reports the default of an internal api_key masked; the diff printed both keys whole:
// "Changed: default (from 'Zq8vX3kP9mW2rT7yN4bL6hJ1' to …)" (session 77).
describe('CHG-OTHER masks a default that GEN-SECRETS calls a secret', () => {
  const OLD_KEY = 'Zq8vX3kP9mW2rT7yN4bL6hJ1';
  const NEW_KEY = 'Rr4tY7uI2oP5aS8dF1gH3jK6';
  const MOVE = "default (from 'Zq8v****** (24 characters)' to 'Rr4t****** (24 characters)')";

  it('of an internal api_key parameter, still naming the change', () => {
    const start = validSwagger();
    start.paths['/tasks'].get.parameters.push({
      name: 'api_key',
      in: 'query',
      type: 'string',
      default: OLD_KEY,
      'x-ms-visibility': 'internal',
    });
    const result = diffEdited(
      (swagger) => (swagger.paths['/tasks'].get.parameters.at(-1).default = NEW_KEY),
      start,
    );
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`${OLD_KEY}|${NEW_KEY}`));
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toEqual([
      `${OTHER} Changed: ${MOVE}.`,
    ]);
  });

  it('of a body field, named by its property', () => {
    const start = validSwagger();
    const body = start.paths['/tasks'].post.parameters[0].schema;
    body.properties.api_key = { type: 'string', default: OLD_KEY };
    const result = diffEdited(
      (swagger) => (swagger.paths['/tasks'].post.parameters[0].schema.properties.api_key.default = NEW_KEY),
      start,
    );
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`${OLD_KEY}|${NEW_KEY}`));
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toEqual([
      `${OTHER} Changed: ${MOVE}.`,
    ]);
  });

  it('and shows the default of a field of no credential as it is', () => {
    const start = validSwagger();
    start.paths['/tasks'].get.parameters.push({
      name: 'tenant',
      in: 'query',
      type: 'string',
      default: OLD_KEY,
    });
    const result = diffEdited(
      (swagger) => (swagger.paths['/tasks'].get.parameters.at(-1).default = NEW_KEY),
      start,
    );
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toEqual([
      `${OTHER} Changed: default (from '${OLD_KEY}' to '${NEW_KEY}').`,
    ]);
  });
});
