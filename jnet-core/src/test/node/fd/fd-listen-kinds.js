// listen({fd}) on descriptors of every kind, as Node 24 prints them: FdTest's
// listenOnDescriptorsOfEveryKind asserts the same lines from jnet. Node cannot make an unbound
// socket itself, so another process hands them over in slots 3 to 6 (an unbound TCP socket, a TCP
// socket bound to 127.0.0.1 but not listening, an unbound Unix socket, a UDP socket); run with
// the pinned Node 24 as N:
//   python3 -c 'import socket,os,subprocess,sys
//   s=[socket.socket(),socket.socket(),socket.socket(socket.AF_UNIX),socket.socket(type=socket.SOCK_DGRAM)]
//   s[1].bind(("127.0.0.1",0))
//   [os.dup2(x.fileno(),3+i,inheritable=True) for i,x in enumerate(s)]
//   subprocess.run(sys.argv[1:],pass_fds=range(3,7))' "$N" fd-listen-kinds.js
'use strict';
const net = require('net');
const fs = require('fs');
const log = (...a) => console.log(...a);
const open = (fd) => { try { fs.fstatSync(fd); return true; } catch (e) { return false; } };

function listen(name, fd, next) {
  const s = net.createServer();
  s.on('error', (e) => { log(name, 'error', e.code, e.message, 'open', open(fd)); next(); });
  s.listen({ fd }, () => {
    const a = s.address();
    log(name, 'listening', a.address, a.port > 0);
    s.close(() => { log(name, 'closed open', open(fd)); next(); });
  });
}
const file = fs.openSync(__filename, 'r');
const steps = [
  (next) => listen('unbound tcp', 3, next),
  (next) => listen('bound tcp', 4, next),
  (next) => listen('unbound unix', 5, next),
  (next) => listen('udp', 6, next),
  (next) => listen('file', file, next),
];
(function run(i) { if (i < steps.length) steps[i](() => run(i + 1)); })(0);
