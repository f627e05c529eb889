import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import {
  hashDistance,
  hashSaysEnough,
  iconDifferenceHash,
  SIMILAR_ICON_MAX_DISTANCE,
} from '../../src/repository/icon-hash.js';
import { CORPUS_DIR, corpusAvailable } from '../helpers/fixture.js';
import { drawIcon, SHAPES } from './icon-fixture.js';

const hash = (data: Buffer): string => {
  const value = iconDifferenceHash(data);
  if (!value) throw new Error('not a PNG');
  return value;
};

/** Resamples a PNG (nearest pixel) and maps each pixel: the edits a copied icon goes through. */
function edit(
  data: Buffer,
  options: { size?: number; shift?: number; pixel?: (rgba: number[]) => number[] },
): Buffer {
  const source = PNG.sync.read(data);
  const size = options.size ?? source.width;
  const shift = options.shift ?? 0;
  const target = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sx = Math.max(0, Math.min(source.width - 1, Math.floor((x * source.width) / size) - shift));
      const sy = Math.max(0, Math.min(source.height - 1, Math.floor((y * source.height) / size) - shift));
      const from = (sy * source.width + sx) * 4;
      const to = (y * size + x) * 4;
      if (!options.pixel) {
        source.data.copy(target.data, to, from, from + 4);
        continue;
      }
      const rgba = options.pixel([
        source.data[from]!,
        source.data[from + 1]!,
        source.data[from + 2]!,
        source.data[from + 3]!,
      ]);
      for (let i = 0; i < 4; i++) target.data[to + i] = rgba[i]!;
    }
  }
  // No filter search: these PNGs are thrown away, and the search is most of the time in Jest.
  return PNG.sync.write(target, { filterType: 0 });
}

/** The copies of an icon that must still count as the same icon. */
function copiesOf(icon: Buffer): Record<string, Buffer> {
  let seed = 7;
  const noise = (): number => ((seed = (seed * 48271) % 2147483647) % 25) - 12;
  return {
    'rescaled to 160 px': edit(icon, { size: 160 }),
    'rescaled to 400 px': edit(icon, { size: 400 }),
    brightened: edit(icon, {
      pixel: ([r, g, b, a]) => [r! + 20, g! + 20, b! + 20, a!].map((v) => Math.min(255, v)),
    }),
    'red and blue swapped': edit(icon, { pixel: ([r, g, b, a]) => [b!, g!, r!, a!] }),
    noisy: edit(icon, {
      pixel: (rgba) => rgba.map((v, i) => (i === 3 ? v : Math.max(0, Math.min(255, v + noise())))),
    }),
  };
}

/** The copies of an icon that the hash would not find, with their distances. */
function copiesTooFar(icon: Buffer): string[] {
  const original = hash(icon);
  return Object.entries(copiesOf(icon))
    .map(([name, copy]) => ({ name, distance: hashDistance(original, hash(copy)) }))
    .filter(({ distance }) => distance > SIMILAR_ICON_MAX_DISTANCE)
    .map(({ name, distance }) => `${name}: ${distance} bits`);
}

describe('iconDifferenceHash', () => {
  it('gives 16 hex digits for a PNG and nothing for other data', () => {
    expect(hash(drawIcon(SHAPES.disc))).toMatch(/^[0-9a-f]{16}$/);
    expect(iconDifferenceHash(Buffer.from('GIF89a'))).toBeUndefined();
    expect(iconDifferenceHash(drawIcon(SHAPES.disc).subarray(0, 60))).toBeUndefined();
  });

  // Decoders stop at IEND; pngjs refused such a file, and ICON-UNIQUE left the copy alone.
  it('hashes a PNG with bytes after its IEND chunk as the image it is', () => {
    const icon = drawIcon(SHAPES.disc);
    expect(iconDifferenceHash(Buffer.concat([icon, Buffer.from('garbage')]))).toBe(hash(icon));
  });
  it('keeps a rescaled, recoloured or noisy copy within the similarity distance', () => {
    for (const shape of [SHAPES.disc, SHAPES.triangle]) {
      const icon = drawIcon(shape);
      expect(copiesTooFar(icon)).toEqual([]);
    }
  });

  it('puts distinct logos farther apart than the similarity distance', () => {
    const hashes = Object.values(SHAPES).map((shape) => hash(drawIcon(shape)));
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) {
        expect(hashDistance(hashes[i]!, hashes[j]!)).toBeGreaterThan(SIMILAR_ICON_MAX_DISTANCE);
      }
    }
  });

  it('says too little of a nearly flat icon to compare it, whatever its colour', () => {
    const flat = (colour: [number, number, number]) => hash(drawIcon(() => false, 230, colour));
    expect(flat([0xff, 0, 0])).toBe(flat([0, 0, 0xff]));
    expect(hashSaysEnough(flat([0xff, 0, 0]))).toBe(false);
    expect(hashSaysEnough(hash(drawIcon(SHAPES.disc)))).toBe(true);
  });

  it('counts differing bits', () => {
    expect(hashDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hashDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(hashDistance('00000000000000f1', '0000000000000000')).toBe(5);
  });
});

const CORPUS_ICONS = [
  'certified-connectors/RecordedFutureV2/icon.png',
  'certified-connectors/TPS & CTPS Checker/icon.png',
  'custom-connectors/Snowflake/icon.png',
  'custom-connectors/SAP-ODATA-Demo/icon.png',
];
if (!corpusAvailable) console.warn(`Skipping the icon calibration on the corpus: ${CORPUS_DIR} is absent.`);
const describeCorpus = corpusAvailable ? describe : describe.skip;

describeCorpus('the similarity distance, calibrated on the corpus icons', () => {
  // Read in beforeAll, not here: a skipped describe still runs its body to collect the tests.
  let icons: Buffer[] = [];
  beforeAll(() => {
    icons = CORPUS_ICONS.map((file) => readFileSync(path.join(CORPUS_DIR, file)));
  });

  it('keeps distinct connector icons apart (they are 19 to 37 bits apart)', () => {
    const hashes = icons.map(hash);
    const distances: number[] = [];
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) distances.push(hashDistance(hashes[i]!, hashes[j]!));
    }
    expect(Math.min(...distances)).toBeGreaterThan(SIMILAR_ICON_MAX_DISTANCE + 5);
  });

  it('finds edited copies of real icons (at most 6 bits apart)', () => {
    for (const [index, icon] of icons.entries()) {
      expect({ icon: CORPUS_ICONS[index], tooFar: copiesTooFar(icon) }).toEqual({
        icon: CORPUS_ICONS[index],
        tooFar: [],
      });
    }
  });
});
