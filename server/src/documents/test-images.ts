/**
 * Test-only: tiny but genuinely decodable images, generated rather than checked in.
 */
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/** A grey-scale PNG whose rows are `rowOf(y)` (`width` bytes each), deflated at `level`. */
function greyPng(width: number, height: number, rowOf: (y: number) => Uint8Array, level?: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey-scale
  // Each row: a filter byte (none), then the pixels.
  const raw = Buffer.concat(Array.from({ length: height }, (_, y) => Buffer.concat([Buffer.from([0]), rowOf(y)])));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw, level === undefined ? {} : { level })),
      chunk('IEND', new Uint8Array()),
    ]),
  );
}

/** A grey-scale PNG of the given size (every pixel mid-grey). */
export function makePng(width: number, height: number): Uint8Array {
  const row = Buffer.alloc(width, 0x80);
  return greyPng(width, height, () => row);
}

/**
 * A PNG of `width`×`height` random grey pixels: a real, decodable image that barely compresses,
 * so an upload is as large as asked (about width×height bytes).
 */
export function randomPng(width: number, height: number): Uint8Array {
  return greyPng(width, height, () => randomBytes(width), 1);
}

/**
 * A baseline grey-scale JPEG of the given size, every 8×8 block flat grey. Huffman tables with a
 * single one-bit code each make every block two bits: DC difference 0, then end-of-block.
 */
export function makeJpeg(width: number, height: number): Uint8Array {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const oneCodeTable = (tableClassAndId: number) => [tableClassAndId, 1, ...new Array<number>(15).fill(0), 0x00];
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = '00'.repeat(blocks).padEnd(Math.ceil((blocks * 2) / 8) * 8, '1');
  const scan: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    const byte = parseInt(bits.slice(i, i + 8), 2);
    scan.push(byte);
    if (byte === 0xff) scan.push(0x00); // byte stuffing
  }
  return new Uint8Array([
    0xff, 0xd8, // SOI
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]), // DQT
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]), // SOF0
    ...segment(0xc4, oneCodeTable(0x00)), // DHT, DC table 0
    ...segment(0xc4, oneCodeTable(0x10)), // DHT, AC table 0
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS
    ...scan,
    0xff, 0xd9, // EOI
  ]);
}
