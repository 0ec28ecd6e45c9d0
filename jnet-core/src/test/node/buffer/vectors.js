'use strict';
// Writes Node's answers for jnet's Buffer and StringDecoder tests to
// jnet-core/src/test/resources/buffer/ (or to the directory given as the first argument).
//
//   node jnet-core/src/test/node/buffer/vectors.js [outDir]
//
// Inputs come from a fixed-seed PRNG plus hand-picked edge cases, so the output is the same on
// every run of the same Node version; BufferVectorsCurrentTest reruns this script and compares.
//
// Format: one vector a line, fields separated by one space. Bytes are lower-case hex; strings are
// their UTF-16 code units, four hex digits each (so lone surrogates survive); "_" is empty.
//   decode-ENC.txt   bytes output                       Buffer.from(bytes).toString(ENC)
//   encode-ENC.txt   string bytes byteLength cap n buf  Buffer.from(string, ENC), Buffer.byteLength,
//                                                       and buf.write(string, 0, cap, ENC) into a
//                                                       zeroed buffer of cap bytes: n written, buf after
//   decoder-ENC.txt  bytes cuts out,out,...,end         StringDecoder(ENC) fed bytes cut at cuts
//                                                       (comma-separated offsets), then end()
//   is-utf8.txt      bytes isUtf8 isAscii               buffer.isUtf8, buffer.isAscii
//   search.txt       hay kind needle offset enc fwd r   buf.indexOf / lastIndexOf
//   search-end.txt   hay kind needle offset end enc fwd r
//                                                       the same with Node 24's end argument
//   fill.txt         len kind value offset end enc r    Buffer.alloc(len).fill(...): hex or error code
//   numbers.txt, api.txt                                 see api.js

const fs = require('fs');
const path = require('path');
const { StringDecoder } = require('string_decoder');

const outDir = process.argv[2] || path.join(__dirname, '..', '..', 'resources', 'buffer');
const ENCODINGS = ['utf8', 'utf16le', 'latin1', 'ascii', 'hex', 'base64', 'base64url'];
const PER_ENCODING = 1500;

// mulberry32: small, deterministic, good enough for test inputs.
let seed = 0x6a6e6574; // "jnet"
function random() {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];

const hexOf = (bytes) => (bytes.length === 0 ? '_' : Buffer.from(bytes).toString('hex'));
function unitsOf(s) {
  if (s.length === 0) return '_';
  let out = '';
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

// ------------------------------------------------------------------ byte strings

const UTF8_PIECES = [
  [0x41], [0x00], [0x7f], [0xc2, 0x80], [0xdf, 0xbf], [0xe0, 0xa0, 0x80], [0xe2, 0x82, 0xac],
  [0xef, 0xbf, 0xbf], [0xef, 0xbb, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98, 0x80],
  [0xf4, 0x8f, 0xbf, 0xbf],
  // truncated sequences
  [0xc3], [0xe2], [0xe2, 0x82], [0xf0], [0xf0, 0x9f], [0xf0, 0x9f, 0x98],
  // overlong forms
  [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xe0, 0x9f, 0xbf], [0xf0, 0x80, 0x80, 0x80],
  [0xf0, 0x8f, 0xbf, 0xbf],
  // surrogates encoded in UTF-8, and beyond U+10FFFF
  [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80],
  [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xfc, 0x84, 0x80, 0x80, 0x80, 0x80],
  // stray bytes
  [0x80], [0xbf], [0xfe], [0xff], [0x80, 0x80, 0x80, 0x80, 0x80],
];
const UTF16_PIECES = [
  [0x41, 0x00], [0x00, 0x00], [0xac, 0x20], [0x3d, 0xd8, 0x00, 0xde], [0x3d, 0xd8], [0x00, 0xde],
  [0x00, 0xde, 0x3d, 0xd8], [0xff, 0xff], [0xfe, 0xff], [0x41],
];

function randomBytes(maxLen) {
  const n = int(maxLen + 1);
  const out = [];
  for (let i = 0; i < n; i++) out.push(int(256));
  return out;
}

function randomAsciiBytes(maxLen) {
  const n = int(maxLen + 1);
  const out = [];
  for (let i = 0; i < n; i++) out.push(0x20 + int(0x5f));
  return out;
}

function randomPieces(pieces, maxPieces) {
  const n = 1 + int(maxPieces);
  let out = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.6) out = out.concat(pick(pieces));
    else if (r < 0.8) out.push(0x20 + int(0x5f));
    else out.push(int(256));
  }
  return out;
}

