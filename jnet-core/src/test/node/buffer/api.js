'use strict';
// Node's answers for Buffer's number readers and writers and for its range-checked methods
// (write, copy, compare, toString, subarray, concat, alloc), errors included with their exact
// messages. Called by vectors.js with its output directory and PRNG.
//
//   numbers.txt  op bytes offset arg result    arg: a value to write (or _) then ",byteLength"
//                                              for the 1-6 byte ops; result: see below
//   api.txt      op args... result             args are op-specific, comma-separated
//
// A result is the value read (a float as the hex of its 64-bit pattern, or NaN), or the offset a
// writer returned followed by "=" and the buffer's hex afterwards, or "!CODE!message" for an error.
// The result is always the last field and may hold spaces.

const fs = require('fs');
const path = require('path');

module.exports = function writeApiVectors(outDir, random) {
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const hexOf = (b) => (b.length === 0 ? '_' : Buffer.from(b).toString('hex'));
  const fail = (e) => `!${e.code}!${e.message}`;

  function attempt(f) {
    try {
      return f();
    } catch (e) {
      return fail(e);
    }
  }

  function randomBytes(n) {
    const out = [];
    for (let i = 0; i < n; i++) out.push(int(256));
    return Buffer.from(out);
  }

  function showNumber(v) {
    if (typeof v === 'bigint') return String(v);
    if (Number.isNaN(v)) return 'NaN';
    const b = Buffer.alloc(8);
    b.writeDoubleBE(v);
    return b.toString('hex');
  }

  const READERS = [
    ['readUInt8', 1], ['readInt8', 1], ['readUInt16LE', 2], ['readUInt16BE', 2],
    ['readInt16LE', 2], ['readInt16BE', 2], ['readUInt32LE', 4], ['readUInt32BE', 4],
    ['readInt32LE', 4], ['readInt32BE', 4], ['readBigUInt64LE', 8], ['readBigUInt64BE', 8],
    ['readBigInt64LE', 8], ['readBigInt64BE', 8], ['readFloatLE', 4], ['readFloatBE', 4],
    ['readDoubleLE', 8], ['readDoubleBE', 8],
  ];
  const VARIABLE = ['readUIntLE', 'readUIntBE', 'readIntLE', 'readIntBE'];
  const WRITERS = [
    ['writeUInt8', 1, 0, 0xff], ['writeInt8', 1, -0x80, 0x7f],
    ['writeUInt16LE', 2, 0, 0xffff], ['writeUInt16BE', 2, 0, 0xffff],
    ['writeInt16LE', 2, -0x8000, 0x7fff], ['writeInt16BE', 2, -0x8000, 0x7fff],
    ['writeUInt32LE', 4, 0, 2 ** 32 - 1], ['writeUInt32BE', 4, 0, 2 ** 32 - 1],
    ['writeInt32LE', 4, -(2 ** 31), 2 ** 31 - 1], ['writeInt32BE', 4, -(2 ** 31), 2 ** 31 - 1],
  ];
  const W_VARIABLE = ['writeUIntLE', 'writeUIntBE', 'writeIntLE', 'writeIntBE'];
  const W_BIG = [
    ['writeBigUInt64LE', 0n, 2n ** 64n - 1n], ['writeBigUInt64BE', 0n, 2n ** 64n - 1n],
    ['writeBigInt64LE', -(2n ** 63n), 2n ** 63n - 1n], ['writeBigInt64BE', -(2n ** 63n), 2n ** 63n - 1n],
  ];
  const FLOATS = [0, -0, 1, -1.5, 0.1, 1 / 3, 3.4028235677973366e38, 3.5e38, 1e-46, 1.4e-45,
    2 ** -149, NaN, Infinity, -Infinity, 123456789.123, Number.MAX_VALUE, Number.MIN_VALUE];

  const offsetFor = (len, n) => pick([0, 0, len - n, len - n + 1, -1, len, int(len + 2), len + 7]);
  const around = (min, max) => pick([min, max, min - 1, max + 1, 0, 1, -1,
    Math.floor(min + random() * (max - min + 1)), max * 2 + 1]);

  function numberVectors() {
    const lines = [];
    for (let i = 0; i < 4000; i++) {
      const len = int(11);
      const buf = randomBytes(len);
      const r = random();
      if (r < 0.25) {
        const [op, n] = pick(READERS);
        const offset = offsetFor(len, n);
        lines.push(`${op} ${hexOf(buf)} ${offset} _ ${attempt(() => showNumber(buf[op](offset)))}`);
      } else if (r < 0.4) {
        const op = pick(VARIABLE);
        const bl = pick([1, 2, 3, 4, 5, 6, 0, 7, int(8)]);
        const offset = offsetFor(len, bl);
        lines.push(`${op} ${hexOf(buf)} ${offset} _,${bl} ` +
          attempt(() => showNumber(buf[op](offset, bl))));
      } else if (r < 0.6) {
        const [op, n, min, max] = pick(WRITERS);
        const offset = offsetFor(len, n);
        const value = around(min, max);
        lines.push(`${op} ${hexOf(buf)} ${offset} ${value} ` +
          attempt(() => `${buf[op](value, offset)}=${hexOf(buf)}`));
      } else if (r < 0.75) {
        const op = pick(W_VARIABLE);
        const bl = pick([1, 2, 3, 4, 5, 6, 0, 7]);
        const signed = op.startsWith('writeInt');
        const bits = 8 * Math.min(Math.max(bl, 1), 6);
        const min = signed ? -(2 ** (bits - 1)) : 0;
        const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
        const offset = offsetFor(len, bl);
        const value = around(min, max);
        lines.push(`${op} ${hexOf(buf)} ${offset} ${value},${bl} ` +
          attempt(() => `${buf[op](value, offset, bl)}=${hexOf(buf)}`));
      } else if (r < 0.87) {
        const [op, min, max] = pick(W_BIG);
        const offset = offsetFor(len, 8);
        const value = pick([min, max, min - 1n, max + 1n, 0n, -1n, 2n ** 32n + 1n, -(2n ** 40n)]);
        lines.push(`${op} ${hexOf(buf)} ${offset} ${value} ` +
          attempt(() => `${buf[op](value, offset)}=${hexOf(buf)}`));
      } else {
        const op = pick(['writeFloatLE', 'writeFloatBE', 'writeDoubleLE', 'writeDoubleBE']);
        const n = op.includes('Float') ? 4 : 8;
        const offset = offsetFor(len, n);
        const value = pick(FLOATS) * pick([1, -1]);
        lines.push(`${op} ${hexOf(buf)} ${offset} ${Object.is(value, -0) ? '-0' : String(value)} ` +
          attempt(() => `${buf[op](value, offset)}=${hexOf(buf)}`));
      }
    }
    return lines;
  }

  const ENCS = ['utf8', 'hex', 'base64', 'latin1', 'ucs2', 'ascii', 'base64url', 'foo'];
  const STRINGS = ['abc', 'h\u00e9llo', '\u20ac\u20ac', '6162zz', 'YWJj', '\ud83d\ude00x', ''];
  const small = (len) => pick([0, 1, 2, len, len + 1, -1, int(len + 3), -3]);

  function apiVectors() {
    const lines = [];
    for (let i = 0; i < 3000; i++) {
      const r = random();
      const len = int(8);
      if (r < 0.2) {
        // write(string, offset, length, encoding); "_" arguments are left out
        const s = pick(STRINGS);
        const offset = pick([undefined, small(len)]);
        const length = offset === undefined ? undefined : pick([undefined, small(len)]);
        const enc = pick([undefined, ...ENCS]);
        const buf = Buffer.alloc(len);
        const args = [s];
        if (offset !== undefined) args.push(offset);
        if (length !== undefined) args.push(length);
        if (enc !== undefined) args.push(enc);
        const res = attempt(() => `${buf.write(...args)}=${hexOf(buf)}`);
        lines.push(`write ${len},${Buffer.from(s).toString('hex') || '_'},${offset ?? '_'},` +
          `${length ?? '_'},${enc ?? '_'} ${res}`);
      } else if (r < 0.4) {
        const src = randomBytes(len);
        const tlen = int(8);
        const target = Buffer.alloc(tlen);
        const a = [small(tlen), small(len), small(len)];
        const res = attempt(() => `${src.copy(target, ...a)}=${hexOf(target)}`);
        lines.push(`copy ${hexOf(src)},${tlen},${a.join(',')} ${res}`);
      } else if (r < 0.6) {
        const a = Buffer.from(randomBytes(len).map((b) => b & 3));
        const b = Buffer.from(randomBytes(int(8)).map((x) => x & 3));
        const args = [small(b.length), small(b.length), small(len), small(len)];
        const res = attempt(() => String(a.compare(b, ...args)));
        lines.push(`compare ${hexOf(a)},${hexOf(b)},${args.join(',')} ${res}`);
      } else if (r < 0.75) {
        const buf = Buffer.from(randomBytes(len));
        const enc = pick(ENCS);
        const start = small(len);
        const end = small(len);
        const res = attempt(() => {
          const s = buf.toString(enc, start, end);
          return s.length === 0 ? '_' : Buffer.from(s, 'utf16le').toString('hex');
        });
        lines.push(`toString ${hexOf(buf)},${enc},${start},${end} ${res}`);
      } else if (r < 0.85) {
        const buf = Buffer.from(randomBytes(len));
        const start = small(len);
        const end = small(len);
        const sub = buf.subarray(start, end);
        lines.push(`subarray ${hexOf(buf)},${start},${end} ${sub.byteOffset - buf.byteOffset}:${sub.length}`);
      } else if (r < 0.95) {
        const parts = [];
        for (let k = int(4); k > 0; k--) parts.push(randomBytes(int(4)));
        const total = pick([undefined, 0, 3, 10, -1, int(12)]);
        const res = attempt(() => hexOf(Buffer.concat(parts, total)));
        lines.push(`concat ${parts.map(hexOf).join('+') || 'none'},${total ?? '_'} ${res}`);
      } else {
        const size = pick([0, 1, 5, -1, -100]);
        lines.push(`alloc ${size} ${attempt(() => hexOf(Buffer.alloc(size)))}`);
      }
    }
    return lines;
  }

  fs.writeFileSync(path.join(outDir, 'numbers.txt'), numberVectors().join('\n') + '\n');
  fs.writeFileSync(path.join(outDir, 'api.txt'), apiVectors().join('\n') + '\n');
};
