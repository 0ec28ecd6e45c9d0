'use strict';
// Bad arguments to net: what throws at the call (code, name, message) and what is reported
// later through 'error' instead. NET-SCENARIOS.md describes each case.
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { watch, thrown } = require('./net-lib');

// tryListen(log, ...args): a fresh server logging 'listening', 'error', 'close'; listen(...args)
// through thrown(); a server that did start listening is closed at once.
function tryListen(log, ...args) {
  const server = net.createServer();
  watch(log, server, ['error', 'close']);
  server.on('listening', () => {
    log('listening', server.address() && server.address().family);
    server.close();
  });
  thrown(log, 'listen', () => server.listen(...args));
}

// tryConnect(log, ...args): net.connect(...args) through thrown(); a socket that was made logs
// 'lookup', 'connect', 'error', 'close' and is destroyed on 'connect'.
function tryConnect(log, ...args) {
  let c;
  thrown(log, 'connect', () => {
    c = net.connect(...args);
  });
  if (c) {
    watch(log, c, ['lookup', 'connect', 'error', 'close']);
    c.on('connect', () => c.destroy());
  }
}

// onSocket(log, label, fn): fn(socket) on a new, unconnected net.Socket, through thrown().
function onSocket(log, label, fn) {
  const s = new net.Socket();
  watch(log, s, ['error', 'close']);
  thrown(log, label, () => fn(s));
  return s;
}

// maxConnections(log, n): a server with maxConnections n; one client connects and logs what it sees
// ('connect', 'end', 'error', 'close'); the server logs 'connection' or 'drop', and closes after the
// client's 'close'. The server's accepted socket, if any, is ended at once.
function maxConnections(log, n) {
  const server = net.createServer((s) => {
    log('connection');
    s.end();
  });
  server.maxConnections = n;
  server.on('drop', () => log('drop'));
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.resume();
    watch(log, c, ['error', 'close']);
    c.on('close', () => server.close(() => log('server closed')));
  });
}

