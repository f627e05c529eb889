import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diffConnectorFiles } from '../../src/diff/connector-diff.js';
import type { Change } from '../../src/diff/change.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { JsonDocument } from '../../src/json/json-document.js';
import type { Finding } from '../../src/model/finding.js';
import { CORPUS_DIR, corpusAvailable } from '../helpers/fixture.js';
import { createRepository, type Repository } from './repository-fixture.js';

/**
 * A maker's update of a certified connector, as a pull request sees it: the connector as the corpus
 * has it is the base branch `dev`, the edit is the head of `pr`. Both `validate --base` and `diff`
 * judge the same edit, so each case checks what the two report.
 */

type Json = Record<string, any>;

interface Update {
  repo: Repository;
  folder: string;
  /** The breaking changes and other findings of `validate --base dev`, in the current files. */
  findings: Finding[];
  /** Every change `diff` reports between the base and the edited version. */
  changes: Change[];
  classification: string;
}

const SWAGGER = 'apiDefinition.swagger.json';
const PROPERTIES = 'apiProperties.json';

/** Commits the corpus connector on `dev`, applies `edit` to its parsed files on `pr`, and judges it. */
async function updateCorpusConnector(
  name: string,
  edit: (files: { swagger: Json; apiProperties: Json }) => void,
): Promise<Update> {
  const source = path.join(CORPUS_DIR, 'certified-connectors', name);
  const folder = `certified-connectors/${name}`;
  const repo = createRepository('dev');
  repo.write(
    Object.fromEntries(
      readdirSync(source).map((file) => [`${folder}/${file}`, readFileSync(path.join(source, file))]),
    ),
  );
  repo.commitAll(`dev: ${name} as certified`);
  repo.git('checkout', '--quiet', '-b', 'pr');
  const read = (file: string): Json => JSON.parse(readFileSync(path.join(repo.dir, folder, file), 'utf8'));
  const files = { swagger: read(SWAGGER), apiProperties: read(PROPERTIES) };
  edit(files);
  repo.write({ [`${folder}/${SWAGGER}`]: files.swagger, [`${folder}/${PROPERTIES}`]: files.apiProperties });
  repo.commitAll(`pr: update ${name}`);

  const result = await validateAgainstBase([folder], 'dev', { cwd: repo.dir, rules: [] });
  const version = (ref: string) => ({
    swagger: JsonDocument.parse(repo.git('show', `${ref}:${folder}/${SWAGGER}`)),
    apiProperties: JsonDocument.parse(repo.git('show', `${ref}:${folder}/${PROPERTIES}`)),
  });
  const diff = diffConnectorFiles(version('dev'), version('pr'));
  return { repo, folder, findings: result.findings, ...diff };
}

/** The line of the current file a finding is on, trimmed. */
function lineOf(update: Update, finding: Finding): string {
  const text = readFileSync(path.join(update.repo.dir, finding.file), 'utf8');
  return text.split('\n')[finding.line - 1]!.trim();
}

function summary(changes: readonly { ruleId: string }[]): string[] {
  return changes.map((change) => change.ruleId).sort();
}

const describeCorpus = corpusAvailable ? describe : describe.skip;
if (!corpusAvailable) {
  console.warn(`Skipping the certified-connector update journeys: ${CORPUS_DIR} is absent.`);
}

