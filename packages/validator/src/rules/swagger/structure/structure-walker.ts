import { childPointer } from '../../../json/pointer.js';
import { PointerPlace } from '../../../json/pointer-place.js';
import { HTTP_METHODS } from '../../../swagger/path-item-methods.js';
import { MAX_SCHEMA_WALK_DEPTH } from '../../../swagger/schema-walk.js';
import { asArray, entriesOf, has, isObject, type JsonObject } from '../../../swagger/json-values.js';
import { isInternalVisibility } from '../../../swagger/visibility.js';
import { KNOWN_XMS_EXTENSIONS } from '../known-extensions.js';
import { mayRepeatName, onlyRepeatsName } from '../repeated-name.js';
import {
  INFO,
  ITEMS,
  OPERATION,
  PARAMETER,
  PATH_ITEM_FIRST_METHOD,
  PATH_ITEM_PARAMETERS,
  RESPONSE,
  ROOT,
  SCHEMA,
  SECURITY_SCHEME,
  TAG,
} from './child-slots.js';
import {
  extensionHolderNoteOf,
  HOLDER_FILE_TYPE,
  HOLDER_SHIFT,
  isDataType,
  isKeywordKind,
  mayBeBlank,
  meantTypeNotes,
  NOTE_ARRAY,
  NOTE_BINARY,
  NOTE_CAPABILITIES,
  NOTE_DISCRIMINATOR,
  NOTE_EDITOR,
  NOTE_ENUM,
  NOTE_FORMAT,
  NOTE_LIST,
  NOTE_LONG_LIST,
  NOTE_NUMERIC,
  NOTE_ODD_TYPE,
  NOTE_PATTERN,
  NOTE_READ_ONLY,
  NOTE_REQUIRED,
  NOTE_SUMMARY,
  NOTE_TYPE,
  NOTES,
  TEXT_SCREENED,
  VISIBILITY_NOTE,
} from './field-notes.js';
import { jsonTypeOf, matches, typeBitOf, type JsonTypeName } from './json-types.js';
import type { StructureNode } from './nodes.js';
import { ObjectNode, ORIGIN, placeAt, RefUse, SchemaStructureNode, type OriginIndex } from './nodes.js';
import { expectedTypeOf, type NodeKind } from './swagger-fields.js';
import type { SwaggerStructure } from './swagger-structure.js';
import {
  KINDS,
  NO_HOLDER_KEYS,
  noteSchemaHolderKeys,
  takeNodes,
  takeSchemaHolderKeys,
  type KindState,
} from './walk-scratch.js';
import { NOTIFICATION_CONTENT } from '../../../swagger/notification-content.js';

/**
 * Keys that were meant as extensions but miss the exact `x-` prefix: `X-ms-summary`, `ms-summary`,
 * `x_ms_summary`, `x ms-summary`. The schema only treats lower-case `x-` as an extension.
 */
const EXTENSION_LOOKALIKE = /^(?:X-|x[_ .]|ms[-_])/;

/** The walk descends no deeper than this (the JSON parser already refuses more than 256 levels). */
export const MAX_WALK_DEPTH = 200;

/**
 * Whether for…in over a parsed object can meet a key it does not own: one that some code made
 * enumerable on Object.prototype, which the objects of JSON.parse and jsonc-parser inherit from
 * alone. Never so in practice, and then the walk asks no such object whether it owns each key: that
 * hasOwnProperty call, which V8 does not fold away in for…in over objects of thousands of shapes,
 * took ~9% of the walk's samples.
 */
function objectPrototypeHasEnumerableKeys(): boolean {
  // for…in over Object.prototype meets exactly its enumerable string keys (it inherits from nothing):
  // listing every name and asking each whether it is enumerable cost ~4 µs a walk (~1.5 ms a run).
  for (const _key in Object.prototype) return true;
  return false;
}

/**
 * The walk over a swagger's objects by position: each Swagger 2.0 object is recorded under its kind,
 * its fields' JSON types checked, its `$ref`s listed and the keywords a few rules check noted, in one
 * pass (see structureOf, which keeps its result per document).
 */
