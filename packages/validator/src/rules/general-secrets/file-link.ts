/**
 * Telling a link's own token from a credential. A site that shares one file for download hands out a
 * link that carries the file's token in its query, for anyone the link is given to: Connect Bridge's
 * readme (PowerPlatformConnectors, certified) links its installer as
 * `https://share.connecting-software.com/download.php?id=202&token=…`, and Firebase Storage links an
 * image as `…/o/images%2Flogo.png?alt=media&token=…`. The token opens that one file and nothing
 * else; it was put in the readme for users to follow. A credential opens an API: the same `token=`
 * after an API's path (`https://api.example.com/v1/items?token=…`) is one.
 *
 * So a token is taken for a link's own when three things hold: the parameter is named just `token`
 * (`access_token`, `api_key` and the other names of an API's credential always count); the link's
 * path ends at a file to download, a `download` resource (`download`, `download.php`) or a file
 * name with the extension of something distributed (an installer, an archive, a document, an
 * image, a recording); and nothing in the address says API (a host label or a path segment `api`).
 * Data files (`.json`, `.csv`, `.ics`) are left out: an API's export or a private feed
 * (`calendar.ics?token=…`) opens an account's data. What this gives up: an account's own token sent
 * to a file download outside an API's address is taken for a link's, and not reported.
 */

/** A download resource as a path's last segment: `download`, or a server page named so. */
const DOWNLOAD_RESOURCE = /^download(?:\.(?:php|aspx?|ashx|jsp|cgi))?$/i;

/** Extensions of files a site distributes (installers, archives, documents, images, recordings). */
const DISTRIBUTED_FILE =
  /\.(?:exe|msi|msix|appx|zip|7z|rar|tar|gz|tgz|dmg|pkg|deb|rpm|apk|vsix|nupkg|pdf|docx?|xlsx?|pptx?|png|jpe?g|gif|svg|webp|ico|bmp|mp3|mp4|mov|wav|webm)$/i;

/** A host label or path segment that names an API: `api`, also `api2` or `api-eu`. */
const API_NAME = /^api(?:\d*|-.*)$/i;

/**
 * Whether the query parameter `parameter` of the URL written before it, `url` (from its scheme, or
 * with text before the scheme, which is passed over), is a shared file's own token.
 */
export function isFileLinkToken(parameter: string, url: string): boolean {
  if (parameter.toLowerCase() !== 'token') return false;
  // JSON writes a URL's `/` as `\/` where a serializer escapes it.
  const written = url.replaceAll('\\/', '/');
  const scheme = written.lastIndexOf('://');
  const query = written.indexOf('?', scheme);
  if (scheme === -1 || query === -1) return false;
  const [host = '', ...segments] = written.slice(scheme + 3, query).split('/');
  if (host.split('.').some((label) => API_NAME.test(label))) return false;
  if (segments.some((segment) => API_NAME.test(segment))) return false;
  // Firebase writes the object's folders into one segment, as `%2F`.
  const file = lastSegment(segments.at(-1) ?? '');
  return DOWNLOAD_RESOURCE.test(file) || DISTRIBUTED_FILE.test(file);
}

/** The part after the last `/` of a path segment whose `/` are written `%2F`. */
function lastSegment(segment: string): string {
  const slash = segment.toLowerCase().lastIndexOf('%2f');
  return slash === -1 ? segment : segment.slice(slash + 3);
}
