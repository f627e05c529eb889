import { asArray, asObject } from '../swagger/json-values.js';
import { quoteList } from '../text/message-values.js';

/**
 * What a change of OAuth scopes means for existing connections, said after the "Changed: …" that names
 * it: a connection keeps the consent its users gave when they signed in, so flows keep what the base
 * version asked for, and a new scope reaches a connection only when its users sign in again. No
 * breaking change, but one the maintainer has to tell users about. The scopes are a connection
 * parameter's `oAuthSettings.scopes` (a list of names), in connectionParameters or in a parameter set,
 * or an oauth2 securityDefinition's `scopes` (an object of name → description: the names are its
 * keys). Undefined when they are neither, or only their order changed.
 */
export function scopesNote(before: unknown, after: unknown): string | undefined {
  const [was, is] = [scopeNames(before), scopeNames(after)];
  if (!was || !is) return undefined;
  const added = is.filter((scope) => !was.includes(scope));
  const removed = was.filter((scope) => !is.includes(scope));
  if (added.length > 0) {
    return `Existing connections keep the scopes their users consented to, without ${quoteList(added)}, until they sign in again: flows that use them keep working as before, but an operation that needs a new scope fails on them until then, so tell users to sign in to their connections again.`;
  }
  if (removed.length > 0) {
    return `New connections no longer ask for ${quoteList(removed)}, which existing ones keep: check that no operation needs ${removed.length === 1 ? 'it' : 'them'}, or it fails on the new connections alone.`;
  }
  return undefined;
}

function scopeNames(value: unknown): string[] | undefined {
  const named = asObject(value);
  if (named) return Object.keys(named);
  const list = asArray(value);
  if (!list?.every((scope) => typeof scope === 'string')) return undefined;
  return list as string[];
}

/**
 * The scopesNote of each oauth2 securityDefinition both versions have, by name, once each alike:
 * "Changed: securityDefinitions" names no definition, and a swagger may have two flows.
 */
export function securityScopesNotes(before: unknown, after: unknown): string[] {
  const [was, is] = [asObject(before) ?? {}, asObject(after) ?? {}];
  const notes: string[] = [];
  for (const [name, definition] of Object.entries(is)) {
    const [old, now] = [asObject(was[name]), asObject(definition)];
    if (old?.type !== 'oauth2' || now?.type !== 'oauth2') continue;
    const note = scopesNote(old.scopes, now.scopes);
    if (note !== undefined && !notes.includes(note)) notes.push(note);
  }
  return notes;
}
