import { describe, expect, it } from '@jest/globals';
import { Utf8Sink } from '../src/xml/xml-writer.js';

// customizations.xml is written through Utf8Sink a chunk of about a megabyte at a time, so that its
// text is never held whole as strings. A chunk left unencoded loses the end of the document; one
// taken early holds more text in memory than the comment of Utf8Sink promises.

const CHUNK = 1024 * 1024;

function text(chunks: readonly Buffer[]): string {
  return Buffer.concat(chunks).toString('utf8');
}

describe('Utf8Sink', () => {
  it('gives a document of one piece at the end', () => {
    const sink = new Utf8Sink();
    sink.write('<Customizations />');
    expect(text(sink.take(true))).toBe('<Customizations />');
    expect(sink.take(true)).toEqual([]);
  });

  it('gives the one piece written after the last chunk, at the end', () => {
    const sink = new Utf8Sink();
    sink.write('a'.repeat(CHUNK));
    const first = sink.take();
    sink.write('</ImportExportXml>');
    expect(text([...first, ...sink.take(true)])).toBe(`${'a'.repeat(CHUNK)}</ImportExportXml>`);
  });

  it('encodes a chunk once its pieces reach a megabyte of characters, and no sooner', () => {
    const sink = new Utf8Sink();
    sink.write('a'.repeat(CHUNK - 1));
    expect(sink.take()).toEqual([]);
    sink.write('é');
    const chunks = sink.take();
    expect(chunks).toHaveLength(1);
    // Two bytes of UTF-8 for é: counted in characters, encoded in bytes.
    expect(chunks[0]!.length).toBe(CHUNK + 1);
    // Counted again from nothing after a chunk.
    sink.write('b'.repeat(CHUNK - 1));
    expect(sink.take()).toEqual([]);
    expect(text(sink.take(true))).toBe('b'.repeat(CHUNK - 1));
  });
});
