'use strict';
// A custom lookup function and the order of events around connect(): Node calls the lookup
// inside connect(), and an answer given before the lookup returns is acted on there and then
// ('lookup' and 'connectionAttempt' are emitted inside connect(), before any listener added
// after it). Each case runs twice: '...Net' uses net.connect(options, cb) and adds its
// listeners after the call, as most programs do; '...Socket' adds them to a new Socket first.
// Every scenario logs 'connect returned', then a nextTick's and a setImmediate's line queued
// right after the call, among the socket's events. The server on 127.0.0.1 ends each connection.
const net = require('net');
const { watch } = require('./net-lib');

const HOST = '127.0.0.1';
const NAME = 'example.test';

// One listener per event, in this order; an attempt logs ADDRESS FAMILY (and ERR if failed).
function watchAll(log, c) {
  watch(log, c, ['lookup']);
  c.on('connectionAttempt', (ip, port, family) => log('connectionAttempt', ip, family));
  c.on('connectionAttemptFailed', (ip, port, family, e) => log('connectionAttemptFailed', ip, family, e));
  watch(log, c, ['connect', 'ready', 'error', 'close']);
}

// answer(options, cb) answers the lookup; extra is merged into the connect options.
function scenario(log, viaNet, answer, extra) {
  const server = net.createServer((s) => s.end());
  // The connect runs in a timer's callback: a scenario's body runs as a callback of the loop in
  // jnet, and Node's main script (or a nextTick after it) is no callback: its loop polls for I/O
  // before its first check phase, where after a callback the check phase comes first.
  server.listen(0, HOST, () => setTimeout(() => {
    const lookup = (host, o, cb) => {
      log('lookup called', host, o.family || 0);
      answer(o, cb);
      log('lookup returns');
    };
    const options = { port: server.address().port, host: NAME, lookup, ...extra };
    let c;
    if (viaNet) {
      c = net.connect(options, () => log('connect cb'));
      log('connect returned', c.connecting, c.destroyed);
      watchAll(log, c);
    } else {
      c = new net.Socket();
      watchAll(log, c);
      c.connect(options, () => log('connect cb'));
      log('connect returned', c.connecting, c.destroyed);
    }
    process.nextTick(() => log('tick'));
    setImmediate(() => log('immediate'));
    c.on('close', () => server.close());
  }, 1));
}

function notFound() {
  return Object.assign(new Error('getaddrinfo ENOTFOUND ' + NAME), {
    code: 'ENOTFOUND',
    syscall: 'getaddrinfo',
    hostname: NAME,
  });
}

const ONE = { autoSelectFamily: false };
const cases = {
  // One address, answered before the lookup returns.
  syncOne: [(o, cb) => cb(null, HOST, 4), ONE],
  // autoSelectFamily (the default): all: true, one address, no race.
  syncAllOne: [(o, cb) => cb(null, [{ address: HOST, family: 4 }]), {}],
  // Two addresses: a family race; ::1 (nothing listens there) is refused, 127.0.0.1 connects.
  syncRace: [(o, cb) => cb(null, [{ address: '::1', family: 6 }, { address: HOST, family: 4 }]), {}],
  // The same race answered in a setImmediate.
  asyncRace: [
    (o, cb) => setImmediate(() => cb(null, [{ address: '::1', family: 6 }, { address: HOST, family: 4 }])),
    {},
  ],
  // An error answered before the lookup returns, with and without autoSelectFamily.
  syncError: [(o, cb) => cb(notFound()), ONE],
  syncAllError: [(o, cb) => cb(notFound()), {}],
  // For contrast: one address answered in a setImmediate, and in a nextTick.
  immediateOne: [(o, cb) => setImmediate(() => cb(null, HOST, 4)), ONE],
  tickOne: [(o, cb) => process.nextTick(() => cb(null, HOST, 4)), ONE],
  // An error answered in a setImmediate.
  immediateError: [(o, cb) => setImmediate(() => cb(notFound())), {}],
  // An answer that is no address (its family isIP's, 0): ERR_INVALID_IP_ADDRESS.
  syncBadAddress: [(o, cb) => cb(null, 'nope', 0), ONE],
  syncAllBadAddress: [(o, cb) => cb(null, [{ address: 'nope', family: 0 }]), {}],
  // An address of a family that is neither 4 nor 6: ERR_INVALID_ADDRESS_FAMILY.
  syncBadFamily: [(o, cb) => cb(null, HOST, 5), ONE],
  syncAllBadFamily: [(o, cb) => cb(null, [{ address: HOST, family: 5 }]), {}],
};

for (const [name, [answer, extra]] of Object.entries(cases)) {
  module.exports[name + 'Net'] = (log) => scenario(log, true, answer, extra);
  module.exports[name + 'Socket'] = (log) => scenario(log, false, answer, extra);
}
