import { childPointer, parsePointer } from '../json/pointer.js';
import { has, isObject } from './json-values.js';

/**
 * The entries of a `consumes`, `produces` or `schemes` list as the maker meant them: the list as
 * written, or the entries a plain string names (`"consumes": "application/json"`, `"schemes":
 * "http, https"`). The platform refuses the string (SWG-JSONTYPE says so, and `validate --fix` writes
 * the list), but the other rules read the list meant: read as no list, a document's
 * `"consumes": "application/json"` also told every operation that sends a body to declare one
 * (SWG-CONSUMES), one finding per operation for one slip.
 */
export function meantList(written: unknown): readonly unknown[] | undefined {
  if (Array.isArray(written)) return written;
  return typeof written === 'string' ? entriesNamedBy(written) : undefined;
}

/**
 * The entries a string written for a list of MIME types, schemes or property names names: those
 * its commas separate (none of them holds a comma), without the spaces around them; undefined when
 * it names none (`""`, `" , "`), which is no list anyone meant.
 */
export function entriesNamedBy(text: string): string[] | undefined {
  const entries: string[] = [];
  for (const part of text.split(',')) {
    const entry = part.trim();
    if (entry !== '') entries.push(entry);
  }
  return entries.length > 0 ? entries : undefined;
}

/**
 * Where a finding about one entry of a meant list goes: the entry, in a list written as one; the
 * string, in a list written as a string, which holds no entry to point at.
 */
export function meantEntryPointer(listPointer: string, written: unknown, index: number): string {
  return Array.isArray(written) ? childPointer(listPointer, index) : listPointer;
}

/**
 * The list of strings that a string written where Swagger 2.0 wants one stands for, by the key that
 * holds it (SWG-JSONTYPE's `Expected type 'Array'`, at `pointer`, in `holder`): the MIME types of a
 * `consumes` or `produces` and the schemes of a `schemes` (`HTTPS` as `https`), each comma a
 * separator; the one tag of an operation's `tags`, as written, since a tag may hold a comma; the
 * property names of a schema's `required` where the schema defines each (`"required": "true"` is a
 * schema told it is required, which its parent's list says). Undefined for any other list (the
 * document's `tags` holds tag objects, an `enum` any values) and for a string that names no entry.
 */
export function listMeantAt(pointer: string, written: string, holder: unknown): string[] | undefined {
  const segments = parsePointer(pointer);
  switch (segments[segments.length - 1]) {
    case 'consumes':
    case 'produces':
      return entriesNamedBy(written);
    case 'schemes':
      // Written in lower case, as Swagger spells them: a list for `"HTTPS"` with `HTTPS` in it
      // would leave SWG-SCHEMES-VALID's fix for one more run.
      return entriesNamedBy(written)?.map((scheme) => {
        const lower = scheme.toLowerCase();
        return lower === 'http' || lower === 'https' ? lower : scheme;
      });
    case 'required':
      return requiredNamesMeant(written, holder);
    case 'tags':
      return segments.length > 1 && written.trim() !== '' ? [written] : undefined;
    default:
      return undefined;
  }
}

/**
 * The property names a schema's `required` written as a string stands for (`"required": "id, title"`):
 * those its commas separate, where the schema defines each (`"required": "true"` is a schema told it
 * is required, which its parent's list says); undefined otherwise.
 */
export function requiredNamesMeant(written: string, schema: unknown): string[] | undefined {
  const names = entriesNamedBy(written);
  const properties = isObject(schema) ? schema.properties : undefined;
  return names?.every((name) => isObject(properties) && has(properties, name)) ? names : undefined;
}
