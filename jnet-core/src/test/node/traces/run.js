'use strict';
// node run.js SUITE SCENARIO: runs one scenario of SUITE.js and prints its trace.
// A suite file exports { name: (log) => { ... } }. A scenario's trace is everything it logs
// until the process would exit by itself: everything it opens it must close.
const path = require('path');
const { log } = require('./trace');
const [suite, name] = process.argv.slice(2);
const scenarios = require(path.join(__dirname, suite + '.js'));
if (!scenarios[name]) {
  console.error('no scenario ' + name + ' in ' + suite);
  process.exit(2);
}
scenarios[name](log);
