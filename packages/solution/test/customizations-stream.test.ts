import { describe, expect, it } from '@jest/globals';
import {
  EXPORT_STYLE,
  parseXml,
  serializeXml,
  UNPACKED_STYLE,
  type XmlElement,
  type XmlNode,
} from '../src/index.js';
import { scanWriting } from '../src/solution/customizations.js';
import { withConnectors, withoutConnectors } from '../src/solution/customizations-rewrite.js';
import { scanCustomizations, takenConnectors } from '../src/solution/customizations-scan.js';

// unpack and pack write customizations.xml as they read it (solution/customizations.ts). What they
// write must be what serializeXml writes from the tree with the connectors taken out or put in, as
// they did before; these trees are edited here as they were then.

const XSI = 'xmlns:xsi';
const isConnector = (node: XmlNode): boolean => node.kind === 'element' && node.name === 'Connector';
const container = (root: XmlElement): XmlElement | undefined =>
  root.children.find((node): node is XmlElement => node.kind === 'element' && node.name === 'Connectors');

function takenFromTree(root: XmlElement): XmlElement[] {
  const found = container(root);
  if (!found) return [];
  const connectors = found.children.filter(isConnector) as XmlElement[];
  found.children = found.children.filter((node) => !isConnector(node));
  if (found.children.every((node) => node.kind === 'text' && node.text.trim() === '')) found.children = [];
  const xsi = root.attributes.find(([name]) => name === XSI);
  return connectors.map((connector) =>
    xsi && !connector.attributes.some(([name]) => name === XSI)
      ? { ...connector, attributes: [[xsi[0], xsi[1]], ...connector.attributes] }
      : connector,
  );
}

function putIntoTree(root: XmlElement, connectors: XmlElement[]): void {
  if (connectors.length === 0) return;
  let found = container(root);
  if (!found) {
    found = { kind: 'element', name: 'Connectors', attributes: [], children: [] };
    const at = root.children.findIndex(
      (node) => node.kind === 'element' && ['connectionreferences', 'Languages'].includes(node.name),
    );
    const before = at === -1 ? root.children.length : at;
    root.children = [...root.children.slice(0, before), found, ...root.children.slice(before)];
  }
  const rootXsi = root.attributes.find(([name]) => name === XSI)?.[1];
  found.children = [
    ...found.children,
    ...connectors.map((connector) => ({
      ...connector,
      attributes: connector.attributes.filter(([name, value]) => !(name === XSI && value === rootXsi)),
    })),
  ];
}

const text = (chunks: Iterable<Buffer>): string => Buffer.concat([...chunks]).toString('utf8');

/** scanWriting's text (the chunks it yields, or the second pass's when it says they are wrong). */
function onePass(
  xml: string,
  style: typeof UNPACKED_STYLE,
  put?: Array<{ element: XmlElement }>,
): { text: string; passes: number; connectors: readonly XmlElement[] } {
  const counter = { passes: 0 };
  const pass = scanWriting(Buffer.from(xml), 'customizations.xml', undefined, style, put, counter);
  const chunks: Buffer[] = [];
  let step = pass.next();
  for (; !step.done; step = pass.next()) chunks.push(step.value);
  const { scan, again } = step.value;
  return { text: text(again ?? chunks), passes: counter.passes, connectors: takenConnectors(scan) };
}

