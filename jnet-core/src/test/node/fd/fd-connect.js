// connect() of a Socket adopted from a descriptor (new net.Socket({fd})), as Node 24 prints it:
// bound but not connected, of the other family than the address, listening, connected already.
// FdConnectTest asserts the same lines from jnet; run with the pinned Node 24:
//   node --expose-internals fd-connect.js
// A listening or connected descriptor is handed to a child process (stdio slot 3), as libuv
// refuses to adopt a descriptor its own loop watches already (open EEXIST).
'use strict';
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { internalBinding } = require('internal/test/binding');
const { Pipe, constants: PipeConstants } = internalBinding('pipe_wrap');
const { TCP, constants: TCPConstants } = internalBinding('tcp_wrap');
const log = (...a) => console.log(...a);
const fdState = (fd) => { try { fs.fstatSync(fd); return 'open'; } catch (e) { return e.code; } };

// Ports vary from run to run: the server's is printed PORT, the adopted socket's own LPORT.
let ports = {};
const clean = (text) => text.replace(dir, 'DIR')
  .replace(new RegExp(`:${ports.server}\\b`), ':PORT').replace(new RegExp(`:${ports.local}\\b`), ':LPORT');
function watch(name, s, fd, next) {
  for (const ev of ['connectionAttempt', 'connect', 'ready', 'data', 'end', 'finish', 'error']) {
    s.on(ev, (a) => log(name, ev, a && a.code ? `${a.code} ${clean(a.message)}` :
                                  ev === 'data' ? String(a) : ''));
  }
  s.on('connectionAttemptFailed', (ip, port, family, err) => log(name, 'connectionAttemptFailed', ip.replace(dir, 'DIR'), err.code));
  s.on('close', (h) => { log(name, 'close', h, 'fd', fdState(fd)); next(); });
}

if (process.argv[2] === 'child') { // adopts descriptor 3 and connects it to argv[4]
  const [, , , name, target, parentDir, server, local] = process.argv;
  dir = parentDir;
  ports = { server, local };
  const s = new net.Socket({ fd: 3 });
  log(name, 'made', s.readyState, s.connecting, s.pending);
  if (target === 'twice') { // a descriptor adopted already is refused; the first socket reads on
    try { new net.Socket({ fd: 3 }); } catch (e) { log(name, 'again threw', e.code, e.message, e.syscall, fdState(3)); }
    watch(name, s, 3, () => {});
    return;
  }
  watch(name, s, 3, () => {});
  const kept = () => log(name, 'peer kept', s.remotePort !== +server);
  if (target === 'port') {
    s.connect(+server, '127.0.0.1', kept);
  } else if (target === 'race') {
    s.on('error', (e) => log(name, 'errors', e.constructor.name, e.errors.map((x) => clean(x.message)).join(', ')));
    const lookup = (host, opts, cb) => process.nextTick( // answers later, as a resolver does
      cb, null, [{ address: '127.0.0.1', family: 4 }, { address: '127.0.0.2', family: 4 }]);
    s.connect({ port: +server, host: 'race.test', autoSelectFamily: true, lookup }, () => {
      kept();
      s.write('hi');
    });
  } else {
    s.connect(target);
  }
  log(name, 'connecting', s.readyState, s.connecting, s.pending);
  return;
}
var dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-connect-'));

/** Runs the child on descriptor `fd` (a handle or a socket), calling `done` when it exits. */
function child(name, fd, target, server, local, done) {
  const args = [...process.execArgv, __filename, 'child', name, target, dir, String(server), String(local)];
  spawn(process.execPath, args, { stdio: ['inherit', 'inherit', 'inherit', fd] }).on('exit', done);
}

