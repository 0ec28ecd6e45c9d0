// listen({fd}) and new net.Socket({fd}), as Node 24 prints them. The descriptors are handed to
// a child process (stdio slot 3), as systemd hands them to a service. FdTest asserts the same
// lines from jnet; run with the pinned Node 24:   node fd.js
'use strict';
const net = require('net');
const { spawn } = require('child_process');
const log = (...a) => console.log(...a);

if (process.argv[2] === 'listen') {
  const s = net.createServer((c) => { log('listen connection'); c.end('hi'); s.close(); });
  s.listen({ fd: 3 }, () => log('listen listening', s.listening, s.address().port === +process.argv[3]));
  return;
}
if (process.argv[2] === 'socket') {
  const s = new net.Socket({ fd: 3 });
  log('socket made', s.readyState, s.pending, s.connecting);
  s.on('data', (d) => log('socket data', String(d)));
  s.on('end', () => log('socket end'));
  s.on('close', (h) => log('socket close', h));
  s.end('from fd');
  return;
}

function bad(name, f) {
  try { f(); } catch (e) { log(name, 'threw', e.code, e.message); }
}
const steps = [
  (next) => {
    const s = net.createServer();
    s.on('error', (e) => { log('bad listen error', e.code, e.message, s.listening); next(); });
    s.listen({ fd: 999999 });
  },
  (next) => {
    bad('bad socket', () => new net.Socket({ fd: 999999 }));
    bad('negative socket', () => new net.Socket({ fd: -1 }));
    bad('negative listen', () => net.createServer().listen({ fd: -1 }));
    next();
  },
  (next) => { // a listening socket handed over
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = srv.address().port;
      const child = spawn(process.execPath, [__filename, 'listen', port],
                          { stdio: ['inherit', 'inherit', 'inherit', srv._handle] });
      srv.close(); // the child's copy of the descriptor keeps listening
      const c = net.connect(port, '127.0.0.1');
      c.on('data', (d) => log('client data', String(d)));
      child.on('exit', () => next());
    });
  },
  (next) => { // a connected socket handed over
    const srv = net.createServer((c) => {
      c.on('data', (d) => { log('server data', String(d)); c.end('to fd'); });
    });
    srv.listen(0, '127.0.0.1', () => {
      const c = net.connect(srv.address().port, '127.0.0.1', () => {
        const child = spawn(process.execPath, [__filename, 'socket'],
                            { stdio: ['inherit', 'inherit', 'inherit', c] });
        child.on('exit', () => { c.destroy(); srv.close(next); });
      });
      c.pause();
    });
  },
];
let i = 0;
const next = () => { if (i < steps.length) steps[i++](next); };
next();
