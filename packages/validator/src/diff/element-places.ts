import { asObject } from '../swagger/json-values.js';

/**
 * Where each element of a base version's array is in the new version's array: the first element
 * that is the same one (a parameter by its `$ref`, else by its `name` and `in`; any other element by
 * being unchanged, as jsonEqual tells). Worked out once per pair of arrays, through an index of the
 * new array's elements: a breaking change is placed for each deleted element, and a search of the
 * whole new array for each of them and each of their followers made a thousand deletions from a
 * long list take more than ten minutes (a pull request from a fork is hostile input).
 *
 * The places are kept while both arrays live (a WeakMap keyed by the arrays themselves): documents
 * are parsed once and never edited, so an array's places do not change.
 */
export interface ElementPlaces {
  /** The index in the new array of the base array's element `index`, or undefined when it is gone. */
  placeOf(index: number): number | undefined;
}

const placesByBase = new WeakMap<readonly unknown[], WeakMap<readonly unknown[], ElementPlaces>>();

/** The places of `was`'s elements in `is`, worked out on the first call for this pair of arrays. */
export function elementPlaces(was: readonly unknown[], is: readonly unknown[]): ElementPlaces {
  let byNew = placesByBase.get(was);
  if (!byNew) {
    byNew = new WeakMap();
    placesByBase.set(was, byNew);
  }
  let places = byNew.get(is);
  if (!places) {
    places = newElementPlaces(was, is);
    byNew.set(is, places);
  }
  return places;
}

/** An index entry for an element that is gone. */
const GONE = -1;

function newElementPlaces(was: readonly unknown[], is: readonly unknown[]): ElementPlaces {
  const index = new NewElementIndex(is);
  const known: (number | undefined)[] = new Array<number | undefined>(was.length);
  const placeOf = (at: number): number | undefined => {
    if (!Number.isInteger(at) || at < 0 || at >= was.length) return undefined;
    let place = known[at];
    if (place === undefined) {
      place = index.find(was[at]) ?? GONE;
      known[at] = place;
    }
    return place === GONE ? undefined : place;
  };
  return { placeOf };
}

/**
 * The first index of each element of the new array by what a base element is matched by: its
 * `$ref`, its `name` and `in`, its canonical text. Each part is built on the first look-up that
 * needs it (a list of parameters never needs the texts).
 */
class NewElementIndex {
  private byRef: Map<string, number> | undefined;
  private byName: Map<string, Map<unknown, number>> | undefined;
  private byText: Map<string, number> | undefined;

  constructor(private readonly elements: readonly unknown[]) {}

  /** The index of the first element that is `element` (as sameElement of counterpart-pointer tells). */
  find(element: unknown): number | undefined {
    const object = asObject(element);
    if (object && typeof object.$ref === 'string') return this.refs().get(object.$ref);
    // `in` compares with ===, as a Map's keys do (but for NaN, which JSON has not).
    if (object && typeof object.name === 'string') return this.names().get(object.name)?.get(object.in);
    return this.texts().get(canonicalText(element));
  }

  private refs(): Map<string, number> {
    if (!this.byRef) {
      this.byRef = new Map();
      this.elements.forEach((element, at) => {
        const ref = asObject(element)?.$ref;
        if (typeof ref === 'string' && !this.byRef!.has(ref)) this.byRef!.set(ref, at);
      });
    }
    return this.byRef;
  }

  private names(): Map<string, Map<unknown, number>> {
    if (!this.byName) {
      this.byName = new Map();
      this.elements.forEach((element, at) => {
        const object = asObject(element);
        if (!object || typeof object.name !== 'string') return;
        let byIn = this.byName!.get(object.name);
        if (!byIn) {
          byIn = new Map();
          this.byName!.set(object.name, byIn);
        }
        if (!byIn.has(object.in)) byIn.set(object.in, at);
      });
    }
    return this.byName;
  }

  private texts(): Map<string, number> {
    if (!this.byText) {
      this.byText = new Map();
      this.elements.forEach((element, at) => {
        const text = canonicalText(element);
        if (!this.byText!.has(text)) this.byText!.set(text, at);
      });
    }
    return this.byText;
  }
}

/**
 * A JSON value as text that two values share exactly when jsonEqual says they are equal: an
 * object's keys in sorted order, whatever their order in the file.
 */
export function canonicalText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  const object = asObject(value);
  if (object) {
    const members = Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalText(object[key])}`);
    return `{${members.join(',')}}`;
  }
  // Values JSON has not (undefined, NaN, Infinity) are kept apart by their names, not written as null.
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return String(value);
  return JSON.stringify(value);
}