const ROOT = '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">';
const CONNECTOR = '<Connector><name>c1</name><description>a &amp; b</description></Connector>';
const documents: Array<[string, string]> = [
  [
    'connectors and nothing else',
    `${ROOT}<Entities /><Connectors>\r\n  ${CONNECTOR}\r\n</Connectors><Languages /></ImportExportXml>`,
  ],
  [
    'two connectors, one with its own xsi',
    `${ROOT}<Connectors>${CONNECTOR}<Connector xmlns:xsi="other"><name>c2</name></Connector></Connectors></ImportExportXml>`,
  ],
  [
    'a comment beside the connector',
    `${ROOT}<Connectors>\n  <!-- kept -->\n  ${CONNECTOR}\n</Connectors></ImportExportXml>`,
  ],
  // Only what the placeholder holds keeps it open: it is left as <Connectors /> all the same.
  [
    'comments and an instruction outside the placeholder',
    `${ROOT}<!-- c --><Entities><!-- in --></Entities><?pi body?><Connectors>\n  ${CONNECTOR}\n</Connectors><Languages /></ImportExportXml>`,
  ],
  [
    'another element beside the connector',
    `${ROOT}<Connectors><Other a="1"/>${CONNECTOR}</Connectors></ImportExportXml>`,
  ],
  [
    'only whitespace in the placeholder',
    `${ROOT}<Connectors>\n    </Connectors><Languages /></ImportExportXml>`,
  ],
  ['an empty placeholder', `${ROOT}<Connectors /><Languages /></ImportExportXml>`],
  [
    'no placeholder, Languages',
    `${ROOT}<Entities><Entity>x</Entity></Entities>\n<!-- c --><Languages><Language>1033</Language></Languages></ImportExportXml>`,
  ],
  ['no placeholder, connectionreferences', `${ROOT}<connectionreferences /><Languages /></ImportExportXml>`],
  ['no placeholder and nothing after it', `${ROOT}<Entities /></ImportExportXml>`],
  ['a root with nothing in it', `${ROOT}</ImportExportXml>`],
  [
    'a second placeholder, left as it is',
    `${ROOT}<Connectors />\n<Connectors>${CONNECTOR}</Connectors></ImportExportXml>`,
  ],
  [
    'a connector deeper down, left as it is',
    `${ROOT}<Connectors><Group>${CONNECTOR}</Group></Connectors></ImportExportXml>`,
  ],
  [
    'text after child elements (mixed content)',
    `${ROOT}<Form><cell><label>a</label><b /></cell> tail &lt;x&gt;\r\nnext</Form><Connectors>${CONNECTOR}</Connectors></ImportExportXml>`,
  ],
  ['text in the placeholder', `${ROOT}<Connectors> note ${CONNECTOR} more</Connectors></ImportExportXml>`],
  [
    'text in the root',
    `${ROOT}lead<Entities><Entity><x/></Entity></Entities>tail<Languages /></ImportExportXml>`,
  ],
  ['CDATA after an element', `${ROOT}<Form><a /><![CDATA[<raw>]]></Form></ImportExportXml>`],
  [
    'instructions, nil, whitespace and escapes',
    `<?xml version="1.0"?>\n${ROOT}<?pi body?><Data xsi:nil="true" /><Blank>  </Blank><Attr v="&quot;&#x9;&#xA;&lt;" /><Deep><a><b><c>1</c></b></a></Deep></ImportExportXml>\n<!-- after -->`,
  ],
];

