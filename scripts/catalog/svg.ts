/** Draws a product thumbnail: soft category background, silhouette in the product colour, brand initial. */
import { hslToHex, luminance, mix } from './colour.ts';
import { SHAPES, type Palette, type ShapeKey } from './shapes.ts';

export interface ThumbnailSpec {
  shape: ShapeKey;
  colour: string;
  /** Background hue (degrees) shared by the category. */
  hue: number;
  brand: string;
}

export function palette(colour: string, hue: number): Palette {
  const light = luminance(colour) > 0.8;
  return {
    f: colour,
    // Very light products need a clearly darker outline to stand off the background.
    d: light ? '#9a9ca3' : mix(colour, '#000000', 0.35),
    l: light ? '#e2e2e6' : mix(colour, '#ffffff', 0.55),
    bg: hslToHex(hue, 0.45, 0.93),
  };
}

export function renderThumbnail(spec: ThumbnailSpec): string {
  const c = palette(spec.colour, spec.hue);
  const initial =
    spec.brand
      .replace(/[^A-Za-z]/g, '')
      .charAt(0)
      .toUpperCase() || '?';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="400" height="400">` +
    `<rect width="100" height="100" rx="10" fill="${c.bg}"/>` +
    `<ellipse cx="50" cy="84" rx="32" ry="3.5" fill="#000" opacity=".07"/>` +
    `<g stroke="${c.d}" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round">${SHAPES[spec.shape](c)}</g>` +
    `<circle cx="12" cy="12" r="6.5" fill="#fff" opacity=".75"/>` +
    `<text x="12" y="14.6" font-family="Helvetica,Arial,sans-serif" font-size="7.5" font-weight="700" text-anchor="middle" fill="${mix(hslToHex(spec.hue, 0.35, 0.35), '#000000', 0.1)}">${initial}</text>` +
    `</svg>\n`
  );
}
