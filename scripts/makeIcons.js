#!/usr/bin/env node
// Writes the add-in's manifest and ribbon icons (assets/icons/icon-<size>.png): a blue rounded square
// with a white ledger grid. A tiny PNG encoder (RGBA, zlib from Node) so no image tool is needed.
// Run from the repository root when the design changes: node scripts/makeIcons.js
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

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
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function icon(size) {
  const pad = Math.max(1, Math.round(size / 16));
  const radius = size / 6;
  const line = Math.max(1, Math.round(size / 24));
  const inner = size - 2 * pad;
  const rows = [0.3, 0.5, 0.7].map((f) => Math.round(pad + f * inner));
  const column = Math.round(pad + 0.35 * inner);
  const inset = Math.round(pad + 0.15 * inner);
  return encodePng(size, (x, y) => {
    const cx = Math.min(Math.max(x, pad + radius), size - pad - radius);
    const cy = Math.min(Math.max(y, pad + radius), size - pad - radius);
    const inside =
      x >= pad && y >= pad && x < size - pad && y < size - pad && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
    if (!inside) return [0, 0, 0, 0];
    const inGrid = x >= inset && x < size - inset && y >= inset && y < size - inset;
    const onRow = rows.some((r) => y >= r && y < r + line);
    const onColumn = x >= column && x < column + line;
    return inGrid && (onRow || onColumn) ? [255, 255, 255, 255] : [0x1f, 0x6f, 0xb2, 255];
  });
}

const dir = path.join(__dirname, "..", "assets", "icons");
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80]) fs.writeFileSync(path.join(dir, `icon-${size}.png`), icon(size));
