/**
 * The Power Platform redirect URLs a readme writes: `https://<host>.consent.azure-apim.net/redirect`,
 * where host is `global` (the shared URL), `global-test` (the certification team's test one) or a
 * region (Direct: "logic-apis-westeurope"), then, for a connector's own URL, `/` and its API name.
 */
export interface RedirectUrlMention {
  offset: number;
  length: number;
  /** As the readme writes it, for the message. */
  written: string;
  /** The host's first label in lower case: global, global-test, a region. */
  host: string;
  /**
   * What follows `/redirect`: nothing (the URL of the host); an API name, as the readme writes it
   * (a connector's own URL, `…/redirect/zohocalendar`); a placeholder for it (`…/redirect/<API
   * name>`, `…/redirect/{connector}`: whichever the connector's own is); or a bare `/` (`…/redirect/`
   * ending a sentence, `…/redirect/[name]`), which says neither, and so is never reported.
   */
  tail: { kind: 'none' } | { kind: 'name'; name: string } | { kind: 'placeholder' } | { kind: 'unclear' };
  /** Written with `http://`: never a redirect URL the platform uses. */
  insecure: boolean;
}

/**
 * The fixed part of every such URL, found first: a literal, so the search is linear, and the rest
 * of the URL is read around it with bounded patterns. `\b` leaves out `redirect_uri` and `redirects`.
 */
const ANCHOR = /\.consent\.azure-apim\.net\/redirect\b/gi;
/** The host label and the scheme before the anchor, in the few characters before it. */
const BEFORE = /(?:(https?):\/\/)?([a-z\d-]{1,63})$/i;
const BEFORE_WINDOW = 72;
/** After the anchor: `/` and an API name or a placeholder for it, or a bare `/`. */
const TAIL = /\/(?:(<[^<>\n]{1,60}>|\{[^{}\n]{1,60}\})|([\w-]{1,100}))?/y;

/** Every redirect URL the text writes, in text order. */
export function redirectUrlMentions(text: string): RedirectUrlMention[] {
  const mentions: RedirectUrlMention[] = [];
  for (const anchor of text.matchAll(ANCHOR)) {
    const before = BEFORE.exec(text.slice(Math.max(0, anchor.index - BEFORE_WINDOW), anchor.index));
    if (!before) continue;
    const offset = anchor.index - before[0].length;
    TAIL.lastIndex = anchor.index + anchor[0].length;
    const after = TAIL.exec(text);
    const urlEnd = after ? after.index + after[0].length : anchor.index + anchor[0].length;
    mentions.push({
      offset,
      length: urlEnd - offset,
      written: text.slice(offset, urlEnd),
      host: before[2]!.toLowerCase(),
      tail: tailOf(after),
      insecure: before[1]?.toLowerCase() === 'http',
    });
  }
  return mentions;
}

function tailOf(after: RegExpExecArray | null): RedirectUrlMention['tail'] {
  if (!after) return { kind: 'none' };
  if (after[1] !== undefined) return { kind: 'placeholder' };
  if (after[2] !== undefined) return { kind: 'name', name: after[2] };
  return { kind: 'unclear' };
}
