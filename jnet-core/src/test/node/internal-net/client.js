'use strict';
// A Node client for jnet's handle tests: connects to 127.0.0.1:PORT (or a Unix socket PATH),
// writes "ping", ends its side, and prints each event on a line of its own.
const net = require('net');
const target = process.argv[2];
const c = /^\d+$/.test(target) ? net.connect(Number(target), '127.0.0.1') : net.connect(target);
c.setEncoding('utf8');
c.on('connect', () => c.end('ping'));
c.on('data', (d) => console.log('data ' + d));
c.on('end', () => console.log('end'));
c.on('error', (e) => console.log('error ' + e.code + ' ' + e.message));
c.on('close', (hadError) => console.log('close ' + hadError));
