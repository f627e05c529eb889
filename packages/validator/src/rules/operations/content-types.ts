import { joinedList } from '@connector-alm/core';
import { nameExcerpt, quoteList } from '../../text/message-values.js';
import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { DOCUMENT_ROOT } from '../../json/pointer-place.js';
import { asString, type JsonObject } from '../../swagger/json-values.js';
import { meantEntryPointer, meantList } from '../../swagger/meant-list.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { OperationKey } from '../../swagger/operation-keys.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { effectiveMimeTypes, fill } from './rule-kit.js';
import { operationLabel } from '../../swagger/operation-label.js';
import { meantTypeOf } from '../../swagger/meant-type.js';

/** RFC 6838 type/subtype with optional parameters; wildcard types and subtypes are accepted (any type, application/any+json). */
const MIME_TYPE = /^(?:\*|[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*)\/[A-Za-z0-9*][A-Za-z0-9!#$&^_.+*-]*(?:\s*;.*)?$/;
const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded'];
const URL_ENCODED = 'application/x-www-form-urlencoded';

function mediaType(mimeType: string): string {
  return mimeType.split(';')[0]!.trim().toLowerCase();
}

/**
 * A loop, not `parameters.some(…)`: a closure over `location` for each of the corpus's ~6,100
 * operations, twice for SWG-CONSUMES, was ~0.4 MB a warm corpus run.
 */
function sends(operation: OperationInfo, location: 'body' | 'formData'): boolean {
  const parameters = operation.parameters;
  for (let index = 0; index < parameters.length; index++) {
    if (parameters[index]!.in === location) return true;
  }
  return false;
}

/**
 * Whether effectiveMimeTypes would list any type, without the filtered list it makes: SWG-CONSUMES
 * asks it for every operation that sends a body or form data.
 */
function consumesAnyType(model: SwaggerModel, operation: OperationInfo): boolean {
  const own =
    (operation.keys & OperationKey.consumes) !== 0 ? meantList(operation.operation.consumes) : undefined;
  const list = own ?? meantList(model.root.consumes);
  if (list === undefined) return false;
  for (let index = 0; index < list.length; index++) if (typeof list[index] === 'string') return true;
  return false;
}

/** Whether the operation writes a `consumes` list of its own, which the document's does not replace. */
function hasOwnConsumes(operation: OperationInfo): boolean {
  return (
    (operation.keys & OperationKey.consumes) !== 0 && meantList(operation.operation.consumes) !== undefined
  );
}

/**
 * Calls `visit` with each consumes/produces list as meant (meantList), and its value as written: the
 * root's, then every operation's, with its owner (the root or the operation) and key. Owner and key,
 * not a pointer: one is built only to report.
 */
function forEachMimeList(
  model: SwaggerModel,
  visit: (
    list: readonly unknown[],
    written: unknown,
    owner: { readonly pointer: string },
    key: 'consumes' | 'produces',
  ) => void,
): void {
  for (const key of ['consumes', 'produces'] as const) {
    const root = meantList(model.root[key]);
    if (root) visit(root, model.root[key], DOCUMENT_ROOT, key);
    for (const operation of model.operations) {
      if ((operation.keys & OperationKey[key]) === 0) continue;
      const written = operation.operation[key];
      const own = meantList(written);
      if (own) visit(own, written, operation, key);
    }
  }
}

/** The operation sends a file or a binary string as form data. */
function sendsBinaryForm(operation: OperationInfo): boolean {
  for (const parameter of operation.parameters) {
    if (parameter.in === 'formData' && isBinary(parameter.value)) return true;
  }
  return false;
}

/** A file or a binary string, as its type is meant (`"File"` is a file). */
function isBinary(parameter: JsonObject): boolean {
  const type = meantTypeOf(parameter);
  return type === 'file' || (type === 'string' && parameter.format === 'binary');
}

/** The request type an operation that sends a body or form data is told to declare. */
function requestType(operation: OperationInfo): string {
  if (!sends(operation, 'formData')) return 'application/json';
  return sendsBinaryForm(operation) ? 'multipart/form-data' : URL_ENCODED;
}

/**
 * The operations that filling the document's empty `consumes` serves, and the type to write there:
 * those without a list of their own that want the type most of them want (the first one's on a tie).
 */
function documentListServes(
  missing: readonly OperationInfo[],
): { type: string; operations: OperationInfo[] } | undefined {
  const byType = new Map<string, OperationInfo[]>();
  for (const operation of missing) {
    if (hasOwnConsumes(operation)) continue;
    const type = requestType(operation);
    const same = byType.get(type);
    if (same) same.push(operation);
    else byType.set(type, [operation]);
  }
  let most: { type: string; operations: OperationInfo[] } | undefined;
  for (const [type, operations] of byType) {
    if (operations.length > (most?.operations.length ?? 0)) most = { type, operations };
  }
  return most;
}

/**
 * Where to declare the request type, for an operation SWG-CONSUMES reports on its own, and which one.
 * Where the document's `consumes` is empty, the operations that filling it serves are told at that
 * list (documentListServes): those left here have an empty list of their own, or want another type
 * than `documentType`, the one the list is told to hold.
 */
function consumesAdvice(operation: OperationInfo, documentType: string | undefined): string {
  const type = requestType(operation);
  // Its own list, empty, stands in for the document's: that is the one to fill.
  if (hasOwnConsumes(operation))
    return `Its own "consumes" is empty: add "${type}" (or the type the API reads) there.`;
  if (documentType !== undefined) {
    return `The document's "consumes" is empty, and "${documentType}", which its other operations want there, does not serve this one: give it its own "consumes": ["${type}"].`;
  }
  return `Add "consumes": ["${type}"] (or the type the API reads) to the operation, or to the document for every operation.`;
}

/** How many operations SWG-CONSUMES names at an empty document `consumes` before it counts the rest. */
const NAMED_OPERATIONS = 3;

/**
 * SWG-CONSUMES at the document's empty `consumes` (the wizard's `"consumes": []`), for the operations
 * that filling it serves (documentListServes). One edit there fixes
 * them all, and each was a finding at its operation (733 upstream in 151 connectors, 37 in Power Textor); an
 * operation that wants another type (a file upload among JSON actions) keeps its own finding.
 */
function emptyDocumentConsumesMessage(type: string, operations: readonly OperationInfo[]): string {
  const labels = operations.map((operation) => operationLabel(operation));
  const missing =
    labels.length === 1
      ? fill(
          "At least one supported MIME type must be provided in 'consumes' for operation '{0}'.",
          labels[0]!,
        )
      : `At least one supported MIME type must be provided in 'consumes' for operations ${joinedList(labels, { quote: "'", max: NAMED_OPERATIONS })}.`;
  const each = labels.length === 1 ? 'it' : `each of the ${labels.length}`;
  return `${missing} The document's "consumes" is empty: add "${type}" (or the type the API reads) here, which serves ${each}.`;
}

/**
 * Where SWG-MIME-COMPAT's finding goes, and what it asks: the operation's own `consumes` when it has
 * one, since that list is what to change (ElfsquadProductConfigurator's `application/form-data` for
 * a file); the operation itself when the document's list applies, since the other operations may
 * send JSON by it and the operation needs a list of its own. The finding pointed at `parameters`,
 * which hold nothing to change.
 */
function mimeCompatPlace(
  operation: OperationInfo,
  written: readonly string[],
  needed: readonly string[],
): { pointer: string; advice: string } {
  const write = needed.map((type) => `"${type}"`).join(' or ');
  return hasOwnConsumes(operation)
    ? {
        pointer: childPointer(operation.pointer, 'consumes'),
        advice: `Its "consumes" lists ${quoteList(written)}: write ${write} there.`,
      }
    : {
        pointer: operation.pointer,
        // A form of text fields only goes either way; the plainer URL-encoded one is suggested.
        advice: `The document's "consumes" (${quoteList(written)}) applies to it: give the operation its own "consumes": ["${needed.includes(URL_ENCODED) ? URL_ENCODED : needed[0]}"].`,
      };
}

export const contentTypeRules: RuleDefinition[] = [
  {
    id: 'SWG-GET-BODY',
    file: 'swagger',
    title: 'Do not send a body or form data with GET.',
    description:
      'A fetch (GET) operation cannot carry a body (SVR BodyOrFormDataParameterInFetchOperationNotAllowed). 8 legacy merged operations still do.',
    levels: sameLevels('error'),
    msCode: 'BodyOrFormDataParameterInFetchOperationNotAllowed',
    msMessage: 'Body or form data parameters are not supported in a fetch operation.',
    example: {
      placement: 'pathItem',
      bad: '"get": { "parameters": [{ "name": "body", "in": "body", "schema": {} }] }',
      good: '"post": { "parameters": [{ "name": "body", "in": "body", "schema": {} }] }',
    },
    check({ swagger, report }) {
      for (const operation of swagger?.operations ?? []) {
        if (operation.method !== 'get') continue;
        for (const parameter of operation.parameters) {
          if (parameter.in !== 'body' && parameter.in !== 'formData') continue;
          report({
            pointer: parameter.pointer,
            message:
              'Body or form data parameters are not supported in a fetch operation. Send the values as query or header parameters, or remove this parameter.',
          });
        }
      }
    },
  },
  {
    id: 'SWG-CONSUMES',
    file: 'swagger',
    title: "Declare 'consumes' for operations that send a body or form data.",
    description:
      "Without a request MIME type the platform has to guess how to serialize the body (SVR ConsumesMissing). The operation's or the document's `consumes` counts. 48 merged certified connectors omit it (the platform then sends JSON), so it is a warning. Where the document's `consumes` is empty (the wizard's `\"consumes\": []`, 151 upstream connectors), the operations that filling it serves are one finding, there, that names them; one that wants another type (a file upload among JSON actions) is told to declare its own.",
    levels: sameLevels('warning'),
    msCode: 'ConsumesMissing',
    msMessage: "At least one supported MIME type must be provided in 'consumes' for operation '{0}'.",
    example: {
      bad: '{ "paths": { "/tasks": { "post": { "parameters": [{ "in": "body", … }] } } } }',
      good: '{ "consumes": ["application/json"], "paths": { … } }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      const missing: OperationInfo[] = [];
      for (const operation of swagger.operations) {
        if (!sends(operation, 'body') && !sends(operation, 'formData')) continue;
        if (!consumesAnyType(swagger, operation)) missing.push(operation);
      }
      if (missing.length === 0) return;
      const root = meantList(swagger.root.consumes);
      const atRoot = root?.length === 0 ? documentListServes(missing) : undefined;
      for (const operation of missing) {
        if (atRoot?.operations.includes(operation)) continue;
        report({
          pointer: operation.pointer,
          message: `${fill(
            "At least one supported MIME type must be provided in 'consumes' for operation '{0}'.",
            operationLabel(operation),
          )} ${consumesAdvice(operation, atRoot?.type)}`,
        });
      }
      if (atRoot) {
        report({
          pointer: '/consumes',
          message: emptyDocumentConsumesMessage(atRoot.type, atRoot.operations),
          // Giving one of them its own "consumes" is no new finding under `validate --base`.
          parts: {
            problem: `The document's empty "consumes" leaves operations without a MIME type to send.`,
            names: atRoot.operations.map((operation) => operationLabel(operation)),
          },
        });
      }
    },
  },
  {
    id: 'SWG-MIME-SUPPORTED',
    file: 'swagger',
    title: "Write 'consumes' and 'produces' entries as MIME types.",
    description:
      'Each entry must be a `type/subtype` MIME type (SVR). Microsoft does not publish its full list of supported types and merged connectors use many (octet-stream, text/csv, xml…), so only the syntax is checked.',
    levels: sameLevels('error'),
    msMessage: "The MIME type '{0}' is not valid.",
    example: { bad: '"consumes": ["json"]', good: '"consumes": ["application/json"]' },
    check({ swagger, report }) {
      if (!swagger) return;
      forEachMimeList(swagger, (list, written, owner, key) => {
        for (let index = 0; index < list.length; index++) {
          const entry = list[index];
          const mimeType = asString(entry);
          if (mimeType !== undefined && MIME_TYPE.test(mimeType.trim())) continue;
          report({
            pointer: meantEntryPointer(childPointer(owner.pointer, key), written, index),
            message: fill("The MIME type '{0}' is not valid.", nameExcerpt(String(entry))),
          });
        }
      });
    },
  },
  {
    id: 'SWG-MIME-COMPAT',
    file: 'swagger',
    title: 'Send form data with a form MIME type.',
    description:
      'formData parameters are sent as multipart/form-data or application/x-www-form-urlencoded, and file parameters only as multipart/form-data (Swagger 2.0; SVR).',
    levels: sameLevels('error'),
    msMessage: "The MIME type(s) are not compatible with the request content type '{0}' for operation '{1}'.",
    example: {
      placement: 'operation',
      bad: '"consumes": ["application/json"], "parameters": [{ "name": "file", "in": "formData", "type": "file" }]',
      good: '"consumes": ["multipart/form-data"], "parameters": [{ "name": "file", "in": "formData", "type": "file" }]',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      for (const operation of swagger.operations) {
        if (!sends(operation, 'formData')) continue;
        const written = effectiveMimeTypes(swagger, operation, 'consumes') ?? [];
        const consumes = written.map(mediaType);
        if (consumes.length === 0) continue; // SWG-CONSUMES reports it.
        const hasFile = operation.parameters.some(
          (p) => p.in === 'formData' && meantTypeOf(p.value) === 'file',
        );
        const needed = hasFile ? ['multipart/form-data'] : FORM_TYPES;
        if (consumes.some((type) => needed.includes(type))) continue;
        const { pointer, advice } = mimeCompatPlace(operation, written, needed);
        report({
          pointer,
          message: `${fill(
            "The MIME type(s) are not compatible with the request content type '{0}' for operation '{1}'.",
            needed.join("' or '"),
            operationLabel(operation),
          )} ${advice}`,
        });
      }
    },
  },
  {
    id: 'SWG-FORMURLENC',
    file: 'swagger',
    title: 'Do not send files or binary strings as application/x-www-form-urlencoded.',
    description:
      'URL-encoded forms carry text only; a `file` or `string/binary` form parameter needs multipart/form-data (SVR).',
    levels: sameLevels('error'),
    msMessage:
      "String/binary parameters are not supported for operation '{0}' with 'application/x-www-form-urlencoded' consumes type.",
    example: {
      placement: 'operation',
      bad: '"consumes": ["application/x-www-form-urlencoded"], "parameters": [{ "in": "formData", "type": "file" }]',
      good: '"consumes": ["multipart/form-data"], "parameters": [{ "in": "formData", "type": "file" }]',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      for (const operation of swagger.operations) {
        // Few operations send binary form data: the consumed types are read for those only.
        if (!sendsBinaryForm(operation)) continue;
        const consumes = (effectiveMimeTypes(swagger, operation, 'consumes') ?? []).map(mediaType);
        if (!consumes.includes(URL_ENCODED) || consumes.includes('multipart/form-data')) continue;
        for (const parameter of operation.parameters) {
          if (parameter.in !== 'formData' || !isBinary(parameter.value)) continue;
          report({
            pointer: parameter.pointer,
            message: fill(
              "String/binary parameters are not supported for operation '{0}' with 'application/x-www-form-urlencoded' consumes type.",
              operationLabel(operation),
            ),
          });
        }
      }
    },
  },
];
