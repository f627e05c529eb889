/**
 * The title connector-alm gave a pull request, recorded in its body as a hidden HTML comment, so that a
 * rerun can tell that title from one the author edited on GitHub: an edited title is kept, as the
 * boxes the author ticked are. A comment, not a comparison with the title this run would give: the
 * connector's name may have changed since, and then the old generated title is still connector-alm's.
 */
const MARKER = /<!-- connector-alm title: ("(?:[^"\\\r\n]|\\.)*") -->/;

/** The comment recording `title`; as JSON with < and > escaped, so that no title ends it early. */
export function titleMarker(title: string): string {
  const json = JSON.stringify(title).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  return `<!-- connector-alm title: ${json} -->`;
}

/** The title recorded in a body, or undefined when it has none (or the author spoilt it). */
export function recordedTitle(body: string): string | undefined {
  const json = MARKER.exec(body)?.[1];
  if (json === undefined) return undefined;
  try {
    const title: unknown = JSON.parse(json);
    return typeof title === 'string' ? title : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether an open pull request's title is the author's, to be kept over `next`: it differs from the
 * title connector-alm recorded in the body. A body without the record (opened by a version before it,
 * or edited away) cannot tell, and a title that may be the author's is not overwritten.
 */
export function isAuthorsTitle(current: string, body: string, next: string): boolean {
  return current !== next && current !== recordedTitle(body);
}
