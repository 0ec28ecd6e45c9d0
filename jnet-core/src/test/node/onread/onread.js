// The 'onread' option of net.connect, as Node 24 prints it.
// OnReadTest asserts the same lines from jnet; run with the pinned Node 24:
//   node onread.js
'use strict';
const net = require('net');
const log = (...a) => console.log(...a);

const steps = [
  (next) => { // A: a reused 4-byte buffer; false stops reading until resume(); 'data' never comes
    const srv = net.createServer((c) => {
      c.write('hello');
      c.once('data', () => c.end('world!!!'));
    });
    srv.listen(0, '127.0.0.1', () => {
      const buf = Buffer.alloc(4);
      let n = 0;
      const c = net.connect({
        port: srv.address().port,
        host: '127.0.0.1',
        onread: {
          buffer: buf,
          callback(nread, b) {
            log('A read', nread, b === buf, b.toString('latin1', 0, nread), c.bytesRead);
            if (++n === 2) {
              log('A stop');
              setTimeout(() => { log('A resume'); c.resume(); c.write('go'); }, 20);
              return false;
            }
          },
        },
      });
      c.on('data', (d) => log('A data', d));
      c.on('end', () => log('A end'));
      c.on('close', (h) => { log('A close', h, c.bytesRead); srv.close(next); });
    });
  },
  (next) => { // B: a buffer function, asked once first and once after each read
    const srv = net.createServer((c) => c.end('abcdefg'));
    srv.listen(0, '127.0.0.1', () => {
      let asked = 0;
      const c = net.connect({
        port: srv.address().port,
        host: '127.0.0.1',
        onread: {
          buffer: () => { asked++; return Buffer.alloc(3); },
          callback(nread, b) { log('B read', nread, b.toString('latin1', 0, nread), asked); },
        },
      });
      c.on('end', () => log('B end'));
      c.on('close', (h) => { log('B close', h, asked); srv.close(next); });
    });
  },
];

let i = 0;
const next = () => { if (i < steps.length) steps[i++](next); };
next();
