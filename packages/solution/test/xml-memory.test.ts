import { describe, expect, it } from '@jest/globals';
import {
  EXPORT_STYLE,
  parseUtf8Xml,
  parseXml,
  serializeXml,
  UNPACKED_STYLE,
  type XmlElement,
  type XmlNode,
  type XmlStyle,
} from '../src/index.js';
import { scanWriting } from '../src/solution/customizations.js';
import { decodeUtf8Pieces, decodeUtf8Strict } from '../src/text/decode.js';
import { describeWith, FIXTURE_EXPORTS, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';

function* elementsOf(root: XmlElement): Generator<XmlElement> {
  yield root;
  for (const child of root.children) if (child.kind === 'element') yield* elementsOf(child);
}

/**
 * The UTF-8 chunks unpack and pack write a document in (scanWriting, through Utf8Sink.take), with no
 * connector to take out or put in: serializeXml's text, encoded a piece at a time.
 */
function streamedChunks(bytes: Uint8Array, style: XmlStyle): Buffer[] {
  const pass = scanWriting(bytes, 'x.xml', undefined, style, []);
  const chunks: Buffer[] = [];
  let step = pass.next();
  for (; !step.done; step = pass.next()) chunks.push(step.value);
  return step.value.again === undefined ? chunks : [...step.value.again];
}

const isIndentation = (node: XmlNode): boolean => node.kind === 'text' && node.text.trim() === '';

describeWith(SOLUTION_FIXTURES, 'solution fixture')('the tree of a real customizations.xml', () => {
  // A 64 MB customizations.xml has a million elements: what each costs, unpack and pack need a
  // million times (462 bytes each, measured when most text nodes were indentation and most arrays empty).
  it.each(FIXTURE_EXPORTS.map((fixture) => [fixture.name, fixture.zip]))(
    '%s: holds no indentation beside child elements, and shares the empty arrays',
    async (_name, zip) => {
      const entries = await readZip(fixturePath(zip));
      const root = parseUtf8Xml(entries.get('customizations.xml')!, 'customizations.xml');
      const elements = [...elementsOf(root)];
      const indentation = elements.flatMap((node) =>
        node.children.some((child) => child.kind === 'element') ? node.children.filter(isIndentation) : [],
      );
      expect(indentation).toHaveLength(0);
      const withoutAttributes = elements.filter((node) => node.attributes.length === 0);
      const withoutChildren = elements.filter((node) => node.children.length === 0);
      expect(withoutAttributes.length).toBeGreaterThan(0);
      expect(new Set(withoutAttributes.map((node) => node.attributes)).size).toBe(1);
      expect(new Set(withoutChildren.map((node) => node.children)).size).toBeLessThanOrEqual(1);
    },
  );

  it.each(FIXTURE_EXPORTS.map((fixture) => [fixture.name, fixture.zip]))(
    '%s: the streamed chunks are the bytes of serializeXml, in both styles',
    async (_name, zip) => {
      const entries = await readZip(fixturePath(zip));
      for (const part of ['customizations.xml', 'solution.xml']) {
        const bytes = entries.get(part)!;
        const root = parseUtf8Xml(bytes, part);
        for (const style of [UNPACKED_STYLE, EXPORT_STYLE])
          expect(
            Buffer.concat(streamedChunks(bytes, style)).equals(Buffer.from(serializeXml(root, style))),
          ).toBe(true);
      }
    },
  );
});

describe('the streamed text, a chunk at a time', () => {
  it('joins its chunks with the newline, each chunk UTF-8 on its own, with text beyond Latin-1 in them', () => {
    // 120,000 lines (three a row) of 2.2 million characters are three chunks (Utf8Sink encodes about a
    // million characters at a time); the BOM and the Japanese text are UTF-8 across them.
    const ROWS = 40_000;
    const rows = Array.from({ length: ROWS }, (_, n) => `<row n="${n}"><label>行 ${n} ’</label></row>`);
    const xml = `<rows>${rows.join('\r\n')}</rows>`;
    const root = parseXml(xml, 'x.xml');
    for (const style of [UNPACKED_STYLE, EXPORT_STYLE]) {
      const chunks = streamedChunks(Buffer.from(xml), style);
      expect(chunks).toHaveLength(3);
      // A chunk never ends inside a character: each is written to the file or zip as it comes.
      for (const chunk of chunks) expect(Buffer.from(chunk.toString('utf8')).equals(chunk)).toBe(true);
      const bytes = Buffer.concat(chunks);
      expect(bytes.equals(Buffer.from(serializeXml(root, style)))).toBe(true);
      expect(bytes.toString('utf8').split(style.newline)).toHaveLength(
        3 * ROWS + 2 + (style.declaration ? 1 : 0),
      );
    }
  });
});

describe('parseUtf8Xml, a megabyte at a time', () => {
  const MB = 1024 * 1024;
  /** A document whose byte MB - 1 is the first byte of `across`, so that the first piece ends inside it. */
  function straddling(across: string, inside: (across: string) => string): Buffer {
    const head = Buffer.from('\uFEFF<r>\r\n  <a x="1">');
    const padding = 'p'.repeat(MB - 1 - head.length);
    return Buffer.concat([
      head,
      Buffer.from(`${padding}${inside(across)}</a>\r\n  <b>tail &amp; é</b>\r\n</r>`),
    ]);
  }
  const cases: Array<[string, Buffer]> = [
    ['a CRLF', straddling('\r\n', (s) => `${s}more`)],
    ['a lone CR', straddling('\rx', (s) => s)],
    ['a two-byte character', straddling('é', (s) => s)],
    ['a four-byte character', straddling('😀', (s) => s)],
    ['an entity', straddling('&amp;', (s) => s)],
    ['a tag', straddling('<inner k="v"/>', (s) => s)],
    ['a CDATA section', straddling('<![CDATA[x]]>', (s) => s)],
  ];

  it.each(cases)('reads %s across the pieces as the whole text reads it', (_what, bytes) => {
    const whole = parseXml(decodeUtf8Strict(bytes, 'x.xml'), 'x.xml');
    expect(parseUtf8Xml(bytes, 'x.xml')).toEqual(whole);
    expect(Buffer.concat(streamedChunks(bytes, UNPACKED_STYLE)).toString()).toBe(
      serializeXml(whole, UNPACKED_STYLE),
    );
  });

  it('locates an error after the first piece where the whole text locates it', () => {
    // Line 3 starts after the CRLF that the first piece ends inside of.
    const bytes = straddling('\r\n', (s) => `${s}</a><c></d>`);
    const error = (parse: () => unknown): unknown => {
      try {
        parse();
      } catch (caught) {
        return caught;
      }
      throw new Error('accepted');
    };
    const pieces = error(() => parseUtf8Xml(bytes, 'x.xml'));
    const whole = error(() => parseXml(decodeUtf8Strict(bytes, 'x.xml'), 'x.xml'));
    expect(pieces).toMatchObject({ message: (whole as Error).message, location: { file: 'x.xml', line: 3 } });
    expect((pieces as { location: unknown }).location).toEqual((whole as { location: unknown }).location);
  });

  it('refuses bytes that are not UTF-8 before parsing, as decodeUtf8Strict does', () => {
    // The XML error comes first in the text; the UTF-8 one is still the one told, as before.
    const bytes = Buffer.concat([
      Buffer.from('<r><a></b>\n<c>'),
      Buffer.from([0x93]),
      Buffer.from('</c></r>'),
    ]);
    expect(() => parseUtf8Xml(bytes, 'x.xml')).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/^is not valid UTF-8/),
        location: { file: 'x.xml', line: 2, column: 4 },
      }),
    );
  });

  it('decodes pieces of any size to the text decodeUtf8Strict gives, BOM left out', () => {
    // A U+FEFF after the first character (a zero-width no-break space) is text, also at a piece's start.
    for (const text of ['\uFEFF<r>é 😀 ’\r\n行</r>', '<r>\uFEFF</r>', '\uFEFF\uFEFF<r/>']) {
      const bytes = Buffer.from(text);
      for (const size of [1, 2, 3, 4, 5, 7, bytes.length])
        expect([...decodeUtf8Pieces(bytes, 'x.xml', size)].join('')).toBe(decodeUtf8Strict(bytes, 'x.xml'));
    }
  });
});

describe('the text the tree keeps', () => {
  // Long text is copied out of the document (tree-builder.ts `own`); a copy through UTF-8 would turn a
  // lone surrogate, which only a string can hold, into U+FFFD.
  it('is the text parsed, a lone surrogate in long text and in a long attribute included', () => {
    const text = 'a long text with \ud800 a lone surrogate';
    const xml = `<root a="${text}"><child>${text}</child></root>`;
    const root = parseXml(xml, 'lone.xml');
    const child = root.children[0] as XmlElement;
    expect(root.attributes).toEqual([['a', text]]);
    expect(child.children).toEqual([{ kind: 'text', text }]);
  });
});