export class StructureWalker {
  /** See objectPrototypeHasEnumerableKeys: false but where Object.prototype was tampered with. */
  private readonly plainObjectsInherit = objectPrototypeHasEnumerableKeys();
  /** The scratch lists this walk wrote to, in the order it met their kinds. */
  private readonly kindsMet: KindState[] = [];
  /**
   * The children add() kept for the nodes being visited (see CHILD_FIELDS), as a stack: each add()
   * writes its node's at `childTop` and moves it past them; a visit that has read them moves it back.
   */
  private readonly children: unknown[] = [];
  private childTop = 0;
  /**
   * Whether the last add() kept any child: most schemas have none (a type, a description), and
   * their visit then reads none of the seven slots (~3.5% of the walk's CPU).
   */
  private keptChildren = false;
  private readonly result: SwaggerStructure = {
    byKind: new Map(),
    schemas: [],
    refs: [],
    typeIssues: [],
    keys: { unknown: [], lookalike: [], unknownXms: [], agenticProtocol: [] },
    keywords: {
      pattern: [],
      enum: [],
      numeric: [],
      required: [],
      'x-ms-editor': [],
      'x-ms-summary': [],
      readOnly: [],
      binaryFormat: [],
      oddType: [],
      uniqueLists: [],
      arrayType: [],
      discriminator: [],
      'x-ms-capabilities': [],
      blankText: [],
      describedByName: [],
      propertiesBelowWalk: [],
    },
    schemaHolderKeys: NO_HOLDER_KEYS,
    schemasBelowSchemaWalk: 0,
  };

  walk(root: JsonObject): SwaggerStructure {
    try {
      this.visitRoot(root);
    } finally {
      // Schemas last, as byKind has always listed them.
      const schemas = this.kindsMet.indexOf(KINDS.schema);
      if (schemas >= 0) this.kindsMet.push(...this.kindsMet.splice(schemas, 1));
      this.result.schemaHolderKeys = takeSchemaHolderKeys(KINDS.schema.count);
      takeNodes(this.kindsMet, this.result.byKind);
    }
    this.result.schemas = (this.result.byKind.get('schema') ?? []) as SchemaStructureNode[];
    return this.result;
  }

  /**
   * for…in over the object meets only keys it owns: it inherits from Object.prototype (or nothing),
   * as parsed objects do, and Object.prototype has no enumerable key.
   */
  private enumeratesOwnKeysOnly(object: JsonObject): boolean {
    if (this.plainObjectsInherit) return false;
    const prototype: unknown = Object.getPrototypeOf(object);
    return prototype === Object.prototype || prototype === null;
  }

