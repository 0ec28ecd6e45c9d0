'use strict';
// Unix-domain-socket scenarios: a server and a client in one process on a fresh path under
// os.tmpdir(). Only path-independent facts are logged. NET-SCENARIOS.md describes each one.
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { two, watch } = require('./net-lib');

// fresh(): a new empty directory under os.tmpdir(); d.file(name) is a path in it (default 's.sock');
// d.remove() deletes the directory and everything in it.
function fresh() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jnet-ipc-'));
  return {
    dir,
    file: (name = 's.sock') => path.join(dir, name),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

// pathOfLength(d, n): a path in d that is exactly n bytes long (ASCII 'x' padding).
function pathOfLength(d, n) {
  return path.join(d.dir, 'x'.repeat(n - d.dir.length - 1));
}

// staleSocket(file): leaves a socket file with no server behind it: a child node listens on file
// and kills itself with SIGKILL, so nothing unlinks the file.
function staleSocket(file) {
  const code = 'require("net").createServer().listen(process.argv[1], () => process.kill(process.pid, "SIGKILL"))';
  spawnSync(process.execPath, ['-e', code, file]);
}

// The permission bits of file, as booleans: all can read, all can write.
function modeBits(file) {
  const mode = fs.statSync(file).mode;
  return [(mode & 0o444) === 0o444, (mode & 0o222) === 0o222];
}

// echo(log, address, d): a server on address that echoes and ends when the client ends; the client
// writes 'ping', ends after the echo; both sides watched; d removed at the end.
function echo(log, address, d, extra = () => {}) {
  const t = two(log);
  const done = t.after(2, () =>
    server.close(() => {
      t.flush();
      extra('after close');
      d.remove();
    })
  );
  const server = net.createServer((s) => {
    watch(t.s, s);
    s.on('data', (x) => s.write(x));
    s.on('close', done);
  });
  server.listen(address, () => {
    log('listening', server.address() === address);
    extra('listening');
    const c = net.connect(address);
    watch(t.c, c);
    c.on('connect', () => c.write('ping'));
    c.on('data', () => c.end());
    c.on('close', done);
  });
}

module.exports = {
  // listen, connect, echo, end on a socket file; address() is the path itself.
  echoEnd: (log) => {
    const d = fresh();
    echo(log, d.file(), d);
  },

  // The socket file exists while listening and is removed by close().
  closeRemovesFile: (log) => {
    const d = fresh();
    const f = d.file();
    const server = net.createServer();
    log('before listen', fs.existsSync(f));
    server.listen(f, () => {
      log('listening', fs.existsSync(f), fs.statSync(f).isSocket());
      server.close(() => {
        log('closed', fs.existsSync(f));
        d.remove();
      });
      log('close called', fs.existsSync(f));
    });
  },

  // close() with an open connection: the file goes at once, 'close' waits for the connection.
  closeWithOpenConnectionRemovesFileAtOnce: (log) => {
    const d = fresh();
    const f = d.file();
    const server = net.createServer((s) => {
      server.close(() => {
        log('server close', fs.existsSync(f));
        d.remove();
      });
      log('close called', fs.existsSync(f), server.listening);
      s.end();
      s.on('close', () => log('server socket close'));
    });
    server.listen(f, () => {
      const c = net.connect(f);
      c.on('end', () => c.end());
    });
  },

  // A second server on the path of a live one: 'error' EADDRINUSE; the first keeps serving.
  liveServerAddressInUse: (log) => {
    const d = fresh();
    const f = d.file();
    const a = net.createServer((s) => s.end('still here'));
    a.listen(f, () => {
      const b = net.createServer();
      b.on('error', (e) => {
        log('error', e, e.syscall, e.address === f, e.message === 'listen EADDRINUSE: address already in use ' + f);
        const c = net.connect(f);
        c.setEncoding('utf8');
        c.on('data', (x) => log('data', x));
        c.on('close', () => a.close(() => {
          log('closed', fs.existsSync(f));
          d.remove();
        }));
      });
      b.listen(f, () => log('listening (never)'));
    });
  },

  // A stale socket file (its server was killed): listen gets EADDRINUSE; after unlink it works.
  staleFileAddressInUse: (log) => {
    const d = fresh();
    const f = d.file();
    staleSocket(f);
    log('stale', fs.existsSync(f), fs.statSync(f).isSocket());
    const server = net.createServer();
    server.once('error', (e) => {
      log('error', e, e.syscall, server.listening);
      fs.unlinkSync(f);
      server.listen(f, () => {
        log('listening', server.listening);
        server.close(() => {
          log('closed', fs.existsSync(f));
          d.remove();
        });
      });
    });
    server.listen(f);
  },

  // Connecting to a stale socket file: ECONNREFUSED.
  staleFileConnectRefused: (log) => {
    const d = fresh();
    const f = d.file();
    staleSocket(f);
    const c = net.connect(f);
    watch(log, c, ['connect', 'error', 'close']);
    c.on('error', (e) => log('fields', e.address === f, e.message === 'connect ECONNREFUSED ' + f));
    c.on('close', () => d.remove());
  },

  // Connecting to a path where nothing exists: ENOENT.
  connectMissingPath: (log) => {
    const d = fresh();
    const f = d.file();
    const c = net.connect(f);
    watch(log, c, ['connect', 'error', 'close']);
    c.on('error', (e) => log('fields', e.errno < 0, e.address === f, e.message === 'connect ENOENT ' + f));
    c.on('close', () => d.remove());
  },

  // Connecting to a regular file: ECONNREFUSED.
  connectRegularFile: (log) => {
    const d = fresh();
    const f = d.file('plain');
    fs.writeFileSync(f, 'x');
    const c = net.connect(f);
    watch(log, c, ['connect', 'error', 'close']);
    c.on('close', () => d.remove());
  },

  // Listening on the path of a regular file: EADDRINUSE; the file is left alone.
  listenOnRegularFile: (log) => {
    const d = fresh();
    const f = d.file('plain');
    fs.writeFileSync(f, 'x');
    const server = net.createServer();
    server.on('error', (e) => {
      log('error', e, e.syscall);
      log('file', fs.readFileSync(f, 'utf8'));
      d.remove();
    });
    server.listen(f);
  },

  // An abstract socket ('\0name', Linux): no file; echo works; address() is the name.
  abstractSocket: (log) => {
    const d = fresh();
    const name = '\0jnet-trace-' + process.pid + '-' + path.basename(d.dir);
    echo(log, name, d, (when) => log(when, 'entries', fs.readdirSync(d.dir).length));
  },

  // readableAll and writableAll: the socket file's permission bits (umask-independent booleans).
  readableAllWritableAll: (log) => {
    const d = fresh();
    const f = d.file();
    const variants = [{}, { readableAll: true }, { writableAll: true }, { readableAll: true, writableAll: true }];
    const next = () => {
      const v = variants.shift();
      if (!v) return d.remove();
      const server = net.createServer();
      server.listen({ path: f, ...v }, () => {
        const [r, w] = modeBits(f);
        log(JSON.stringify(v), 'all read', r, 'all write', w, 'owner rw', (fs.statSync(f).mode & 0o600) === 0o600);
        server.close(next);
      });
    };
    next();
  },

  // A path in a directory with mode 0500: as root (as here) listen succeeds; as others EACCES.
  unwritableDirectory: (log) => {
    const d = fresh();
    const ro = d.file('ro');
    fs.mkdirSync(ro, { mode: 0o500 });
    const f = path.join(ro, 's.sock');
    log('root', process.getuid() === 0);
    const server = net.createServer();
    server.on('error', (e) => {
      log('error', e, e.syscall);
      d.remove();
    });
    server.listen(f, () => {
      log('listening', fs.existsSync(f));
      server.close(() => d.remove());
    });
  },

  // A path of exactly 108 bytes (sun_path's size, no room for a NUL) listens and connects.
  path108Bytes: (log) => {
    const d = fresh();
    echo(log, pathOfLength(d, 108), d);
  },

  // A path of 109 bytes (one past sun_path): Node 24's listen returns, not listening, then emits
  // EINVAL 'listen'; a connect to it emits EINVAL 'connect'; no file is made.
  path109BytesEinval: (log) => {
    const d = fresh();
    const f = pathOfLength(d, 109);
    const server = net.createServer();
    server.on('listening', () => log('listening'));
    server.on('error', (e) => {
      log('listen error', e, e.syscall, e.address === f, e.port);
      log('exists', fs.existsSync(f), 'entries', fs.readdirSync(d.dir).length);
      const c = net.connect(f);
      watch(log, c, ['connect', 'error', 'close']);
      c.on('close', () => d.remove());
    });
    server.listen(f);
    log('listen returned', server.listening);
  },

  // A 200-byte path: a connect emits EINVAL 'connect' (Node 24 checks the length before anything).
  path200BytesConnectEinval: (log) => {
    const d = fresh();
    const f = pathOfLength(d, 200);
    const c = net.connect(f);
    watch(log, c, ['connect', 'error', 'close']);
    c.on('error', (e) => log('fields', e.address === f));
    c.on('close', () => d.remove());
  },

  // Half-close over a pipe: the server (allowHalfOpen) writes after the client's end, then ends.
  halfClose: (log) => {
    const d = fresh();
    const f = d.file();
    const t = two(log);
    const done = t.after(2, () => server.close(() => {
      t.flush();
      d.remove();
    }));
    const server = net.createServer({ allowHalfOpen: true }, (s) => {
      watch(t.s, s);
      s.on('end', () => {
        t.s('writable', s.writable, s.readyState);
        s.end('late');
      });
      s.on('close', done);
    });
    server.listen(f, () => {
      const c = net.connect(f);
      watch(t.c, c);
      c.on('connect', () => c.end('x'));
      c.on('close', done);
    });
  },

  // Addresses of pipe sockets: all undefined, address() is {}.
  addresses: (log) => {
    const d = fresh();
    const f = d.file();
    const t = two(log);
    const done = t.after(2, () => server.close(() => {
      t.flush();
      d.remove();
    }));
    const fields = (s) => [s.remoteAddress, s.remotePort, s.remoteFamily, s.localAddress, s.localPort,
      JSON.stringify(s.address())];
    const server = net.createServer((s) => {
      t.s('connection', ...fields(s));
      s.end();
      s.on('close', done);
    });
    server.listen(f, () => {
      const c = net.connect(f);
      c.on('connect', () => t.c('connect', ...fields(c)));
      c.on('end', () => c.end());
      c.on('close', done);
    });
  },

  // bytesRead and bytesWritten over a pipe.
  bytesCounts: (log) => {
    const d = fresh();
    const f = d.file();
    const t = two(log);
    const done = t.after(2, () => server.close(() => {
      t.flush();
      d.remove();
    }));
    const server = net.createServer((s) => {
      s.resume();
      s.on('end', () => {
        t.s('at end', s.bytesRead, s.bytesWritten);
        s.end('€€');
      });
      s.on('close', () => {
        t.s('at close', s.bytesRead, s.bytesWritten);
        done();
      });
    });
    server.listen(f, () => {
      const c = net.connect(f);
      c.resume();
      c.write('héllo');
      t.c('queued', c.bytesWritten);
      c.end(Buffer.alloc(1000));
      c.on('close', () => {
        t.c('at close', c.bytesRead, c.bytesWritten);
        done();
      });
    });
  },

  // The server destroys its socket: the client sees 'end' then 'close' false.
  serverDestroys: (log) => {
    const d = fresh();
    const f = d.file();
    const t = two(log);
    const done = t.after(2, () => server.close(() => {
      t.flush();
      d.remove();
    }));
    const server = net.createServer((s) => {
      watch(t.s, s);
      s.destroy();
      s.on('close', done);
    });
    server.listen(f, () => {
      const c = net.connect(f);
      watch(t.c, c);
      c.on('close', done);
    });
  },

  // The client is destroyed with an error after connect: 'error' then 'close' true; the server sees an end.
  clientDestroysWithError: (log) => {
    const d = fresh();
    const f = d.file();
    const t = two(log);
    const done = t.after(2, () => server.close(() => {
      t.flush();
      d.remove();
    }));
    const server = net.createServer((s) => {
      watch(t.s, s);
      s.on('close', done);
    });
    server.listen(f, () => {
      const c = net.connect(f);
      watch(t.c, c);
      c.on('connect', () => c.destroy(new Error('boom')));
      c.on('close', done);
    });
  },

  // resetAndDestroy() on a connected pipe socket throws ERR_INVALID_HANDLE_TYPE (TCP only).
  resetAndDestroyOnPipe: (log) => {
    const d = fresh();
    const f = d.file();
    const server = net.createServer((s) => s.end());
    server.listen(f, () => {
      const c = net.connect(f);
      watch(log, c, ['connect', 'end', 'error', 'close']);
      c.on('connect', () => {
        try {
          c.resetAndDestroy();
          log('no throw');
        } catch (e) {
          log('threw', e.code, e.name, e.message, c.destroyed);
        }
      });
      c.on('close', () => server.close(() => d.remove()));
    });
  },

  // setTimeout on a pipe socket: 'timeout' fires, the socket stays open until ended.
  timeout: (log) => {
    const d = fresh();
    const f = d.file();
    const server = net.createServer((s) => s.on('end', () => s.end()));
    server.listen(f, () => {
      const c = net.connect(f);
      watch(log, c, ['connect', 'timeout', 'end', 'close']);
      c.on('connect', () =>
        c.setTimeout(20, () => {
          log('open', c.readyState, c.destroyed);
          c.end();
        })
      );
      c.on('close', () => server.close(() => d.remove()));
    });
  },

  // Windows pipe names on Unix are plain relative file names (resolved against the working directory).
  windowsPipePaths: (log) => {
    const d = fresh();
    const back = process.cwd();
    process.chdir(d.dir);
    const names = ['\\\\?\\pipe\\jnet', '\\\\.\\pipe\\jnet'];
    const next = () => {
      const name = names.shift();
      if (!name) {
        process.chdir(back);
        return d.remove();
      }
      const server = net.createServer((s) => s.end('w'));
      server.listen(name, () => {
        log('listening', server.address() === name, fs.existsSync(path.join(d.dir, name)),
          fs.readdirSync(d.dir).length);
        const c = net.connect(name);
        c.setEncoding('utf8');
        watch(log, c, ['data', 'end', 'close']);
        c.on('close', () => server.close(() => {
          log('closed', fs.readdirSync(d.dir).length);
          next();
        }));
      });
    };
    next();
  },

  // listen({path}) and connect({path}) option forms; connect callback before 'connect' listener.
  optionForms: (log) => {
    const d = fresh();
    const f = d.file();
    const server = net.createServer((s) => s.end());
    server.listen({ path: f }, () => {
      log('listening', server.address() === f);
      const c = net.connect({ path: f }, () => log('connect callback', c.remoteAddress));
      c.on('connect', () => log('connect listener'));
      c.on('end', () => log('end'));
      c.resume();
      c.on('close', () => server.close(() => d.remove()));
    });
  },

  // Re-listen on the same path after close.
  relistenSamePath: (log) => {
    const d = fresh();
    const f = d.file();
    const server = net.createServer();
    server.on('listening', () => log('listening', fs.existsSync(f)));
    server.listen(f, () =>
      server.close(() => {
        log('closed', fs.existsSync(f));
        server.listen(f, () => server.close(() => {
          log('closed again', fs.existsSync(f));
          d.remove();
        }));
      })
    );
  },

  // A second listen() on a listening pipe server throws ERR_SERVER_ALREADY_LISTEN.
  listenTwice: (log) => {
    const d = fresh();
    const f = d.file();
    const server = net.createServer();
    server.listen(f, () => {
      try {
        server.listen(d.file('other.sock'));
        log('no throw');
      } catch (e) {
        log('threw', e.code, e.name, e.message);
      }
      server.close(() => {
        log('entries', fs.readdirSync(d.dir).length);
        d.remove();
      });
    });
  },
};
