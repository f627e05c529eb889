import { describe, expect, it } from '@jest/globals';
import { EXPORT_STYLE, parseXml, serializeXml, UNPACKED_STYLE } from '../src/index.js';

describe('parseXml refuses what could resolve or expand entities', () => {
  it('refuses a DOCTYPE with an external entity, naming the file and position', () => {
    const text = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>';
    expect(() => parseXml(text, 'sol.zip/customizations.xml')).toThrow(
      expect.objectContaining({
        message: 'a DOCTYPE, which is refused: DOCTYPEs and entity declarations are never resolved.',
        location: { file: 'sol.zip/customizations.xml', line: 2, column: expect.any(Number) },
      }),
    );
  });

  it('refuses a billion-laughs style internal entity declaration', () => {
    const text = '<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><r>&b;</r>';
    expect(() => parseXml(text, 'x.xml')).toThrow(/a DOCTYPE, which is refused/);
  });

  it('refuses an undeclared entity reference', () => {
    expect(() => parseXml('<r>&nope;</r>', 'x.xml')).toThrow(
      expect.objectContaining({
        message: 'invalid XML: undefined entity.',
        location: { file: 'x.xml', line: 1, column: 9 },
      }),
    );
  });

  it('reports malformed XML with its line and column', () => {
    try {
      parseXml('<r>\n  <a></b>\n</r>', 'x.xml');
      throw new Error('accepted');
    } catch (error) {
      expect((error as { location?: unknown }).location).toMatchObject({ file: 'x.xml', line: 2 });
    }
  });

  it('locates XML that stops short after a line break at column 1 of the last line, not column 0', () => {
    // Columns are 1-based everywhere: "Customizations.xml:3:0" is no place an editor can go to.
    expect(() => parseXml('<ImportExportXml>\n  <Entities>\n', 'x.xml')).toThrow(
      expect.objectContaining({
        message: 'invalid XML: unclosed tag: Entities.',
        location: { file: 'x.xml', line: 3, column: 1 },
      }),
    );
  });

  it.each([
    ['nothing', '', 1, 1],
    ['a declaration alone', '<?xml version="1.0" encoding="utf-8"?>', 1, 38],
    ['a comment alone, after a line break', '\n<!-- no solution here -->', 2, 25],
  ])('refuses a document of %s: it has no root element', (_, text, line, column) => {
    expect(() => parseXml(text, 'x.xml')).toThrow(
      expect.objectContaining({
        message: 'invalid XML: document must contain a root element.',
        location: { file: 'x.xml', line, column },
      }),
    );
  });

  it('keeps the five predefined entities and character references as text', () => {
    const root = parseXml('<r a="&quot;1&quot; &amp; &#x41;">&lt;&gt;&amp;&apos;&#65;</r>', 'x.xml');
    expect(root.attributes).toEqual([['a', '"1" & A']]);
    expect(root.children).toEqual([{ kind: 'text', text: "<>&'A" }]);
  });
});

describe('serializeXml writes canonical text', () => {
  const source =
    '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" b="2" a="1">\r\n' +
    '<Entities></Entities>  <Templates/>\r\n<EMail xsi:nil="true"></EMail><d>  two\r\nlines &amp; more </d>\r\n' +
    '<!-- kept --><m>text<i>inline</i>tail</m></ImportExportXml>';

  it('formats as SolutionPackager does in the unpacked folder', () => {
    expect(serializeXml(parseXml(source, 'x.xml'), UNPACKED_STYLE)).toBe(
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n' +
        '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" b="2" a="1">\n' +
        '  <Entities />\n  <Templates />\n  <EMail xsi:nil="true"></EMail>\n  <d>  two\nlines &amp; more </d>\n' +
        '  <!-- kept -->\n  <m>text<i>inline</i>tail</m>\n</ImportExportXml>',
    );
  });

  // Indentation is only the white space between child elements: white space alone is an element's
  // value, and text or CDATA beside child elements keeps every character around them.
  it('keeps white space alone, and the text around child elements beside CDATA, as they are', () => {
    const text =
      '<r><w>  </w><c>\n  <i/>\n  <![CDATA[x < y]]>\n</c><p><?pi body?><i/></p><m>a<b><c/></b></m></r>';
    expect(serializeXml(parseXml(text, 'x.xml'), UNPACKED_STYLE)).toBe(
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<r>\n  <w>  </w>\n' +
        '  <c>\n  <i />\n  <![CDATA[x < y]]>\n</c>\n' +
        '  <p>\n    <?pi body?>\n    <i />\n  </p>\n' +
        // An element inside text starts on the text's line, its own lines indented from column 0.
        '  <m>a<b>\n  <c />\n</b></m>\n</r>',
    );
  });

  it('writes an empty element open/close only where xsi:nil is true', () => {
    const text = '<r><a xsi:nil="true" /><b xsi:nil="false"></b></r>';
    expect(serializeXml(parseXml(text, 'x.xml'), UNPACKED_STYLE)).toBe(
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<r>\n  <a xsi:nil="true"></a>\n  <b xsi:nil="false" />\n</r>',
    );
  });

  it('formats as a native export does in the zip: no declaration, CRLF', () => {
    const text = serializeXml(parseXml(source, 'x.xml'), EXPORT_STYLE);
    expect(text.startsWith('<ImportExportXml')).toBe(true);
    expect(text).toContain('<d>  two\r\nlines &amp; more </d>\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('is a fixed point: formatting formatted text changes nothing', () => {
    const once = serializeXml(parseXml(source, 'x.xml'), UNPACKED_STYLE);
    expect(serializeXml(parseXml(once, 'x.xml'), UNPACKED_STYLE)).toBe(once);
    const zipped = serializeXml(parseXml(once, 'x.xml'), EXPORT_STYLE);
    expect(serializeXml(parseXml(zipped, 'x.xml'), UNPACKED_STYLE)).toBe(once);
  });

  // A parser reads a CR written as it is as a line break (LF): only as &#xD; does it come back, in
  // the unpacked folder and in the zip alike.
  it('keeps a CR of text and of an attribute through the unpacked file and the zip', () => {
    const root = parseXml('<r v="a&#xD;b"><d>one&#xD;two</d></r>', 'x.xml');
    const unpacked = parseXml(serializeXml(root, UNPACKED_STYLE), 'x.xml');
    const zipped = parseXml(serializeXml(unpacked, EXPORT_STYLE), 'x.xml');
    expect(zipped.attributes).toEqual([['v', 'a\rb']]);
    expect(zipped.children).toEqual([
      expect.objectContaining({ name: 'd', children: [{ kind: 'text', text: 'one\rtwo' }] }),
    ]);
  });

  it('escapes attribute values so that they read back the same', () => {
    const root = parseXml('<r/>', 'x.xml');
    root.attributes = [['v', 'a"b<c>&\nd\te']];
    expect(parseXml(serializeXml(root, EXPORT_STYLE), 'x.xml').attributes).toEqual([['v', 'a"b<c>&\nd\te']]);
  });
});