function byteInputs(encoding, count) {
  const inputs = [[]];
  for (let b = 0; b < 256; b++) inputs.push([b]);
  const all = [];
  for (let b = 0; b < 256; b++) all.push(b);
  inputs.push(all);
  inputs.push(all.slice(1));
  const pieces = encoding === 'utf16le' ? UTF16_PIECES : UTF8_PIECES;
  for (const p of pieces) inputs.push(p);
  while (inputs.length < count) {
    const r = random();
    if (r < 0.35) inputs.push(randomPieces(pieces, 8));
    else if (r < 0.7) inputs.push(randomBytes(24));
    else if (r < 0.85) inputs.push(randomAsciiBytes(40));
    else inputs.push(randomBytes(100));
  }
  return inputs;
}

// ------------------------------------------------------------------ strings

const UNIT_PIECES = [
  'a', 'Z', ' ', '\u0000', '\u007f', '\u0080', '\u00e9', '\u00ff', '\u0100', '\u0141', '\u07ff',
  '\u0800', '\u20ac', '\ufeff', '\ufffd', '\ufffe', '\uffff',
  '\ud83d\ude00', '\udbff\udfff', '\ud800\udc00',
  '\ud800', '\udbff', '\udc00', '\udfff', '\ude00\ud83d', '\ud800\ud800',
];

function randomUnits(maxLen) {
  const n = int(maxLen + 1);
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.5) s += pick(UNIT_PIECES);
    else if (r < 0.8) s += String.fromCharCode(0x20 + int(0x5f));
    else s += String.fromCharCode(int(0x10000));
  }
  return s;
}

const HEX_CHARS = '0123456789abcdefABCDEF';
const GARBAGE = [' ', '\n', '\t', '\r', '!', 'g', 'G', 'z', '-', '=', '.', '\u00e9', '\u0161', '\u0100',
  '\u20ac', '\ud83d', '\u0130'];

function randomHex() {
  const n = int(24);
  let s = '';
  for (let i = 0; i < n; i++) s += HEX_CHARS[int(HEX_CHARS.length)];
  const r = random();
  if (r < 0.4) {
    const at = int(s.length + 1);
    s = s.slice(0, at) + pick(GARBAGE) + s.slice(at);
  } else if (r < 0.5) {
    s += HEX_CHARS[int(16)]; // odd length
  }
  return s;
}

function randomBase64(size = 20) {
  const bytes = Buffer.from(randomBytes(size));
  let s = bytes.toString(random() < 0.5 ? 'base64' : 'base64url');
  const edits = int(4);
  for (let e = 0; e < edits; e++) {
    const r = random();
    const at = int(s.length + 1);
    if (r < 0.25) s = s.slice(0, at) + pick([' ', '\n', '\r\n', '\t', '  ']) + s.slice(at);
    else if (r < 0.45) s = s.slice(0, at) + pick(GARBAGE) + s.slice(at);
    else if (r < 0.6) s = s.replace(/=+$/, '');
    else if (r < 0.7) s += pick(['=', '==', '===', 'A', 'AB', 'ABC', 'A=', '=A']);
    else if (r < 0.8) s = s.slice(0, Math.max(0, s.length - 1 - int(3)));
    else if (r < 0.9) s = s.replace(/[+/]/g, (c) => (c === '+' ? '-' : '_'));
    else s = s.slice(0, at) + '=' + s.slice(at);
  }
  return s;
}

