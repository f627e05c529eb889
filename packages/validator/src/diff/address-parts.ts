/*
 * Pieces of a path or URL template read left to right once. The regular expressions these replace
 * (/\{([^}]*)\}/g, /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i) took quadratic time on a long run of `{`
 * with no `}` after it, or a long host before a line end: text a pull request's swagger controls.
 */

/** The `{…}` spans of a template, as /\{([^}]*)\}/g finds them: from a `{` to the first `}` after it. */
export function braceSpans(text: string): { start: number; end: number; inner: string }[] {
  const spans: { start: number; end: number; inner: string }[] = [];
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open)) {
    const close = text.indexOf('}', open + 1);
    // No `}` after this `{`: none after any later one either.
    if (close < 0) break;
    spans.push({ start: open, end: close + 1, inner: text.slice(open + 1, close) });
    open = close + 1;
  }
  return spans;
}

/** `text` with every `{…}` span written `{}`. */
export function emptiedBraces(text: string): string {
  let result = '';
  let from = 0;
  for (const span of braceSpans(text)) {
    result += `${text.slice(from, span.start)}{}`;
    from = span.end;
  }
  return result + text.slice(from);
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const LINE_END = /[\n\r\u2028\u2029]/;

/**
 * An absolute URL split before the path: `origin` is the scheme and host, `rest` the path from its
 * first '/' on. Undefined where /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i matches nothing: no scheme, or
 * a line end in the path (`.` does not match one).
 */
export function splitOrigin(url: string): { origin: string; rest: string } | undefined {
  const scheme = SCHEME.exec(url);
  if (scheme === null) return undefined;
  const slash = url.indexOf('/', scheme[0].length);
  if (slash < 0) return { origin: url, rest: '' };
  const rest = url.slice(slash);
  return LINE_END.test(rest) ? undefined : { origin: url.slice(0, slash), rest };
}