/** A server that answers 'bye' to each connection and ignores its resets. */
const byeServer = () => net.createServer((c) => { c.on('error', () => {}); c.end('bye'); });

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
  (next) => { // a Unix socket connected to an address connects the path the address names
    const server = byeServer();
    server.listen(0, '127.0.0.1', () => {
      ports = { server: server.address().port };
      const handle = new Pipe(PipeConstants.SOCKET);
      handle.bind(path.join(dir, 'client3'));
      const s = new net.Socket({ fd: handle.fd });
      watch('pipe2tcp', s, handle.fd, () => server.close(next));
      s.connect(server.address().port, '127.0.0.1');
      log('pipe2tcp connecting', s.readyState, s.connecting, s.pending);
    });
  },
  (next) => { // a TCP socket connected to a path fails in connect() itself
    const server = byeServer();
    server.listen(path.join(dir, 'server2'), () => {
      const handle = new TCP(TCPConstants.SOCKET);
      handle.bind('127.0.0.1', 0);
      const bound = {};
      handle.getsockname(bound);
      ports = { local: bound.port };
      const s = new net.Socket({ fd: handle.fd });
      watch('tcp2pipe', s, handle.fd, () => server.close(next));
      s.connect(path.join(dir, 'server2'));
      log('tcp2pipe connecting', s.readyState, s.connecting, s.pending);
    });
  },
  (next) => { // a listening TCP socket
    const server = byeServer();
    server.listen(0, '127.0.0.1', () => {
      const l = net.createServer().listen(0, '127.0.0.1', () => {
        ports = { server: server.address().port, local: l.address().port };
        child('listening', l._handle, 'port', ports.server, ports.local, () => { l.close(); server.close(next); });
      });
    });
  },
  (next) => { // a listening Unix socket
    const server = byeServer();
    server.listen(path.join(dir, 'server3'), () => {
      const l = net.createServer().listen(path.join(dir, 'listening'), () => {
        child('plistening', l._handle, path.join(dir, 'server3'), 0, 0, () => { l.close(); server.close(next); });
      });
    });
  },
  (next) => { // a connected TCP socket connected again: it stays connected to its peer
    const server = byeServer();
    const other = byeServer();
    server.listen(0, '127.0.0.1', () => other.listen(0, '127.0.0.1', () => {
      ports = { server: other.address().port };
      const c = net.connect(server.address().port, '127.0.0.1', () => {
        child('connected', c, 'port', ports.server, 0, () => { c.destroy(); other.close(); server.close(next); });
      });
      c.pause();
    }));
  },
  (next) => { // a connected Unix socket
    const server = byeServer();
    server.listen(path.join(dir, 'server4'), () => {
      const c = net.connect(path.join(dir, 'server4'), () => {
        child('pconnected', c, path.join(dir, 'server4'), 0, 0, () => { c.destroy(); server.close(next); });
      });
      c.pause();
    });
  },
  (next) => { // a race: the adopted Unix socket's attempt connects a path, the next one a new socket
    const server = byeServer();
    server.listen(0, '127.0.0.1', () => {
      ports = { server: server.address().port };
      const handle = new Pipe(PipeConstants.SOCKET);
      handle.bind(path.join(dir, 'client4'));
      const s = new net.Socket({ fd: handle.fd });
      watch('piperace', s, handle.fd, () => server.close(next));
      s.on('error', (e) => log('piperace errors', e.constructor.name, e.errors.map((x) => clean(x.message)).join(', ')));
      const lookup = (host, opts, cb) =>
        cb(null, [{ address: '127.0.0.1', family: 4 }, { address: '127.0.0.2', family: 4 }]);
      s.connect({ port: server.address().port, host: 'race.test', autoSelectFamily: true, lookup });
    });
  },
  (next) => { // a local port for an adopted Unix socket is bound as a path: a bound one refuses
    const handle = new Pipe(PipeConstants.SOCKET);
    handle.bind(path.join(dir, 'client5'));
    const s = new net.Socket({ fd: handle.fd });
    watch('pipelocal', s, handle.fd, next);
    s.on('error', (e) => log('pipelocal fields', e.syscall, e.address, e.port));
    s.connect({ port: 80, host: '127.0.0.1', localPort: 1234 });
  },
  (next) => { // a file is refused by the constructor, and stays open
    const fd = fs.openSync(path.join(dir, 'file'), 'w+');
    try { new net.Socket({ fd }); } catch (e) { log('file threw', e.code, e.message, 'fd', fdState(fd)); }
    fs.closeSync(fd);
    next();
  },
  (next) => { // a listening TCP socket in a race: its attempt fails at once, the next one goes on
    const server = byeServer();
    server.listen(0, '127.0.0.1', () => {
      const l = net.createServer().listen(0, '127.0.0.1', () => {
        ports = { server: server.address().port, local: l.address().port };
        child('lrace', l._handle, 'race', ports.server, ports.local, () => { l.close(); server.close(next); });
      });
    });
  },
  (next) => { // a connected TCP socket in a race: it stays connected to its peer, which answers
    const server = net.createServer((c) => { c.on('error', () => {}); c.on('data', () => c.end('bye')); });
    const other = byeServer();
    server.listen(0, '127.0.0.1', () => other.listen(0, '127.0.0.1', () => {
      ports = { server: other.address().port };
      const c = net.connect(server.address().port, '127.0.0.1', () => {
        child('crace', c, 'race', ports.server, 0, () => { c.destroy(); other.close(); server.close(next); });
      });
      c.pause();
    }));
  },
  (next) => { // a bound TCP socket never connected: its first read fails
    const handle = new TCP(TCPConstants.SOCKET);
    handle.bind('127.0.0.1', 0);
    const s = new net.Socket({ fd: handle.fd });
    watch('tcpidle', s, handle.fd, next);
  },
  (next) => { // a bound Unix socket never connected: its first read fails
    const handle = new Pipe(PipeConstants.SOCKET);
    handle.bind(path.join(dir, 'client6'));
    const s = new net.Socket({ fd: handle.fd });
    watch('pipeidle', s, handle.fd, next);
  },
  (next) => { // a write to a bound TCP socket never connected
    const handle = new TCP(TCPConstants.SOCKET);
    handle.bind('127.0.0.1', 0);
    const s = new net.Socket({ fd: handle.fd });
    watch('tcpwrite', s, handle.fd, next);
    s.write('x', (e) => log('tcpwrite callback', e ? e.code : null));
  },
  (next) => { // a write to a bound Unix socket never connected
    const handle = new Pipe(PipeConstants.SOCKET);
    handle.bind(path.join(dir, 'client7'));
    const s = new net.Socket({ fd: handle.fd });
    watch('pipewrite', s, handle.fd, next);
    s.write('x', (e) => log('pipewrite callback', e ? e.code : null));
  },
  (next) => { // end() of a bound TCP socket never connected
    const handle = new TCP(TCPConstants.SOCKET);
    handle.bind('127.0.0.1', 0);
    const s = new net.Socket({ fd: handle.fd });
    watch('tcpend', s, handle.fd, next);
    s.end();
  },
  (next) => { // a connected socket adopted twice
    const server = byeServer();
    server.listen(0, '127.0.0.1', () => {
      const c = net.connect(server.address().port, '127.0.0.1', () => {
        child('twice', c, 'twice', 0, 0, () => { c.destroy(); server.close(next); });
      });
      c.pause();
    });
  },
];
let i = 0;
const next = () => {
  if (i < steps.length) steps[i++](next);
  else fs.rmSync(dir, { recursive: true });
};
next();
