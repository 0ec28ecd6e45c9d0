'use strict';
// What Node does when 400 clients arrive at a server limited to 256 descriptors: run
// `node emfile.js`. Each client sends "ping" and waits for the server's "pong" (each accepted
// socket is held open). Node 24 prints, every run: server errors [] and each client either
// answered or reset/ended at once (libuv's EMFILE trick), none left waiting.
const net = require('net');
const { spawn } = require('child_process');
const CLIENTS = 400;

if (process.argv[2] === 'server') {
  const conns = [];
  const errors = [];
  const srv = net.createServer((s) => {
    conns.push(s);
    s.on('error', () => {});
    s.on('data', () => s.write('pong'));
  });
  srv.on('error', (e) => errors.push(e.code));
  srv.listen(0, '127.0.0.1', () => console.log(srv.address().port));
  process.stdin.on('data', () => {
    console.log('server errors ' + JSON.stringify(errors) + ' accepted ' + conns.length);
    process.exit(0);
  });
} else {
  const server = spawn('bash', ['-c', `ulimit -n 256 && exec "${process.execPath}" "${__filename}" server`]);
  server.stdout.setEncoding('utf8');
  server.stdout.once('data', (port) => {
    const results = {};
    const start = Date.now();
    let done = 0;
    let slowest = 0;
    for (let i = 0; i < CLIENTS; i++) {
      const c = net.connect(Number(port), '127.0.0.1', () => c.write('ping'));
      let settled = false;
      const settle = (r) => {
        if (settled) return;
        settled = true;
        slowest = Math.max(slowest, Date.now() - start);
        results[r] = (results[r] || 0) + 1;
        if (++done === CLIENTS) {
          console.log('client ' + JSON.stringify(results) + ' all settled within ' + (slowest < 1000 ? '1 s' : slowest + ' ms'));
          server.stdout.on('data', (d) => process.stdout.write(d));
          server.stdin.end('report\n');
          setTimeout(() => process.exit(0), 500);
        }
      };
      c.on('data', () => settle('answered'));
      c.on('error', (e) => settle('error ' + e.code));
      c.on('end', () => settle('end'));
      c.on('close', () => settle('close'));
      setTimeout(() => settle('unanswered after 5 s'), 5000).unref();
    }
  });
}