module.exports = {
  listenPortNegative: (log) => tryListen(log, -1),
  listenPort65536: (log) => tryListen(log, 65536),
  listenPortFraction: (log) => tryListen(log, 1.5),
  listenPortBlankString: (log) => tryListen(log, { port: '  ' }),
  listenPortNaNString: (log) => tryListen(log, { port: 'abc' }),
  listenPortNaN: (log) => tryListen(log, NaN),
  listenPortObject: (log) => tryListen(log, { port: {} }),
  listenPortBoolean: (log) => tryListen(log, { port: true }),
  listenPortNumericString: (log) => tryListen(log, { port: '0', host: '127.0.0.1' }),
  listenEmptyOptions: (log) => tryListen(log, {}),
  listenPositionalNegativeString: (log) => {
    // '-1' is not a port >= 0, so it is a pipe name: a socket file '-1' in the working directory
    // (a fresh temporary one here).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jnet-args-'));
    const back = process.cwd();
    process.chdir(dir);
    const server = net.createServer();
    watch(log, server, ['error', 'close']);
    server.on('listening', () => {
      log('listening', server.address() === '-1', fs.existsSync(path.join(dir, '-1')));
      server.close(() => {
        process.chdir(back);
        fs.rmSync(dir, { recursive: true, force: true });
      });
    });
    thrown(log, 'listen', () => server.listen('-1'));
  },
  listenPositionalNumericString: (log) => tryListen(log, '0', '127.0.0.1'),
  listenPathNumber: (log) => tryListen(log, { path: 5 }),
  listenBadBacklog: (log) => tryListen(log, { port: 0, host: '127.0.0.1', backlog: 'x' }),
  listenBadHostType: (log) => tryListen(log, { port: 0, host: 5 }),
  listenNoArguments: (log) => {
    // listen() with nothing binds every interface on a random port (a real listen, closed at once).
    const server = net.createServer();
    server.on('listening', () => {
      log('listening', typeof server.address().port);
      server.close(() => log('closed'));
    });
    thrown(log, 'listen', () => server.listen());
  },

  connectPortNegative: (log) => tryConnect(log, -1, '127.0.0.1'),
  connectPort65536: (log) => tryConnect(log, 65536, '127.0.0.1'),
  connectPortFraction: (log) => tryConnect(log, { port: 1.5, host: '127.0.0.1' }),
  connectPortNaNString: (log) => tryConnect(log, { port: 'x', host: '127.0.0.1' }),
  connectPortObject: (log) => tryConnect(log, { port: {}, host: '127.0.0.1' }),
  connectNoArguments: (log) => tryConnect(log),
  connectEmptyOptions: (log) => tryConnect(log, {}),
  connectHostNumber: (log) => tryConnect(log, { port: 80, host: 5 }),
  connectBadFamily: (log) => {
    // family 5 is not checked: the connection to a live local server is made.
    const server = net.createServer((s) => s.resume());
    server.listen(0, '127.0.0.1', () => {
      tryConnect(log, { port: server.address().port, host: '127.0.0.1', family: 5 });
      server.on('connection', () => server.close(() => log('server closed')));
    });
  },
  connectBadLocalAddress: (log) => tryConnect(log, { port: 80, host: '127.0.0.1', localAddress: 'nope' }),
  connectBadLocalPort: (log) => tryConnect(log, { port: 80, host: '127.0.0.1', localPort: 'x' }),
  connectBadLookup: (log) => tryConnect(log, { port: 80, host: 'localhost', lookup: 5 }),
  connectBadTimeoutOption: (log) => tryConnect(log, { port: 80, host: '127.0.0.1', timeout: 'x' }),
  connectPathNumber: (log) => tryConnect(log, { path: 5 }),
  // A string that is not a number is a pipe path (relative, here: nothing there).
  connectNonNumericStringIsPath: (log) => {
    tryConnect(log, 'jnet-no-such-socket');
  },

  createServerNumber: (log) => thrown(log, 'createServer', () => net.createServer(5)),
  createServerListenerNotFunction: (log) => thrown(log, 'createServer', () => net.createServer({}, 5)),
  createServerBadHighWaterMark: (log) =>
    thrown(log, 'createServer', () => net.createServer({ highWaterMark: -1 })),
  newSocketBadFd: (log) => thrown(log, 'new Socket', () => new net.Socket({ fd: 'x' })),

  setTimeoutString: (log) => onSocket(log, 'setTimeout', (s) => s.setTimeout('x')),
  setTimeoutNegative: (log) => onSocket(log, 'setTimeout', (s) => s.setTimeout(-1)),
  setTimeoutInfinity: (log) => onSocket(log, 'setTimeout', (s) => s.setTimeout(Infinity)),
  setTimeoutBadCallback: (log) => onSocket(log, 'setTimeout', (s) => s.setTimeout(10, 'x')),
  setTimeoutFraction: (log) => {
    const s = onSocket(log, 'setTimeout', (s) => s.setTimeout(1.5));
    log('timeout', s.timeout);
    s.setTimeout(0);
  },

  writeNull: (log) => onSocket(log, 'write', (s) => s.write(null)),
  writeNumber: (log) => onSocket(log, 'write', (s) => s.write(5)),
  writeUnknownEncoding: (log) => onSocket(log, 'write', (s) => s.write('x', 'bogus')),
  writeObject: (log) => onSocket(log, 'write', (s) => s.write({})),
  endNumber: (log) => onSocket(log, 'end', (s) => s.end(5)),
  setEncodingUnknown: (log) => onSocket(log, 'setEncoding', (s) => s.setEncoding('bogus')),

  maxConnectionsBadValues: (log) => {
    const server = net.createServer();
    for (const v of [-1, 1.5, 'x', NaN, null, 0]) {
      thrown(log, 'maxConnections ' + String(v), () => {
        server.maxConnections = v;
      });
      log('value', server.maxConnections);
    }
  },

  // maxConnections -1 is accepted and drops every connection; so does 0 (Node 24: only an unset
  // maxConnections means no limit).
  maxConnectionsNegativeDropsAll: (log) => maxConnections(log, -1),
  maxConnectionsZeroDropsAll: (log) => maxConnections(log, 0),

  writeOnNeverConnectedSocket: (log) => {
    // A write on a socket that was never connected: no throw; the callback and 'error' get ERR_SOCKET_CLOSED.
    const s = new net.Socket();
    watch(log, s, ['error', 'close']);
    thrown(log, 'write', () => log('write result', s.write('x', (e) => log('cb', e))));
  },
};
