import { childPointer } from '../json/pointer.js';
import { asArray, asObject, type JsonObject } from '../swagger/json-values.js';
import { quoted } from '../text/message-values.js';
import { jsonEqual } from './json-equal.js';

/**
 * A value whose letter case alone changed, where the platform's schema or Microsoft's list has one
 * spelling and `validate --fix` writes it: an x-ms-api-annotation status ('production' as 'Production',
 * SWG-API-STATUS) and the connector's Categories ('website' as 'Website', SWG-META-CATEGORY). Told
 * as a minor change, so that an update that only ran --fix is not a major one for a respelling.
 */
export interface Respelling {
  /** The respelled string's pointer below the compared value's (`/status`, `/2/propertyValue`). */
  below: string;
  /** "'production' as 'Production'". */
  detail: string;
}

/** An x-ms-api-annotation (info's or an operation's) whose status alone changed, in letter case only. */
export function respelledStatus(before: unknown, after: unknown): Respelling | undefined {
  const was = asObject(before);
  const is = asObject(after);
  if (!was || !is || !caseOnly(was.status, is.status)) return undefined;
  if (!jsonEqual(without(was, 'status'), without(is, 'status'))) return undefined;
  return { below: '/status', detail: respelled(was.status, is.status) };
}

/**
 * An x-ms-connector-metadata list whose Categories value alone changed, in letter case only: the
 * same entries in the same order, every other one equal.
 */
export function respelledCategories(before: unknown, after: unknown): Respelling | undefined {
  const was = asArray(before);
  const is = asArray(after);
  if (!was || !is || was.length !== is.length) return undefined;
  let found: Respelling | undefined;
  for (let index = 0; index < was.length; index++) {
    if (jsonEqual(was[index], is[index])) continue;
    const entryWas = asObject(was[index]);
    const entryIs = asObject(is[index]);
    if (
      found ||
      !entryWas ||
      !entryIs ||
      entryWas.propertyName !== 'Categories' ||
      !caseOnly(entryWas.propertyValue, entryIs.propertyValue) ||
      !jsonEqual(without(entryWas, 'propertyValue'), without(entryIs, 'propertyValue'))
    )
      return undefined;
    found = {
      below: childPointer('', index, 'propertyValue'),
      detail: respelled(entryWas.propertyValue, entryIs.propertyValue),
    };
  }
  return found;
}

/** Two strings that differ, and only in letter case. */
function caseOnly(was: unknown, is: unknown): boolean {
  return (
    typeof was === 'string' && typeof is === 'string' && was !== is && was.toLowerCase() === is.toLowerCase()
  );
}

function without(object: JsonObject, key: string): JsonObject {
  const { [key]: _dropped, ...rest } = object;
  return rest;
}

function respelled(was: unknown, is: unknown): string {
  return `${quoted(was)} as ${quoted(is)}, a change of letter case only`;
}
