import type { SchemaLayers, SchemaView } from './schema-view.js';

/** Both versions of a schema written in place, in layers whose fields stand apart (layersApart). */
export interface LayerPair {
  readonly before: SchemaLayers;
  readonly after: SchemaLayers;
}

/**
 * Whether comparing the layers of both versions, each member with the member at its position, is
 * comparing their views: the same members followed in both, and each field name (a property or a
 * required name, of either version) in one layer only (the schema's own, or one member's). Each
 * view is then its layers one after the other, and each member's fields are the view's as the
 * member has them. The names of every layer but the largest are looked up: a body that merges a
 * definition of 10,000 fields checks its own few, not the definition's.
 */
export function layersApart(before: SchemaLayers, after: SchemaLayers): boolean {
  if (before.members.length !== after.members.length) return false;
  const layers: (readonly SchemaView[])[] = [[before.own, after.own]];
  for (let index = 0; index < before.members.length; index++) {
    const was = before.members[index];
    const is = after.members[index];
    if (Boolean(was) !== Boolean(is)) return false;
    if (was && is) layers.push([was, is]);
  }
  const size = (layer: readonly SchemaView[]): number =>
    layer.reduce((sum, view) => sum + view.properties.size + view.required.size, 0);
  let largest = 0;
  layers.forEach((layer, index) => {
    if (size(layer) > size(layers[largest]!)) largest = index;
  });
  const owners = new Map<string, number>();
  for (let index = 0; index < layers.length; index++) {
    if (index === largest) continue;
    for (const view of layers[index]!) {
      for (const name of [...view.properties.keys(), ...view.required]) {
        if ((owners.get(name) ?? index) !== index) return false;
        owners.set(name, index);
      }
    }
  }
  for (const name of owners.keys()) {
    if (layers[largest]!.some((view) => view.properties.has(name) || view.required.has(name))) return false;
  }
  return true;
}

/** Whether `after` requires a name that `before` does not. */
export function requiresMore(before: SchemaView, after: SchemaView): boolean {
  for (const name of after.required) if (!before.required.has(name)) return true;
  return false;
}

/** Whether a property of `after` is no longer required, as it was in `before`. */
export function requiresLess(before: SchemaView, after: SchemaView): boolean {
  for (const name of before.required)
    if (!after.required.has(name) && after.properties.has(name)) return true;
  return false;
}
