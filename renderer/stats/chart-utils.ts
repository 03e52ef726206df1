/** Measuring, truncating and colouring for the hand-drawn SVG charts. */
import type { ClaimStatus } from '../../shared/types';

/** Chart text size in px; an average Latin glyph is about half of it wide. */
export const FONT_SIZE = 12;
const HALF = FONT_SIZE * 0.55;

/** Wide (CJK, full-width, emoji) characters take two half-widths. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

export function charWidth(ch: string): number {
  return WIDE.test(ch) ? 2 * HALF : HALF;
}

/** Estimated width in px of `text` at FONT_SIZE (no DOM needed, so also in tests). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** `text` cut to fit `max` px, ending in an ellipsis when cut; whole code points only. */
export function truncate(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  const budget = max - HALF * 1.5; // room for "…"
  let w = 0;
  let out = '';
  for (const ch of text) {
    w += charWidth(ch);
    if (w > budget) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

type Rgb = [number, number, number];

export function parseHex(color: string): Rgb | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m?.[1]) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb): string =>
  `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Black or white, whichever contrasts more with `background` (`#rrggbb`). */
export function textOn(background: string): string {
  const rgb = parseHex(background);
  if (!rgb) return '#000000';
  const l = luminance(rgb);
  // Contrast against black (l + .05)/.05 vs against white 1.05/(l + .05).
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#111111' : '#ffffff';
}

/**
 * A sequential blue ramp (ColorBrewer "Blues", light to dark) that reads on
 * light and dark backgrounds alike; t in [0, 1].
 */
const RAMP: Rgb[] = [
  [222, 235, 247],
  [158, 202, 225],
  [66, 146, 198],
  [8, 81, 156],
  [8, 48, 107],
];

export function ramp(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  const a = RAMP[i] as Rgb;
  const b = RAMP[i + 1] as Rgb;
  return toHex([0, 1, 2].map((k) => a[k]! + (b[k]! - a[k]!) * f) as Rgb);
}

/** Shade of a heat-map cell: zero is blank; the smallest non-zero stays visible. */
export function cellShade(value: number, max: number): string | null {
  if (value <= 0 || max <= 0) return null;
  return ramp(0.12 + 0.88 * Math.sqrt(value / max));
}

/** Status bars: mid-tone colours that keep their meaning in both themes. */
export const STATUS_COLORS: Record<ClaimStatus, string> = {
  unverified: '#8a8f98',
  supported: '#2e9d5b',
  disputed: '#d08a1a',
  false: '#d0453b',
  opinion: '#8a63c9',
};