const BASE64_EDGES = ['', '=', '==', 'Q', 'QQ', 'QQ=', 'QQ==', 'QQ===', 'QUI', 'QUI=', 'QUJD', 'QUJDR',
  'Q=Q=', 'QQ==QQ==', 'QQ=a', '-_-_', '+/+/', 'QU JD', 'QU\nJD', '!!QQ', '==QQ', 'QR==', 'QUJD=RUZH',
  '\u0141\u0141\u0141\u0141', 'QU\u013dFB', 'QUFB\u20ac', ' ', '\n\n', '////', '____', 'AAAA'];
const HEX_EDGES = ['', '0', '00', '012', '0g12', 'g0', '0123z', 'ABcd', '0 12', '01 2', 'ff',
  'FF', 'fF', '\u0161\u0162', '6\u0100', '0\u0130'];

function stringInputs(encoding, count) {
  let inputs;
  if (encoding === 'hex') inputs = HEX_EDGES.slice();
  else if (encoding === 'base64' || encoding === 'base64url') inputs = BASE64_EDGES.slice();
  else inputs = [''].concat(UNIT_PIECES);
  // A few long inputs: Node decodes strings over 4 KiB on another path (createFromString).
  for (let i = 0; i < 3; i++) {
    if (encoding === 'hex') inputs.push((randomHex() + randomHex()).repeat(400));
    else if (encoding === 'base64' || encoding === 'base64url') inputs.push(randomBase64(4200));
    else inputs.push(randomUnits(16).repeat(400));
  }
  while (inputs.length < count) {
    if (encoding === 'hex') inputs.push(randomHex());
    else if (encoding === 'base64' || encoding === 'base64url') inputs.push(randomBase64());
    else inputs.push(random() < 0.9 ? randomUnits(16) : randomUnits(200));
  }
  return inputs;
}

// ------------------------------------------------------------------ writers

function writeLines(name, lines) {
  fs.writeFileSync(path.join(outDir, name), lines.join('\n') + '\n');
}

function decodeVectors(encoding) {
  return byteInputs(encoding, PER_ENCODING).map(
    (bytes) => `${hexOf(bytes)} ${unitsOf(Buffer.from(bytes).toString(encoding))}`);
}

function encodeVectors(encoding) {
  return stringInputs(encoding, PER_ENCODING).map((s) => {
    const whole = Buffer.from(s, encoding);
    const length = Buffer.byteLength(s, encoding);
    const cap = int(whole.length + 3);
    const target = Buffer.alloc(cap);
    const n = target.write(s, 0, cap, encoding);
    return `${unitsOf(s)} ${hexOf(whole)} ${length} ${cap} ${n} ${hexOf(target)}`;
  });
}

function decodeChunks(encoding, bytes, cuts) {
  const d = new StringDecoder(encoding);
  const outs = [];
  let from = 0;
  for (const cut of cuts.concat([bytes.length])) {
    outs.push(d.write(Buffer.from(bytes.slice(from, cut))));
    from = cut;
  }
  outs.push(d.end());
  return outs.map(unitsOf).join(',');
}

