'use strict';
// The trace format shared by every differential suite (Node side; the Java side is
// io.jnet.testing.Trace). A trace is lines of text: an event or an observation, then its
// arguments, separated by single spaces. Values are formatted by fmt():
//   undefined, null, true, 12      as JavaScript prints them
//   "text"                         strings, JSON-quoted
//   buf(6869)                      a Buffer, as lowercase hex (buf() when empty)
//   err(ERR_STREAM_DESTROYED)      an Error with a code; err(Error: boom) without one
//   [a,b]                          an array, items formatted by fmt()
// Anything else is String(v). Ports, timings and other values that change from run to run
// must not reach a trace.

function fmt(v) {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Buffer.isBuffer(v)) return 'buf(' + v.toString('hex') + ')';
  if (v instanceof Error) return v.code ? 'err(' + v.code + ')' : 'err(' + v.name + ': ' + v.message + ')';
  if (Array.isArray(v)) return '[' + v.map(fmt).join(',') + ']';
  return String(v);
}

function log(...parts) {
  process.stdout.write(parts.map((p, i) => (i === 0 ? String(p) : fmt(p))).join(' ') + '\n');
}

module.exports = { fmt, log };
