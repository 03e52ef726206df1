// Draws build/icon.png (512×512 RGBA): a blue rounded square with three lines
// of "text", the middle one struck through by a yellow marker stroke.
// Dependency-free: shapes are signed-distance functions, anti-aliased by 4×4
// supersampling, and the PNG is written with node:zlib.
//   node build/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4;

/** Signed distance to a rounded rectangle (centre cx,cy; half-size hw,hh; radius r). */
function roundedRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Signed distance to a capsule: segment (ax,ay)–(bx,by) of radius r. */
function capsule(x, y, ax, ay, bx, by, r) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - r;
}

const mix = (a, b, t) => a + (b - a) * t;
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);

const TOP = hex('#3a6ea5');
const BOTTOM = hex('#1f3f66');
const PAPER = hex('#f4f1ea');
const INK = hex('#1f3f66');
const MARKER = hex('#ffcf33');

/** Layers bottom to top: [inside(x, y) → boolean, colour(x, y) → rgb, alpha]. */
const layers = [
  [
    (x, y) => roundedRect(x, y, 256, 256, 232, 232, 104) <= 0,
    (_x, y) => TOP.map((c, i) => mix(c, BOTTOM[i], y / SIZE)),
    1,
  ],
  [(x, y) => capsule(x, y, 132, 168, 380, 168, 20) <= 0, () => PAPER, 0.92],
  [(x, y) => capsule(x, y, 116, 276, 400, 236, 44) <= 0, () => MARKER, 0.95],
  [(x, y) => capsule(x, y, 132, 256, 380, 256, 20) <= 0, () => INK, 1],
  [(x, y) => capsule(x, y, 132, 344, 300, 344, 20) <= 0, () => PAPER, 0.92],
];

function shade(x, y) {
  let rgb = [0, 0, 0];
  let alpha = 0;
  for (const [inside, colour, a] of layers) {
    if (!inside(x, y)) continue;
    const c = colour(x, y);
    const outA = a + alpha * (1 - a);
    rgb = rgb.map((v, i) => (c[i] * a + v * alpha * (1 - a)) / outA);
    alpha = outA;
  }
  return [...rgb, alpha];
}

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  pixels[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const [r, g, b, a] = shade(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        sum[0] += r * a;
        sum[1] += g * a;
        sum[2] += b * a;
        sum[3] += a;
      }
    }
    const n = SAMPLES * SAMPLES;
    const a = sum[3] / n;
    const at = row + 1 + x * 4;
    for (let i = 0; i < 3; i++) pixels[at + i] = a > 0 ? Math.round((sum[i] / sum[3]) * 255) : 0;
    pixels[at + 3] = Math.round(a * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('./icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);
