import { childPointer } from '../../json/pointer.js';
import { asString, has, isObject, type JsonObject } from '../../swagger/json-values.js';
import { meantLocation } from '../../swagger/parameter-location.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { LazyPointer } from '../../swagger/operation-info.js';
import { perModel } from './rule-kit.js';

/** A parameter object as written in the document, with whether an operation shows it to makers. */
export interface WrittenParameter {
  readonly value: JsonObject;
  /** Where the parameter object is written (an operation's list entry, a path item's, or `#/parameters/x`). */
  readonly pointer: string;
  readonly name: string | undefined;
  readonly in: string | undefined;
  /** Used by at least one operation where neither the parameter nor the operation is internal. */
  readonly visible: boolean;
}

/** A written parameter; its pointer is built when read. */
class WrittenParameterEntry implements WrittenParameter {
  readonly name: string | undefined;
  readonly in: string | undefined;
  visible = false;

  constructor(
    readonly value: JsonObject,
    readonly place: LazyPointer,
    /** Another entry of the same object under another pointer (only a malformed `$ref` leads there). */
    readonly sameValue: WrittenParameterEntry | undefined,
    // Passed by the caller that has them already: the value's name and location, as read from it.
    name: string | undefined,
    location: string | undefined,
  ) {
    this.name = name;
    this.in = location;
  }

  get pointer(): string {
    return this.place.pointer;
  }
}

/**
 * Every parameter object once, wherever it is written: a `#/parameters/x` definition shared by ten
 * operations is checked (and reported) once, at its definition.
 *
 * Keyed by the object and its definition's place rather than by pointer text: building the pointer
 * of every parameter of the corpus cost ~2 MB a run, and findings name a few. One object has one
 * place except through a `$ref` spelled unlike the pointer of its target; the texts are compared then.
 */
export const writtenParameters = perModel((model: SwaggerModel): WrittenParameter[] => {
  const list: WrittenParameterEntry[] = [];
  const byValue = new Map<JsonObject, WrittenParameterEntry>();
  const add = (
    value: JsonObject,
    place: LazyPointer,
    name: string | undefined,
    location: string | undefined,
  ): WrittenParameterEntry => {
    const first = byValue.get(value);
    for (let known = first; known !== undefined; known = known.sameValue) {
      if (known.place === place || known.pointer === place.pointer) return known;
    }
    const entry = new WrittenParameterEntry(value, place, first, name, location);
    byValue.set(value, entry);
    list.push(entry);
    return entry;
  };
  const globals = model.root.parameters;
  if (isObject(globals)) {
    for (const name in globals) {
      if (!Object.prototype.hasOwnProperty.call(globals, name)) continue;
      const parameter = globals[name];
      if (isObject(parameter) && !has(parameter, '$ref'))
        add(
          parameter,
          model.placeAt(childPointer('/parameters', name)),
          asString(parameter.name),
          meantLocation(parameter.in),
        );
    }
  }
  const refsIntoPaths = anyDefinitionUnderPaths(model);
  for (const operation of model.operations) {
    for (const parameter of operation.parameters) {
      // The model has read each parameter's name and location: one with a name is not empty.
      const name = parameter.name;
      if (has(parameter.value, '$ref') || (name === undefined && isEmpty(parameter.value))) continue;
      // An entry written in its operation's list is listed once, by that operation, unless a `$ref`
      // leads to it: then, and for the others, the map finds an earlier listing of its object.
      // Most entries are written so, and a map entry for each was ~1.2 MB a corpus run.
      if (!refsIntoPaths && parameter.level === 'operation' && parameter.definitionPlace === parameter) {
        const entry = new WrittenParameterEntry(parameter.value, parameter, undefined, name, parameter.in);
        entry.visible = !parameter.isInternal;
        list.push(entry);
        continue;
      }
      const entry = add(parameter.value, parameter.definitionPlace, name, parameter.in);
      if (!parameter.isInternal) entry.visible = true;
    }
  }
  return list;
});

/**
 * Some parameter's definition is somewhere under `paths`, not in its own list: a `$ref` to a
 * parameter written in an operation, or a path item's parameter inherited by an internal operation
 * (its own copy, read here as the same case). Only then can an operation's own entry be listed twice.
 */
function anyDefinitionUnderPaths(model: SwaggerModel): boolean {
  for (const operation of model.operations) {
    const parameters = operation.parameters;
    for (let index = 0; index < parameters.length; index++) {
      const parameter = parameters[index]!;
      if (parameter.definitionPlace !== parameter && parameter.definitionPointer.startsWith('/paths/'))
        return true;
    }
  }
  return false;
}

/** Without the list of keys that `Object.keys(value).length` builds for every parameter. */
function isEmpty(value: JsonObject): boolean {
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) return false;
  return true;
}
