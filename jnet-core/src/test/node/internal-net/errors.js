'use strict';
// Prints Node's system errors as jnet's errno mapping must reproduce them, one per line:
//   error <TAB> scenario <TAB> code <TAB> errno <TAB> syscall <TAB> address <TAB> port <TAB> message
//   errmap <TAB> errno <TAB> code <TAB> uv message      (util.getSystemErrorMap, selected codes)
// Absent properties print as '-'. Record with:
//   node errors.js > ../../resources/internal-net/node-errors.tsv
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { spawnSync } = require('child_process');

const CODES = [
  'EPERM', 'ENOENT', 'EINTR', 'EIO', 'EBADF', 'EAGAIN', 'ENOMEM', 'EACCES', 'EFAULT', 'EBUSY',
  'EEXIST', 'ENOTDIR', 'EISDIR', 'EINVAL', 'ENFILE', 'EMFILE', 'ENOSPC', 'EPIPE', 'ENAMETOOLONG',
  'ENOSYS', 'ENOTSOCK', 'EDESTADDRREQ', 'EMSGSIZE', 'EPROTOTYPE', 'ENOPROTOOPT',
  'EPROTONOSUPPORT', 'ENOTSUP', 'EAFNOSUPPORT', 'EADDRINUSE', 'EADDRNOTAVAIL', 'ENETDOWN',
  'ENETUNREACH', 'ECONNABORTED', 'ECONNRESET', 'ENOBUFS', 'EISCONN', 'ENOTCONN', 'ETIMEDOUT',
  'ECONNREFUSED', 'EHOSTDOWN', 'EHOSTUNREACH', 'EALREADY', 'ECANCELED', 'EOF',
  'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL', 'EAI_FAMILY',
];

function field(v) {
  return v === undefined || v === null || v === '' ? '-' : String(v);
}

function print(scenario, e) {
  console.log(['error', scenario, e.code, e.errno, e.syscall, e.address, e.port, e.message]
    .map(field).join('\t'));
}

function tmp(name) {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jnet-errors-')), name);
}

const scenarios = [
  // Connect to a port nothing listens on.
  (done) => net.connect(1, '127.0.0.1').on('error', (e) => { print('connect-refused', e); done(); }),
  // The same over IPv6.
  (done) => net.connect(1, '::1').on('error', (e) => { print('connect-refused-ipv6', e); done(); }),
  // Listen twice on the same port of every interface (no host: '::').
  (done) => {
    const a = net.createServer().listen(0, () => {
      const port = a.address().port;
      net.createServer().listen(port).on('error', (e) => {
        e.message = e.message.replace(':' + port, ':PORT');
        e.port = 'PORT';
        print('listen-eaddrinuse-any', e); a.close(done);
      });
    });
  },
  // Connect to a Unix socket path that does not exist.
  (done) => net.connect(tmp('missing.sock')).on('error', (e) => {
    e.address = e.address && path.basename(e.address);
    e.message = e.message.replace(/ \S*missing\.sock$/, ' missing.sock');
    print('connect-enoent', e); done();
  }),
  // Listen twice on the same TCP port.
  (done) => {
    const a = net.createServer().listen(0, '127.0.0.1', () => {
      const port = a.address().port;
      net.createServer().listen(port, '127.0.0.1').on('error', (e) => {
        e.message = e.message.replace(':' + port, ':PORT');
        e.port = 'PORT';
        print('listen-eaddrinuse-tcp', e); a.close(done);
      });
    });
  },
  // Listen on a Unix socket path that is already bound.
  (done) => {
    const p = tmp('x.sock');
    const a = net.createServer().listen(p, () => {
      net.createServer().listen(p).on('error', (e) => {
        e.address = path.basename(e.address);
        e.message = e.message.replace(/ \S*x\.sock$/, ' x.sock');
        print('listen-eaddrinuse-path', e); a.close(done);
      });
    });
  },
  // Listen on an address this machine does not have.
  (done) => net.createServer().listen(8080, '192.0.2.1').on('error', (e) => {
    print('listen-eaddrnotavail', e); done();
  }),
  // Bind a client to a local address this machine does not have.
  (done) => net.connect({ port: 1, host: '127.0.0.1', localAddress: '192.0.2.1' })
    .on('error', (e) => { print('connect-local-eaddrnotavail', e); done(); }),
  // The peer resets the connection: the reader sees ECONNRESET.
  (done) => {
    const srv = net.createServer((s) => s.on('data', () => s.resetAndDestroy()));
    srv.listen(0, '127.0.0.1', () => {
      const c = net.connect(srv.address().port, '127.0.0.1', () => c.write('x'));
      c.on('error', (e) => { print('read-econnreset', e); srv.close(done); });
    });
  },
  // Write to a Unix socket whose peer has gone.
  (done) => {
    const p = tmp('w.sock');
    const srv = net.createServer((s) => s.destroy()).listen(p, () => {
      const c = net.connect({ path: p, allowHalfOpen: true });
      c.on('error', (e) => { print('write-epipe', e); srv.close(done); });
      c.on('end', () => c.write(Buffer.alloc(1 << 16)));
      c.resume();
    });
  },
  // A name that does not resolve.
  (done) => net.connect(80, 'nosuch.invalid').on('error', (e) => {
    print('getaddrinfo-enotfound', e); done();
  }),
  // A privileged port as an unprivileged user (run in a child that drops root).
  (done) => {
    if (process.getuid && process.getuid() === 0) {
      const r = spawnSync(process.execPath, [__filename, '--eacces'], { encoding: 'utf8' });
      process.stdout.write(r.stdout);
      done();
    } else {
      net.createServer().listen(80, '0.0.0.0').on('error', (e) => { print('listen-eacces', e); done(); });
    }
  },
];

if (process.argv[2] === '--eacces') {
  process.setgid(65534);
  process.setuid(65534);
  net.createServer().listen(80, '0.0.0.0').on('error', (e) => print('listen-eacces', e));
} else {
  const map = util.getSystemErrorMap();
  const byName = new Map();
  for (const [errno, [name, msg]] of map) byName.set(name, [errno, msg]);
  for (const c of CODES) {
    const v = byName.get(c);
    if (v) console.log(['errmap', v[0], c, v[1]].join('\t'));
  }
  (function next(i) {
    if (i < scenarios.length) scenarios[i](() => next(i + 1));
  })(0);
}
