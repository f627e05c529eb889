import { childPointer } from '../../json/pointer.js';
import { asObject, asString, entriesOf, has, type JsonObject } from '../../swagger/json-values.js';
import type { OperationInfo, SwaggerModel } from '../../swagger/swagger-model.js';
import { perModel } from './rule-kit.js';

/** A parameter object as written in the document, with the operations that use it. */
export interface WrittenParameter {
  value: JsonObject;
  /** Where the parameter object is written (an operation's list entry, a path item's, or `#/parameters/x`). */
  pointer: string;
  name: string | undefined;
  in: string | undefined;
  users: OperationInfo[];
  /** Used by at least one operation where neither the parameter nor the operation is internal. */
  visible: boolean;
}

/**
 * Every parameter object once, wherever it is written: a `#/parameters/x` definition shared by ten
 * operations is checked (and reported) once, at its definition.
 */
export const writtenParameters = perModel((model: SwaggerModel): WrittenParameter[] => {
  const byPointer = new Map<string, WrittenParameter>();
  const add = (value: JsonObject, pointer: string): WrittenParameter => {
    let entry = byPointer.get(pointer);
    if (!entry) {
      entry = {
        value,
        pointer,
        name: asString(value.name),
        in: asString(value.in),
        users: [],
        visible: false,
      };
      byPointer.set(pointer, entry);
    }
    return entry;
  };
  for (const [name, value] of entriesOf(model.root.parameters)) {
    const parameter = asObject(value);
    if (parameter && !has(parameter, '$ref')) add(parameter, childPointer('/parameters', name));
  }
  for (const operation of model.operations) {
    for (const parameter of operation.parameters) {
      if (has(parameter.value, '$ref') || Object.keys(parameter.value).length === 0) continue;
      const entry = add(parameter.value, parameter.definitionPointer);
      entry.users.push(operation);
      if (!parameter.isInternal) entry.visible = true;
    }
  }
  return [...byPointer.values()];
});