describeCorpus('a maker updates a certified connector', () => {
  it('hides an operation it had already deprecated: part of deprecating it, not a break (Xpertdoc)', async () => {
    // Xpertdoc's GetDocuments is 'deprecated: true' already; the update finishes the process: it
    // adds the annotation, hides the operation and adds GetDocuments_V2 as its replacement.
    const update = await updateCorpusConnector('Xpertdoc', ({ swagger }) => {
      const operation = swagger.paths['/api/Documents'].post;
      expect(operation.deprecated).toBe(true);
      swagger.paths['/api/v2/Documents'] = {
        post: {
          ...structuredClone(operation),
          operationId: 'GetDocuments_V2',
          deprecated: false,
          'x-ms-api-annotation': { family: 'GetDocuments', revision: 2 },
        },
      };
      operation['x-ms-visibility'] = 'internal';
      operation['x-ms-api-annotation'] = { family: 'GetDocuments', revision: 1 };
    });

    expect(update.findings).toEqual([]);
    expect(update.changes.filter((change) => change.breaking)).toEqual([]);
    expect(update.classification).toBe('major-update');
    const other = update.changes.find((change) => change.operationId === 'GetDocuments');
    expect(other?.message).toMatch(
      /x-ms-api-annotation.*x-ms-visibility|x-ms-visibility.*x-ms-api-annotation/,
    );
  });

  it('still reports hiding an operation that is not deprecated (Xpertdoc)', async () => {
    const update = await updateCorpusConnector('Xpertdoc', ({ swagger }) => {
      const operation = swagger.paths['/api/Documents'].post;
      delete operation.deprecated;
      operation['x-ms-visibility'] = 'internal';
    });
    // The base has it deprecated: un-deprecating and hiding it at once hides it from its users.
    expect(summary(update.findings)).toEqual(['BRK-VISIBILITY-INTERNAL']);
    // On the line the maker edited, not on the operation's first line.
    expect(lineOf(update, update.findings[0]!)).toBe('"x-ms-visibility": "internal"');
  });

  it('fixes a tooltip in a connection parameter set: a minor update, and says which (CognitiveServicesQuestionAnswering)', async () => {
    const update = await updateCorpusConnector('CognitiveServicesQuestionAnswering', ({ apiProperties }) => {
      const token = apiProperties.properties.connectionParameterSets.values[1].parameters.token;
      expect(token.uiDefinition.tooltip).toBe('Provide  Azure Active Directory credentials');
      token.uiDefinition.tooltip = 'Provide Azure Active Directory credentials';
    });

    expect(update.findings).toEqual([]);
    expect(update.classification).toBe('minor-update');
    expect(update.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-TEXT-EDITED',
        impact: 'minor',
        message:
          "Text has been edited. Edited: connectionParameterSets 'tokenBasedAuth' parameter 'token' uiDefinition.tooltip.",
      }),
    ]);
  });

  it('renames a connection parameter set in the sign-in menu: names the set and the key (CognitiveServicesQuestionAnswering)', async () => {
    const update = await updateCorpusConnector('CognitiveServicesQuestionAnswering', ({ apiProperties }) => {
      apiProperties.properties.connectionParameterSets.values[0].uiDefinition.displayName = 'API key';
    });

    expect(update.findings).toEqual([]);
    expect(update.classification).toBe('major-update');
    expect(update.changes.map((change) => change.message)).toEqual([
      "Other properties have been changed. Changed: connectionParameterSets 'keyBasedAuth' uiDefinition.displayName.",
    ]);
  });

  it('asks for another OAuth scope: names the scopes, not just oAuthSettings (iObeya)', async () => {
    const update = await updateCorpusConnector('iObeya', ({ apiProperties }) => {
      const token = apiProperties.properties.connectionParameters.token;
      token.oAuthSettings.scopes = [...(token.oAuthSettings.scopes ?? []), 'offline_access'];
    });

    expect(update.findings).toEqual([]);
    expect(update.changes.map((change) => change.message)).toEqual([
      "Other properties have been changed. Changed: oAuthSettings.scopes. Existing connections keep the scopes their users consented to, without 'offline_access', until they sign in again: flows that use them keep working as before, but an operation that needs a new scope fails on them until then, so tell users to sign in to their connections again.",
    ]);
  });

  it('adds a required parameter or moves an operation: says what to do instead (Calendly)', async () => {
    const update = await updateCorpusConnector('Calendly', ({ swagger }) => {
      swagger.paths['/event_types'].get.parameters.push({
        name: 'region',
        in: 'query',
        required: true,
        type: 'string',
        'x-ms-summary': 'Region',
      });
      swagger.paths['/v2/users/me'] = swagger.paths['/users/me'];
      delete swagger.paths['/users/me'];
    });

    const messages = new Map(update.findings.map((finding) => [finding.ruleId, finding.message]));
    expect([...messages.keys()].sort()).toEqual(['BRK-PATH-CHANGED', 'BRK-REQ-PARAM-ADDED']);
    expect(messages.get('BRK-REQ-PARAM-ADDED')).toBe(
      "The required parameter has been added. Make it optional or give it a default; or add the change to a new version of the operation (an operationId ending in '_V2') and deprecate this one. ValuePath: operation/GetEventTypes/parameter/region",
    );
    expect(messages.get('BRK-PATH-CHANGED')).toMatch(
      /^The path template has been changed for the operation\. It changed from 'GET \/users\/me' to 'GET \/v2\/users\/me'\. Keep the old method and path; or add the change to a new version/,
    );
    // diff says the same.
    expect(update.changes.filter((change) => change.breaking).map((change) => change.message)).toEqual(
      update.findings.map((finding) => finding.message.replace(/ ValuePath: .*$/, '')),
    );
  });

  it('deletes and retypes output fields of a shared definition: one finding per operation, each naming its field and what to do (HuddoBoards)', async () => {
    const update = await updateCorpusConnector('HuddoBoards', ({ swagger }) => {
      // 'node' is what seven operations return, directly, in arrays or below 'board'.
      delete swagger.definitions.node.properties.completed;
      swagger.definitions.nodeSummary.properties.payload.properties.listId.type = 'integer';
    });

    const deleted = update.findings.filter((finding) => finding.ruleId === 'BRK-OUTPUT-DELETED');
    expect(deleted.map((finding) => finding.message.match(/ValuePath: (\S+)/)?.[1])).toEqual([
      'operation/Board/responses/200/schema/childNodes/items/childNodes/items/completed',
      'operation/BoardMy/responses/200/schema/items/childNodes/items/childNodes/items/completed',
      'operation/BoardSearch/responses/200/schema/items/completed',
      'operation/Children/responses/200/schema/items/completed',
      'operation/Comments/responses/200/schema/items/completed',
      'operation/FindTask/responses/200/schema/items/completed',
      'operation/Node/responses/200/schema/completed',
    ]);
    // Microsoft's words say what broke; what follows them says how to ship the update without it.
    expect(deleted[0]!.message).toMatch(
      /^The output field has been deleted\. Existing flows may be broken if they are using this field and actual payload has been changed\. Keep the field in the schema while the API returns it \('x-ms-visibility': 'internal' hides it from new flows\); or add the change to a new version of the operation \(an operationId ending in '_V2'\) and deprecate this one\. ValuePath: /,
    );
    // All where the field left its place, the one place the maker edited: 'completed' was the last
    // field of 'node', so the end of 'description' before it, whose comma went with it.
    expect(new Set(deleted.map((finding) => finding.pointer))).toEqual(
      new Set(['/definitions/node/properties/description']),
    );
    expect(new Set(deleted.map((finding) => lineOf(update, finding)))).toEqual(new Set(['}']));

    const retyped = update.findings.filter((finding) => finding.ruleId === 'BRK-OUTPUT-TYPE');
    expect(retyped).toHaveLength(6);
    expect(retyped[0]!.message).toMatch(
      /^The type has been changed for the output field\. .* The type changed from 'string' to 'integer'\. Keep the old type; or add the change to a new version of the operation/,
    );
    expect(new Set(retyped.map((finding) => lineOf(update, finding)))).toEqual(
      new Set(['"type": "integer",']),
    );
    // diff says the same, in its own order: the changes placed in the head first, then those placed
    // in the base (deleted fields), where the findings are all placed in the head.
    expect(
      update.changes
        .filter((change) => change.breaking)
        .map((change) => change.message)
        .sort(),
    ).toEqual(
      update.findings
        .filter((finding) => finding.ruleId.startsWith('BRK-'))
        .map((finding) => finding.message.replace(/ ValuePath: .*$/, ''))
        .sort(),
    );
  });

  it('routes an operation to another endpoint: a warning naming the policy, the operation and both paths (JIRA)', async () => {
    const update = await updateCorpusConnector('JIRA', ({ apiProperties }) => {
      const [route] = apiProperties.properties.policyTemplateInstances;
      expect(route.title).toBe('Route Request - CreateIssue');
      route.parameters['x-ms-apimTemplateParameter.newPath'] = '/3/issue';
    });

    // Existing CreateIssue flows now post to another path, as if the swagger's path had changed.
    expect(update.changes.map((change) => change.message)).toEqual([
      "A policy that decides where requests go has been added, removed or changed. Existing flows now call another address. The policy 'Route Request - CreateIssue' (routerequesttoendpoint) changed: requests of 'CreateIssue' went to newPath '/2/issue' and now go to newPath '/3/issue'. If the new address serves the same API for existing connections, say so in the pull request, as reviewers ask; otherwise keep the old one.",
    ]);
    expect(update.classification).toBe('breaking');
    expect(update.findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-POLICY-REROUTE',
        severity: 'warning',
        pointer: '/properties/policyTemplateInstances/0',
      }),
    ]);
    expect(lineOf(update, update.findings[0]!)).toBe('{');
  });
});
