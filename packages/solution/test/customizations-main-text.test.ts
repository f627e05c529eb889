import { describe, expect, it } from '@jest/globals';
import { EXPORT_STYLE, parseXml, serializeXml, UNPACKED_STYLE, type XmlStyle } from '../src/index.js';
import { scanWriting } from '../src/solution/customizations.js';
import { withConnectors, withoutConnectors } from '../src/solution/customizations-rewrite.js';
import { scanCustomizations, takenConnectors } from '../src/solution/customizations-scan.js';
import type { XmlElement } from '../src/xml/xml-tree.js';

// customizations-stream.test.ts compares the streamed text with serializeXml, which this session
// rewrote too (on the same XmlWriter). These expected texts are fixed: what main at 8e346f3a wrote,
// from the whole tree, with its takeConnectors (unpack, UNPACKED_STYLE) and putConnectors (pack,
// EXPORT_STYLE, the connector PUT put in), for the cases where the format has rules of its own.

const ROOT = '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">';
const CONNECTOR = '<Connector><name>c1</name><description>a &amp; b</description></Connector>';
const PUT = '<Connector><name>p1</name><iconBlob xsi:nil="true" /></Connector>';

interface Case {
  what: string;
  xml: string;
  unpacked: string;
  connectors: string[];
  packed: string;
}

const cases: Case[] = [
  {
    what: 'comments, and an instruction',
    xml: `${ROOT}<!-- top --><Entities><!--in--><Entity /></Entities><Connectors>\n  <!-- kept -->\n  ${CONNECTOR}\n</Connectors><?pi body?></ImportExportXml>`,
    unpacked:
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <!-- top -->\n  <Entities>\n    <!--in-->\n    <Entity />\n  </Entities>\n  <Connectors>\n    <!-- kept -->\n  </Connectors>\n  <?pi body?>\n</ImportExportXml>',
    connectors: [
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<Connector xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <name>c1</name>\n  <description>a &amp; b</description>\n</Connector>',
    ],
    packed:
      '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\r\n  <!-- top -->\r\n  <Entities>\r\n    <!--in-->\r\n    <Entity />\r\n  </Entities>\r\n  <Connectors>\r\n    <!-- kept -->\r\n    <Connector>\r\n      <name>c1</name>\r\n      <description>a &amp; b</description>\r\n    </Connector>\r\n    <Connector>\r\n      <name>p1</name>\r\n      <iconBlob xsi:nil="true"></iconBlob>\r\n    </Connector>\r\n  </Connectors>\r\n  <?pi body?>\r\n</ImportExportXml>',
  },
  {
    what: 'CDATA after an element and alone',
    xml: `${ROOT}<Form><a /><![CDATA[<raw>]]></Form><Text><![CDATA[ x ]]></Text><Connectors>${CONNECTOR}</Connectors></ImportExportXml>`,
    unpacked:
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <Form><a /><![CDATA[<raw>]]></Form>\n  <Text><![CDATA[ x ]]></Text>\n  <Connectors />\n</ImportExportXml>',
    connectors: [
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<Connector xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <name>c1</name>\n  <description>a &amp; b</description>\n</Connector>',
    ],
    packed:
      '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\r\n  <Form><a /><![CDATA[<raw>]]></Form>\r\n  <Text><![CDATA[ x ]]></Text>\r\n  <Connectors>\r\n    <Connector>\r\n      <name>c1</name>\r\n      <description>a &amp; b</description>\r\n    </Connector>\r\n    <Connector>\r\n      <name>p1</name>\r\n      <iconBlob xsi:nil="true"></iconBlob>\r\n    </Connector>\r\n  </Connectors>\r\n</ImportExportXml>',
  },
  {
    what: 'xsi:nil',
    xml: `${ROOT}<Data xsi:nil="true" /><Blank xsi:nil="true">  </Blank><Connectors><Connector><name>c1</name><x xsi:nil="true"/></Connector></Connectors></ImportExportXml>`,
    unpacked:
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <Data xsi:nil="true"></Data>\n  <Blank xsi:nil="true">  </Blank>\n  <Connectors />\n</ImportExportXml>',
    connectors: [
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<Connector xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <name>c1</name>\n  <x xsi:nil="true"></x>\n</Connector>',
    ],
    packed:
      '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\r\n  <Data xsi:nil="true"></Data>\r\n  <Blank xsi:nil="true">  </Blank>\r\n  <Connectors>\r\n    <Connector>\r\n      <name>c1</name>\r\n      <x xsi:nil="true"></x>\r\n    </Connector>\r\n    <Connector>\r\n      <name>p1</name>\r\n      <iconBlob xsi:nil="true"></iconBlob>\r\n    </Connector>\r\n  </Connectors>\r\n</ImportExportXml>',
  },
  {
    what: 'mixed content',
    xml: `${ROOT}<Form><cell><label>a</label><b /></cell> tail &lt;x&gt;\r\nnext</Form><Connectors>${CONNECTOR}</Connectors></ImportExportXml>`,
    unpacked:
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <Form><cell>\n  <label>a</label>\n  <b />\n</cell> tail &lt;x&gt;\nnext</Form>\n  <Connectors />\n</ImportExportXml>',
    connectors: [
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<Connector xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <name>c1</name>\n  <description>a &amp; b</description>\n</Connector>',
    ],
    packed:
      '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\r\n  <Form><cell>\r\n  <label>a</label>\r\n  <b />\r\n</cell> tail &lt;x&gt;\r\nnext</Form>\r\n  <Connectors>\r\n    <Connector>\r\n      <name>c1</name>\r\n      <description>a &amp; b</description>\r\n    </Connector>\r\n    <Connector>\r\n      <name>p1</name>\r\n      <iconBlob xsi:nil="true"></iconBlob>\r\n    </Connector>\r\n  </Connectors>\r\n</ImportExportXml>',
  },
  {
    what: 'an empty <Connectors>',
    xml: `${ROOT}<Connectors>\n  </Connectors><Languages /></ImportExportXml>`,
    unpacked:
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <Connectors />\n  <Languages />\n</ImportExportXml>',
    connectors: [],
    packed:
      '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\r\n  <Connectors>\r\n    <Connector>\r\n      <name>p1</name>\r\n      <iconBlob xsi:nil="true"></iconBlob>\r\n    </Connector>\r\n  </Connectors>\r\n  <Languages />\r\n</ImportExportXml>',
  },
  {
    what: 'text in the root',
    xml: `${ROOT}lead<Entities><Entity><x/></Entity></Entities>tail<Connectors>${CONNECTOR}</Connectors><Languages /></ImportExportXml>`,
    unpacked:
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">lead<Entities>\n  <Entity>\n    <x />\n  </Entity>\n</Entities>tail<Connectors /><Languages /></ImportExportXml>',
    connectors: [
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<Connector xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <name>c1</name>\n  <description>a &amp; b</description>\n</Connector>',
    ],
    packed:
      '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">lead<Entities>\r\n  <Entity>\r\n    <x />\r\n  </Entity>\r\n</Entities>tail<Connectors>\r\n  <Connector>\r\n    <name>c1</name>\r\n    <description>a &amp; b</description>\r\n  </Connector>\r\n  <Connector>\r\n    <name>p1</name>\r\n    <iconBlob xsi:nil="true"></iconBlob>\r\n  </Connector>\r\n</Connectors><Languages /></ImportExportXml>',
  },
];