  /**
   * Records a node of a kind and checks its fields' types. Keeps its children at the returned slot
   * of `children`, and leaves `childTop` past them: the caller reads them, then sets it back.
   * Schema nodes come here with their kind's state: reading `kind` from nodes of both classes, a
   * field on one and a getter on the other, made the walk slower.
   */
  private add(node: StructureNode, state: KindState): number {
    const value = node.value;
    if (state.count === 0) this.kindsMet.push(state);
    state.nodes[state.count++] = node;
    const fields = state.fields;
    const at = this.childTop;
    const children = this.children;
    const end = at + state.childCount;
    while (children.length < end) children.push(undefined);
    for (let slot = at; slot < end; slot++) children[slot] = undefined;
    this.childTop = end;
    let notes = 0;
    let keptChildren = false;
    let blankText = false;
    let internal = false;
    // A screened description, and a parameter's name.
    let description: string | undefined;
    let name: string | undefined;
    const ownKeysOnly = this.enumeratesOwnKeysOnly(value);
    for (const key in value) {
      if (!ownKeysOnly && !Object.prototype.hasOwnProperty.call(value, key)) continue;
      const index = fields.indexOf(key);
      if (index < 0) {
        const note = this.classifyKey(node, key);
        // A schema's label, the one text SWG-TEXT-EMPTY reads that is no field.
        if (note === NOTE_SUMMARY && state === KINDS.schema && mayBeBlank(value[key])) blankText = true;
        else if (note === VISIBILITY_NOTE && isInternalVisibility(value[key])) internal = true;
        notes |= note;
        continue;
      }
      const allowed = fields.bits[index]!;
      notes |= allowed;
      const field = value[key];
      const slot = fields.slots[index]!;
      if (slot >= 0) {
        children[at + slot] = field;
        keptChildren = true;
      } else if (slot === TEXT_SCREENED && typeof field === 'string') {
        if (mayBeBlank(field)) blankText = true;
        if (key === 'description') description = field;
        else if (key === 'name') name = field;
      }
      if ((allowed & NOTE_FORMAT) !== 0 && field === 'binary') notes |= NOTE_BINARY;
      if ((allowed & NOTE_LIST) !== 0 && Array.isArray(field) && field.length > 1) notes |= NOTE_LONG_LIST;
      if ((allowed & NOTE_TYPE) !== 0) {
        if (field === 'array') notes |= NOTE_ARRAY;
        else if (field === 'file') notes |= HOLDER_FILE_TYPE;
        else if (typeof field === 'string') {
          if (!isDataType(field)) notes |= NOTE_ODD_TYPE | meantTypeNotes(field);
        } else if (Array.isArray(field)) notes |= meantTypeNotes(field);
      }
      // The note bits are above every type bit: they never match a type.
      if ((typeBitOf(field) & allowed) !== 0) continue;
      this.result.typeIssues.push({
        pointer: childPointer(node.pointer, key),
        expected: expectedTypeOf(state.kind, key),
        actual: jsonTypeOf(field),
      });
    }
    this.keptChildren = keptChildren;
    if (blankText && state !== KINDS.parameter) this.result.keywords.blankText.push(node);
    if (internal && state === KINDS.schema) (node as SchemaStructureNode).noteInternal();
    if (description !== undefined && !internal) this.noteDescribedByName(node, state, description, name);
    if (state === KINDS.schema) noteSchemaHolderKeys(state.count - 1, notes >>> HOLDER_SHIFT);
    if ((notes & NOTES) !== 0) this.noteKeywords(node, state.kind, notes);
    return at;
  }

  /**
   * Lists a visible property schema or parameter whose description only repeats its name (a
   * parameter's `name` is the one add() met). Few descriptions start as their name does: the
   * others cost two characters read.
   */
  private noteDescribedByName(
    node: StructureNode,
    state: KindState,
    description: string,
    parameterName: string | undefined,
  ): void {
    let name = parameterName;
    if (state === KINDS.schema) {
      const schema = node as SchemaStructureNode;
      name = schema.propertyName;
      if (name === undefined || schema.propertyOf!.isInternal) return;
    } else if (state !== KINDS.parameter || name === undefined) return;
    if (mayRepeatName(description, name) && onlyRepeatsName(description, name))
      this.result.keywords.describedByName.push(node);
  }

  /** A key that is not a field of its object: an extension, a misspelled one, or unknown. */
  private classifyKey(node: StructureNode, key: string): number {
    const keys = this.result.keys;
    if (key.startsWith('x-')) {
      if (key === 'x-ms-editor') return NOTE_EDITOR;
      if (key === 'x-ms-summary') return NOTE_SUMMARY;
      if (key === 'x-ms-capabilities') return NOTE_CAPABILITIES;
      if (key.startsWith('x-ms-')) {
        if (!KNOWN_XMS_EXTENSIONS.has(key)) keys.unknownXms.push({ node, key });
        else if (key === 'x-ms-agentic-protocol') keys.agenticProtocol.push({ node, key });
      }
      return extensionHolderNoteOf(node.value, key);
    }
    (EXTENSION_LOOKALIKE.test(key) ? keys.lookalike : keys.unknown).push({ node, key });
    // SWG-NUMERIC checks them on parameters, items and headers too, where they are not fields.
    return key === 'maxProperties' || key === 'minProperties' ? NOTE_NUMERIC : 0;
  }

