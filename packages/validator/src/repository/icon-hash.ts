import { PNG } from 'pngjs';
import { hasPngSignature, pngImageBytes } from '../rules/icon/png-image.js';

/** 9×8 grey cells give 8 left-right comparisons per row: a 64-bit difference hash. */
const HASH_COLUMNS = 9;
const HASH_ROWS = 8;
/** Larger images are not worth decoding for a fingerprint; a connector icon is 230×230. */
const MAX_DECODED_PIXELS = 4096 * 4096;
/**
 * A left cell must be this many grey levels (of 255) brighter for a 1 bit. Without a margin, flat
 * areas (an icon's background) give bits that flip on noise or rescaling: on the corpus icons a
 * margin of 2 took the distance of a rescaled or noisy copy from up to 19 bits down to at most 3.
 */
const FLAT_MARGIN = 2;

/**
 * Two icons whose hashes differ in at most this many of 64 bits count as the same picture. Calibrated
 * on the 13 icons of the PowerPlatformConnectors repository (4 of them in the corpus, see the
 * icon-hash test): a copy rescaled (160 or 400 px), brightened, noisy or with red and blue swapped
 * stays within 6 bits. Two distinct icons of the repository, both a round head with two eyes
 * centred on a pale background (Ant Text Automation and Babybots), are 8 bits apart, the next
 * pair 11: so the distance stays below 8, and a copy shifted by a few pixels (7 or 8 bits) is not
 * found. A false "copied icon" on a pull request costs more than a missed re-cropped copy.
 */
export const SIMILAR_ICON_MAX_DISTANCE = 6;

/**
 * A hash with fewer 1 bits than this comes from a nearly flat picture (a plain square of colour):
 * every such picture hashes alike whatever its colour, so it is compared with nothing. The
 * repository's icons have 7 to 28.
 */
export const MIN_HASH_EDGES = 4;

/** Whether a hash holds enough of a picture's structure to be compared. */
export function hashSaysEnough(hash: string): boolean {
  return hashDistance(hash, '0000000000000000') >= MIN_HASH_EDGES;
}

/**
 * A difference hash (dHash) of a PNG as 16 hex digits: the image composited on white, reduced to 9×8
 * grey cells by averaging, one bit per pair of horizontal neighbours (1 when the left one is clearly
 * brighter). It ignores size, compression and small colour changes, which a byte comparison would
 * not. Undefined when the data is not a decodable PNG of a sensible size.
 */
export function iconDifferenceHash(data: Buffer): string | undefined {
  const png = decodePng(data);
  if (!png) return undefined;
  const cells = greyCells(png);
  let hash = 0n;
  for (let row = 0; row < HASH_ROWS; row++) {
    for (let column = 0; column < HASH_COLUMNS - 1; column++) {
      const left = cells[row * HASH_COLUMNS + column]!;
      const right = cells[row * HASH_COLUMNS + column + 1]!;
      hash = (hash << 1n) | (left - right > FLAT_MARGIN ? 1n : 0n);
    }
  }
  return hash.toString(16).padStart(16, '0');
}

/** The number of bits in which two hashes of iconDifferenceHash differ (0 to 64). */
export function hashDistance(a: string, b: string): number {
  let difference = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (difference > 0n) {
    count += Number(difference & 1n);
    difference >>= 1n;
  }
  return count;
}

function decodePng(data: Buffer): PNG | undefined {
  if (!hasPngSignature(data) || data.length < 24) return undefined;
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  if (width === 0 || height === 0 || width * height > MAX_DECODED_PIXELS) return undefined;
  // Up to the end of IEND: bytes after it, which decoders ignore, make pngjs refuse the image.
  const image = pngImageBytes(data);
  if (!image) return undefined;
  try {
    return PNG.sync.read(image);
  } catch {
    return undefined;
  }
}

/**
 * The mean luminance (0-255, transparent parts as white) of each of the 9×8 cells, row by row. Each
 * source pixel adds to the cell its centre falls in; an image smaller than the grid repeats pixels.
 */
function greyCells(png: PNG): Float64Array {
  const { width, height, data } = png;
  const sums = new Float64Array(HASH_COLUMNS * HASH_ROWS);
  const counts = new Uint32Array(HASH_COLUMNS * HASH_ROWS);
  const add = (x: number, y: number, cell: number): void => {
    const i = (y * width + x) * 4;
    const alpha = data[i + 3]! / 255;
    const luminance = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
    sums[cell] = sums[cell]! + luminance * alpha + 255 * (1 - alpha);
    counts[cell] = counts[cell]! + 1;
  };
  if (width >= HASH_COLUMNS && height >= HASH_ROWS) {
    for (let y = 0; y < height; y++) {
      const row = Math.floor(((y + 0.5) * HASH_ROWS) / height);
      for (let x = 0; x < width; x++) {
        add(x, y, row * HASH_COLUMNS + Math.floor(((x + 0.5) * HASH_COLUMNS) / width));
      }
    }
  } else {
    for (let row = 0; row < HASH_ROWS; row++) {
      for (let column = 0; column < HASH_COLUMNS; column++) {
        const x = Math.floor(((column + 0.5) * width) / HASH_COLUMNS);
        const y = Math.floor(((row + 0.5) * height) / HASH_ROWS);
        add(x, y, row * HASH_COLUMNS + column);
      }
    }
  }
  for (let cell = 0; cell < sums.length; cell++) sums[cell] = sums[cell]! / counts[cell]!;
  return sums;
}
