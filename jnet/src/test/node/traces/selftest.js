'use strict';
// The harness's own suite: one scenario per formatting rule.
module.exports = {
  formats: (log) => {
    log('values', undefined, null, true, 12, 'a"b', Buffer.from('hi'), Buffer.alloc(0));
    const e = new Error('x');
    e.code = 'ECODE';
    log('errors', e, new TypeError('boom'));
    log('array', [1, 'a', Buffer.from([0xff])]);
    setImmediate(() => log('later'));
  },
};
