import { describe, expect, it } from '@jest/globals';
import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { runRules } from '../helpers/fixture.js';
import { validApiProperties, validConnectorFiles } from '../helpers/valid-connector.js';

/** A real PNG of one colour, optionally with transparent corners. */
function png(size: number, [r, g, b]: [number, number, number], transparentCorners = false): Buffer {
  const image = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) image.data.set([r, g, b, 255], i * 4);
  if (transparentCorners) image.data[3] = 0;
  return encoded(image);
}

/**
 * The image as PNG bytes, its rows unfiltered (filter type 0, as icon-fixture.ts writes them): pngjs
 * otherwise tries the five filters on every row to pick one, 80% of this suite's time (20 s), and the
 * rules read the pixels, which every filter gives back alike.
 */
function encoded(image: PNG): Buffer {
  return PNG.sync.write(image, { filterType: 0 });
}

const BRAND: [number, number, number] = [0x3b, 0x5b, 0xdb]; // #3b5bdb, the valid connector's colour
const withIcon = (icon: Buffer) => ({ ...validConnectorFiles(), 'icon.png': icon });

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
/** A PNG chunk: length, type, data and the CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
/**
 * A square PNG of one colour, written by hand to stay small however large it is: one palette entry,
 * one bit per pixel, so a 4096×4096 image is 2 MB of zeros before deflate. `idat` replaces the
 * image data.
 */
function paletteSquare(size: number, colour: readonly number[], idat?: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([1, 3, 0, 0, 0], 8); // bit depth 1, palette, deflate, adaptive filtering, no interlace
  const rowBytes = 1 + Math.ceil(size / 8); // a filter byte (0), then the pixels, all index 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(colour)),
    chunk('IDAT', idat ?? deflateSync(Buffer.alloc(rowBytes * size))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
/** No decoder's own words (pngjs's "waitng", "unrecognised content at end of stream") reach users. */
const LIBRARY_WORDING = /waitng|unrecognised content|end of stream|read requests|Invalid|Unsupported/;

describe('ICON-PNG', () => {
  it('reports garbage bytes cleanly', async () => {
    const findings = await runRules(withIcon(Buffer.from('not a png at all')), [
      'ICON-PNG',
      'ICON-SIZE',
      'ICON-BG',
    ]);
    expect(findings).toMatchObject([{ ruleId: 'ICON-PNG', severity: 'error', line: 1 }]);
    expect(findings[0]!.message).toMatch(/PNG signature/);
  });
  it('reports a truncated PNG cleanly', async () => {
    const findings = await runRules(withIcon(png(230, BRAND).subarray(0, 60)), ['ICON-PNG']);
    expect(findings).toMatchObject([{ ruleId: 'ICON-PNG', severity: 'error' }]);
    expect(findings[0]!.message).toBe(
      'icon.png is not a valid PNG image: the file is truncated: it ends inside its IDAT chunk, before the IEND chunk that ends an image.',
    );
  });
  it('accepts a real PNG', async () => {
    expect(await runRules(withIcon(png(230, BRAND)), ['ICON-PNG'])).toEqual([]);
  });
  // libpng and browsers stop at IEND; pngjs refused the image ("unrecognised content at end of stream").
  it('judges a PNG with bytes after its IEND chunk as the image it is, and says the bytes can go', async () => {
    const icon = Buffer.concat([png(230, BRAND), Buffer.from('garbage'.repeat(10))]);
    const findings = await runRules(withIcon(icon), ['ICON-PNG', 'ICON-SIZE', 'ICON-BG']);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'ICON-PNG',
        severity: 'warning',
        message:
          'icon.png has 70 bytes after the end of its image (its IEND chunk); image decoders ignore them, and they can be removed.',
      }),
    ]);
    // Its pixels are read: transparent corners still fire ICON-BG, a 471 px image ICON-SIZE.
    const transparent = Buffer.concat([png(471, BRAND, true), Buffer.from([0])]);
    const more = await runRules(withIcon(transparent), ['ICON-PNG', 'ICON-SIZE', 'ICON-BG']);
    expect(more.map((finding) => `${finding.ruleId} ${finding.severity}`).sort()).toEqual([
      'ICON-BG warning',
      'ICON-PNG warning',
      'ICON-SIZE warning',
    ]);
    expect(more.find((finding) => finding.ruleId === 'ICON-PNG')!.message).toMatch(
      /has 1 byte after the end of its image/,
    );
  });
  it('says which chunk fails its CRC check, in its own words', async () => {
    const icon = Buffer.from(png(230, BRAND));
    icon[29] = icon[29]! ^ 0xff; // the IHDR chunk's CRC (signature 8, length 4, type 4, data 13)
    const findings = await runRules(withIcon(icon), ['ICON-PNG', 'ICON-SIZE', 'ICON-BG']);
    expect(findings).toMatchObject([{ ruleId: 'ICON-PNG', severity: 'error' }]);
    expect(findings[0]!.message).toBe(
      'icon.png is not a valid PNG image: its IHDR chunk fails its CRC check: the file is damaged.',
    );
  });
  it('says image data that is not zlib data is damaged, in its own words', async () => {
    const findings = await runRules(withIcon(paletteSquare(230, BRAND, Buffer.from('not zlib'))), [
      'ICON-PNG',
    ]);
    expect(findings[0]!.message).toBe(
      'icon.png is not a valid PNG image: its image data (IDAT) is not valid zlib data: the file is damaged.',
    );
  });
  it('lets no decoder wording through', async () => {
    const whole = png(230, BRAND);
    const broken = [
      whole.subarray(0, 40),
      whole.subarray(0, whole.length - 12), // no IEND
      Buffer.concat([whole.subarray(0, 8), whole.subarray(33)]), // no IHDR
      paletteSquare(230, BRAND, deflateSync(Buffer.alloc(10))), // too little image data
    ];
    for (const icon of broken) {
      const findings = await runRules(withIcon(icon), ['ICON-PNG']);
      expect(findings).toMatchObject([{ ruleId: 'ICON-PNG', severity: 'error' }]);
      expect(findings[0]!.message).not.toMatch(LIBRARY_WORDING);
    }
  });
});

