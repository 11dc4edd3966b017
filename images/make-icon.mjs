// Draws images/icon.png (128×128): a DECT handset with radio waves on a blue tile. No dependencies:
// shapes are signed-distance functions, 4×4 supersampled, written as an RGBA PNG. Run: node images/make-icon.mjs
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;

const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const qx = Math.abs(x - (x0 + x1) / 2) - (x1 - x0) / 2 + r;
  const qy = Math.abs(y - (y0 + y1) / 2) - (y1 - y0) / 2 + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
/** A ring segment around (cx, cy) between angles a0..a1 (radians, 0 = right, clockwise as y grows down). */
const arc = (cx, cy, r, width, a0, a1) => (x, y) => {
  const a = Math.atan2(y - cy, x - cx);
  return a >= a0 && a <= a1 ? Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2 : 1;
};

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const NAVY = hex('#0b3d62');
const BLUE = hex('#1769aa');
const WHITE = hex('#f4f8fb');
const SCREEN = hex('#2fb8d8');
const WAVE = hex('#8fe3f5');

const tile = roundRect(0, 0, SIZE, SIZE, 26);
const keys = [50, 59, 68].flatMap((x) => [70, 79, 88].map((y) => circle(x, y, 2.8)));
// Painted in order: later layers cover earlier ones.
const layers = [
  [tile, (_x, y) => mix(BLUE, NAVY, y / SIZE)],
  [arc(74, 22, 13, 4.5, -1.25, 0.2), () => WAVE],
  [arc(74, 22, 22, 4.5, -1.2, 0.15), () => WAVE],
  [roundRect(68, 14, 75, 34, 3), () => WHITE],
  [roundRect(40, 28, 78, 110, 11), () => WHITE],
  [roundRect(46, 40, 72, 60, 3.5), () => SCREEN],
  [roundRect(53, 32.5, 65, 35, 1.2), () => NAVY],
  ...keys.map((k) => [k, () => NAVY]),
  [roundRect(52, 97, 66, 100, 1.5), () => NAVY],
];

function mix(a, b, t) {
  return a.map((v, i) => v + (b[i] - v) * t);
}

function shade(x, y) {
  if (tile(x, y) > 0) return [0, 0, 0, 0];
  let color = [0, 0, 0];
  for (const [shape, paint] of layers) if (shape(x, y) <= 0) color = paint(x, y);
  return [...color, 255];
}

function pixel(px, py) {
  const sum = [0, 0, 0, 0];
  for (let i = 0; i < SAMPLES; i++) {
    for (let j = 0; j < SAMPLES; j++) {
      const c = shade(px + (i + 0.5) / SAMPLES, py + (j + 0.5) / SAMPLES);
      for (let k = 0; k < 3; k++) sum[k] += c[k] * c[3];
      sum[3] += c[3];
    }
  }
  const n = SAMPLES * SAMPLES;
  return sum[3] === 0 ? [0, 0, 0, 0] : [...sum.slice(0, 3).map((v) => Math.round(v / sum[3])), Math.round(sum[3] / n)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
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

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(raw, y * (SIZE * 4 + 1) + 1 + x * 4);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`images/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
