#!/usr/bin/env node
// Draws media/icon.png (128×128): a magnifying lens over three lines of text highlighted in the person, organisation
// and place colours. No dependencies: pixels are computed here (4×4 supersampling) and written as a PNG with zlib.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const S = 4;
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const BG = hex('#1f2a3a');
const PAPER = hex('#f4f1ea');
const INK = hex('#5b6270');
const MARKS = [hex('#5ea8ff'), hex('#f0a040'), hex('#4ccf70')];
const RIM = hex('#e8edf3');
const HANDLE = hex('#c9a15a');

const inRound = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const lens = { x: 54, y: 54, r: 34 };

function colourAt(x, y) {
  let c = null;
  if (inRound(x, y, 4, 4, 124, 124, 22)) c = BG;
  if (!c) return null;
  // The page of a report.
  if (inRound(x, y, 18, 16, 92, 112, 6)) {
    c = PAPER;
    const rows = [30, 46, 62, 78, 94];
    rows.forEach((ry, i) => {
      if (y >= ry && y <= ry + 7 && x >= 26 && x <= 84) c = INK;
      // Highlighted words on three rows.
      const mark = [[0, 34, 62], [2, 28, 52], [3, 50, 80]].find(([row]) => row === i);
      if (mark && y >= ry - 2 && y <= ry + 9 && x >= mark[1] && x <= mark[2]) c = MARKS[[0, 2, 3].indexOf(i)];
    });
  }
  const d = Math.hypot(x - lens.x, y - lens.y);
  // Handle from the rim towards the lower right.
  const t = ((x - lens.x) + (y - lens.y)) / Math.SQRT2;
  const across = Math.abs((x - lens.x) - (y - lens.y)) / Math.SQRT2;
  if (t > lens.r + 2 && t < lens.r + 44 && across < 7) c = HANDLE;
  if (d <= lens.r - 5) c = c.map((v, i) => Math.round(v * 0.82 + [200, 230, 255][i] * 0.18));
  if (d > lens.r - 5 && d <= lens.r + 3) c = RIM;
  return c;
}

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let py = 0; py < N; py++) {
  raw[py * (N * 4 + 1)] = 0;
  for (let px = 0; px < N; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) {
      const c = colourAt(px + (sx + 0.5) / S, py + (sy + 0.5) / S);
      if (c) { r += c[0]; g += c[1]; b += c[2]; a++; }
    }
    const o = py * (N * 4 + 1) + 1 + px * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a / (S * S)) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8;
ihdr[9] = 6;
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${N}×${N}, ${png.length} bytes`);
