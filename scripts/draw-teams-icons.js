#!/usr/bin/env node
// Draws the Teams app icons for Directory Enrollment: a shield holding a person, with a green "enrolled" check badge.
//   node scripts/draw-teams-icons.js [outDir] [--scale N]
// Writes color.png (192x192, full colour) and outline.png (32x32, white on transparent) into outDir (default manifest/).
// --scale N renders N times larger, to look at the drawing closely; the committed icons are drawn at scale 1.
// Node built-ins only, so the icons can be redrawn anywhere; the output is byte-for-byte reproducible.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const args = process.argv.slice(2);
const scaleAt = args.indexOf('--scale');
const scale = scaleAt >= 0 ? Number(args[scaleAt + 1]) : 1;
const outDir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--scale') || path.join(__dirname, '..', 'manifest');

// ---- shapes as signed distance functions (negative inside, in pixels) so edges get exact anti-aliasing ----

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function polygon(points) {
  return (x, y) => {
    let inside = false, d = Infinity;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i], [xj, yj] = points[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      d = Math.min(d, segmentDistance(x, y, points[j], points[i]));
    }
    return inside ? -d : d;
  };
}

const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
// A polyline drawn with a round pen of the given width.
const stroke = (points, width) => (x, y) => {
  let d = Infinity;
  for (let i = 1; i < points.length; i++) d = Math.min(d, segmentDistance(x, y, points[i - 1], points[i]));
  return d - width / 2;
};
const outlineOf = (shape, width) => (x, y) => Math.abs(shape(x, y)) - width / 2;
const intersect = (a, b) => (x, y) => Math.max(a(x, y), b(x, y));
const below = (limit) => (x, y) => y - limit;

function cubic(p0, p1, p2, p3, steps) {
  const out = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps, u = 1 - t;
    out.push([0, 1].map(k => u * u * u * p0[k] + 3 * u * u * t * p1[k] + 3 * u * t * t * p2[k] + t * t * t * p3[k]));
  }
  return out;
}

// Shield outline in a box: a top edge rising to a peak in the middle, straight sides, curved flanks to a point.
function shield(left, top, width, height) {
  const at = (u, v) => [left + ((u + 1) / 2) * width, top + v * height];
  const right = [
    ...cubic(at(0, 0), at(0.35, 0.1), at(0.7, 0.13), at(1, 0.12), 24),
    at(1, 0.5),
    ...cubic(at(1, 0.5), at(1, 0.78), at(0.5, 0.93), at(0, 1), 40),
  ];
  const mirrored = right.slice(0, -1).reverse().map(([x, y]) => [2 * (left + width / 2) - x, y]);
  return polygon([at(0, 0), ...right, ...mirrored]);
}

// ---- raster: layers of (shape, colour) composited with "over", coverage from the distance to the edge ----

function render(size, layers) {
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Uncovered pixels are transparent white, so the outline icon holds no colour but white.
      let r = 255, g = 255, b = 255, a = 0;
      for (const { shape, color } of layers) {
        const c = typeof color === 'function' ? color(x + 0.5, y + 0.5) : color;
        const cover = Math.max(0, Math.min(1, 0.5 - shape(x + 0.5, y + 0.5))) * (c[3] ?? 1);
        if (cover === 0) continue;
        const na = cover + a * (1 - cover);
        r = (c[0] * cover + r * a * (1 - cover)) / na;
        g = (c[1] * cover + g * a * (1 - cover)) / na;
        b = (c[2] * cover + b * a * (1 - cover)) / na;
        a = na;
      }
      px.set([r, g, b, a * 255].map(Math.round), (y * size + x) * 4);
    }
  }
  return px;
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

function png(size, rgba) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; // 8-bit RGBA
  const rows = [];
  for (let y = 0; y < size; y++) rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- the two icons, designed on their nominal grid and scaled by s ----

const WHITE = [255, 255, 255];
const BLUE_TOP = [43, 108, 222], BLUE_BOTTOM = [24, 62, 150]; // accentColor in manifest.json sits between these
const GREEN = [30, 170, 100];

function colorIcon(s) {
  const size = 192 * s;
  const sh = shield(40 * s, 30 * s, 100 * s, 128 * s);
  const gradient = (x, y) => BLUE_TOP.map((top, k) => top + (BLUE_BOTTOM[k] - top) * (y / size));
  return render(size, [
    { shape: () => -Infinity, color: gradient },
    { shape: sh, color: WHITE },
    { shape: circle(90 * s, 78 * s, 16 * s), color: gradient },
    { shape: intersect(circle(90 * s, 134 * s, 31 * s), below(124 * s)), color: gradient },
    { shape: circle(128 * s, 132 * s, 28 * s), color: WHITE },
    { shape: circle(128 * s, 132 * s, 23 * s), color: GREEN },
    { shape: stroke([[117 * s, 133 * s], [125 * s, 141 * s], [140 * s, 124 * s]], 6 * s), color: WHITE },
  ]);
}

function outlineIcon(s) {
  const sh = shield(6 * s, 3 * s, 20 * s, 26 * s);
  return render(32 * s, [
    { shape: outlineOf(sh, 2 * s), color: WHITE },
    { shape: stroke([[11.5 * s, 15.5 * s], [14.8 * s, 18.8 * s], [20.5 * s, 12.2 * s]], 2.2 * s), color: WHITE },
  ]);
}

fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'color.png'), png(192 * scale, colorIcon(scale)));
fs.writeFileSync(path.join(outDir, 'outline.png'), png(32 * scale, outlineIcon(scale)));
console.log(`wrote ${path.join(outDir, 'color.png')} and ${path.join(outDir, 'outline.png')} at scale ${scale}`);
