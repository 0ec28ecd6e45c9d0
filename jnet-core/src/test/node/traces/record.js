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
let failed = 0;
for (const name of names) {
  let trace;
  try {
    trace = execFileSync(process.execPath, [path.join(__dirname, 'run.js'), suite, name], {
      timeout: 20000,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    // Keep recording the others; a scenario that fails or hangs is named and left unwritten.
    failed++;
    const why = e.signal ? 'killed by ' + e.signal + ' (timeout 20 s)' : 'exited ' + e.status;
    console.error(suite + '/' + name + ': NOT RECORDED, ' + why);
    if (e.stderr) console.error(String(e.stderr).split('\n').slice(0, 12).join('\n'));
    continue;
  }
  fs.writeFileSync(path.join(out, name + '.trace'), trace);
  console.log(suite + '/' + name + ': ' + trace.split('\n').length + ' lines');
}
if (failed) {
  console.error(failed + ' scenario(s) not recorded');
  process.exit(1);
}
