'use strict';
// One side of an interop exchange over a connected socket (allowHalfOpen true): it sends `size`
// bytes of the stream of sendSeed as fast as backpressure allows, then ends its side (half-close),
// while it checks every byte it receives against the stream of recvSeed. When the socket closes it
// calls done(result), result being the JSON line the programs print:
//   { role, sent, received, expected, mismatchAt, errors, ok }
// mismatchAt is the offset of the first wrong byte or null; errors lists error codes (or messages);
// ok is true when sent === received === expected, no byte was wrong and no error occurred.
const { Prng } = require('./prng');

const CHUNK = 65536;

function exchange(socket, { role, size, sendSeed, recvSeed }, done) {
  const out = new Prng(sendSeed);
  const expect = new Prng(recvSeed);
  const result = { role, sent: 0, received: 0, expected: size, mismatchAt: null, errors: [], ok: false };
  let queued = 0;

  const pump = () => {
    while (queued < size) {
      const chunk = out.fill(Buffer.allocUnsafe(Math.min(CHUNK, size - queued)));
      queued += chunk.length;
      const n = chunk.length;
      const more = socket.write(chunk, (err) => {
        if (!err) result.sent += n;
      });
      if (!more) return socket.once('drain', pump);
    }
    socket.end();
  };

  socket.on('data', (buf) => {
    const bad = expect.check(buf);
    if (bad >= 0 && result.mismatchAt === null) result.mismatchAt = result.received + bad;
    result.received += buf.length;
  });
  socket.on('error', (e) => result.errors.push(e.code || e.message));
  socket.on('close', () => {
    result.ok = result.errors.length === 0 && result.mismatchAt === null &&
      result.sent === size && result.received === size;
    done(result);
  });
  pump();
}

module.exports = { exchange };