describe('ICON-SIZE', () => {
  it('fires on 471×471', async () => {
    const findings = await runRules(withIcon(png(471, BRAND)), ['ICON-SIZE']);
    expect(findings).toMatchObject([{ ruleId: 'ICON-SIZE', severity: 'warning' }]);
    expect(findings[0]!.message).toMatch(/471×471/);
  });
  it('accepts 230×230', async () => {
    expect(await runRules(withIcon(png(230, BRAND)), ['ICON-SIZE'])).toEqual([]);
  });
  it('accepts any square from 100×100 to 230×230, as the certification docs and the checker do', async () => {
    expect(await runRules(withIcon(png(100, BRAND)), ['ICON-SIZE'])).toEqual([]);
    expect(await runRules(withIcon(png(180, BRAND)), ['ICON-SIZE'])).toEqual([]);
  });
  it('fires below 100×100', async () => {
    const findings = await runRules(withIcon(png(96, BRAND)), ['ICON-SIZE']);
    expect(findings[0]!.message).toMatch(/96×96 px; it must be square, from 100×100 to 230×230 px/);
  });
  // Not decoded (the memory guard), but a well-formed image: its size is the problem, read from IHDR.
  it('reports a well-formed image over 4096×4096 px by its size, and does not look at its pixels', async () => {
    const findings = await runRules(withIcon(paletteSquare(4097, BRAND)), [
      'ICON-PNG',
      'ICON-SIZE',
      'ICON-BG',
    ]);
    expect(findings).toMatchObject([{ ruleId: 'ICON-SIZE', severity: 'warning' }]);
    expect(findings[0]!.message).toMatch(/^The icon is 4097×4097 px; it must be square/);
  });
  it('decodes a 4096×4096 image, as before: its pixels are read', async () => {
    const icon = paletteSquare(4096, [255, 255, 255]);
    const findings = await runRules(withIcon(icon), ['ICON-PNG', 'ICON-SIZE', 'ICON-BG']);
    expect(findings.map((finding) => finding.ruleId).sort()).toEqual(['ICON-BG', 'ICON-SIZE']);
    const size = findings.find((finding) => finding.ruleId === 'ICON-SIZE')!;
    expect(size).toMatchObject({ severity: 'warning' });
    expect(size.message).toMatch(/^The icon is 4096×4096 px; it must be square/);
    expect(findings.find((finding) => finding.ruleId === 'ICON-BG')!.message).toMatch(/background is white/);
  });
  it('fires on an icon that is not square', async () => {
    const image = new PNG({ width: 230, height: 200 });
    for (let i = 0; i < 230 * 200; i++) image.data.set([...BRAND, 255], i * 4);
    const findings = await runRules(withIcon(encoded(image)), ['ICON-SIZE']);
    expect(findings[0]!.message).toMatch(/230×200 px; it must be square/);
  });
});

