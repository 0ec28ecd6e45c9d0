'use strict';
// node selftest.js [N] [FLOOD_BYTES]: runs the interop programs Node against Node and exits 0 when
// every run is ok: server.js + client.js with N bytes each way (default 104857600) over TCP and over
// a unix socket, then sink.js + flood.js with FLOOD_BYTES (default 1073741824) over both.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const N = process.argv[2] || '104857600';
const FLOOD = process.argv[3] || '1073741824';
const here = (f) => path.join(__dirname, f);

// run(prog, args): spawns a program; { listening, result } promise the text after "listening "
// and, once it exits, { code, json } with its last stdout line parsed.
function run(prog, args) {
  const child = spawn(process.execPath, [here(prog), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let onListening;
  const listening = new Promise((r) => (onListening = r));
  child.stdout.on('data', (d) => {
    out += d;
    const m = /^listening (.*)$/m.exec(out);
    if (m) onListening(m[1]);
  });
  const result = new Promise((r) =>
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop();
      r({ code, json: JSON.parse(last) });
    })
  );
  return { listening, result };
}

async function pair(serverProg, clientProg, transport, dir, size) {
  const addr = transport === 'tcp' ? 'tcp:0' : 'unix:' + path.join(dir, serverProg + '.sock');
  const server = run(serverProg, serverProg === 'server.js' ? [addr, size] : [addr]);
  const where = await server.listening;
  const client = run(clientProg, [transport === 'tcp' ? 'tcp:' + where : 'unix:' + where, size]);
  const [s, c] = await Promise.all([server.result, client.result]);
  const ok = s.code === 0 && c.code === 0 && s.json.ok && c.json.ok;
  console.log((ok ? 'ok   ' : 'FAIL ') + serverProg + ' + ' + clientProg + ' over ' + transport + ' ' + size);
  console.log('  ' + JSON.stringify(s.json));
  console.log('  ' + JSON.stringify(c.json));
  return ok;
}

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jnet-interop-'));
  let ok = true;
  try {
    for (const t of ['tcp', 'unix']) ok = (await pair('server.js', 'client.js', t, dir, N)) && ok;
    for (const t of ['tcp', 'unix']) ok = (await pair('sink.js', 'flood.js', t, dir, FLOOD)) && ok;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exitCode = ok ? 0 : 1;
})();
