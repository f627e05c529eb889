import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];
const WHITE: Rgb = [255, 255, 255];
/** Whether a point (0 to 1 across and down the icon) is part of the logo. */
export type Shape = (x: number, y: number) => boolean;

export const SHAPES = {
  disc: (x, y) => (x - 0.5) ** 2 + (y - 0.5) ** 2 < 0.09,
  bars: (x) => x > 0.2 && x < 0.8 && Math.floor(x * 10) % 2 === 0,
  triangle: (x, y) => y > 0.2 && y < 0.8 && Math.abs(x - 0.5) < (y - 0.2) / 2,
  corner: (x, y) => x < 0.45 && y < 0.45,
} satisfies Record<string, Shape>;

/** A real PNG icon: a white logo on a brand-colour square, like the icons of certified connectors. */
export function drawIcon(shape: Shape, size = 230, background: Rgb = [0x00, 0x71, 0xce]): Buffer {
  const image = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const colour = shape((x + 0.5) / size, (y + 0.5) / size) ? WHITE : background;
      const at = (y * size + x) * 4;
      image.data[at] = colour[0];
      image.data[at + 1] = colour[1];
      image.data[at + 2] = colour[2];
      image.data[at + 3] = 255;
    }
  }
  return PNG.sync.write(image, { filterType: 0 });
}
