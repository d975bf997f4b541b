// Draws the app icons (three bars of opinion on the brand blue) as PNGs with no image tooling,
// so they can be remade on any machine: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1f, 0x4e, 0x79];
const WHITE = [0xff, 0xff, 0xff];
const AMBER = [0xf2, 0xa9, 0x00];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Colour of pixel (x, y) in a unit square; `safe` shrinks the art into the maskable safe zone. */
function pixel(x, y, safe) {
  const s = safe ? 0.62 : 0.8;
  const u = (x - 0.5) / s + 0.5;
  const v = (y - 0.5) / s + 0.5;
  const bars = [
    [0.12, 0.3, 0.45, WHITE],
    [0.4, 0.6, 0.2, AMBER],
    [0.7, 0.88, 0.6, WHITE],
  ];
  for (const [x0, x1, top, colour] of bars) if (u >= x0 && u <= x1 && v >= top && v <= 0.88) return colour;
  return BLUE;
}

function png(size, safe) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) row.set(pixel((x + 0.5) / size, (y + 0.5) / size, safe), 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

writeFileSync('public/icons/icon-192.png', png(192, false));
writeFileSync('public/icons/icon-512.png', png(512, false));
writeFileSync('public/icons/maskable-512.png', png(512, true));
writeFileSync(
  'public/icons/icon.svg',
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="#1f4e79"/><rect x="20" y="34" width="14" height="36" fill="#fff"/><rect x="43" y="26" width="14" height="44" fill="#f2a900"/><rect x="66" y="38" width="14" height="32" fill="#fff"/></svg>\n`,
);
