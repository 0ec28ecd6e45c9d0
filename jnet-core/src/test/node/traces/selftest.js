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
  strings: (log) => {
    log('empty', '');
    log('escapes', '\\ \b\f\n\r\t \u0000\u0001\u001f \u007f');
    log('unicode', 'é€😀 \u2028\u2029 \ufffd');
    log('lone surrogates', '\ud83d', '\ude00', 'a\ud83dz', '\ude00\ud83d');
    log('event name is raw', 'x');
  },
  numbers: (log) => {
    log('integers', 0, -0, 1, -1, 1.0, 2 ** 31, 2 ** 53);
    log('fractions', 0.1, -2.5, 1 / 3, 123.456);
    log('exponents', 1e21, 1.5e21, 1e-7, 1.25e-7, 0.000001, 1e300);
    log('specials', NaN, Infinity, -Infinity);
  },
  nesting: (log) => {
    log('arrays', [], [[1, 2], []], ['x', null, undefined, false]);
    const plain = new Error('no code');
    log('error without code', plain, new RangeError('out'));
  },
};
