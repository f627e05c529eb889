import type { ChangeRuleDoc, ExamplePlacement } from '../../src/diff/change-rule-doc-types.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import type { FixtureFiles } from '../helpers/fixture.js';
import type { Json } from './diff-fixture.js';

/**
 * A rule reference example's fragment put into the valid connector at its placement, as the files
 * of a connector folder. Pure: the caller writes them.
 */
export function exampleConnector(placement: ExamplePlacement, fragment: string): FixtureFiles {
  const files = validConnectorFiles();
  const swagger = files['apiDefinition.swagger.json'] as Json;
  const properties = (files['apiProperties.json'] as Json).properties as Json;
  const listTasks = swagger.paths['/tasks'].get as Json;
  const createTaskBody = swagger.paths['/tasks'].post.parameters[0] as Json;
  switch (placement) {
    case 'swagger':
      Object.assign(swagger, parseFragment(fragment));
      break;
    case 'paths':
      swagger.paths = placed(swagger.paths, fragment);
      break;
    case 'operation':
      // Alone in the swagger, so the example may give it any operationId.
      swagger.paths = { '/tasks': { get: placed(listTasks, fragment) } };
      break;
    case 'parameter':
      // An object is the operation's only parameter; members are set on its `status` parameter.
      listTasks.parameters = isMembers(fragment)
        ? [placed(listTasks.parameters[0], fragment)]
        : [parseFragment(fragment)];
      break;
    case 'bodySchema':
      createTaskBody.schema = placed(createTaskBody.schema, fragment);
      break;
    case 'bodyProperties':
      createTaskBody.schema.properties = placed(createTaskBody.schema.properties, fragment);
      break;
    case 'responseSchema':
      // Every operation's success response is a Task, or an array of them.
      swagger.definitions.Task = placed(swagger.definitions.Task, fragment);
      break;
    case 'responseProperties':
      swagger.definitions.Task.properties = placed(swagger.definitions.Task.properties, fragment);
      break;
    case 'apiProperties':
      Object.assign(properties, parseFragment(fragment));
      break;
    case 'connectionParameters':
      properties.connectionParameters = placed(properties.connectionParameters, fragment);
      break;
    case 'readme':
      files['readme.md'] = fragment;
      break;
    case 'script':
      files['script.csx'] = fragment;
      break;
    case 'icon':
      files['icon.png'] = Buffer.from(fragment);
      break;
    case 'swaggerFile':
      files['apiDefinition.swagger.json'] = fragment;
      break;
  }
  return files;
}

/** The connector folders of an example's base version and of its pull request. */
export function exampleConnectors({ example }: ChangeRuleDoc): { before: FixtureFiles; after: FixtureFiles } {
  return {
    before: exampleConnector(example.placement, example.before),
    after: exampleConnector(example.placement, example.after),
  };
}

/** A fragment written as members (`"key": …`) is set on what is there; an object replaces it. */
function placed(current: Json, fragment: string): Json {
  return isMembers(fragment) ? { ...current, ...parseFragment(fragment) } : parseFragment(fragment);
}

function isMembers(fragment: string): boolean {
  return fragment.trimStart().startsWith('"');
}

function parseFragment(fragment: string): Json {
  return JSON.parse(isMembers(fragment) ? `{${fragment}}` : fragment) as Json;
}
