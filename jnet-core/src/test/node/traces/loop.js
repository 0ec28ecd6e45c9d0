'use strict';
// Node's event loop: the orderings of process.nextTick, setImmediate and timers that
// io.jnet.loop.EventLoop must reproduce (Java twins: io.jnet.loop.LoopTraceTest).
// Only scenarios whose order Node prints the same on every run belong here: setTimeout(0)
// against setImmediate from the main module, for one, depends on the clock and is left out.
// Timers are made so that a stall of the thread between two setTimeout calls (a busy machine)
// cannot change the order: a later call only ever delays its own timer.
const fs = require('fs');

// An I/O callback: the Java twin runs the same code in a task given to EventLoop.execute.
function fromIo(fn) {
  fs.stat(__filename, () => fn());
}

// Keeps the thread busy (no sleep: the loop must not run meanwhile).
function blockFor(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

function onUncaught(log) {
  process.on('uncaughtException', (e) => log('uncaught', e));
}

module.exports = {
  ticksRunInOrderAfterTheCallback: (log) => {
    process.nextTick(() => log('tick1'));
    process.nextTick(() => log('tick2'));
    log('main');
  },

  nestedTickRunsAfterQueuedTicks: (log) => {
    process.nextTick(() => {
      log('tick1');
      process.nextTick(() => log('nested'));
    });
    process.nextTick(() => log('tick2'));
  },

  tickRunsBeforeImmediate: (log) => {
    setImmediate(() => log('immediate'));
    process.nextTick(() => log('tick'));
  },

  immediateInsideImmediateRunsNextTurn: (log) => {
    setImmediate(() => {
      log('immediate1');
      setImmediate(() => log('nested'));
      process.nextTick(() => log('tick'));
    });
    setImmediate(() => log('immediate2'));
  },

  timerInsideTimerRunsLater: (log) => {
    setTimeout(() => {
      log('timer1');
      setTimeout(() => log('nested'), 0);
    }, 1);
    setTimeout(() => log('timer2'), 1);
  },

  immediateBeforeTimeoutFromIo: (log) => {
    fromIo(() => {
      setTimeout(() => log('timeout'), 0);
      setImmediate(() => log('immediate'));
    });
  },

  immediateBeforeTimeoutFromTimer: (log) => {
    setTimeout(() => {
      setTimeout(() => log('timeout'), 0);
      setImmediate(() => log('immediate'));
    }, 1);
  },

  immediatesRunAfterAllDueTimers: (log) => {
    setTimeout(() => {
      log('timer1');
      setImmediate(() => log('immediate'));
    }, 1);
    setTimeout(() => log('timer2'), 1);
    blockFor(5); // both timers are due when the timers phase comes, whatever the clock did
  },

  sameDelayFiresInCreationOrder: (log) => {
    for (const name of ['a', 'b', 'c', 'd']) setTimeout(() => log(name), 5);
  },

  differentDelaysFireByExpiry: (log) => {
    setTimeout(() => log('sixty'), 60);
    setTimeout(() => log('one'), 1);
    setTimeout(() => log('twenty'), 20);
  },

  clearTimeoutFromAnotherTimer: (log) => {
    let later;
    setTimeout(() => {
      log('first');
      clearTimeout(later);
      clearTimeout(same);
    }, 5);
    const same = setTimeout(() => log('same'), 5);
    later = setTimeout(() => log('later'), 20);
    setTimeout(() => log('last'), 30);
  },

  refreshPostponesTimer: (log) => {
    // Unrefreshed, 'refreshed' would come before 'plain'.
    const t = setTimeout(() => log('refreshed'), 100);
    setTimeout(() => log('plain'), 130);
    setTimeout(() => {
      log('refresh');
      t.refresh();
    }, 50);
  },

  refreshInOwnCallbackFiresAgain: (log) => {
    let n = 0;
    const t = setTimeout(() => {
      log('fire', ++n);
      if (n < 3) t.refresh();
    }, 1);
  },

  intervalClearedAfterThreeRuns: (log) => {
    let n = 0;
    const iv = setInterval(() => {
      log('interval', ++n);
      if (n === 3) clearInterval(iv);
    }, 1);
  },

  unrefTimerDoesNotHold: (log) => {
    const t = setTimeout(() => log('never'), 100000);
    t.unref();
    log('hasRef', t.hasRef());
    setTimeout(() => log('ref'), 5);
  },

  refAgainHolds: (log) => {
    const t = setTimeout(() => log('fired'), 5);
    t.unref();
    t.ref();
    log('hasRef', t.hasRef());
  },

  throwInImmediateThenNextRuns: (log) => {
    onUncaught(log);
    setImmediate(() => {
      log('immediate1');
      throw new Error('boom');
    });
    setImmediate(() => log('immediate2'));
    setTimeout(() => log('timer'), 50);
  },

  throwInTimerThenNextRuns: (log) => {
    onUncaught(log);
    setTimeout(() => {
      log('timer1');
      throw new Error('boom');
    }, 2);
    setTimeout(() => log('timer2'), 2);
    setTimeout(() => log('timer3'), 10);
  },

  throwInIoThenTicksRun: (log) => {
    onUncaught(log);
    fromIo(() => {
      process.nextTick(() => log('tick'));
      setImmediate(() => log('immediate'));
      log('io');
      throw new Error('boom');
    });
  },

  throwInTickThenNextTickRuns: (log) => {
    onUncaught(log);
    process.nextTick(() => {
      log('tick1');
      throw new Error('boom');
    });
    process.nextTick(() => log('tick2'));
    setImmediate(() => log('immediate'));
  },

  intervalGoesOnAfterAThrow: (log) => {
    onUncaught(log);
    let n = 0;
    const iv = setInterval(() => {
      log('interval', ++n);
      if (n === 3) clearInterval(iv);
      if (n === 1) throw new Error('boom');
    }, 1);
  },

  chainFollowsThePhases: (log) => {
    setTimeout(() => {
      log('timer');
      process.nextTick(() => log('timer.tick'));
      setImmediate(() => {
        log('timer.immediate');
        process.nextTick(() => log('timer.immediate.tick'));
        setTimeout(() => log('timer.immediate.timeout'), 0);
      });
    }, 1);
  },

  tickFromTimerRunsBeforeNextTimer: (log) => {
    setTimeout(() => {
      log('timer1');
      process.nextTick(() => log('tick'));
    }, 1);
    setTimeout(() => log('timer2'), 1);
  },

  tickFromImmediateRunsBeforeNextImmediate: (log) => {
    setImmediate(() => {
      log('immediate1');
      process.nextTick(() => log('tick'));
    });
    setImmediate(() => log('immediate2'));
  },

  clearImmediateFromImmediate: (log) => {
    let second;
    setImmediate(() => {
      log('immediate1');
      clearImmediate(second);
    });
    second = setImmediate(() => log('immediate2'));
    setImmediate(() => log('immediate3'));
  },

  clearingTheLastImmediateStillRunsTheOthers: (log) => {
    let last;
    setImmediate(() => {
      log('immediate1');
      clearImmediate(last);
      setImmediate(() => log('queued by immediate1'));
    });
    setImmediate(() => log('immediate2'));
    last = setImmediate(() => log('cleared'));
  },

  overflowDelayBecomesOne: (log) => {
    setTimeout(() => log('overflow'), 2 ** 31);
    setTimeout(() => log('twenty'), 20);
  },

  negativeDelayBecomesOne: (log) => {
    setTimeout(() => log('negative'), -5);
    setTimeout(() => log('twenty'), 20);
  },

  closeCancelsTimer: (log) => {
    const t = setTimeout(() => log('closed'), 5);
    t.close();
    log('hasRef', t.hasRef());
    setTimeout(() => log('open'), 10);
  },

  immediateHasRefUntilItRuns: (log) => {
    const i = setImmediate(() => log('ran'));
    log('before', i.hasRef());
    setImmediate(() => log('after', i.hasRef()));
  },

  timersFromIoKeepCreationOrder: (log) => {
    fromIo(() => {
      setTimeout(() => log('b50'), 50);
      setTimeout(() => log('a1'), 1);
      setTimeout(() => log('c50'), 50);
      setImmediate(() => log('immediate'));
    });
  },
};
