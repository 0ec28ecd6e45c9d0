// connect() of a Socket adopted from a descriptor bound but not connected (new net.Socket({fd})),
// as Node 24 prints it. FdConnectTest asserts the same lines from jnet; run with the pinned Node 24:
//   node --expose-internals fd-connect.js
'use strict';
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { internalBinding } = require('internal/test/binding');
const { Pipe, constants: PipeConstants } = internalBinding('pipe_wrap');
const { TCP, constants: TCPConstants } = internalBinding('tcp_wrap');
const log = (...a) => console.log(...a);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-connect-'));
const fdState = (fd) => { try { fs.fstatSync(fd); return 'open'; } catch (e) { return e.code; } };

function watch(name, s, fd, next) {
  for (const ev of ['connectionAttempt', 'connect', 'ready', 'data', 'end', 'finish', 'error']) {
    s.on(ev, (a) => log(name, ev, a && a.code ? `${a.code} ${a.message.replace(dir, 'DIR')}` :
                                  ev === 'data' ? String(a) : ''));
  }
  s.on('connectionAttemptFailed', (ip, port, family, err) => log(name, 'connectionAttemptFailed', ip.replace(dir, 'DIR'), err.code));
  s.on('close', (h) => { log(name, 'close', h, 'fd', fdState(fd)); next(); });
}

const steps = [
  (next) => { // a bound Unix socket connects to a path
    const server = net.createServer((c) => c.on('data', (d) => { log('server data', String(d)); c.end('bye'); }));
    server.listen(path.join(dir, 'server'), () => {
      const handle = new Pipe(PipeConstants.SOCKET);
      handle.bind(path.join(dir, 'client'));
      const s = new net.Socket({ fd: handle.fd });
      log('pipe made', s.readyState, s.connecting, s.pending);
      watch('pipe', s, handle.fd, () => server.close(next));
      s.connect(path.join(dir, 'server'), () => s.write('hi'));
      log('pipe connecting', s.readyState, s.connecting, s.pending);
    });
  },
  (next) => { // a bound TCP socket connects to an address: its bound port is the local port
    const server = net.createServer((c) => c.on('data', (d) => { log('server data', String(d)); c.end('bye'); }));
    server.listen(0, '127.0.0.1', () => {
      const handle = new TCP(TCPConstants.SOCKET);
      handle.bind('127.0.0.1', 0);
      const bound = {};
      handle.getsockname(bound);
      const s = new net.Socket({ fd: handle.fd });
      watch('tcp', s, handle.fd, () => server.close(next));
      s.connect(server.address().port, '127.0.0.1', () => {
        log('tcp local port is the bound one', s.localPort === bound.port);
        s.write('hi');
      });
    });
  },
  (next) => { // a family race connects new sockets: the adopted descriptor is closed
    const server = net.createServer((c) => c.on('data', (d) => { log('server data', String(d)); c.end('bye'); }));
    server.listen(0, '127.0.0.1', () => {
      const handle = new TCP(TCPConstants.SOCKET);
      handle.bind('127.0.0.1', 0);
      const bound = {};
      handle.getsockname(bound);
      const s = new net.Socket({ fd: handle.fd });
      watch('race', s, handle.fd, () => server.close(next));
      const lookup = (host, opts, cb) =>
        cb(null, [{ address: '127.0.0.1', family: 4 }, { address: '127.0.0.2', family: 4 }]);
      s.connect({ port: server.address().port, host: 'race.test', autoSelectFamily: true, lookup }, () => {
        log('race local port is the bound one', s.localPort === bound.port);
        s.write('hi');
      });
    });
  },
  (next) => { // the first attempt of a race fails on the adopted descriptor: a new socket wins
    const server = net.createServer((c) => c.on('data', (d) => { log('server data', String(d)); c.end('bye'); }));
    server.listen(0, '127.0.0.1', () => {
      const handle = new TCP(TCPConstants.SOCKET);
      handle.bind('127.0.0.1', 0);
      const bound = {};
      handle.getsockname(bound);
      const s = new net.Socket({ fd: handle.fd });
      watch('mixed', s, handle.fd, () => server.close(next));
      const lookup = (host, opts, cb) =>
        cb(null, [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }]);
      s.connect({ port: server.address().port, host: 'mixed.test', autoSelectFamily: true, lookup }, () => {
        log('mixed local port is the bound one', s.localPort === bound.port);
        s.write('hi');
      });
    });
  },
  (next) => { // a connect that fails closes the descriptor with the socket
    const handle = new Pipe(PipeConstants.SOCKET);
    handle.bind(path.join(dir, 'client2'));
    const s = new net.Socket({ fd: handle.fd });
    watch('missing', s, handle.fd, next);
    s.connect(path.join(dir, 'missing'));
  },
];
let i = 0;
const next = () => {
  if (i < steps.length) steps[i++](next);
  else fs.rmSync(dir, { recursive: true });
};
next();
