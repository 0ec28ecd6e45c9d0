'use strict';
// Prints dns.lookup(name, { all: true, family }) for each argument "name:family", one line each:
//   name <TAB> family <TAB> ok <TAB> address/family,address/family...
//   name <TAB> family <TAB> error <TAB> code <TAB> errno <TAB> message
const dns = require('dns');
const args = process.argv.slice(2);
(function next(i) {
  if (i >= args.length) return;
  const [name, family] = args[i].split(':');
  dns.lookup(name, { all: true, family: Number(family) }, (err, addresses) => {
    if (err) console.log([name, family, 'error', err.code, err.errno, err.message].join('\t'));
    else console.log([name, family, 'ok', addresses.map((a) => a.address + '/' + a.family).join(',')].join('\t'));
    next(i + 1);
  });
})(0);