const text = (chunks: Iterable<Buffer>): string => Buffer.concat([...chunks]).toString('utf8');

/** scanWriting's text (its chunks, or the second pass's when it says they are wrong), and its scan. */
function onePass(xml: string, style: XmlStyle, put?: Array<{ element: XmlElement }>) {
  const pass = scanWriting(Buffer.from(xml), 'customizations.xml', undefined, style, put);
  const chunks: Buffer[] = [];
  let step = pass.next();
  for (; !step.done; step = pass.next()) chunks.push(step.value);
  return { text: text(step.value.again ?? chunks), scan: step.value.scan };
}

describe("customizations.xml written as main's tree serializer wrote it", () => {
  it.each(cases.map((c): [string, Case] => [c.what, c]))('unpack: %s', (_what, c) => {
    const one = onePass(c.xml, UNPACKED_STYLE);
    expect(one.text).toBe(c.unpacked);
    expect(takenConnectors(one.scan).map((element) => serializeXml(element, UNPACKED_STYLE))).toEqual(
      c.connectors,
    );
    const scan = scanCustomizations(Buffer.from(c.xml), 'customizations.xml');
    expect(text(withoutConnectors(scan, UNPACKED_STYLE))).toBe(c.unpacked);
  });

  it.each(cases.map((c): [string, Case] => [c.what, c]))('pack: %s', (_what, c) => {
    const put = [{ element: parseXml(PUT, 'p1.xml') }];
    expect(onePass(c.xml, EXPORT_STYLE, put).text).toBe(c.packed);
    const scan = scanCustomizations(Buffer.from(c.xml), 'customizations.xml');
    expect(text(withConnectors(scan, put, EXPORT_STYLE))).toBe(c.packed);
  });
});
