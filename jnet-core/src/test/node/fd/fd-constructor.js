// new net.Socket({fd}) of a connected TCP descriptor and its readable/writable options, as Node 24
// prints them. FdConstructorTest asserts the same lines from jnet; run with the pinned Node 24:
//   node fd-constructor.js
// Each variant adopts, in a child process, the client end of a connection to a server that
// answers 'bye' (stdio slot 3), as libuv refuses a descriptor its own loop watches (open EEXIST).
'use strict';
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const log = (...a) => console.log(...a);

if (process.argv[2] === 'child') {
  const [, , , name, json, serverPort, localPort] = process.argv;
  const { end, write, destroy, addresses, ...options } = JSON.parse(json);
  const s = new net.Socket({ fd: 3, ...options });
  if (addresses) { // what an adopted socket knows of its ends at once
    const a = s.address();
    log(name, 'address', a.family, a.address, a.port === +localPort,
        s.localAddress, s.localPort === +localPort || s.localPort, s.localFamily,
        s.remoteAddress, s.remotePort === +serverPort || s.remotePort, s.remoteFamily,
        s.timeout, s.bytesRead, s.bytesWritten, s.writableLength);
    s.destroy();
    return;
  }
  log(name, 'made', s.readable, s.writable, s.readyState, s.pending, s.connecting,
      s.remotePort === +serverPort, s.localPort === +localPort, s.remoteFamily, s.allowHalfOpen);
  for (const ev of ['connect', 'ready', 'data', 'end', 'finish', 'error']) {
    s.on(ev, (a) => log(name, ev, a && a.code ? `${a.code} ${a.message}` : ev === 'data' ? String(a) : ''));
  }
  s.on('close', (h) => log(name, 'close', h));
  if (write) s.write('x', (e) => log(name, 'write callback', e ? e.code : null));
  if (end) s.end();
  if (destroy) {
    s.destroy();
    log(name, 'destroyed, fd', fs.existsSync('/proc/self/fd/3') ? 'open' : 'closed');
  }
  return;
}

// Descriptors that are no socket: refused with libuv's word for them, and left open.
for (const [name, file] of [['file', __filename], ['devnull', '/dev/null'], ['ptmx', '/dev/ptmx']]) {
  const fd = fs.openSync(file, 'r');
  try { new net.Socket({ fd }); } catch (e) {
    log(name, 'threw', e.code, e.message, 'fd', fs.existsSync(`/proc/self/fd/${fd}`) ? 'open' : 'closed');
  }
  fs.closeSync(fd);
}

const variants = [
  ['plain', {}],
  ['both', { readable: true, writable: true }],
  ['writeOnly', { readable: false, end: true }],
  ['readOnly', { writable: false }],
  ['halfOpen', { allowHalfOpen: true, end: true }],
  ['write', { write: true }],
  ['destroy', { destroy: true }],
  ['neither', { readable: false, writable: false, write: true }],
  ['tcpAddresses', { addresses: true }],
];
const server = net.createServer((c) => {
  c.on('error', () => {});
  c.end('bye');
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-constructor-'));
const pipeServer = net.createServer((c) => c.on('error', () => {}));
server.listen(0, '127.0.0.1', () => pipeServer.listen(path.join(dir, 'server'), () => {
  let i = 0;
  const next = () => {
    if (i === variants.length) {
      const c = net.connect(path.join(dir, 'server'), () => {
        const args = [__filename, 'child', 'pipeAddresses', JSON.stringify({ addresses: true }), 0, 0];
        spawn(process.execPath, args, { stdio: ['inherit', 'inherit', 'inherit', c] }).on('exit', () => {
          c.destroy();
          pipeServer.close(() => fs.rmSync(dir, { recursive: true }));
          server.close();
        });
      });
      c.pause();
      return;
    }
    const [name, options] = variants[i++];
    const c = net.connect(server.address().port, '127.0.0.1', () => {
      const args = [__filename, 'child', name, JSON.stringify(options), server.address().port, c.localPort];
      spawn(process.execPath, args, { stdio: ['inherit', 'inherit', 'inherit', c] })
        .on('exit', () => { c.destroy(); next(); });
    });
    c.pause();
  };
  next();
}));
