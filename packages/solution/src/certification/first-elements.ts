import { decodeUtf8Pieces } from '../text/decode.js';
import { readXmlEvents } from '../xml/parse-xml.js';

/**
 * Which of `names` have content in their first element (in document order, the root included: the
 * validator's SelectSingleNode('//name')) as the validator tests it: HasChildNodes (XmlDocument drops
 * whitespace-only text) or an attribute. Read as the document's events come, without a tree: a real
 * customizations.xml reaches 100 MB, and only these few elements matter. Bad XML is refused as
 * parseXml refuses it.
 */
export function namesWithContent(
  bytes: Uint8Array,
  file: string,
  hint: string | undefined,
  names: readonly string[],
): Set<string> {
  const found = new Set<string>();
  const withContent = new Set<string>();
  /** First elements open now whose content is not known yet, with the depth of their children. */
  let watched: Array<{ name: string; childDepth: number }> = [];
  let depth = 0;
  const hasContent = (): void => {
    for (const element of watched) if (element.childDepth === depth) withContent.add(element.name);
  };
  readXmlEvents(decodeUtf8Pieces(bytes, file), file, hint, {
    open(name, attributes) {
      hasContent();
      depth++;
      if (!names.includes(name) || found.has(name)) return;
      found.add(name);
      if (Object.keys(attributes).length > 0) withContent.add(name);
      else watched.push({ name, childDepth: depth });
    },
    close() {
      depth--;
      if (watched.length > 0) watched = watched.filter((element) => element.childDepth <= depth);
    },
    text(value) {
      if (value.trim() !== '') hasContent();
    },
    append() {
      hasContent();
    },
  });
  return withContent;
}
