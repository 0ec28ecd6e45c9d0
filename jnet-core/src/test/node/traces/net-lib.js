'use strict';
// Helpers shared by the net, ipc and net-args suites. Not a suite itself: record.js is never
// run on it. NET-SCENARIOS.md describes each helper for the Java twins.
//
// two(log): a two-sided trace. In one process the order in which the client's and the
// server's events interleave is the kernel's choice, so a scenario keeps each side's lines
// apart, each in its own (deterministic) order, and prints them grouped:
//   t.s(event, ...args)   a server-side line, kept
//   t.c(event, ...args)   a client-side line, kept
//   t.flush()             prints every kept server line as 's EVENT ARGS', then every kept
//                         client line as 'c EVENT ARGS'; later t.s/t.c lines print at once
//   t.after(n, fn)        a function that, on its n-th call, runs fn (usually: flush)
// Lines logged with plain log() print at once and are for one-sided scenarios.

function two(log) {
  const kept = { s: [], c: [] };
  let flushed = false;
  const side = (name) => (event, ...args) => {
    if (flushed) log(name + ' ' + event, ...args);
    else kept[name].push([event, args]);
  };
  return {
    s: side('s'),
    c: side('c'),
    flush() {
      if (flushed) return;
      flushed = true;
      for (const name of ['s', 'c']) for (const [event, args] of kept[name]) log(name + ' ' + event, ...args);
    },
    after(n, fn) {
      let left = n;
      return () => {
        if (--left === 0) fn();
      };
    },
  };
}

// watch(side, emitter, names): logs each named event on side (a function such as t.c):
//   'close'   close HADERROR
//   'error'   error ERR SYSCALL          (SYSCALL undefined for non-system errors)
//   'data'    data CHUNK
//   'lookup'  lookup ERR ADDRESS FAMILY HOST
//   others    the event name alone ('connect', 'ready', 'end', 'finish', 'drain', 'timeout')
const ALL = ['connect', 'ready', 'data', 'end', 'finish', 'close', 'error', 'timeout', 'drain'];
function watch(side, emitter, names = ALL) {
  for (const name of names) {
    if (name === 'close') emitter.on('close', (hadError) => side('close', hadError));
    else if (name === 'error') emitter.on('error', (e) => side('error', e, e.syscall));
    else if (name === 'data') emitter.on('data', (d) => side('data', d));
    else if (name === 'lookup') emitter.on('lookup', (e, a, f, h) => side('lookup', e, a, f, h));
    else emitter.on(name, () => side(name));
  }
}

// until(cond, fn): checks cond every millisecond (a 1 ms timer) and runs fn once it holds.
function until(cond, fn) {
  if (cond()) fn();
  else setTimeout(() => until(cond, fn), 1);
}

// state(socket): the lifecycle fields, in this order.
function state(s) {
  return [s.readyState, s.connecting, s.pending, s.destroyed];
}

// thrown(log, label, fn): runs fn; logs 'LABEL threw CODE NAME MESSAGE' or 'LABEL returned'.
function thrown(log, label, fn) {
  try {
    fn();
    log(label + ' returned');
  } catch (e) {
    log(label + ' threw', e.code, e.name, e.message);
  }
}

module.exports = { two, watch, until, state, thrown, ALL };
