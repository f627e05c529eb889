import { PNG } from 'pngjs';
import { ConnectorCache } from '../../model/connector-cache.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Decoding a huge image to look at four corners is not worth the memory; the icon is 230×230. */
const MAX_DECODED_PIXELS = 4096 * 4096;

export interface Pixel {
  r: number;
  g: number;
  b: number;
  a: number;
}

export type DecodedIcon =
  { ok: true; width: number; height: number; corners: Pixel[] } | { ok: false; reason: string };

export function hasPngSignature(data: Buffer): boolean {
  return data.length >= PNG_SIGNATURE.length && data.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);
}

/** Reads the size from the IHDR chunk without decoding, so that huge images are refused cheaply. */
function headerSize(data: Buffer): { width: number; height: number } | undefined {
  if (data.length < 24 || data.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/**
 * Decodes an icon into its size and its four corner pixels (top-left, top-right, bottom-left,
 * bottom-right), as RGBA. Garbage, truncated or unsupported data gives a reason, never an exception.
 */
export function decodeIcon(data: Buffer): DecodedIcon {
  if (!hasPngSignature(data)) return { ok: false, reason: 'it does not start with the PNG signature' };
  const header = headerSize(data);
  if (!header) return { ok: false, reason: 'its IHDR header is missing' };
  if (header.width === 0 || header.height === 0 || header.width * header.height > MAX_DECODED_PIXELS) {
    return { ok: false, reason: `its size ${header.width}×${header.height} is not a usable icon size` };
  }
  let png: PNG;
  try {
    png = PNG.sync.read(data);
  } catch (error) {
    return { ok: false, reason: `it cannot be decoded (${(error as Error).message})` };
  }
  const { width, height } = png;
  const pixel = (x: number, y: number): Pixel => {
    const i = (y * width + x) * 4;
    return { r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]!, a: png.data[i + 3]! };
  };
  return {
    ok: true,
    width,
    height,
    corners: [pixel(0, 0), pixel(width - 1, 0), pixel(0, height - 1), pixel(width - 1, height - 1)],
  };
}

/** Decodes each icon buffer once, however many rules look at it. */
const cache = new ConnectorCache<Buffer, DecodedIcon>();
export function decodedIcon(data: Buffer): DecodedIcon {
  return cache.getOrBuild(data, decodeIcon);
}