  /** Lists a node under each keyword or value it was noted for (the notes' bits). */
  private noteKeywords(node: StructureNode, kind: NodeKind, notes: number): void {
    const keywords = this.result.keywords;
    // Other kinds' extensions and unknown keys are not noted; their lists are (the root, operations).
    if (!isKeywordKind(kind)) {
      if (notes & NOTE_LONG_LIST) keywords.uniqueLists.push(node);
      return;
    }
    if (notes & NOTE_PATTERN) keywords.pattern.push(node);
    if (notes & NOTE_ENUM) keywords.enum.push(node);
    if (notes & NOTE_NUMERIC) keywords.numeric.push(node);
    if (notes & NOTE_EDITOR) keywords['x-ms-editor'].push(node);
    if (notes & NOTE_SUMMARY) keywords['x-ms-summary'].push(node);
    if (notes & NOTE_ARRAY) keywords.arrayType.push(node);
    // A parameter's type is SWG-PARAM-TYPE's.
    if (notes & NOTE_ODD_TYPE && kind !== 'parameter') keywords.oddType.push(node);
    if (kind !== 'schema') return;
    const schema = node as SchemaStructureNode;
    if (notes & NOTE_REQUIRED) keywords.required.push(schema);
    if (notes & NOTE_READ_ONLY) keywords.readOnly.push(schema);
    if (notes & NOTE_BINARY) keywords.binaryFormat.push(schema);
    if (notes & NOTE_DISCRIMINATOR) keywords.discriminator.push(schema);
    if (notes & NOTE_CAPABILITIES) keywords['x-ms-capabilities'].push(schema);
  }

  /** Records a node without children (see CHILD_FIELDS) and checks its fields. */
  private addLeaf(
    kind: 'externalDocs' | 'contact' | 'license' | 'xml',
    value: JsonObject,
    parent: PointerPlace,
    first: string | number,
  ): void {
    this.add(new ObjectNode(kind, value, parent, first), KINDS[kind]);
  }

  private typeIssue(place: PointerPlace, expected: JsonTypeName, value: unknown): void {
    this.result.typeIssues.push({ pointer: place.pointer, expected, actual: jsonTypeOf(value) });
  }

  private ref(value: JsonObject, place: StructureNode, expects: RefUse['expects']): boolean {
    if (!('$ref' in value)) return false;
    if (typeof value.$ref !== 'string') {
      this.result.typeIssues.push({
        pointer: childPointer(place.pointer, '$ref'),
        expected: 'String',
        actual: jsonTypeOf(value.$ref),
      });
      return true;
    }
    this.result.refs.push(new RefUse(value.$ref, place, expects));
    return true;
  }

  /** A schema's `$ref`, which add() kept while reading the schema's keys. */
  private schemaRef(ref: unknown, node: SchemaStructureNode): void {
    if (typeof ref === 'string') {
      this.result.refs.push(new RefUse(ref, node, 'schema'));
      node.noteStringRef();
    } else this.typeIssue(placeAt(node, '$ref'), 'String', ref);
  }

