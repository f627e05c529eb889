import { swapAwareDistance } from '@connector-alm/core';
import { isPlainHttpUrl } from './absolute-http-url.js';

/**
 * The http(s) URL a maker clearly meant by a link that is none, or undefined where it is not clear.
 * Merged connectors show each slip this undoes, and each leaves a plain URL (isPlainHttpUrl) once
 * undone, so nothing is guessed where the rest is no URL either (`Not Available`, a dotless host):
 * - no scheme before a `www.` host: `www.in-d.ai/privacy-policy` as `https://www.in-d.ai/privacy-policy`
 *   (only there: `license.txt` or `readme.md` is a relative file name that reads as a host too);
 * - a misspelt scheme, one slip from `https` or `http` (`hhttps://`, `htpts://`, `https//`), as the
 *   nearer of the two (`https` when both are as near);
 * - a scheme written twice: `https://https://developer.schiphol.nl/` as `https://developer.schiphol.nl/`.
 */
export function meantHttpUrl(text: string): string | undefined {
  const trimmed = text.trim();
  const written = /^([a-z]+)(:?\/\/?|:)(.*)$/is.exec(trimmed);
  if (written === null) return /^www\./i.test(trimmed) ? plainOrUndefined(`https://${trimmed}`) : undefined;
  const [, scheme, separator, rest] = written as unknown as [string, string, string, string];
  const meantScheme = nearestScheme(scheme.toLowerCase(), separator);
  if (meantScheme === undefined) return undefined;
  // A scheme written twice: the second one is the URL's own.
  if (/^https?:\/\//i.test(rest)) return plainOrUndefined(rest);
  return plainOrUndefined(`${meantScheme}://${rest}`);
}

/** `https` or `http`, whichever the written scheme and separator are one slip from; undefined if neither. */
function nearestScheme(scheme: string, separator: string): string | undefined {
  // The separator's slip counts too: `https//` lacks its colon, `https:/` a slash.
  const separatorSlips = separator === '://' ? 0 : 1;
  const toHttps = swapAwareDistance(scheme, 'https', 1) + separatorSlips;
  const toHttp = swapAwareDistance(scheme, 'http', 1) + separatorSlips;
  if (Math.min(toHttps, toHttp) > 1) return undefined;
  return toHttps <= toHttp ? 'https' : 'http';
}

function plainOrUndefined(url: string): string | undefined {
  return isPlainHttpUrl(url) ? url : undefined;
}
