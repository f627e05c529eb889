import type { ChangeRuleDoc } from './change-rule-doc-types.js';
import type { ChangeRuleKey } from './change-rules.js';

const operation = (path: string, method: string, body: string): string =>
  `{\n  "paths": {\n    "${path}": {\n      "${method}": ${body}\n    }\n  }\n}`;

/** GetTask deprecated in its family at revision 1, and GetTask_V2's path item holding `v2` (its lines). */
const deprecatedBesideV2 = (v2: string): string =>
  [
    '"/tasks/{taskId}": {',
    '  "get": {',
    '    "operationId": "GetTask",',
    '    "deprecated": true,',
    '    "x-ms-api-annotation": { "family": "GetTask", "revision": 1 }',
    '  }',
    '},',
    '"/v2/tasks/{taskId}": {',
    v2,
    '}',
  ].join('\n');

/**
 * The rule reference's text of every change rule (docs/rules.md, generated). A Record over the rule
 * keys, so a new rule does not compile without its entry.
 */
export const CHANGE_RULE_DOCS: Record<ChangeRuleKey, ChangeRuleDoc> = {
  connectorDeleted: {
    description:
      'A connector folder of the merge base (one that held a swagger there) is gone from the pull request: every flow that uses the connector stops working. Only `validate --base` (and the validate-connector action in a pull request) reports it, since `diff` compares two folders that exist. A folder the pull request renamed or moved is compared with its old self instead, a deleted folder that held no swagger at the base was no connector, and one that the `ignore` globs of the configuration skip is not reported, as it would not be validated. Reported on the folder as it was at the base: `<folder>:1:1` in the text output, and with no line in annotations and code scanning, as the folder findings of the repository rules (REPO-ONE-PER-PR) are, since no file of it is left to point at. The message names its swagger at the merge base. In the `base` section of the JSON output, the folder has the status `deleted`.',
    example: {
      placement: 'connectorFolder',
      before:
        'certified-connectors/Contoso Tasks/\n  apiDefinition.swagger.json\n  apiProperties.json\n  readme.md',
      after: 'git rm -r "certified-connectors/Contoso Tasks"',
    },
  },
  swaggerDeleted: {
    description:
      "The base version has an apiDefinition.swagger.json and the new one has none, in a connector folder that is still there: every operation it defined is gone, and certification requires the file (`validate` reports a folder without it as REPO-REQUIRED-FILES, an error in every profile). One change for the file, located at its start in the base version; its operations are not listed one by one as BRK-OP-DELETED, nor its host as changed to nothing, and the sign-in and policies it decided with apiProperties.json are not compared. `validate --base` lists it with the changes and counts it for `--fail-on-breaking`, and reports it as REPO-REQUIRED-FILES's finding of the missing file on the folder, or as a BRK-SWAGGER-DELETED finding when that rule reported none (a configuration that turns it off). `diff` compares no folder without a swagger; a folder deleted whole is BRK-CONNECTOR-DELETED. The other way round, a base version without a swagger was no connector flows could use: `validate --base` takes the connector for a new one, with nothing to compare.",
    example: {
      placement: 'connectorFolder',
      before:
        'certified-connectors/Contoso Tasks/\n  apiDefinition.swagger.json\n  apiProperties.json\n  readme.md',
      after: 'git rm "certified-connectors/Contoso Tasks/apiDefinition.swagger.json"',
    },
  },
  apiPropertiesDeleted: {
    description:
      "The base version has an apiProperties.json and the new one has none. Certification requires the file (`validate` reports a folder without it as REPO-REQUIRED-FILES, an error in every profile), and it holds the connection parameters, parameter sets and policies that existing connections were made with. One change for the file, located at its start in the base version; its content is not listed property by property. What the file decided with the swagger is still compared: a sign-in that the swagger's securityDefinitions now decide differently is BRK-AUTH-TYPE, a policy that sent requests elsewhere BRK-POLICY-REROUTE. `validate --base` lists it with the changes and counts it for `--fail-on-breaking`, and reports it as REPO-REQUIRED-FILES's finding of the missing file on the folder, or as a BRK-API-PROPERTIES-DELETED finding when that rule reported none (a configuration that turns it off). The other way round, an apiProperties.json that only the new version has is one CHG-OTHER entry, a major update.",
    example: {
      placement: 'connectorFolder',
      before:
        'certified-connectors/Contoso Tasks/\n  apiDefinition.swagger.json\n  apiProperties.json\n  readme.md',
      after: 'git rm "certified-connectors/Contoso Tasks/apiProperties.json"',
    },
  },
  opDeleted: {
    description:
      "An operationId of the base version is on no operation of the pull request's swagger (operations are matched by operationId, as flows reference them). Located on the base version's operation; in a pull request, on a line of its diff where the deletion left its place: an operation added in its place or the one that now follows it in its path item, else the path item left empty, else the end of the operation before it (the line that lost its comma); a deleted path item likewise among the path items; the message names the base version's line. When another operationId appeared on the same method and path, the message says it was renamed, on the new operationId, with the ways to keep both that leave nothing to fix: the old one deprecated (a family, revision 1) and the new one on a path of its own, as its '_V2' (revision 2) or as its 'replacement'. Deprecate the operation instead; keep one that is deprecated already.",
    example: {
      placement: 'swagger',
      before: operation(
        '/tasks/{taskId}',
        'delete',
        '{ "operationId": "DeleteTask", "summary": "Delete a task" }',
      ),
      after: '{\n  "paths": {\n    "/tasks/{taskId}": {}\n  }\n}',
    },
  },
  pathChanged: {
    description:
      'An operation kept its operationId but is called at another address: its path template or its method changed. A path template that only renamed a path parameter, or took over a prefix the base path gave up (so every call goes to the same address; not below a dynamichosturl policy, whose urlTemplate replaces the base path), does not fire it; nor does one whose requests a routerequesttoendpoint policy of apiProperties.json sends, in both versions, to the same method and path (its newPath below the base path, with parameters the operation has, a renamed path parameter put where the old one was): that is listed as CHG-OTHER, with the policy, and the rename as BRK-PARAM-RENAMED. Located on the new path template, or on the method when only it changed.',
    example: {
      placement: 'swagger',
      before: operation('/tasks/{taskId}', 'get', '{ "operationId": "GetTask" }'),
      after: operation('/todos/{taskId}', 'get', '{ "operationId": "GetTask" }'),
    },
  },
  parameterLocation: {
    description:
      "A parameter of an operation kept its name but moved to another location ('in': query, header, path, body, formData). Located on the new 'in'.",
    example: {
      placement: 'parameter',
      before: '{ "name": "status", "in": "query", "type": "string" }',
      after: '{ "name": "status", "in": "header", "type": "string" }',
    },
  },
  requiredParameterAdded: {
    description:
      'An operation has a new parameter that flows must send: required, without a default, not an x-ms-notification-url, and not a body whose required fields all have defaults. An optional or default-valued one is CHG-PARAM-ADDED; a new required one that replaced a deleted one of the same location and type is BRK-PARAM-RENAMED.',
    example: {
      placement: 'operation',
      before: '"parameters": []',
      after: '"parameters": [\n  { "name": "project", "in": "query", "type": "string", "required": true }\n]',
    },
  },
  requiredFieldAdded: {
    description:
      "An input body schema (of a parameter or of a definition it references) has a new property that flows must send: listed in 'required', without a default. Reported once per operation that sends it.",
    example: {
      placement: 'bodySchema',
      before: '{\n  "type": "object",\n  "properties": { "title": { "type": "string" } }\n}',
      after:
        '{\n  "type": "object",\n  "required": ["project"],\n  "properties": {\n    "title": { "type": "string" },\n    "project": { "type": "string" }\n  }\n}',
    },
  },
  inputType: {
    description:
      "The 'type' of a parameter or an input field changed from one value to another (a change of 'format' alone is BRK-INPUT-FORMAT). Widening integer to number breaks nothing; declaring a type where there was none, or dropping one, is listed as CHG-OTHER. A field retyped between an object, an array and a plain value is this one change: the fields or items it held are not told deleted or added beside it.",
    example: {
      placement: 'bodyProperties',
      before: '"top": { "type": "string" }',
      after: '"top": { "type": "integer" }',
    },
  },
  outputType: {
    description:
      "The 'type' of a field of a success response changed from one value to another (a change of 'format' alone is BRK-OUTPUT-FORMAT); a change of the response's root type is BRK-RESPONSE-CODE. Narrowing number to integer breaks nothing. A field retyped between an object, an array and a plain value (a webhook payload made an array) is this one change: the fields or items it held are not told deleted or added beside it. Reported once per operation that returns it.",
    example: {
      placement: 'responseProperties',
      before: '"dueDate": { "type": "string", "format": "date-time" }',
      after: '"dueDate": { "type": "integer" }',
    },
  },
  inputFormat: {
    description:
      "The 'format' of a parameter or an input field changed from one value to another while its type stayed (a type change is BRK-INPUT-TYPE). Widening a numeric format (int32 to int64, float to double) breaks nothing; declaring a format where there was none, or dropping one, is listed as CHG-OTHER.",
    example: {
      placement: 'bodyProperties',
      before: '"dueDate": { "type": "string", "format": "date-time" }',
      after: '"dueDate": { "type": "string", "format": "date" }',
    },
  },
  outputFormat: {
    description:
      "The 'format' of a field of a success response changed from one value to another while its type stayed (a type change is BRK-OUTPUT-TYPE). A numeric format (int32, int64, float, double) is only a hint that flows do not read, so changing one breaks nothing; declaring a format where there was none, or dropping one, is listed as CHG-OTHER. Reported once per operation that returns it.",
    example: {
      placement: 'responseProperties',
      before: '"dueDate": { "type": "string", "format": "date-time" }',
      after: '"dueDate": { "type": "string", "format": "date" }',
    },
  },
  outputDeleted: {
    description:
      "A field of a success response's schema is gone, or the response no longer has a body. Reported once per operation that returns it (a shared definition gives one per operation, each with its ValuePath); located on the base version's field, and in a pull request where the deletion left its place in the current file: a field added in its place (between the same fields kept), else the field that now follows it, else (its object's last field) the end of the field before it, the line that lost its comma. A field added in its place whose name differs from the deleted one's in letter case only (preferred to one a single edit away added beside it) or by one edit, or the one field added where the one deleted was, of the same type, is named in the message as what the field looks renamed to: flows read a field by its exact name, so a rename is a deletion all the same.",
    example: {
      placement: 'responseSchema',
      before: '"properties": {\n  "id": { "type": "string" },\n  "status": { "type": "string" }\n}',
      after: '"properties": {\n  "id": { "type": "string" }\n}',
    },
  },
  inputEnumAdded: {
    description:
      "A parameter or input field that took any value now has an 'enum'. A boolean's enum of both true and false limits nothing and is listed as CHG-OTHER. Located on the new 'enum'.",
    example: {
      placement: 'parameter',
      before: '{ "name": "status", "in": "query", "type": "string" }',
      after: '{ "name": "status", "in": "query", "type": "string", "enum": ["open", "done"] }',
    },
  },
  outputEnumRemoved: {
    description:
      "A field of a response that had an 'enum' has none now. A boolean's enum of both true and false, dropped, is listed as CHG-OTHER: the field takes the values it always could.",
    example: {
      placement: 'responseProperties',
      before: '"status": { "type": "string", "enum": ["open", "done"] }',
      after: '"status": { "type": "string" }',
    },
  },
  authType: {
    description:
      "Existing connections can no longer sign in: the kind of authentication changed (API key, basic, OAuth, custom parameters), the OAuth identity provider or flow changed, the sign-in needs a credential existing connections do not hold (a renamed API key parameter), or a parameter set or the parameters outside sets were removed. A parameter set renamed (one set gone and one new with the same parameters and sign-in, alone) is told as a rename naming both names, on the new set: connections name the set they were made with, so it breaks them as a removal does; keep the name and change the displayName. Read from apiProperties.json's connectionParameters and connectionParameterSets first, as the platform does, and from the swagger's securityDefinitions only when apiProperties.json has none. A stale securityDefinitions edit, a new parameter set, removed authentication or an API key sent in another place breaks nothing and does not fire it.",
    example: {
      placement: 'apiProperties',
      before: '"connectionParameters": {\n  "api_key": { "type": "securestring" }\n}',
      after:
        '"connectionParameters": {\n  "token": {\n    "type": "oauthSetting",\n    "oAuthSettings": { "identityProvider": "aad" }\n  }\n}',
    },
  },
  requiredConnectionParameterAdded: {
    description:
      'A connection parameter (outside parameter sets, or in a parameter set of the base version) is new and every connection must fill it in: required, shown (not hidden) and without a defaultValue. Optional, hidden and default-valued ones, those of a new parameter set, and the credentials of a changed sign-in (BRK-AUTH-TYPE) do not fire it. Located on the new parameter.',
    example: {
      placement: 'apiProperties',
      before: '"connectionParameters": {\n  "api_key": { "type": "securestring" }\n}',
      after:
        '"connectionParameters": {\n  "api_key": { "type": "securestring" },\n  "region": {\n    "type": "string",\n    "uiDefinition": { "constraints": { "required": "true" } }\n  }\n}',
    },
  },
  connectionParameterRequired: {
    description:
      "A connection parameter of the base version that connections could be made without (optional, or hidden) is now one every connection must fill in: required, shown and without a defaultValue. Connections made before may hold no value for it. One made required with a defaultValue, or still hidden, does not fire it. Located on its 'required' constraint.",
    example: {
      placement: 'connectionParameters',
      before:
        '"region": {\n  "type": "string",\n  "uiDefinition": { "constraints": { "required": "false" } }\n}',
      after:
        '"region": {\n  "type": "string",\n  "uiDefinition": { "constraints": { "required": "true" } }\n}',
    },
  },
  optionalToRequired: {
    description:
      "An optional parameter or input field is now required and has no default, so flows that left it out fail. A body parameter made required is not, when its schema already had required fields (flows always sent it). Located on the 'required' that changed.",
    example: {
      placement: 'parameter',
      before: '{ "name": "owner", "in": "query", "type": "string", "required": false }',
      after: '{ "name": "owner", "in": "query", "type": "string", "required": true }',
    },
  },
  parameterDeleted: {
    description:
      "A parameter or an input body field of the base version is gone (and did not move or get renamed: BRK-PARAM-LOCATION, BRK-PARAM-RENAMED, BRK-OPTIONAL-PARAM-RENAMED). A warning: reviewers accept it when the API ignores the value. A webhook's callback URL (an x-ms-notification-url parameter or field, which the platform fills in and flows never send) is not: its deletion is CHG-OTHER, and a trigger that stopped being a webhook BRK-TRIGGER-KIND. Located on the base version's parameter, and in a pull request where the deletion left its place in the current file: a parameter or field added in its place, else the one that now follows it (a parameter found by its name and location, never the one that moved into its index), else (the last one) the end of the one before it, the line that lost its comma. An input field that looks renamed in place is named in the message as BRK-OUTPUT-DELETED names an output field's.",
    example: {
      placement: 'operation',
      before:
        '"parameters": [\n  { "name": "status", "in": "query", "type": "string" },\n  { "name": "owner", "in": "query", "type": "string" }\n]',
      after: '"parameters": [\n  { "name": "owner", "in": "query", "type": "string" }\n]',
    },
  },
  parameterRenamed: {
    description:
      'In one location of an operation, exactly one parameter is gone and exactly one that flows must send, of the same type, appeared. Located on the new parameter.',
    example: {
      placement: 'parameter',
      before: '{ "name": "taskId", "in": "query", "type": "string", "required": true }',
      after: '{ "name": "id", "in": "query", "type": "string", "required": true }',
    },
  },
  optionalParameterRenamed: {
    description:
      'In one location of an operation (query, header or formData), exactly one parameter is gone and exactly one optional parameter appeared, of the same type and with the same x-ms-summary or description where both have one. Flows that set the parameter keep sending its old name: the API ignores the value, and the request runs as if it had not been set. A warning, as BRK-PARAM-DELETED: flows that never set it are not affected, and reviewers accept it when the submitter confirms. Two gone and two new, or texts that both differ, are left as BRK-PARAM-DELETED and CHG-PARAM-ADDED. Located on the new parameter.',
    example: {
      placement: 'parameter',
      before: '{ "name": "status", "in": "query", "type": "string", "x-ms-summary": "Status" }',
      after: '{ "name": "state", "in": "query", "type": "string", "x-ms-summary": "Status" }',
    },
  },
  visibilityInternal: {
    description:
      "An operation or an input field is now 'x-ms-visibility': 'internal'. Hiding a deprecated operation (deprecated in this update or an earlier one), or hiding an output field (existing flows still read it), does not fire it. Located on the new 'x-ms-visibility'.",
    example: {
      placement: 'operation',
      before: '{ "operationId": "ListTasks", "x-ms-visibility": "important" }',
      after: '{ "operationId": "ListTasks", "x-ms-visibility": "internal" }',
    },
  },
  triggerKind: {
    description:
      "An operation changed between action and trigger, or a trigger between single and batch, or between polling and webhook ('x-ms-trigger', 'x-ms-notification-content', 'x-ms-notification-url'). Located on the new 'x-ms-trigger' when it changed, else on the new 'x-ms-notification-content'; when the one that changed was deleted, where it was: a member added in its place or the one that now follows it in its operation or path item, else (its last member) the end of the member before it, the line that lost its comma.",
    example: {
      placement: 'operation',
      before: '{ "operationId": "OnNewTask", "x-ms-trigger": "single" }',
      after: '{ "operationId": "OnNewTask", "x-ms-trigger": "batch" }',
    },
  },
  responseChanged: {
    description:
      "An operation's success response (its first 2xx) was removed, its schema's root type changed, or its schema changed between static and dynamic (x-ms-dynamic-schema). Changes of fields inside the schema are `BRK-OUTPUT-*` changes. Another success status code alone (200 to 201, or 'default' to 200, as reviewers ask) is not: it is CHG-OTHER, which says why. The inferred rule, for which no message of Microsoft's change validator is known, names a changed success code too; but flows take any 2xx answer as a success and read their outputs from its body, whose schema is compared on its own, and the code the swagger names does not change the one the service sends.",
    example: {
      placement: 'operation',
      before: '"responses": {\n  "200": { "schema": { "type": "array" } }\n}',
      after: '"responses": {\n  "200": { "schema": { "type": "object" } }\n}',
    },
  },
  hostChanged: {
    description:
      "The swagger's 'host' or 'basePath' changed, or a scheme was dropped, so operations are called at another address. A new base path is told by the operations it moves: those of both versions whose method and path template stayed (the detail names them when not every operation moved); one whose path template changed too is BRK-PATH-CHANGED, with its full path. A base path that moved into the path templates, leaving no operation moved by it alone, is listed as CHG-OTHER; so is a host, base path or dropped scheme that no request uses, because dynamichosturl policies of apiProperties.json set the host URL of every operation in both versions (JIRA's placeholder 'yourhost.yourdomain.com'): a policy's urlTemplate replaces scheme, host and base path, and the path templates of the operations it applies to are read below it, so that a prefix moved between the base path and the path templates moves their requests (BRK-PATH-CHANGED). When such policies set it in one version only, the swagger's host or base path of that version is used by no request, and where requests moved is BRK-POLICY-REROUTE's. Dropping 'http' while 'https' stays listed is CHG-OTHER too: requests go over https when it is offered. A policy of apiProperties.json that sends requests elsewhere is BRK-POLICY-REROUTE.",
    example: {
      placement: 'swagger',
      before: '{ "host": "api.contoso.com", "basePath": "/v1" }',
      after: '{ "host": "api.contoso.com", "basePath": "/v2" }',
    },
  },
  policyReroute: {
    description:
      "A policy template that decides where requests go (dynamichosturl, dynamicsubdomain: the host; routerequesttoendpoint: the path and method; templateId in any case) was added, removed or edited in apiProperties.json's policyTemplateInstances, so that an operation of both versions now sends its requests to another address. A warning, as BRK-HOST-BASEPATH: the contract flows were built for is unchanged, and reviewers accept the move when the submitter confirms that the new address serves the same API. A policy that only reaches operations new in this update (the route of a '_V2' added beside the old operation), a new title or a new order, or the policy section 'Request' written where the policy already ran, moves no existing flow and is listed as CHG-OTHER, as the other policies are; so is a route added or edited along with the path template it rewrites, when each operation's requests still reach the method and path they reached, a renamed path parameter in the old one's place (BRK-PATH-CHANGED does not fire then either; the rename is BRK-PARAM-RENAMED); and host policies after which each operation's requests go to the host URL they went to, the last dynamichosturl counting and one at the swagger's own scheme, host and base path counting as none (Cradl AI sends its sign-in call to its auth host, then every request back to its swagger's address; a path template edited in the same update is BRK-PATH-CHANGED's). Addresses are compared as the connections made before the update run the policies: a connection parameter new in this update, read with a default (`@connectionParameters('instance_url', 'https://api.oneflow.com/v1')`), gives them its default, since they hold no value for it; Oneflow's policy for a test environment, whose default is its swagger's own address, moves no existing connection. Located on the policy, or on the base version's policy when it was removed; the message names the operations and the addresses before and after.",
    example: {
      placement: 'apiProperties',
      before:
        '"policyTemplateInstances": [\n  {\n    "templateId": "dynamichosturl",\n    "title": "Set host",\n    "parameters": { "x-ms-apimTemplateParameter.urlTemplate": "https://api.contoso.com" }\n  }\n]',
      after:
        '"policyTemplateInstances": [\n  {\n    "templateId": "dynamichosturl",\n    "title": "Set host",\n    "parameters": { "x-ms-apimTemplateParameter.urlTemplate": "https://eu.contoso.com" }\n  }\n]',
    },
  },
  mcpRemoved: {
    description:
      "An operation of both versions (matched by operationId) had 'x-ms-agentic-protocol' and has it no more: Copilot Studio no longer lists it as an MCP server, so the agents that added its tools lose them. Deleting the whole operation is BRK-OP-DELETED. Located on the base version's extension.",
    example: {
      placement: 'operation',
      before:
        '{ "operationId": "InvokeMCP", "x-ms-agentic-protocol": "mcp-streamable-1.0", "responses": { "200": { "description": "Success" } } }',
      after: '{ "operationId": "InvokeMCP", "responses": { "200": { "description": "Success" } } }',
    },
  },
  mcpProtocol: {
    description:
      "The value of an operation's 'x-ms-agentic-protocol' changed, e.g. from 'mcp-sse-1.0' to 'mcp-streamable-1.0': agents talk to the server over another transport. A warning, as the move off the deprecated SSE transport is the one SWG-MCP-PROTOCOL asks for; the submitter confirms that the server serves the new transport. Located on the new value.",
    example: {
      placement: 'operation',
      before:
        '{ "operationId": "InvokeMCP", "x-ms-agentic-protocol": "mcp-sse-1.0", "responses": { "200": { "description": "Success" } } }',
      after:
        '{ "operationId": "InvokeMCP", "x-ms-agentic-protocol": "mcp-streamable-1.0", "responses": { "200": { "description": "Success" } } }',
    },
  },
  enumNarrowed: {
    description:
      "Values were removed from the 'enum' of a parameter or an input field. Located where the first removed value was in the new 'enum': a value added in its place, else the value that now follows it, else the end of the one before it. A value kept as the same text under the field's new type (7.5 as '7.5' when a number becomes a string) is not removed: the type change is BRK-INPUT-TYPE.",
    example: {
      placement: 'parameter',
      before: '"enum": ["open", "done", "archived"]',
      after: '"enum": ["open", "done"]',
    },
  },
  deprecationProcess: {
    description:
      "An operation is newly 'deprecated: true' for a new version that is not linked to it, as Microsoft's deprecate-operation doc links them (\"If a new version of the operation is going to be introduced to replace the deprecated one [...] use x-ms-api-annotation.family and x-ms-api-annotation.revision\"): its annotation's 'replacement' names no operation of this swagger while its 'api' names this connector (its folder's name, its title or its per-connector redirect URL's name, in lower-case letters and digits); or an operation named as its new version ('<operationId>_V2', not deprecated) is there but the deprecated one has no family, or the new one is not in that family at a higher revision (no annotation, no family, another family, or a revision not above); or it got a family in this update, and no operation has a newer revision of it. The detail names what is missing and the advice the exact members to write. Also fired, on the new operation's annotation, when an operation named as the new version of one deprecated in the base version is added unlinked. A deprecation without a new version ('deprecated: true' and \"(deprecated)\" labels, the doc's first example) is CHG-OP-DEPRECATED. A major change, not a breaking one: flows keep working, but the designer does not offer the new version in place of the old. Located on the new 'deprecated'.",
    example: {
      placement: 'paths',
      before: '"/tasks/{taskId}": {\n  "get": { "operationId": "GetTask" }\n}',
      after: deprecatedBesideV2('  "get": { "operationId": "GetTask_V2" }'),
    },
  },
  operationAdded: {
    description: 'An operationId is new (and is not the new name of a deleted one).',
    example: {
      placement: 'paths',
      before: '"/tasks/{taskId}": { "get": { "operationId": "GetTask" } }',
      after:
        '"/tasks/{taskId}": {\n  "get": { "operationId": "GetTask" },\n  "delete": { "operationId": "DeleteTask" }\n}',
    },
  },
  mcpAdded: {
    description:
      "An operation of both versions got 'x-ms-agentic-protocol': it is now an MCP server whose tools agents can add. Existing flows call it as before. A new operation that carries it is CHG-OP-ADDED. Located on the extension.",
    example: {
      placement: 'operation',
      before: '{ "operationId": "InvokeMCP", "responses": { "200": { "description": "Success" } } }',
      after:
        '{ "operationId": "InvokeMCP", "x-ms-agentic-protocol": "mcp-streamable-1.0", "responses": { "200": { "description": "Success" } } }',
    },
  },
  operationDeprecated: {
    description:
      "An operation is newly 'deprecated: true', and is either replaced or simply retired. Replaced: an operation of this swagger named by its annotation's 'replacement' (or one of the connector its 'api' names, when that is not this connector), or a newer revision of its family that is not deprecated; the detail names it. Retired: nothing replaces it and its annotation does not announce a new version (no family written in this update), as in the first example of Microsoft's deprecate-operation doc; the detail says so, and that its description and the readme can tell makers what to use instead. Hiding it with 'x-ms-visibility': 'internal' in the same update is part of the deprecation. Located on the new 'deprecated'.",
    example: {
      placement: 'paths',
      before: '"/tasks/{taskId}": {\n  "get": { "operationId": "GetTask" }\n}',
      after: deprecatedBesideV2(
        [
          '  "get": {',
          '    "operationId": "GetTask_V2",',
          '    "x-ms-api-annotation": { "family": "GetTask", "revision": 2 }',
          '  }',
        ].join('\n'),
      ),
    },
  },
  parameterAdded: {
    description: 'An operation has a new parameter that flows need not send: optional, or with a default.',
    example: {
      placement: 'operation',
      before: '"parameters": []',
      after: '"parameters": [\n  { "name": "top", "in": "query", "type": "integer", "required": false }\n]',
    },
  },
  inputFieldAdded: {
    description:
      "An input body schema has a new property that flows need not send: not in 'required', or with a default.",
    example: {
      placement: 'bodySchema',
      before: '"properties": { "title": { "type": "string" } }',
      after: '"properties": {\n  "title": { "type": "string" },\n  "notes": { "type": "string" }\n}',
    },
  },
  outputAdded: {
    description: "A success response's schema has a new field, or a success response now has a body.",
    example: {
      placement: 'responseSchema',
      before: '"properties": { "id": { "type": "string" } }',
      after: '"properties": {\n  "id": { "type": "string" },\n  "createdAt": { "type": "string" }\n}',
    },
  },
  textEdited: {
    description:
      "A text was edited: summaries, descriptions, titles, x-ms-summary, connection parameter tooltips, the publisher or the brand color. Minor where Microsoft's criteria of a minor update list it (info.description, operation summaries and descriptions, response descriptions, the descriptions and tooltips of connection parameters and parameter sets, iconBrandColor, publisher, stackOwner), else major. An edited text is located on the edited key, the line a pull request's diff changed, not on the first line of what holds it: an operation's summary or description (of both, the first in the file), a response's or a webhook payload's (x-ms-notification-content) description, and info's title, description or contact (on the edited field inside it; an edit of info's version or other keys, a CHG-OTHER, is on its key too). A deleted text is located where it left its place, as a deleted field is.",
    example: {
      placement: 'operation',
      before: '{ "operationId": "GetTask", "summary": "Get task" }',
      after: '{ "operationId": "GetTask", "summary": "Get a task" }',
    },
  },
  readmeEdited: {
    description:
      'The readme.md was edited, added or removed (line endings or a byte-order mark alone are no edit). A minor update.',
    example: {
      placement: 'readme',
      before: '## Prerequisites\nA Contoso account.',
      after: '## Prerequisites\nA Contoso Tasks account.',
    },
  },
  iconChanged: {
    description: 'The icon.png changed, was added or was removed. A minor update.',
    example: {
      placement: 'icon',
      before: 'icon.png (the old picture)',
      after: 'icon.png (another picture)',
    },
  },
  scriptChanged: {
    description:
      'The custom code (script.csx) was edited, added or removed (line endings or a byte-order mark alone are no edit). A major update.',
    example: {
      placement: 'script',
      before: 'return await this.Context.SendAsync(this.Context.Request, this.CancellationToken);',
      after:
        'var response = await this.Context.SendAsync(this.Context.Request, this.CancellationToken);\nreturn response;',
    },
  },
  other: {
    description:
      "Any other difference in what the swagger or apiProperties.json says, so that no edit of it reads as \"no change\": each entry says what changed and, where it is not obvious, why existing flows and connections keep working or what to check (another success status code, an x-ms-dynamic-values or x-ms-dynamic-schema source, OAuth scopes). A key that holds a plain value (a string, a number, a boolean) is named with its old and new value, `x-ms-visibility (from none to 'important')`, `info.version (from '1.0' to '2.0')`; a list of plain values with what it gained and lost, `required (added 'due')`, `consumes (added 'text/plain'; removed 'application/json')`, or `(reordered)`; one that holds an object is named alone. Responses other than the success one are named by code with how each changed, codes that changed alike together: `responses 400, 401 (schema added); 404 (added)` (an edit of a description alone is CHG-TEXT-EDITED's). An x-ms-dynamic-* extension whose base version called an operation that the base swagger does not have is a minor change alone (the fix of a broken dropdown or field list: the designer got nothing from it, so no flow holds what it gave). So is a change of letter case alone in an x-ms-api-annotation status (info's or an operation's) or in the Categories of x-ms-connector-metadata, told as a respelling: `production` as `Production`, `website` as `Website`, the spellings the schema and Microsoft's category list have and `validate --fix` writes (SWG-API-STATUS, SWG-META-CATEGORY), so that an update that ran --fix is not a major one for them. A policy of apiProperties.json edited under its title (any template but the rerouting ones, which are BRK-POLICY-REROUTE's) is told by its parameters, each with its old and new value (a key sent hard-coded under a credential's name, which GEN-SECRETS reports, masked as it masks it), and the operations it now applies to or no longer does; one that sends the credential of each connection (a header named Authorization, or a value built from @connectionParameters) gets a note to say in the pull request that the API accepts the new value. That is no breaking change: rules.md lists none for a policy's parameters, the authentication type stays (BRK-AUTH-TYPE), and such an edit is often the fix that makes sign-in work. An edit of scriptOperations, or of the `script.operationIds` that newer tooling writes instead (read as PROP-SCRIPTOPS reads them), names the operations that entered or left the script (a renamed one is both; a list written where there was none, or removed, says which operations the script now runs for: no list, or an empty one, is every operation), and a list moved from one form to the other says so. A change of form alone is no change, and the diff lists nothing for it: the order of keys, of paths or of definitions, the file's layout, a definition renamed with the `$ref`s to it, a `$ref` written in place of what it refers to or the reverse (a parameter moved into `#/parameters`, a response schema inlined), a parameter moved from its operations to their path item. An apiProperties.json that only the new version has is one entry, located at its start (the reverse is BRK-API-PROPERTIES-DELETED).",
    example: {
      placement: 'parameter',
      before: '{ "name": "owner", "in": "query", "type": "string", "required": false, "default": "me" }',
      after: '{ "name": "owner", "in": "query", "type": "string", "required": true, "default": "me" }',
    },
  },
  uncomparable: {
    description:
      'The swagger or apiProperties.json is not a JSON object in one of the versions (an empty file, text that is not JSON, such as YAML, JSON nested deeper than the validator reads, a file cut off, as an interrupted save leaves it, or another JSON value, such as an array), so it was not compared, and nothing else is told of it. The message says which, as `validate` says it, and where: the first syntax error, the end where the file was cut, or the bracket past the depth limit. Read as far as it goes, a file cut off lacked every operation past the cut, each a breaking change that no one made; `validate --base` counts none of the base findings of that file fixed either, since nothing of it is judged now. Nor is the sign-in compared where it rests on the file (the securityDefinitions of the swagger; all of it for apiProperties.json, whose connection parameters decide it). In the new version it is breaking, so that `diff` exits 1 (unless `--fail-on never`): the platform cannot read the file, whatever else changed. In the base version it is major: nothing of the update could be compared, so it needs the full review. A syntax error the parser recovers from (a missing closing brace, a trailing comma) does not fire it: the recovered object is compared, and CHG-JSON-SYNTAX reports the error.',
    example: {
      placement: 'swaggerFile',
      before: '{ "swagger": "2.0" }',
      after: 'swagger: "2.0"',
    },
  },
  jsonSyntax: {
    description:
      "The swagger or apiProperties.json of one version has JSON syntax errors, which the parser recovers from (a trailing comma, a missing comma or closing brace): the recovered object is compared, and each error is reported where GEN-JSON-PARSE reports it in `validate`, with its message: the first 20 of a file, then one change at the next that counts the rest. An error the new version made is breaking, so that `diff` exits 1 (unless `--fail-on never`): the certification pipeline and the platform read strict JSON and refuse the file, whatever the comparison found. One only the base version has is major, located there: the comparison rests on a recovered reading of the base, so the update needs the full review. One both versions have (the same message at the same place: in the same member, after the same text on its line, wherever lines inserted above moved it; as `validate --base` marks its GEN-JSON-PARSE finding existing) is not the update's doing: it is listed once, in the new version, as major, and says that the base version has it too, so that `diff` and `validate --base` classify the update alike. The errors past the 20 listed are unknown to both: an error listed now that the base only counted is the update's, and the change that counts the rest is major, not breaking, when the base counted some too and the file has no more errors than it had (fixing one of 25 errors changes the count, not what is wrong). A file with nothing to recover, or cut off, is CHG-UNCOMPARABLE. `validate --base` leaves out the errors the current version made, since its GEN-JSON-PARSE findings report them as new.",
    example: {
      placement: 'swaggerFile',
      before: '{ "swagger": "2.0" }',
      after: '{ "swagger": "2.0", }',
    },
  },
};