  private visitRoot(root: JsonObject): void {
    const rootNode = new ObjectNode('root', root, undefined);
    const at = this.add(rootNode, KINDS.root);
    const children = this.children;
    const info = children[at + ROOT.info];
    if (isObject(info)) this.visitInfo(info, rootNode);
    const externalDocs = children[at + ROOT.externalDocs];
    if (isObject(externalDocs)) this.addLeaf('externalDocs', externalDocs, rootNode, 'externalDocs');
    this.eachObject(children[at + ROOT.tags], rootNode, 'tags', (tag, index) => {
      const tagNode = new ObjectNode('tag', tag, rootNode, 'tags', index);
      const tagAt = this.add(tagNode, KINDS.tag);
      const tagDocs = children[tagAt + TAG.externalDocs];
      this.childTop = tagAt;
      if (isObject(tagDocs)) this.addLeaf('externalDocs', tagDocs, tagNode, 'externalDocs');
    });
    // The root's definitions, parameters and responses before the paths: the schemas are then met in
    // the order of writtenSchemas, which is the list of them itself (no second list of ~100,000).
    // for…in over own keys here and below, not entriesOf or forEachEntry's callback: no list of
    // pairs per map and no closure per operation and response (~2 MB a corpus run).
    const definitions = children[at + ROOT.definitions];
    if (isObject(definitions)) {
      const ownKeysOnly = this.enumeratesOwnKeysOnly(definitions);
      for (const name in definitions) {
        if (ownKeysOnly || Object.prototype.hasOwnProperty.call(definitions, name))
          this.visitSchema(definitions[name], rootNode, 'definitions', name, ORIGIN.definition, 0);
      }
    }
    const parameters = children[at + ROOT.parameters];
    if (isObject(parameters)) {
      const ownKeysOnly = this.enumeratesOwnKeysOnly(parameters);
      for (const name in parameters) {
        if (ownKeysOnly || Object.prototype.hasOwnProperty.call(parameters, name))
          this.visitParameter(parameters[name], rootNode, 'parameters', name, ORIGIN.globalParameter);
      }
    }
    const responses = children[at + ROOT.responses];
    if (isObject(responses)) {
      const ownKeysOnly = this.enumeratesOwnKeysOnly(responses);
      for (const code in responses) {
        if (ownKeysOnly || Object.prototype.hasOwnProperty.call(responses, code))
          this.visitResponse(responses[code], rootNode, 'responses', code, ORIGIN.globalResponse);
      }
    }
    const paths = children[at + ROOT.paths];
    if (isObject(paths)) {
      const ownKeysOnly = this.enumeratesOwnKeysOnly(paths);
      for (const path in paths) {
        if (!ownKeysOnly && !Object.prototype.hasOwnProperty.call(paths, path)) continue;
        if (path.startsWith('x-')) continue;
        const item = paths[path];
        if (isObject(item)) this.visitPathItem(item, rootNode, path);
        else this.typeIssue(placeAt(rootNode, 'paths', path), 'Object', item);
      }
    }
    for (const [name, scheme] of entriesOf(children[at + ROOT.securityDefinitions])) {
      if (isObject(scheme)) {
        const schemeNode = new ObjectNode('securityScheme', scheme, rootNode, 'securityDefinitions', name);
        const schemeAt = this.add(schemeNode, KINDS.securityScheme);
        const scopes = children[schemeAt + SECURITY_SCHEME.scopes];
        this.childTop = schemeAt;
        this.checkMapOf(scopes, placeAt(schemeNode, 'scopes'), 'String');
      } else this.typeIssue(placeAt(rootNode, 'securityDefinitions', name), 'Object', scheme);
    }
    this.visitSecurity(children[at + ROOT.security], rootNode, 'security');
    this.childTop = at;
  }

  private visitInfo(info: JsonObject, rootNode: StructureNode): void {
    const infoNode = new ObjectNode('info', info, rootNode, 'info');
    const at = this.add(infoNode, KINDS.info);
    const contact = this.children[at + INFO.contact];
    const license = this.children[at + INFO.license];
    this.childTop = at;
    if (isObject(contact)) this.addLeaf('contact', contact, infoNode, 'contact');
    if (isObject(license)) this.addLeaf('license', license, infoNode, 'license');
  }

  private visitPathItem(item: JsonObject, rootNode: StructureNode, path: string): void {
    const itemNode = new ObjectNode('pathItem', item, rootNode, 'paths', path);
    this.ref(item, itemNode, 'pathItem');
    // The operations stay in their slots while the parameters and each operation are visited.
    const at = this.add(itemNode, KINDS.pathItem);
    this.visitParameters(this.children[at + PATH_ITEM_PARAMETERS], itemNode);
    for (let index = 0; index < HTTP_METHODS.length; index++) {
      const operation = this.children[at + PATH_ITEM_FIRST_METHOD + index];
      if (isObject(operation)) this.visitOperation(operation, itemNode, HTTP_METHODS[index]!);
    }
    this.childTop = at;
    this.visitNotificationSchema(item, itemNode);
  }

  /**
   * A webhook trigger's outputs: the schema of its path item's `x-ms-notification-content`, which
   * the platform reads as it reads a response's (269 path items of the corpus; none writes one on
   * an operation). Walked as a response schema, so the schema and dynamic rules check what is
   * written inline there too; its node sits under the path item, whose triggers own it.
   */
  private visitNotificationSchema(item: JsonObject, itemNode: StructureNode): void {
    const content = item[NOTIFICATION_CONTENT];
    if (!isObject(content)) return;
    const schema = content.schema;
    if (isObject(schema))
      this.visitSchema(schema, itemNode, NOTIFICATION_CONTENT, 'schema', ORIGIN.response, 0);
  }

