import { describe, expect, it } from '@jest/globals';
import { diffEdited, withRule } from './diff-fixture.js';

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
});
