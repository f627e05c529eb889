import { describe, expect, it } from '@jest/globals';
import { lineOf, validateEditAgainstDev } from './pull-request-edit.js';
import { addWebhook, validConnectorFiles } from '../helpers/valid-connector.js';
import type { Json } from '../diff/diff-fixture.js';

// An edited text is shown on the edited key, the line a pull request's diff changed, not on the first
// line of the object that holds it (a response, a webhook's payload, `info`): that line is a line of
// the diff's context, or far above it, where an annotation is not shown inline. A deleted text goes
// where it left its place, as a deleted field does: after the last member, the end of the member
// before it, the line whose trailing comma the deletion took away.

const FOLDER = 'certified-connectors/Contoso';

/** The changes of a pull request that makes `edit` on `base`, as [rule, pointer, line, detail]. */
async function changesOf(edit: (swagger: Json) => void, base: Json = validConnectorFiles()) {
  const { result, files } = await validateEditAgainstDev(
    FOLDER,
    (after) => edit(after['apiDefinition.swagger.json']),
    base,
  );
  const changes = result.diffs[0]!.diff!.changes.map((change) => [
    change.ruleId,
    change.pointer,
    change.line,
    change.message.replace(/ ValuePath: .*/, ''),
  ]);
  return { changes, swagger: files['apiDefinition.swagger.json'] as Json };
}

/**
 * The place, [pointer, line], of the one change of a pull request that edits or deletes a response's
 * or a webhook payload's description, and the swagger it leaves.
 */
async function descriptionEditPlace(edit: (swagger: Json) => void, base: Json) {
  const { changes, swagger } = await changesOf(edit, base);
  expect(changes.map(([rule, , , message]) => [rule, message])).toEqual([
    ['CHG-TEXT-EDITED', 'Text has been edited. Edited: description.'],
  ]);
  return { place: changes[0]!.slice(1, 3), swagger };
}

/** The valid connector with its swagger edited by `edit`: a base written as real files order it. */
function baseWith(edit: (swagger: Json) => void): Json {
  const base = validConnectorFiles() as Json;
  edit(base['apiDefinition.swagger.json']);
  return base;
}

/** The valid connector with a webhook whose payload is written schema first, its description last. */
function webhookBase(): Json {
  return baseWith((swagger) => {
    addWebhook(swagger);
    swagger.paths['/hooks']['x-ms-notification-content'] = {
      schema: { $ref: '#/definitions/Task' },
      description: 'A task',
    };
  });
}

describe('validateAgainstBase: an edited text is on the edited line', () => {
  it("puts a response's edited description on the description, not on the response written schema first", async () => {
    // Written schema first, as many connectors do: the response's first line is above the schema.
    const base = baseWith((swagger) => {
      const { description, schema } = swagger.paths['/tasks'].get.responses['200'];
      swagger.paths['/tasks'].get.responses['200'] = { schema, description };
    });
    const { place, swagger } = await descriptionEditPlace((after) => {
      after.paths['/tasks'].get.responses['200'].description = 'The tasks, newest first.';
    }, base);
    expect(place).toEqual([
      '/paths/~1tasks/get/responses/200/description',
      lineOf(swagger, '"description": "The tasks, newest first."'),
    ]);
  });

  it("puts a webhook payload's edited description on the description, not on 'x-ms-notification-content'", async () => {
    const { place, swagger } = await descriptionEditPlace((after) => {
      after.paths['/hooks']['x-ms-notification-content'].description = 'The task created';
    }, webhookBase());
    expect(place).toEqual([
      '/paths/~1hooks/x-ms-notification-content/description',
      lineOf(swagger, '"description": "The task created"'),
    ]);
  });

  it("puts a webhook payload's deleted last description at the end of the member before it", async () => {
    const { place, swagger } = await descriptionEditPlace((after) => {
      delete after.paths['/hooks']['x-ms-notification-content'].description;
    }, webhookBase());
    expect(place).toEqual([
      '/paths/~1hooks/x-ms-notification-content/schema',
      // The `}` of the schema, whose comma went with the description.
      lineOf(swagger, '"$ref": "#/definitions/Task"', '"/hooks"') + 1,
    ]);
  });

  it("puts each of info's edits on its key, and an edit inside contact on the edited field, not on '/info'", async () => {
    const { changes, swagger } = await changesOf((after) => {
      after.info.title = 'Contoso Work';
      after.info.version = '1.1';
      after.info.contact.email = 'help@contoso.com';
    });
    // In the file's order.
    expect(changes).toEqual([
      [
        'CHG-TEXT-EDITED',
        '/info/title',
        lineOf(swagger, '"title": "Contoso Work"'),
        'Text has been edited. Edited: info.title.',
      ],
      [
        'CHG-OTHER',
        '/info/version',
        lineOf(swagger, '"version": "1.1"'),
        "Other properties have been changed. Changed: info.version (from '1.0' to '1.1').",
      ],
      [
        'CHG-TEXT-EDITED',
        '/info/contact/email',
        lineOf(swagger, '"email": "help@contoso.com"'),
        'Text has been edited. Edited: info.contact.',
      ],
    ]);
  });

  it("puts info's deleted description where it was: on the member that now follows it", async () => {
    const { changes, swagger } = await changesOf((after) => delete after.info.description);
    expect(changes).toEqual([
      [
        'CHG-TEXT-EDITED',
        '/info/version',
        lineOf(swagger, '"version": "1.0"'),
        'Text has been edited. Edited: info.description.',
      ],
    ]);
  });
});

describe('validateAgainstBase: a field renamed in place', () => {
  it('is named renamed to its letter-case twin, not left unnamed beside a one-edit look-alike added with it', async () => {
    const { result, files } = await validateEditAgainstDev(FOLDER, (after) => {
      const task = after['apiDefinition.swagger.json'].definitions.Task;
      // 'title' becomes 'Title', and 'titles' (one edit from 'title' too) is added beside it.
      const { id, title, status } = task.properties;
      task.properties = { id, titles: { type: 'array', items: { type: 'string' } }, Title: title, status };
    });
    const deletions = result.findings.filter((finding) => finding.ruleId === 'BRK-OUTPUT-DELETED');
    expect(deletions.length).toBeGreaterThan(0);
    const swagger = files['apiDefinition.swagger.json'];
    for (const finding of deletions) {
      expect([finding.pointer, finding.line]).toEqual([
        '/definitions/Task/properties/Title',
        lineOf(swagger, '"Title": {'),
      ]);
      expect(finding.message).toContain(
        "Only the letter case of its name changed, to 'Title': flows read a field by its exact name.",
      );
    }
  });
});
