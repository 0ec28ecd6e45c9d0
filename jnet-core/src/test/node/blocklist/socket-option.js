// blockList as a net.Socket constructor option, as Node 24 prints it.
// SocketBlockListTest asserts the same lines from jnet; run with the pinned Node 24:
//   node socket-option.js
'use strict';
const net = require('net');
const log = (...a) => console.log(...a);
const bl = new net.BlockList();
bl.addAddress('127.0.0.1');
const steps = [
  (next) => { // A: the constructor's list refuses the address
    const s = new net.Socket({ blockList: bl });
    s.on('connectionAttempt', (ip, port, family) => log('A attempt', ip, port, family));
    s.on('error', (e) => log('A error', e.code, e.message));
    s.on('close', (h) => { log('A close', h); next(); });
    s.connect(1, '127.0.0.1');
  },
  (next) => { // B: socket.connect's own blockList does not replace the constructor's
    const s = new net.Socket({ blockList: bl });
    s.on('error', (e) => log('B error', e.code));
    s.on('close', (h) => { log('B close', h); next(); });
    s.connect({ port: 1, host: '127.0.0.1', blockList: new net.BlockList() });
  },
  (next) => { // C: nor is it used without one: the connect is attempted
    const srv = net.createServer((c) => c.end());
    srv.listen(0, '127.0.0.1', () => {
      const s = new net.Socket();
      s.on('connect', () => log('C connect'));
      s.on('error', (e) => log('C error', e.code));
      s.on('close', (h) => { log('C close', h); srv.close(next); });
      s.resume();
      s.connect({ port: srv.address().port, host: '127.0.0.1', blockList: bl });
    });
  },
];
let i = 0;
const next = () => { if (i < steps.length) steps[i++](next); };
next();