function decoderVectors(encoding) {
  const lines = [];
  const inputs = byteInputs(encoding, 0).slice(0, 1);
  const pieces = encoding === 'utf16le' ? UTF16_PIECES : UTF8_PIECES;
  for (const p of pieces) inputs.push(p);
  while (inputs.length < 160) {
    inputs.push(random() < 0.6 ? randomPieces(pieces, 4).slice(0, 12) : randomBytes(10));
  }
  for (const bytes of inputs) {
    const cutsText = (cuts) => (cuts.length === 0 ? '_' : cuts.join(','));
    lines.push(`${hexOf(bytes)} _ ${decodeChunks(encoding, bytes, [])}`);
    for (let k = 0; k <= bytes.length; k++) {
      lines.push(`${hexOf(bytes)} ${k} ${decodeChunks(encoding, bytes, [k])}`);
    }
    const each = [];
    for (let k = 1; k < bytes.length; k++) each.push(k);
    lines.push(`${hexOf(bytes)} ${cutsText(each)} ${decodeChunks(encoding, bytes, each)}`);
    const some = each.filter(() => random() < 0.4);
    lines.push(`${hexOf(bytes)} ${cutsText(some)} ${decodeChunks(encoding, bytes, some)}`);
  }
  // Longer inputs, one byte at a time and at random cuts.
  for (let i = 0; i < 15; i++) {
    const bytes = random() < 0.7 ? randomPieces(pieces, 24).slice(0, 64) : randomBytes(64);
    const each = [];
    for (let k = 1; k < bytes.length; k++) each.push(k);
    const cutsText = (cuts) => (cuts.length === 0 ? '_' : cuts.join(','));
    lines.push(`${hexOf(bytes)} ${cutsText(each)} ${decodeChunks(encoding, bytes, each)}`);
    for (const p of [0.2, 0.5]) {
      const some = each.filter(() => random() < p);
      lines.push(`${hexOf(bytes)} ${cutsText(some)} ${decodeChunks(encoding, bytes, some)}`);
    }
  }
  return lines;
}

function attempt(f) {
  try {
    return String(f());
  } catch (e) {
    return e.code || e.name;
  }
}

function searchVectors() {
  const lines = [];
  const alphabet = [0x61, 0x62, 0x00, 0xe9, 0xc3, 0xa9, 0xed, 0xa0, 0x80];
  for (let i = 0; i < 3000; i++) {
    const hay = [];
    const len = int(12);
    for (let k = 0; k < len; k++) hay.push(pick(alphabet));
    const buf = Buffer.from(hay);
    const offset = pick([0, 1, 2, -1, -2, -3, -20, 20, len, len - 1, int(14) - 7]);
    const forward = random() < 0.5;
    const search = forward ? 'indexOf' : 'lastIndexOf';
    const kind = pick(['byte', 'string', 'buffer']);
    let needle;
    let enc;
    let result;
    if (kind === 'byte') {
      needle = String(pick([0x61, 0x62, 0x00, 0xe9, 0x161, -159, 300]));
      enc = '_';
      result = buf[search](Number(needle), offset);
    } else if (kind === 'string') {
      const s = randomSearchString();
      enc = pick(['utf8', 'latin1', 'ucs2', 'ascii', 'hex', 'base64']);
      needle = unitsOf(s);
      // Node 24.21 aborts (an assertion in node_buffer.cc's IndexOfString) on a UTF-8 needle
      // holding a lone surrogate; searching for its UTF-8 bytes is what Node 20 did and printed.
      const loneSurrogate = enc === 'utf8' && /[\ud800-\udfff]/.test(s);
      result = attempt(() =>
        loneSurrogate ? buf[search](Buffer.from(s, 'utf8'), offset) : buf[search](s, offset, enc));
    } else {
      const n = [];
      const nlen = int(4);
      for (let k = 0; k < nlen; k++) n.push(pick(alphabet));
      needle = hexOf(n);
      enc = pick(['utf8', 'ucs2', 'foo']);
      result = buf[search](Buffer.from(n), offset, enc);
    }
    lines.push(`${hexOf(hay)} ${kind} ${needle} ${offset} ${enc} ${forward} ${result}`);
  }
  return lines;
}

function randomSearchString() {
  const parts = ['a', 'b', 'ab', 'ba', '\u00e9', '\u0000', 'a\u0000', '61', '6162', 'YQ==', 'YWI=',
    '\ud800', '\u0161', 'zz', ''];
  let s = pick(parts);
  if (random() < 0.3) s += pick(parts);
  return s;
}

