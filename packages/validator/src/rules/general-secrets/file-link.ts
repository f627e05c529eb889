/**
 * Telling a link's own token from a credential. A site that shares one file for download hands out a
 * link that carries the file's token in its query, for anyone the link is given to: Connect Bridge's
 * readme (PowerPlatformConnectors, certified) links its installer as
 * `https://share.connecting-software.com/download.php?id=202&token=…`, and Firebase Storage links an
 * image as `https://firebasestorage.googleapis.com/v0/b/<bucket>/o/images%2Flogo.png?alt=media&token=…`.
 * The token opens that one file and nothing else; it was put in the readme for users to follow. A
 * credential opens an API: the same `token=` after an API's address is one, and so is any link a
 * script or a swagger builds, which calls the service with it. Hence a readme's links alone are asked
 * (url-credentials.ts).
 *
 * A token is taken for a link's own when three things hold: the parameter is named just `token`
 * (`access_token`, `api_key` and the other names of an API's credential always count); the link's
 * path ends at a file to download, a `download` resource (`download`, `download.php`) or a file
 * name with the extension of something distributed (an installer, an archive, a document, an
 * image, a recording); and nothing in the address says API: no host label holds `api`
 * (`api.contoso.com`, `content.dropboxapi.com`), and no path segment is an API's (`api`, `rest`,
 * `graphql`, `services`, `webservice`, a version `v2`). Moodle hands a file out to its web-service
 * token at `/webservice/pluginfile.php/…/syllabus.pdf?token=…`, and that token opens the user's
 * whole API. Firebase Storage's address says API twice (`googleapis`, `v0`), yet its `token` is the
 * object's download token: its one form of link is recognized as such. Data files (`.json`, `.csv`,
 * `.ics`) are left out: an API's export or a private feed (`calendar.ics?token=…`) opens an
 * account's data. What this gives up: an account's own token written in a readme's file link
 * outside an API's address is taken for a link's, and not reported.
 */

/** A download resource as a path's last segment: `download`, or a server page named so. */
const DOWNLOAD_RESOURCE = /^download(?:\.(?:php|aspx?|ashx|jsp|cgi))?$/i;

/** Extensions of files a site distributes (installers, archives, documents, images, recordings). */
const DISTRIBUTED_FILE =
  /\.(?:exe|msi|msix|appx|zip|7z|rar|tar|gz|tgz|dmg|pkg|deb|rpm|apk|vsix|nupkg|pdf|docx?|xlsx?|pptx?|png|jpe?g|gif|svg|webp|ico|bmp|mp3|mp4|mov|wav|webm)$/i;

/** A host that names an API: a label holds `api` (`api.`, `api-eu.`, `dropboxapi.`, `graphapi.`). */
const API_HOST = /api/i;

/**
 * A path segment that names an API: `api` (also `api2`, `api-eu`), `rest`, `graphql`, `services`,
 * `webservice` (Moodle's), or a version (`v2`, `v1.0`).
 */
const API_SEGMENT = /^(?:api(?:\d*|-.*)|rest|graphql|services|webservices?|v\d+(?:\.\d+)*)$/i;

/** Firebase Storage's download link: `/v0/b/<bucket>/o/<object>` on its host, the object's own token. */
const FIREBASE_STORAGE_HOST = 'firebasestorage.googleapis.com';
const FIREBASE_OBJECT_PATH = /^v0\/b\/[^/]+\/o\/[^/]+$/;

/**
 * Whether the query parameter `parameter` of the URL written before it, `url` (from its scheme, or
 * with text before the scheme, which is passed over), is a shared file's own token. Ask it of a
 * readme's links only: elsewhere a link is a call (see above).
 */
export function isFileLinkToken(parameter: string, url: string): boolean {
  if (parameter.toLowerCase() !== 'token') return false;
  // JSON writes a URL's `/` as `\/` where a serializer escapes it.
  const written = url.replaceAll('\\/', '/');
  const scheme = written.lastIndexOf('://');
  const query = written.indexOf('?', scheme);
  if (scheme === -1 || query === -1) return false;
  const [host = '', ...segments] = written.slice(scheme + 3, query).split('/');
  // Firebase writes the object's folders into one segment, as `%2F`.
  const file = lastSegment(segments.at(-1) ?? '');
  if (!DOWNLOAD_RESOURCE.test(file) && !DISTRIBUTED_FILE.test(file)) return false;
  if (isFirebaseStorageObject(host, segments)) return true;
  return !API_HOST.test(host) && !segments.some((segment) => API_SEGMENT.test(segment));
}

function isFirebaseStorageObject(host: string, segments: readonly string[]): boolean {
  return host.toLowerCase() === FIREBASE_STORAGE_HOST && FIREBASE_OBJECT_PATH.test(segments.join('/'));
}

/** The part after the last `/` of a path segment whose `/` are written `%2F`. */
function lastSegment(segment: string): string {
  const slash = segment.toLowerCase().lastIndexOf('%2f');
  return slash === -1 ? segment : segment.slice(slash + 3);
}