  private visitOperation(operation: JsonObject, itemNode: StructureNode, method: string): void {
    const operationNode = new ObjectNode('operation', operation, itemNode, method);
    const at = this.add(operationNode, KINDS.operation);
    const children = this.children;
    const externalDocs = children[at + OPERATION.externalDocs];
    const parameters = children[at + OPERATION.parameters];
    const responses = children[at + OPERATION.responses];
    const security = children[at + OPERATION.security];
    this.childTop = at;
    if (isObject(externalDocs)) this.addLeaf('externalDocs', externalDocs, operationNode, 'externalDocs');
    this.visitParameters(parameters, operationNode);
    if (isObject(responses)) {
      // Object.keys, not for…in: status codes are integer-like keys, which for…in enumerates slowly
      // and hasOwnProperty looks up by number (11% of the walk's samples in a profile).
      const codes = Object.keys(responses);
      for (let index = 0; index < codes.length; index++) {
        const code = codes[index]!;
        if (!code.startsWith('x-'))
          this.visitResponse(responses[code], operationNode, 'responses', code, ORIGIN.response);
      }
    }
    this.visitSecurity(security, operationNode, 'security');
  }

  /** The `parameters` list of a path item or operation. */
  private visitParameters(list: unknown, owner: StructureNode): void {
    const parameters = asArray(list);
    if (!parameters) return;
    for (let index = 0; index < parameters.length; index++) {
      this.visitParameter(parameters[index], owner, 'parameters', index, ORIGIN.parameter);
    }
  }

  private visitParameter(
    parameter: unknown,
    parent: PointerPlace,
    first: string,
    second: string | number,
    origin: OriginIndex,
  ): void {
    if (!isObject(parameter)) return this.typeIssue(placeAt(parent, first, second), 'Object', parameter);
    const parameterNode = new ObjectNode('parameter', parameter, parent, first, second);
    if (this.ref(parameter, parameterNode, 'parameter')) return;
    const at = this.add(parameterNode, KINDS.parameter);
    const schema = this.children[at + PARAMETER.schema];
    const items = this.children[at + PARAMETER.items];
    this.childTop = at;
    if (isObject(schema)) this.visitSchema(schema, parameterNode, 'schema', undefined, origin, 0);
    if (isObject(items)) this.visitItems(items, parameterNode, 0);
  }

  private visitItems(items: JsonObject, parent: PointerPlace, depth: number): void {
    if (depth > MAX_WALK_DEPTH) return;
    const itemsNode = new ObjectNode('items', items, parent, 'items');
    const at = this.add(itemsNode, KINDS.items);
    const nested = this.children[at + ITEMS.items];
    this.childTop = at;
    if (isObject(nested)) this.visitItems(nested, itemsNode, depth + 1);
  }

  private visitResponse(
    response: unknown,
    parent: PointerPlace,
    first: string,
    second: string,
    origin: OriginIndex,
  ): void {
    if (!isObject(response)) return this.typeIssue(placeAt(parent, first, second), 'Object', response);
    const responseNode = new ObjectNode('response', response, parent, first, second);
    if (this.ref(response, responseNode, 'response')) return;
    const at = this.add(responseNode, KINDS.response);
    const schema = this.children[at + RESPONSE.schema];
    const headers = this.children[at + RESPONSE.headers];
    this.childTop = at;
    if (isObject(schema)) this.visitSchema(schema, responseNode, 'schema', undefined, origin, 0);
    if (isObject(headers)) {
      const ownKeysOnly = this.enumeratesOwnKeysOnly(headers);
      for (const name in headers) {
        if (ownKeysOnly || Object.prototype.hasOwnProperty.call(headers, name))
          this.visitHeader(headers[name], responseNode, name);
      }
    }
  }

  private visitHeader(header: unknown, responseNode: StructureNode, name: string): void {
    if (!isObject(header)) return this.typeIssue(placeAt(responseNode, 'headers', name), 'Object', header);
    const headerNode = new ObjectNode('header', header, responseNode, 'headers', name);
    const at = this.add(headerNode, KINDS.header);
    const items = this.children[at + ITEMS.items];
    this.childTop = at;
    if (isObject(items)) this.visitItems(items, headerNode, 0);
  }