function fillVectors() {
  const lines = [];
  const values = ['', 'a', 'ab', '\u00e9', '\u20ac', '\ud83d\ude00', '\ud800', 'abc', '6162',
    'zz', '6z', 'YQ==', 'Q', '\u0100', 'x\u0100'];
  for (let i = 0; i < 2000; i++) {
    const len = int(9);
    const kind = pick(['number', 'string', 'string', 'buffer']);
    const offset = pick([0, 0, 1, 2, -1, len, len + 1, int(10)]);
    const end = pick([len, len, 0, 1, len - 1, len + 1, int(10)]);
    const enc = pick(['utf8', 'latin1', 'ascii', 'ucs2', 'hex', 'base64', 'base64url']);
    let value;
    let text;
    if (kind === 'number') {
      value = pick([0, 1, 255, 256, 257, -1, 0x1234]);
      text = String(value);
    } else if (kind === 'string') {
      value = pick(values);
      text = unitsOf(value);
    } else {
      const b = randomBytes(3);
      value = Buffer.from(b);
      text = hexOf(b);
    }
    const result = attempt(() => hexOrEmpty(Buffer.alloc(len).fill(value, offset, end,
      kind === 'string' ? enc : undefined)));
    lines.push(`${len} ${kind} ${text} ${offset} ${end} ${kind === 'string' ? enc : '_'} ${result}`);
  }
  return lines;
}

const hexOrEmpty = (b) => (b.length === 0 ? '_' : b.toString('hex'));

fs.mkdirSync(outDir, { recursive: true });
for (const encoding of ENCODINGS) {
  writeLines(`decode-${encoding}.txt`, decodeVectors(encoding));
  writeLines(`encode-${encoding}.txt`, encodeVectors(encoding));
}
for (const encoding of ['utf8', 'utf16le', 'base64', 'base64url', 'hex', 'latin1', 'ascii']) {
  writeLines(`decoder-${encoding}.txt`, decoderVectors(encoding));
}
const { isUtf8, isAscii } = require('buffer');
writeLines('is-utf8.txt', byteInputs('utf8', 1500).map(
  (bytes) => `${hexOf(bytes)} ${isUtf8(Buffer.from(bytes))} ${isAscii(Buffer.from(bytes))}`));
writeLines('search.txt', searchVectors());
writeLines('fill.txt', fillVectors());
require('./api.js')(outDir, random);
// Last, so that the files above keep their inputs: every vector here draws on the same PRNG.
writeLines('search-end.txt', searchEndVectors());

function searchEndVectors() {
  const lines = [];
  const alphabet = [0x61, 0x62, 0x00, 0xe9, 0xc3, 0xa9];
  const strings = ['a', 'b', 'ab', 'ba', '\u00e9', '\u0000', 'a\u0000', '61', 'YQ==', ''];
  for (let i = 0; i < 3000; i++) {
    const hay = [];
    const len = int(12);
    for (let k = 0; k < len; k++) hay.push(pick(alphabet));
    const buf = Buffer.from(hay);
    const offset = pick([0, 1, 2, -1, -2, -3, -20, 20, len, len - 1, int(14) - 7]);
    const end = pick([0, 1, 2, 3, -1, -20, 20, len, len - 1, len - 2, int(14) - 2]);
    const forward = random() < 0.5;
    const search = forward ? 'indexOf' : 'lastIndexOf';
    const kind = pick(['byte', 'string', 'buffer']);
    let needle;
    let enc;
    let result;
    if (kind === 'byte') {
      needle = String(pick([0x61, 0x62, 0x00, 0xe9, 300]));
      enc = '_';
      result = buf[search](Number(needle), offset, end);
    } else if (kind === 'string') {
      const s = pick(strings) + (random() < 0.3 ? pick(strings) : '');
      enc = pick(['utf8', 'latin1', 'ucs2', 'hex', 'base64']);
      needle = unitsOf(s);
      result = attempt(() => buf[search](s, offset, end, enc));
    } else {
      const n = [];
      const nlen = int(4);
      for (let k = 0; k < nlen; k++) n.push(pick(alphabet));
      needle = hexOf(n);
      enc = pick(['utf8', 'ucs2', 'latin1']);
      result = buf[search](Buffer.from(n), offset, end, enc);
    }
    lines.push(`${hexOf(hay)} ${kind} ${needle} ${offset} ${end} ${enc} ${forward} ${result}`);
  }
  return lines;
}
