import { crc32, inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { ConnectorCache } from '../../model/connector-cache.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/**
 * Decoding a huge image to look at four corners is not worth the memory; the icon is 230×230. A
 * larger image is judged by its size from IHDR alone.
 */
const MAX_DECODED_PIXELS = 4096 * 4096;

export interface Pixel {
  r: number;
  g: number;
  b: number;
  a: number;
}

/**
 * An icon as decoded. `corners` is missing for a well-formed image too large to decode
 * (MAX_DECODED_PIXELS): its size is known from IHDR, its pixels are not read. `trailingBytes` counts
 * the bytes after the end of the IEND chunk, which decoders (libpng, browsers) ignore.
 */
export type DecodedIcon =
  | { ok: true; width: number; height: number; corners: Pixel[] | undefined; trailingBytes: number }
  | { ok: false; reason: string };

export function hasPngSignature(data: Buffer): boolean {
  return data.length >= PNG_SIGNATURE.length && data.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);
}

/** Bit depths allowed for each colour type (PNG spec, table 11.1). */
const BIT_DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

interface ChunkWalk {
  width: number;
  height: number;
  /** The offset just after the IEND chunk's CRC: the end of the image. */
  end: number;
  /** The IDAT chunks' data, concatenated: the zlib stream of the pixels. */
  imageData: Buffer;
}

/**
 * Walks the chunks from the signature to IEND (length, type, data, CRC each) and checks what the
 * walk can tell: every chunk whole and its CRC right, a well-formed IHDR first, IDAT before IEND.
 * Gives a reason in plain words where the file is broken, so that no decoder's wording reaches users.
 */
function walkChunks(data: Buffer): ChunkWalk | { reason: string } {
  if (!hasPngSignature(data)) return { reason: 'it does not start with the PNG signature' };
  let at = PNG_SIGNATURE.length;
  let header: { width: number; height: number } | undefined;
  const idat: Buffer[] = [];
  for (;;) {
    if (at + 8 > data.length) {
      return {
        reason: `the file is truncated: it ends after ${data.length} bytes, before the IEND chunk that ends an image`,
      };
    }
    const length = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff) {
      return { reason: `it is damaged: the bytes at offset ${at} are not a PNG chunk` };
    }
    if (!header && type !== 'IHDR') return { reason: 'its IHDR header is missing' };
    const end = at + 12 + length;
    if (end > data.length) {
      return {
        reason: `the file is truncated: it ends inside its ${type} chunk, before the IEND chunk that ends an image`,
      };
    }
    const body = data.subarray(at + 8, at + 8 + length);
    // The CRC-32 of ISO 3309, over the chunk's type and data (zlib's, as pack's native-crc32 uses).
    if (crc32(data.subarray(at + 4, at + 8 + length)) !== data.readUInt32BE(at + 8 + length)) {
      return { reason: `its ${type} chunk fails its CRC check: the file is damaged` };
    }
    if (type === 'IHDR') {
      if (header) return { reason: 'it has two IHDR chunks' };
      if (length !== 13) return { reason: 'its IHDR header is malformed' };
      const width = body.readUInt32BE(0);
      const height = body.readUInt32BE(4);
      const [depth, colourType, compression, filter, interlace] = body.subarray(8, 13);
      if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) {
        return { reason: `its IHDR header gives an impossible size, ${width}×${height}` };
      }
      if (!BIT_DEPTHS[colourType!]?.includes(depth!)) {
        return {
          reason: `its IHDR header gives an invalid colour type and bit depth (${colourType}, ${depth})`,
        };
      }
      if (compression !== 0 || filter !== 0 || interlace! > 1) {
        return { reason: 'its IHDR header names an unknown compression, filter or interlace method' };
      }
      header = { width, height };
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      if (idat.length === 0) return { reason: 'it has no image data (no IDAT chunk)' };
      return { ...header!, end, imageData: Buffer.concat(idat) };
    }
    at = end;
  }
}

/**
 * The bytes of the image, from the signature to the end of IEND, without what follows it (decoders
 * ignore it); undefined where the chunks do not make an image.
 */
export function pngImageBytes(data: Buffer): Buffer | undefined {
  const walk = walkChunks(data);
  return 'reason' in walk ? undefined : data.subarray(0, walk.end);
}

/**
 * Why pngjs could not decode chunks that walk well, in our words: its own are not for users. The
 * image data is inflated at most to the size its IHDR allows (a filter byte per row, 8 bytes a pixel
 * at most), so that a small file cannot make this check take gigabytes.
 */
function decodingFailure(walk: ChunkWalk): string {
  try {
    inflateSync(walk.imageData, { maxOutputLength: walk.height * (1 + walk.width * 8) });
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
      ? 'its image data (IDAT) holds more than an image of its size: the file is damaged'
      : 'its image data (IDAT) is not valid zlib data: the file is damaged';
  }
  return 'its image data cannot be decoded: the file is damaged';
}

/**
 * Decodes an icon into its size and its four corner pixels (top-left, top-right, bottom-left,
 * bottom-right), as RGBA. Garbage, truncated or unsupported data gives a reason, never an exception.
 * A well-formed image too large to decode gives its size from IHDR and no corners.
 */
export function decodeIcon(data: Buffer): DecodedIcon {
  const walk = walkChunks(data);
  if ('reason' in walk) return { ok: false, reason: walk.reason };
  const trailingBytes = data.length - walk.end;
  if (walk.width * walk.height > MAX_DECODED_PIXELS) {
    return { ok: true, width: walk.width, height: walk.height, corners: undefined, trailingBytes };
  }
  let png: PNG;
  try {
    png = PNG.sync.read(data.subarray(0, walk.end));
  } catch {
    return { ok: false, reason: decodingFailure(walk) };
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
    trailingBytes,
  };
}

/** Decodes each icon buffer once, however many rules look at it. */
const cache = new ConnectorCache<Buffer, DecodedIcon>();
export function decodedIcon(data: Buffer): DecodedIcon {
  return cache.getOrBuild(data, decodeIcon);
}