  /** A schema written at `first`/`second` below `parent`. */
  private visitSchema(
    schema: unknown,
    parent: PointerPlace,
    first: string,
    second: string | number | undefined,
    origin: OriginIndex,
    depth: number,
  ): void {
    if (depth > MAX_WALK_DEPTH) return;
    if (!isObject(schema)) {
      if (first === 'properties' && parent instanceof SchemaStructureNode) parent.noteOddProperty();
      return this.typeIssue(placeAt(parent, first, second), 'Object', schema);
    }
    const node = new SchemaStructureNode(schema, parent, first, second, origin, depth);
    if (depth > MAX_SCHEMA_WALK_DEPTH) this.result.schemasBelowSchemaWalk++;
    const at = this.add(node, KINDS.schema);
    if (!this.keptChildren) {
      this.childTop = at;
      return;
    }
    const children = this.children;
    const $ref = children[at + SCHEMA.$ref];
    const properties = children[at + SCHEMA.properties];
    const items = children[at + SCHEMA.items];
    const additionalProperties = children[at + SCHEMA.additionalProperties];
    const allOf = children[at + SCHEMA.allOf];
    const xml = children[at + SCHEMA.xml];
    const externalDocs = children[at + SCHEMA.externalDocs];
    this.childTop = at;
    if ($ref !== undefined) this.schemaRef($ref, node);
    if (isObject(properties)) {
      if (depth === MAX_WALK_DEPTH) this.result.keywords.propertiesBelowWalk.push(node);
      // for…in, not Object.keys: no list of names per object schema.
      const ownKeysOnly = this.enumeratesOwnKeysOnly(properties);
      for (const name in properties) {
        if (ownKeysOnly || Object.prototype.hasOwnProperty.call(properties, name))
          this.visitSchema(properties[name], node, 'properties', name, origin, depth + 1);
      }
    }
    if (isObject(items)) this.visitSchema(items, node, 'items', undefined, origin, depth + 1);
    else if (Array.isArray(items)) this.typeIssue(placeAt(node, 'items'), 'Object', items);
    if (isObject(additionalProperties)) {
      this.visitSchema(additionalProperties, node, 'additionalProperties', undefined, origin, depth + 1);
    }
    // A loop, not eachObject's callback: a closure over this call's variables, even one made only
    // for the few schemas with an allOf list, made V8 allocate a context for every schema visited.
    if (Array.isArray(allOf)) {
      for (let index = 0; index < allOf.length; index++) {
        const member: unknown = allOf[index];
        if (isObject(member)) this.visitSchema(member, node, 'allOf', index, origin, depth + 1);
        else this.typeIssue(placeAt(node, 'allOf', index), 'Object', member);
      }
    }
    if (isObject(xml)) this.addLeaf('xml', xml, node, 'xml');
    if (isObject(externalDocs)) this.addLeaf('externalDocs', externalDocs, node, 'externalDocs');
  }

  /** A `security` list: a loop, not eachObject's callback, which made a closure per operation. */
  private visitSecurity(list: unknown, owner: StructureNode, key: string): void {
    const requirements = asArray(list);
    if (!requirements) return;
    for (let index = 0; index < requirements.length; index++) {
      const requirement = requirements[index];
      if (!isObject(requirement)) {
        this.typeIssue(placeAt(owner, key, index), 'Object', requirement);
        continue;
      }
      for (const name in requirement) {
        if (!has(requirement, name)) continue;
        const scopes = requirement[name];
        // A missing value (null) is SWG-SEC-EMPTY's finding.
        if (!Array.isArray(scopes) && scopes !== null)
          this.typeIssue(new PointerPlace(placeAt(owner, key, index), name), 'Array', scopes);
      }
    }
  }

  /** The objects of the array at `key` of `owner`; entries that are not objects are type issues. */
  private eachObject(
    list: unknown,
    owner: PointerPlace,
    key: string,
    visit: (value: JsonObject, index: number) => void,
  ): void {
    const entries = asArray(list);
    if (!entries) return;
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index];
      if (isObject(entry)) visit(entry, index);
      else this.typeIssue(placeAt(owner, key, index), 'Object', entry);
    }
  }

  private checkMapOf(map: unknown, place: PointerPlace, expected: JsonTypeName): void {
    for (const [key, value] of entriesOf(map)) {
      if (!matches(value, expected)) this.typeIssue(new PointerPlace(place, key), expected, value);
    }
  }
}
