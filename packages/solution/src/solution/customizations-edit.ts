import type { XmlEvents } from '../xml/parse-xml.js';
import { writeElementTree } from '../xml/serialize-xml.js';
import type { XmlCData, XmlComment, XmlElement, XmlInstruction } from '../xml/xml-tree.js';
import type { XmlWriter } from '../xml/xml-writer.js';
import { ConnectorsContainer } from './connectors-container.js';
import { XSI } from './customizations-scan.js';

/** Root children that come after `<Connectors>` in every export seen. */
const AFTER_CONNECTORS = ['connectionreferences', 'Languages'];

/** What unpack and pack change: the `<Connector>` elements of the root's first `<Connectors>`. */
export interface Edit {
  /** Leave the container's `<Connector>` elements out. */
  take: boolean;
  /** Elements to put at the end of the container, made before the AFTER_CONNECTORS if there is none. */
  put: readonly XmlElement[];
}

/** Where the edited events are written: an XmlWriter with a first pass's modes, or a LookaheadWriter. */
export interface EditTarget {
  /** `container`: the root's first `<Connectors>`, which the edit changes. */
  open(number: number, name: string, attributes: Array<[string, string]>, container: boolean): void;
  close(): void;
  text(value: string): void;
  other(node: XmlCData | XmlComment | XmlInstruction): void;
  /** The writer for whole elements written next as children of the open element, if it still writes. */
  structure(): XmlWriter | undefined;
}

/**
 * The events of customizations.xml with the edit made, told to `target`. `hasContainer` says whether
 * the document has a `<Connectors>` to put the elements in; undefined when that is not known yet (one
 * pass): one is then made before the AFTER_CONNECTORS, and `misplaced` is called if a `<Connectors>`
 * comes after that after all (no export seen has it after them).
 */
export function editedEvents(
  edit: Edit,
  target: EditTarget,
  hasContainer: boolean | undefined,
  misplaced: () => void,
): XmlEvents {
  let rootXsi: string | undefined;
  const putAll = (): void => {
    if (edit.put.length === 0) return;
    const writer = target.structure();
    if (writer === undefined) return;
    for (const element of edit.put)
      writeElementTree(writer, {
        ...element,
        attributes: element.attributes.filter(([name, value]) => !(name === XSI && value === rootXsi)),
      });
  };
  const makeContainer = edit.put.length > 0 && hasContainer !== true;
  let made = false;
  const make = (): void => {
    made = true;
    const writer = target.structure();
    if (writer === undefined) return;
    writer.open('Connectors', [], 'block');
    putAll();
    writer.close();
  };
  const place = new ConnectorsContainer();
  let element = 0;
  /** How many elements of the `<Connector>` being left out are open, itself included. */
  let skipping = 0;
  return {
    open(name, attributes) {
      const number = element++;
      const role = place.opened(name);
      if (skipping > 0 || (edit.take && role === 'connector')) {
        skipping++;
        return;
      }
      if (role === 'root') rootXsi = attributes[XSI];
      if (makeContainer && !made && role === 'root-child' && !place.found && AFTER_CONNECTORS.includes(name))
        make();
      if (role === 'container' && made) misplaced();
      target.open(number, name, Object.entries(attributes), role === 'container');
    },
    close() {
      const role = place.closed();
      if (skipping > 0) {
        skipping--;
        return;
      }
      if (role === 'container') putAll();
      if (makeContainer && !made && role === 'root' && !place.found) make();
      target.close();
    },
    text(value) {
      if (skipping === 0) target.text(value);
    },
    append(node) {
      if (skipping === 0) target.other(node);
    },
  };
}