describe('ICON-BG', () => {
  it('fires on transparent corners', async () => {
    const findings = await runRules(withIcon(png(230, BRAND, true)), ['ICON-BG']);
    expect(findings).toMatchObject([{ severity: 'warning' }]);
    expect(findings[0]!.message).toMatch(/top-left corner is transparent/);
  });
  it('fires when the corner is not the brand colour', async () => {
    const findings = await runRules(withIcon(png(230, [0x20, 0x74, 0xb5])), ['ICON-BG']);
    expect(findings[0]!.message).toMatch(/#2074b5, but iconBrandColor is #3b5bdb/);
  });
  it("compares the corners with a brand colour written without its '#' as meant", async () => {
    const apiProperties = validApiProperties();
    apiProperties.properties.iconBrandColor = '2074b5';
    const files = { ...withIcon(png(230, BRAND)), 'apiProperties.json': apiProperties };
    const findings = await runRules(files, ['ICON-BG']);
    expect(findings[0]!.message).toMatch(/#3b5bdb, but iconBrandColor is #2074b5/);
  });
  it('tolerates a small difference', async () => {
    expect(await runRules(withIcon(png(230, [0x3d, 0x5a, 0xd8])), ['ICON-BG'])).toEqual([]);
  });
  it('tolerates a corner 24 away from the brand colour, the tolerance', async () => {
    // #3b5bc3: the brand's blue channel 24 lower.
    expect(await runRules(withIcon(png(230, [0x3b, 0x5b, 0xc3])), ['ICON-BG'])).toEqual([]);
  });
  it('calls a background 24 away from white white, not a colour other than the brand', async () => {
    const findings = await runRules(withIcon(png(230, [0xff, 0xff, 0xe7])), ['ICON-BG']);
    expect(findings[0]!.message).toBe('The icon background is white (#ffffe7); use your brand colour.');
  });
  // Opaque is alpha 255: a corner of 254, as a faint fade of an export leaves, lets the tile show through.
  it('fires on a corner that is nearly but not fully opaque', async () => {
    const image = new PNG({ width: 230, height: 230 });
    for (let i = 0; i < 230 * 230; i++) image.data.set([...BRAND, 255], i * 4);
    image.data[3] = 254;
    const findings = await runRules(withIcon(encoded(image)), ['ICON-BG']);
    expect(findings[0]!.message).toMatch(/top-left corner is transparent \(alpha 254\)/);
  });
});

describe('ICON-IP-NONE', () => {
  it('fires on an icon in an independent publisher folder', async () => {
    const apiProperties = validApiProperties();
    apiProperties.properties.iconBrandColor = '#da3b01';
    const files = {
      ...validConnectorFiles(),
      'apiProperties.json': apiProperties,
      'icon.png': png(230, [0xda, 0x3b, 0x01]),
    };
    expect(await runRules(files, ['ICON-IP-NONE'], 'independent-publisher')).toMatchObject([
      { severity: 'error' },
    ]);
  });
  // ICON-BG said "use your brand colour" of the icon.png that ICON-IP-NONE says to delete.
  it('is the only finding on the icon: the rules on its content are off for independent publishers', async () => {
    const icons = ['ICON-PNG', 'ICON-SIZE', 'ICON-BG', 'ICON-IP-NONE', 'ICON-IN-REPO'];
    const white = png(471, [255, 255, 255], true);
    expect(await runRules(withIcon(white), icons, 'independent-publisher')).toMatchObject([
      { ruleId: 'ICON-IP-NONE', severity: 'error' },
    ]);
    expect(await runRules(withIcon(Buffer.from('not a png')), icons, 'independent-publisher')).toMatchObject([
      { ruleId: 'ICON-IP-NONE' },
    ]);
    // A certified folder's icon is still checked.
    const certified = await runRules(withIcon(white), icons, 'certified');
    expect(certified.map((finding) => finding.ruleId).sort()).toEqual([
      'ICON-BG',
      'ICON-IN-REPO',
      'ICON-SIZE',
    ]);
  });
  it('is fine without an icon', async () => {
    expect(
      await runRules(
        validConnectorFiles(),
        ['ICON-IP-NONE', 'ICON-PNG', 'ICON-IN-REPO'],
        'independent-publisher',
      ),
    ).toEqual([]);
  });
});

describe('ICON-IN-REPO', () => {
  it('notes a committed certified icon, and is quiet without one', async () => {
    expect(await runRules(withIcon(png(230, BRAND)), ['ICON-IN-REPO'])).toMatchObject([{ severity: 'info' }]);
    expect(await runRules(validConnectorFiles(), ['ICON-IN-REPO'])).toEqual([]);
  });
});
