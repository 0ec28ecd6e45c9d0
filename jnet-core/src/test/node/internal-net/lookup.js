'use strict';
// Prints dns.lookup(name, { all: true, family, hints }) for each argument "name:family:hints",
// one line each (hints defaults to 0):
//   name <TAB> family <TAB> ok <TAB> address/family,address/family...
//   name <TAB> family <TAB> error <TAB> code <TAB> errno <TAB> message
const dns = require('dns');
const args = process.argv.slice(2);
(function next(i) {
  if (i >= args.length) return;
  const [name, family, hints] = args[i].split(':');
  const options = { all: true, family: Number(family), hints: Number(hints || 0) };
  dns.lookup(name, options, (err, addresses) => {
    if (err) console.log([name, family, 'error', err.code, err.errno, err.message].join('\t'));
    else console.log([name, family, 'ok', addresses.map((a) => a.address + '/' + a.family).join(',')].join('\t'));
    next(i + 1);
  });
})(0);
