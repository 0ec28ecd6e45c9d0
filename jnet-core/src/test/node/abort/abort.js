// The 'signal' option of server.listen and net.connect, as Node 24 prints it.
// AbortSignalTest asserts the same lines from jnet; run with the pinned Node 24:
//   node abort.js
'use strict';
const net = require('net');
const log = (...a) => console.log(...a);

const steps = [
  (next) => { // A: abort a listening server
    const ac = new AbortController();
    const s = net.createServer();
    s.on('close', () => { log('A close'); next(); });
    s.listen({ port: 0, host: '127.0.0.1', signal: ac.signal }, () => {
      log('A listening', s.listening);
      ac.abort();
      log('A after abort', s.listening);
    });
  },
  (next) => { // B: a signal already aborted lets the bind happen, then closes before 'listening'
    const s = net.createServer();
    s.on('listening', () => log('B listening event'));
    s.on('close', () => { log('B close'); next(); });
    s.listen({ port: 0, signal: AbortSignal.abort() });
    log('B returned', s.listening);
  },
  (next) => { // C: abort a connected socket
    const srv = net.createServer((c) => c.on('error', () => {}));
    srv.listen(0, '127.0.0.1', () => {
      const ac = new AbortController();
      const c = net.connect({ port: srv.address().port, host: '127.0.0.1', signal: ac.signal });
      c.on('connect', () => { log('C connect'); ac.abort(); log('C destroyed', c.destroyed); });
      c.on('error', (e) => log('C error', e.code, e.name, e.message, String(e.cause && e.cause.message)));
      c.on('close', (h) => { log('C close', h); srv.close(next); });
    });
  },
  (next) => { // E: abort while connecting
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const ac = new AbortController();
      const c = net.connect({ port: srv.address().port, host: '127.0.0.1', signal: ac.signal });
      c.on('connect', () => log('E connect'));
      ac.abort(new Error('why'));
      log('E destroyed', c.destroyed);
      c.on('error', (e) => log('E error', e.code, e.message, e.cause.message));
      c.on('close', (h) => { log('E close', h); srv.close(next); });
    });
  },
  (next) => { // F: new net.Socket({signal}) aborted before any connect
    const ac = new AbortController();
    const c = new net.Socket({ signal: ac.signal });
    c.on('error', (e) => log('F error', e.code));
    c.on('close', () => { log('F close'); next(); });
    ac.abort();
    log('F destroyed', c.destroyed);
  },
  (next) => { // G: abort during the listen's host lookup: never listening
    const ac = new AbortController();
    const s = net.createServer();
    s.on('listening', () => log('G listening event'));
    s.on('close', () => { log('G close'); next(); });
    s.listen({ port: 0, host: 'localhost', signal: ac.signal });
    log('G listening', s.listening);
    ac.abort();
    log('G after abort', s.listening);
  },
  (next) => { // H: a server closed before the abort closes once
    const ac = new AbortController();
    const s = net.createServer();
    let n = 0;
    s.on('close', () => log('H close', ++n));
    s.listen({ port: 0, signal: ac.signal }, () => {
      s.close();
      setTimeout(() => { ac.abort(); setTimeout(next, 20); }, 5);
    });
  },
  (next) => { // I: the reasons
    const a = AbortSignal.abort();
    log('I abort', a.aborted, a.reason.name, a.reason.message);
    const ac = new AbortController();
    let calls = 0;
    ac.signal.addEventListener('abort', () => calls++);
    ac.abort(new Error('first'));
    ac.abort(new Error('second'));
    log('I once', calls, ac.signal.reason.message);
    const t = AbortSignal.timeout(5);
    t.addEventListener('abort', () => { log('I timeout', t.reason.name, t.reason.message); next(); });
    setTimeout(() => {}, 50); // AbortSignal.timeout does not keep the process alive
  },
];

let i = 0;
const next = () => { if (i < steps.length) steps[i++](next); };
next();
