'use strict';
// TCP scenarios: a server on 127.0.0.1 port 0 and a client in the same process.
// NET-SCENARIOS.md says what each one checks and how to transcribe it.
const net = require('net');
const { two, watch, until, state } = require('./net-lib');

const HOST = '127.0.0.1';

// listen(server, fn): server.listen(0, HOST), then fn(port).
function listen(server, fn) {
  server.listen(0, HOST, () => fn(server.address().port));
}

module.exports = {
  // Client writes, server answers, client ends, server (allowHalfOpen false) ends by itself.
  endBothWays: (log) => {
    const t = two(log);
    const done = t.after(3, () => t.flush());
    const server = net.createServer((s) => {
      watch(t.s, s);
      s.on('data', () => s.write('pong'));
      s.on('close', done);
    });
    server.on('close', () => {
      t.s('server close');
      done();
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c);
      c.on('connect', () => c.write('ping'));
      c.on('data', () => c.end());
      c.on('close', () => {
        server.close();
        done();
      });
    });
  },

  // Server writes and ends at once; the client (allowHalfOpen false) ends by itself.
  serverEndsFirst: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      watch(t.s, s);
      s.end('bye');
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c);
      c.on('close', done);
    });
  },

  // allowHalfOpen on the server: after the client's end the server still writes, then ends.
  halfOpenServerWritesAfterEnd: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer({ allowHalfOpen: true }, (s) => {
      watch(t.s, s);
      s.on('end', () => {
        t.s('writable', s.writable, s.readyState);
        s.write('late');
        setImmediate(() => s.end());
      });
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c);
      c.on('connect', () => c.end());
      c.on('close', done);
    });
  },

  // allowHalfOpen false (the default): the server socket is ended for it when the client ends.
  noHalfOpenEndsForYou: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      watch(t.s, s, ['end', 'finish', 'close']);
      s.on('end', () => {
        t.s('in end', s.writable, s.writableEnded, s.readyState);
        process.nextTick(() => t.s('tick after end', s.writable, s.writableEnded, s.readyState));
      });
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c, ['connect', 'end', 'finish', 'close']);
      c.on('connect', () => c.end());
      c.on('close', done);
    });
  },

  // allowHalfOpen on the client: the server ends first, the client writes after 'end', then ends.
  halfOpenClientWritesAfterEnd: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      watch(t.s, s);
      s.end();
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect({ port, host: HOST, allowHalfOpen: true });
      watch(t.c, c);
      c.on('end', () => {
        t.c('writable', c.writable, c.readyState);
        c.end('after');
      });
      c.on('close', done);
    });
  },

  // Connect to a port that was just closed: 'error' ECONNREFUSED, then 'close' true.
  refused: (log) => {
    const server = net.createServer();
    listen(server, (port) => {
      server.close(() => {
        const c = net.connect(port, HOST);
        watch(log, c, ['connect', 'lookup', 'error', 'close']);
        c.on('error', (e) => {
          log('fields', e.errno < 0, e.address, typeof e.port, e.message.replace(String(port), 'PORT'));
          log('state', ...state(c));
        });
      });
    });
  },

  // destroy() right after net.connect(): only 'close' false, no 'connect'.
  destroyBeforeConnect: (log) => {
    const server = net.createServer();
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(log, c);
      c.destroy();
      log('after destroy', ...state(c));
      c.on('close', () => server.close(() => log('server close')));
    });
  },

  // destroy(err) right after net.connect(): 'error' err, then 'close' true.
  destroyWithErrorBeforeConnect: (log) => {
    const server = net.createServer();
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(log, c);
      c.destroy(new Error('boom'));
      log('after destroy', ...state(c), c.errored);
      c.on('close', () => server.close(() => log('server close')));
    });
  },

  // Client destroy() in 'connect': the server side sees the end and closes cleanly.
  destroyAfterConnect: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      watch(t.s, s);
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c);
      c.on('connect', () => {
        c.destroy();
        t.c('after destroy', ...state(c));
      });
      c.on('close', done);
    });
  },

  // Client destroy(err) in 'connect'.
  destroyWithErrorAfterConnect: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      watch(t.s, s);
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c);
      c.on('connect', () => c.destroy(new Error('boom')));
      c.on('close', done);
    });
  },

  // Client end(), then destroy() once 'finish' has been emitted (the peer has not ended yet).
  destroyAfterEnd: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer({ allowHalfOpen: true }, (s) => {
      watch(t.s, s);
      s.on('end', () => s.end());
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c);
      c.on('connect', () => c.end());
      c.on('finish', () => {
        c.destroy();
        t.c('after destroy', ...state(c));
      });
      c.on('close', done);
    });
  },

  // resetAndDestroy() on the client once the server has the connection: the server gets ECONNRESET.
  resetAndDestroy: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    let client;
    const server = net.createServer((s) => {
      watch(t.s, s);
      s.on('close', done);
      s.write('x');
    });
    listen(server, (port) => {
      client = net.connect(port, HOST);
      watch(t.c, client);
      client.once('data', () => {
        const r = client.resetAndDestroy();
        t.c('returned self', r === client, ...state(client));
      });
      client.on('close', done);
    });
  },

  // resetAndDestroy() while still connecting.
  resetAndDestroyWhileConnecting: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      watch(t.s, s);
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c);
      const r = c.resetAndDestroy();
      t.c('returned self', r === c, ...state(c));
      c.on('close', done);
    });
  },

  // resetAndDestroy() on a socket that never connected: destroy(ERR_SOCKET_CLOSED).
  resetAndDestroyNeverConnected: (log) => {
    const c = new net.Socket();
    watch(log, c, ['error', 'close']);
    log('returned self', c.resetAndDestroy() === c, ...state(c));
  },

  // setTimeout fires 'timeout' once and leaves the socket open; its callback is a 'timeout' listener.
  timeoutFires: (log) => {
    const server = net.createServer((s) => s.on('end', () => s.end()));
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(log, c, ['connect', 'timeout', 'end', 'finish', 'close']);
      c.on('connect', () => {
        const r = c.setTimeout(20, () => {
          log('timeout callback', ...state(c), c.timeout);
          c.end();
        });
        log('returned self', r === c, c.timeout);
      });
      c.on('close', () => server.close(() => log('server close')));
    });
  },

  // setTimeout(0) disables a timeout set before.
  timeoutZeroDisables: (log) => {
    const server = net.createServer((s) => s.on('end', () => s.end()));
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(log, c, ['connect', 'timeout', 'end', 'close']);
      c.setTimeout(10);
      c.setTimeout(0);
      log('timeout', c.timeout);
      c.on('connect', () => setTimeout(() => c.end(), 60));
      c.on('close', () => server.close(() => log('server close')));
    });
  },

  // A paused client keeps data buffered (readableLength grows); resume() delivers it.
  pauseBeforeConnect: (log) => {
    let c;
    const server = net.createServer((s) => {
      s.end('abc');
      s.on('finish', () =>
        setTimeout(() => {
          log('later', c.readableLength, c.isPaused(), c.bytesRead);
          c.resume();
          log('resumed', c.isPaused(), c.readableFlowing);
        }, 20)
      );
    });
    listen(server, (port) => {
      c = net.connect(port, HOST);
      c.pause();
      log('paused', c.isPaused(), c.readableFlowing);
      watch(log, c, ['connect', 'data', 'end', 'close']);
      log('after data listener', c.isPaused(), c.readableFlowing);
      c.on('close', () => server.close(() => log('server close')));
    });
  },

  // A client paused after its first 'data' still reads into its buffer; resume() delivers it.
  pauseBuffersData: (log) => {
    const server = net.createServer((s) => {
      s.write('one');
      s.once('data', () => s.end('two'));
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(log, c, ['data', 'end', 'close']);
      c.once('data', () => {
        c.pause();
        log('paused', c.isPaused(), c.readableFlowing, c.readableLength);
        c.write('ack');
        until(
          () => c.readableLength === 3,
          () => {
            log('buffered', c.readableLength, c.isPaused(), c.bytesRead);
            c.resume();
            log('resumed', c.isPaused(), c.readableFlowing);
          }
        );
      });
      c.on('close', () => server.close(() => log('server close')));
    });
  },

  // pauseOnConnect: the server socket reads nothing until resume().
  pauseOnConnect: (log) => {
    const t = two(log);
    const server = net.createServer({ pauseOnConnect: true }, (s) => {
      t.s('connection', s.isPaused(), s.readableFlowing, s.readableLength);
      watch(t.s, s, ['data', 'end', 'close']);
      setTimeout(() => {
        t.s('later', s.readableLength);
        s.resume();
      }, 30);
      s.on('close', () => server.close(() => t.flush()));
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c, ['connect', 'end', 'close']);
      c.end('x');
    });
  },

  // Callbacks of write() and end() and the 'finish' event, in order.
  writeCallbackOrder: (log) => {
    const server = net.createServer((s) => s.resume());
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      c.on('finish', () => log('finish'));
      log('write a', c.write('a', (e) => log('cb a', e)));
      log('write b', c.write('b', (e) => log('cb b', e)));
      c.on('connect', () => {
        log('connect');
        log('write c', c.write('c', (e) => log('cb c', e)));
        c.end('d', (e) => log('cb end', e));
        log('end returned');
      });
      c.on('close', (h) => {
        log('close', h);
        server.close();
      });
    });
  },

  // A write bigger than the highWaterMark (64 KiB since Node 22) before connect returns false;
  // 'drain' follows.
  writeFalseThenDrain: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      let n = 0;
      s.on('data', (d) => (n += d.length));
      s.on('end', () => {
        t.s('received', n);
        s.end();
      });
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      t.c('hwm', c.writableHighWaterMark);
      t.c('write', c.write(Buffer.alloc(70000, 1)), c.writableLength, c.writableNeedDrain);
      c.on('drain', () => {
        t.c('drain', c.writableLength, c.writableNeedDrain, c.bytesWritten);
        c.end();
      });
      watch(t.c, c, ['connect', 'finish', 'close']);
      c.on('close', done);
    });
  },

  // write() after end(): ERR_STREAM_WRITE_AFTER_END to the callback and to 'error'.
  writeAfterEnd: (log) => {
    const server = net.createServer((s) => s.resume());
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(log, c, ['connect', 'finish', 'error', 'close']);
      c.end();
      log('write', c.write('x', (e) => log('cb', e)));
      c.on('close', () => server.close(() => log('server close')));
    });
  },

  // end(data, cb): the data reaches the peer; cb runs on 'finish'.
  endWithDataAndCallback: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      watch(t.s, s, ['data', 'end', 'close']);
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      c.on('connect', () => {
        const r = c.end('bye', () => t.c('end cb', c.writableFinished));
        t.c('end returned self', r === c);
      });
      watch(t.c, c, ['finish', 'end', 'close']);
      c.on('close', done);
    });
  },

  // bytesWritten counts queued bytes before connect and encoded bytes after; bytesRead on the peer.
  bytesCounts: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      t.s('at connection', s.bytesRead, s.bytesWritten);
      s.resume();
      s.on('end', () => {
        t.s('at end', s.bytesRead, s.bytesWritten);
        s.end('ok');
      });
      s.on('close', () => {
        t.s('at close', s.bytesRead, s.bytesWritten);
        done();
      });
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      c.resume();
      t.c('fresh', c.bytesRead, c.bytesWritten);
      c.write('héllo');
      t.c('queued utf8', c.bytesWritten);
      c.write('68656c6c6f', 'hex');
      t.c('queued hex', c.bytesWritten);
      c.on('connect', () => {
        t.c('at connect', c.bytesWritten);
        c.write('aGk=', 'base64');
        c.write('é', 'latin1');
        c.write('€', 'utf16le');
        c.write(Buffer.from([1, 2, 3]));
        t.c('after writes', c.bytesWritten);
        c.end('€');
        t.c('after end', c.bytesWritten);
      });
      c.on('finish', () => t.c('at finish', c.bytesWritten));
      c.on('close', () => {
        t.c('at close', c.bytesRead, c.bytesWritten);
        done();
      });
    });
  },

  // readyState, connecting, pending, destroyed through a whole client lifecycle.
  readyStateLifecycle: (log) => {
    const server = net.createServer({ allowHalfOpen: true }, (s) => {
      s.resume();
      s.on('end', () => setTimeout(() => s.end(), 20));
    });
    listen(server, (port) => {
      const c = new net.Socket();
      log('new', ...state(c));
      c.connect(port, HOST);
      log('connect called', ...state(c));
      c.on('connect', () => {
        log('connect', ...state(c));
        c.end();
        log('end called', ...state(c));
      });
      c.on('finish', () => log('finish', ...state(c)));
      c.on('end', () => log('end', ...state(c)));
      c.on('close', () => {
        log('close', ...state(c));
        server.close();
      });
    });
  },

  // Addresses and families on both sides; ports only as 'number'.
  addresses: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      t.s('local', s.localAddress, s.localFamily, typeof s.localPort);
      t.s('remote', s.remoteAddress, s.remoteFamily, typeof s.remotePort, s.remotePort > 0);
      s.end();
      s.on('close', () => {
        t.s('after close', s.remoteAddress, s.localAddress);
        done();
      });
      s.resume();
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      t.c('before', c.localAddress, c.remoteAddress, c.remoteFamily, c.remotePort, c.localPort);
      c.on('connect', () => {
        t.c('local', c.localAddress, c.localFamily, typeof c.localPort);
        t.c('remote', c.remoteAddress, c.remoteFamily, c.remotePort === port);
        const a = c.address();
        t.c('address()', Object.keys(a), a.address, a.family, typeof a.port);
      });
      c.on('end', () => c.end());
      c.on('close', done);
    });
  },

  // server.address() before listen, while listening, after close.
  serverAddressShape: (log) => {
    const server = net.createServer();
    log('before', server.address(), server.listening);
    server.listen(0, HOST, () => {
      const a = server.address();
      log('listening', Object.keys(a), a.address, a.family, typeof a.port, a.port > 0, server.listening);
      server.close(() => log('closed', server.address(), server.listening));
      log('close called', server.address(), server.listening);
    });
    log('listen called', server.address(), server.listening);
  },

  // maxConnections 1: the second connection is dropped ('drop' on the server, peer sees a close).
  maxConnectionsDrop: (log) => {
    const t = two(log);
    let first;
    const server = net.createServer((s) => {
      t.s('connection');
      first = s;
    });
    server.maxConnections = 1;
    server.on('drop', (d) => {
      t.s('drop', Object.keys(d).sort(), d.localAddress, d.localFamily, d.remoteAddress, d.remoteFamily,
        typeof d.localPort, typeof d.remotePort);
      server.getConnections((e, n) => t.s('connections', e, n));
    });
    listen(server, (port) => {
      const c1 = net.connect(port, HOST);
      c1.on('connect', () => {
        until(
          () => first !== undefined,
          () => {
            const c2 = net.connect(port, HOST);
            watch(t.c, c2, ['connect', 'data', 'end', 'error', 'close']);
            c2.on('close', () => {
              first.end();
              c1.on('end', () => c1.end());
              c1.on('close', () => server.close(() => t.flush()));
            });
          }
        );
      });
    });
  },

  // server.close() with an open connection: 'close' waits until the connection has closed.
  closeWithOpenConnection: (log) => {
    const server = net.createServer((s) => {
      server.close(() => log('close callback'));
      log('close called', server.listening);
      server.getConnections((e, n) => {
        log('connections', e, n);
        s.end();
      });
      s.on('close', () => log('server socket close'));
    });
    server.on('close', () => log('server close event'));
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      c.on('end', () => c.end());
    });
  },

  // close() on a server that is not listening: the callback gets ERR_SERVER_NOT_RUNNING.
  closeNotRunning: (log) => {
    const server = net.createServer();
    server.on('close', () => log('close event'));
    server.on('error', (e) => log('error event', e));
    const r = server.close((e) => log('close cb', e, e && e.name, e && e.message));
    log('returned self', r === server);
  },

  // close() twice: the second callback gets ERR_SERVER_NOT_RUNNING, the first succeeds.
  closeTwice: (log) => {
    const server = net.createServer();
    server.on('close', () => log('close event'));
    listen(server, () => {
      server.close((e) => log('first cb', e));
      server.close((e) => log('second cb', e));
      log('both called');
    });
  },

  // getConnections() counts open connections; its callback is asynchronous.
  getConnections: (log) => {
    const server = net.createServer((s) => {
      server.getConnections((e, n) => {
        log('with one', e, n);
        s.end();
      });
      s.on('close', () =>
        server.getConnections((e, n) => {
          log('after close', e, n);
          server.close();
        })
      );
    });
    server.getConnections((e, n) => log('before listen', e, n));
    log('sync');
    listen(server, (port) => {
      server.getConnections((e, n) => log('listening', e, n));
      const c = net.connect(port, HOST);
      c.on('end', () => c.end());
    });
  },

  // A closed server can listen again.
  relisten: (log) => {
    const server = net.createServer();
    server.on('listening', () => log('listening event', server.listening));
    server.on('close', () => log('close event', server.listening));
    server.listen(0, HOST, () => {
      server.close(() => {
        server.listen(0, HOST, () => {
          log('second listen', server.address().address);
          server.close();
        });
      });
    });
  },

  // listen() on a listening server throws ERR_SERVER_ALREADY_LISTEN.
  listenTwice: (log) => {
    const server = net.createServer();
    server.on('error', (e) => log('error event', e));
    listen(server, () => {
      try {
        server.listen(0, HOST);
        log('no throw');
      } catch (e) {
        log('threw', e.code, e.name, e.message);
      }
      server.close();
    });
  },

  // A second server on the same port: 'error' EADDRINUSE; the same server then listens on port 0.
  addressInUse: (log) => {
    const a = net.createServer();
    listen(a, (port) => {
      const b = net.createServer();
      b.on('listening', () => log('listening', b.address().address));
      b.on('error', (e) => {
        log('error', e, e.syscall, e.address, typeof e.port, e.message.replace(String(port), 'PORT'), b.listening);
        b.listen(0, HOST, () => {
          log('listen cb', b.listening);
          b.close(() => a.close(() => log('both closed')));
        });
      });
      b.listen(port, HOST, () => log('first listen cb (never)'));
    });
  },

  // The listen callback is a 'listening' listener added by listen(): it runs before ones added later.
  listeningOrder: (log) => {
    const server = net.createServer();
    server.on('listening', () => log('listener before listen'));
    server.listen(0, HOST, () => {
      log('listen callback');
      server.close();
    });
    server.on('listening', () => log('listener after listen'));
    log('listen returned', server.listening);
  },

  // The connect callback is a 'connect' listener added by connect(): it runs before ones added later.
  connectOrder: (log) => {
    const server = net.createServer((s) => s.end());
    listen(server, (port) => {
      const c = net.connect(port, HOST, () => log('connect callback'));
      c.on('connect', () => log('connect listener'));
      c.on('ready', () => log('ready listener'));
      c.on('end', () => log('end'));
      c.on('close', () => server.close());
      log('connect returned');
    });
  },

  // setEncoding('utf8'): multi-byte characters split across chunks come out whole.
  setEncodingSplit: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const bytes = Buffer.from('a€éz✓', 'utf8');
    // chunks: 'a'+€[0] | €[1..2]+é[0] | é[1]+'z'+✓[0..1], then end: the decoder flushes '\ufffd'
    const chunks = [bytes.subarray(0, 2), bytes.subarray(2, 5), bytes.subarray(5, 9)];
    const server = net.createServer((s) => {
      let i = 0;
      const next = () => {
        if (i < chunks.length) s.write(chunks[i++]);
        else s.end();
      };
      s.on('data', next);
      next();
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      const r = c.setEncoding('utf8');
      t.c('returned self', r === c, c.readableEncoding);
      c.on('data', (d) => {
        t.c('data', typeof d, d);
        c.write('k');
      });
      watch(t.c, c, ['end', 'close']);
      c.on('close', done);
    });
  },

  // setNoDelay and setKeepAlive return the socket, before and after connect.
  noDelayKeepAlive: (log) => {
    const server = net.createServer((s) => s.end());
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      log('before', c.setNoDelay() === c, c.setNoDelay(false) === c, c.setKeepAlive(true, 1000) === c,
        c.setKeepAlive() === c);
      c.on('connect', () => {
        log('after', c.setNoDelay(true) === c, c.setKeepAlive(true) === c, c.setKeepAlive(false, 0) === c);
      });
      c.on('end', () => log('end'));
      c.on('close', () => server.close());
    });
  },

  // An unref'd listening server does not keep the process alive: the trace ends after 'listening'.
  unrefServerExits: (log) => {
    const server = net.createServer();
    log('unref returned self', server.unref() === server);
    server.listen(0, HOST, () => log('listening', server.listening));
  },

  // unref() then ref() again: the server keeps the process alive until it is closed.
  refAgain: (log) => {
    const server = net.createServer();
    server.unref();
    log('ref returned self', server.ref() === server);
    server.listen(0, HOST, () => {
      log('listening');
      setTimeout(() => server.close(() => log('closed')), 10);
    });
  },

  // An unref'd connected client with its server unref'd: the process exits with both open.
  unrefSocketExits: (log) => {
    const t = two(log);
    const done = t.after(2, () => t.flush());
    const server = net.createServer((s) => {
      t.s('connection');
      t.s('unref returned self', s.unref() === s);
      done();
    });
    listen(server, (port) => {
      server.unref();
      const c = net.connect(port, HOST);
      c.on('connect', () => {
        t.c('connect');
        t.c('unref returned self', c.unref() === c);
        done();
      });
    });
  },

  // destroySoon() after a write: the data is flushed, then the socket is destroyed.
  destroySoon: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer({ allowHalfOpen: true }, (s) => {
      watch(t.s, s, ['data', 'end', 'close']);
      s.on('end', () => s.end());
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c, ['connect', 'finish', 'end', 'close']);
      c.on('connect', () => {
        c.write('x');
        c.destroySoon();
        t.c('after destroySoon', ...state(c), c.writableEnded);
      });
      c.on('close', done);
    });
  },

  // A server socket destroyed with an error: 'error' then 'close' true; the client sees an end.
  serverDestroysWithError: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      watch(t.s, s);
      s.destroy(new Error('bad client'));
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c);
      c.on('close', done);
    });
  },

  // end() before the connection is made: it connects, then finishes.
  endBeforeConnect: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      watch(t.s, s);
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c);
      const r = c.end();
      t.c('end returned self', r === c, ...state(c), c.writableEnded, c.writableFinished);
      c.on('close', done);
    });
  },

  // Writes before connect are queued (pending, writableLength) and go out once connected.
  writesQueuedBeforeConnect: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      const got = [];
      s.on('data', (d) => got.push(d));
      s.on('end', () => {
        t.s('received', Buffer.concat(got).toString());
        s.end();
      });
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      t.c('write a', c.write('a', () => t.c('cb a')), c.pending, c.writableLength);
      t.c('write bc', c.write('bc', () => t.c('cb bc')), c.writableLength);
      c.on('connect', () => t.c('connect', c.writableLength));
      c.end('d', () => t.c('cb end'));
      c.on('close', done);
    });
  },

  // connect to 'localhost': one 'lookup' (err, 127.0.0.1, 4, 'localhost') before 'connect'.
  lookupLocalhost: (log) => {
    const server = net.createServer((s) => s.end());
    listen(server, (port) => {
      const c = net.connect({ port, host: 'localhost' });
      watch(log, c, ['lookup', 'connect', 'ready', 'end', 'close']);
      c.on('connect', () => log('remote', c.remoteAddress, c.remoteFamily));
      c.on('close', () => server.close());
    });
  },

  // connect to an IP literal: no 'lookup' event.
  ipLiteralNoLookup: (log) => {
    const server = net.createServer((s) => s.end());
    listen(server, (port) => {
      const c = net.connect({ port, host: HOST });
      watch(log, c, ['lookup', 'connect', 'ready', 'end', 'close']);
      c.on('close', () => server.close());
    });
  },

  // end() twice and destroy() twice: one 'finish', one 'close'.
  endAndDestroyTwice: (log) => {
    const server = net.createServer((s) => s.resume());
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(log, c, ['connect', 'finish', 'error', 'close']);
      c.on('connect', () => {
        c.end(() => log('end cb 1'));
        c.end(() => log('end cb 2'));
      });
      c.on('finish', () => {
        c.destroy();
        c.destroy();
        log('destroyed twice', ...state(c));
      });
      c.on('close', () => server.close());
    });
  },

  // write() on a destroyed socket: ERR_STREAM_DESTROYED to the callback, no 'error' event.
  writeAfterDestroy: (log) => {
    const server = net.createServer((s) => s.resume());
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(log, c, ['connect', 'error', 'close']);
      c.on('connect', () => {
        c.destroy();
        log('write', c.write('x', (e) => log('cb', e)));
      });
      c.on('close', () => server.close());
    });
  },

  // Readable and writable flags of a server socket at 'end', 'finish' and 'close'.
  streamFlags: (log) => {
    const flags = (s) => [s.readable, s.writable, s.readableEnded, s.writableEnded, s.writableFinished];
    const server = net.createServer((s) => {
      log('connection', ...flags(s));
      s.resume();
      s.on('end', () => log('end', ...flags(s)));
      s.on('finish', () => log('finish', ...flags(s)));
      s.on('close', () => {
        log('close', ...flags(s));
        server.close();
      });
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      c.on('connect', () => c.end());
    });
  },

  // Server 'connection' listener added with on() after createServer(listener): both run, in order.
  connectionListeners: (log) => {
    const server = net.createServer((s) => {
      log('createServer listener', s instanceof net.Socket);
    });
    server.on('connection', (s) => {
      log('second listener', server.listenerCount('connection'));
      s.end();
      server.close();
    });
    listen(server, (port) => net.connect(port, HOST).resume());
  },

  // A socket whose server ended it can connect again with socket.connect().
  reconnectSameSocket: (log) => {
    let count = 0;
    const server = net.createServer((s) => s.end(String(++count)));
    listen(server, (port) => {
      const c = new net.Socket();
      c.setEncoding('utf8');
      c.on('data', (d) => log('data', d));
      c.on('connect', () => log('connect', ...state(c)));
      c.once('close', (h) => {
        log('close', h, ...state(c));
        c.connect(port, HOST);
        c.once('close', (h2) => {
          log('close again', h2, c.bytesRead);
          server.close();
        });
      });
      c.connect(port, HOST);
    });
  },

  // The server resets once data arrives: the client gets 'error' ECONNRESET then 'close' true.
  peerResetsAfterData: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      watch(t.s, s, ['error', 'close']);
      s.on('close', done);
      s.once('data', () => s.resetAndDestroy());
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c, ['connect', 'end', 'error', 'close']);
      c.write('x');
      c.on('close', done);
    });
  },

  // listen() with a backlog and with an options object: same 'listening' event and address family.
  listenForms: (log) => {
    const a = net.createServer();
    a.listen(0, HOST, 5, () => {
      log('port host backlog', a.address().family);
      a.close(() => {
        const b = net.createServer();
        b.listen({ port: 0, host: HOST, backlog: 5 }, () => {
          log('options', b.address().family, b.address().address);
          b.close(() => log('closed'));
        });
      });
    });
  },

  // A server idle timeout that destroys the connection: the client sees 'end' then 'close' false.
  serverIdleTimeoutDestroys: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const server = net.createServer((s) => {
      s.setTimeout(20);
      watch(t.s, s, ['timeout', 'end', 'finish', 'close']);
      s.on('timeout', () => s.destroy());
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c, ['connect', 'end', 'finish', 'close']);
      c.on('close', done);
    });
  },

  // end() right after a write far above the highWaterMark: every byte reaches the peer before
  // its 'end', and no 'drain' is emitted for an ending socket.
  endFlushesLargeWrite: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const size = 4 * 1024 * 1024;
    const server = net.createServer((s) => {
      let n = 0;
      s.on('data', (d) => (n += d.length));
      s.on('end', () => t.s('end after', n));
      s.on('close', done);
    });
    listen(server, (port) => {
      const c = net.connect(port, HOST);
      watch(t.c, c, ['drain', 'finish', 'close']);
      c.on('connect', () => {
        t.c('write', c.write(Buffer.alloc(size, 7)));
        c.end();
        t.c('ended', c.writableLength === size, c.writableNeedDrain);
      });
      c.on('finish', () => t.c('at finish', c.bytesWritten));
      c.on('close', done);
    });
  },

  // A client that does not read holds a big server write: no 'drain' until the client resumes.
  readBackpressureHoldsWriter: (log) => {
    const t = two(log);
    const done = t.after(2, () => server.close(() => t.flush()));
    const size = 64 * 1024 * 1024;
    let client;
    const server = net.createServer((s) => {
      let drained = false;
      t.s('write', s.write(Buffer.alloc(size, 1)));
      s.on('drain', () => {
        drained = true;
        t.s('drain', s.writableLength);
        s.end();
      });
      setTimeout(() => {
        t.s('drained before resume', drained, s.writableLength > 0);
        client.resume();
      }, 50);
      s.on('close', done);
    });
    listen(server, (port) => {
      client = net.connect(port, HOST);
      client.on('connect', () => client.pause());
      let n = 0;
      client.on('data', (d) => (n += d.length));
      client.on('end', () => t.c('received', n === size));
      client.on('close', done);
    });
  },

  // connect({timeout}): 'timeout' fires once the socket has been idle that long; the scenario
  // destroys it then (whether it had connected is not logged: that would race the timer).
  connectTimeoutOption: (log) => {
    const server = net.createServer((s) => s.resume());
    listen(server, (port) => {
      const c = net.connect({ port, host: HOST, timeout: 30 });
      log('timeout', c.timeout);
      watch(log, c, ['timeout', 'error', 'close']);
      c.on('timeout', () => c.destroy());
      c.on('close', () => server.close(() => log('server close')));
    });
  },
};