describe('customizations.xml streamed as the tree was written', () => {
  it.each(documents)('unpack: %s', (_what, xml) => {
    const scan = scanCustomizations(Buffer.from(xml), 'customizations.xml');
    const tree = parseXml(xml, 'customizations.xml');
    const connectors = takenFromTree(tree);
    expect(takenConnectors(scan)).toEqual(connectors);
    for (const style of [UNPACKED_STYLE, EXPORT_STYLE]) {
      expect(text(withoutConnectors(scan, style))).toBe(serializeXml(tree, style));
      const one = onePass(xml, style);
      expect(one.text).toBe(serializeXml(tree, style));
      expect(one.connectors).toEqual(connectors);
    }
  });

  it.each(documents)('pack: %s', (_what, xml) => {
    const put = [
      parseXml(
        '<Connector xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><name>p1</name></Connector>',
        'p1.xml',
      ),
      parseXml('<Connector><name>p2</name><t>a\nb</t></Connector>', 'p2.xml'),
      // Its own namespace, as unpack took it out: put back with it.
      parseXml('<Connector xmlns:xsi="other"><name>p3</name></Connector>', 'p3.xml'),
    ];
    const scan = scanCustomizations(Buffer.from(xml), 'customizations.xml');
    for (const connectors of [[], put]) {
      const tree = parseXml(xml, 'customizations.xml');
      putIntoTree(tree, connectors);
      for (const style of [UNPACKED_STYLE, EXPORT_STYLE]) {
        const streamed = withConnectors(
          scan,
          connectors.map((element) => ({ element })),
          style,
        );
        expect(text(streamed)).toBe(serializeXml(tree, style));
        expect(
          onePass(
            xml,
            style,
            connectors.map((element) => ({ element })),
          ).text,
        ).toBe(serializeXml(tree, style));
      }
    }
  });

  // The one pass guesses that an element holding child elements holds no text after them; only when
  // one does is the file read a second time (text before them settles it: 'text in the root').
  const mixed = new Set(['text after child elements (mixed content)', 'CDATA after an element']);
  it.each(documents)('reads the file twice only for mixed content: %s', (what, xml) => {
    const put = [{ element: parseXml('<Connector><name>p</name></Connector>', 'p.xml') }];
    const expected = mixed.has(what) ? 2 : 1;
    expect(onePass(xml, UNPACKED_STYLE).passes).toBe(expected);
    expect(onePass(xml, EXPORT_STYLE, put).passes).toBe(expected);
    expect(onePass(xml, EXPORT_STYLE, []).passes).toBe(expected);
  });

  it('reads twice when the placeholder comes after where pack would have made one', () => {
    const xml = `${ROOT}<Languages /><Connectors /></ImportExportXml>`;
    const put = [{ element: parseXml('<Connector><name>p</name></Connector>', 'p.xml') }];
    const tree = parseXml(xml, 'customizations.xml');
    putIntoTree(tree, [put[0]!.element]);
    const one = onePass(xml, EXPORT_STYLE, put);
    expect(one).toMatchObject({ passes: 2, text: serializeXml(tree, EXPORT_STYLE) });
    expect(onePass(xml, EXPORT_STYLE, []).passes).toBe(1);
  });

  it('writes the placeholder unpack leaves and the block pack makes', () => {
    const xml = `${ROOT}\r\n  <Connectors>\r\n    ${CONNECTOR}\r\n  </Connectors>\r\n</ImportExportXml>`;
    const scan = scanCustomizations(Buffer.from(xml), 'customizations.xml');
    expect(text(withoutConnectors(scan, EXPORT_STYLE))).toBe(
      `${ROOT}\r\n  <Connectors />\r\n</ImportExportXml>`,
    );
    const [connector] = takenConnectors(scan);
    const packed = withConnectors(
      scanCustomizations(Buffer.from(text(withoutConnectors(scan, UNPACKED_STYLE))), 'x.xml'),
      [{ element: connector! }],
      EXPORT_STYLE,
    );
    expect(text(packed)).toBe(
      `${ROOT}\r\n  <Connectors>\r\n    <Connector>\r\n      <name>c1</name>\r\n      <description>a &amp; b</description>\r\n    </Connector>\r\n  </Connectors>\r\n</ImportExportXml>`,
    );
  });

  it('refuses bad XML with the error and location parseXml gives, in the scan and in the one-pass write', () => {
    const xml = `${ROOT}\n  <Connectors>\n    <Connector></Connectr>\n</ImportExportXml>`;
    const error = (read: () => unknown): unknown => {
      try {
        read();
      } catch (caught) {
        return caught;
      }
      throw new Error('accepted');
    };
    const streamed = error(() => scanCustomizations(Buffer.from(xml), 'c.xml', 'the hint'));
    const parsed = error(() => parseXml(xml, 'c.xml', 'the hint'));
    expect(streamed).toEqual(parsed);
    expect(streamed).toMatchObject({ location: { file: 'c.xml', line: 3 }, hint: 'the hint' });
    // What unpack (no connectors to put) and pack (some, or none) read through.
    for (const put of [undefined, [], [{ element: parseXml('<Connector />', 'p.xml') }]]) {
      const written = error(() => [
        ...scanWriting(Buffer.from(xml), 'c.xml', 'the hint', UNPACKED_STYLE, put),
      ]);
      expect(written).toEqual(parsed);
      expect(written).toMatchObject({
        message: (parsed as Error).message,
        location: { file: 'c.xml', line: 3 },
      });
    }
  });
});
