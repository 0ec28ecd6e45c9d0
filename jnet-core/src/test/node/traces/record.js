'use strict';
// node record.js SUITE [SCENARIO...]: runs each scenario of SUITE.js in a fresh node process
// and writes its trace to jnet-core/src/test/resources/traces/SUITE/SCENARIO.trace.
// Re-run it after changing a scenario; commit the traces with the script.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const [suite, ...only] = process.argv.slice(2);
if (!suite) {
  console.error('usage: node record.js SUITE [SCENARIO...]');
  process.exit(2);
}
const names = only.length ? only : Object.keys(require(path.join(__dirname, suite + '.js')));
const out = path.join(__dirname, '..', '..', 'resources', 'traces', suite);
fs.mkdirSync(out, { recursive: true });
for (const name of names) {
  const trace = execFileSync(process.execPath, [path.join(__dirname, 'run.js'), suite, name], {
    timeout: 20000,
    encoding: 'utf8',
  });
  fs.writeFileSync(path.join(out, name + '.trace'), trace);
  console.log(suite + '/' + name + ': ' + trace.split('\n').length + ' lines');
}
