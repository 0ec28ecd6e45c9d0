'use strict';
// Writes Node's answers for jnet's BlockList and SocketAddress tests to
// jnet-core/src/test/resources/blocklist/vectors.txt (or to the file given as the first argument).
//
//   node jnet-core/src/test/node/blocklist/vectors.js [outFile]
//
// Each line is one case: a small program of operations, a tab, and Node's answer to each
// operation. Operations are separated by " ; ", their words by one space; every word (argument
// or answer) is written with encodeURIComponent, and "@none" stands for an omitted argument.
//   new ADDRESS PORT FAMILY FLOWLABEL   new SocketAddress({...}) -> S:address,port,family,flowlabel
//   parse INPUT                         SocketAddress.parse      -> S:... or undefined
//   addAddress A FAMILY | addRange S E FAMILY | addSubnet NET PREFIX FAMILY
//   removeAddress A FAMILY | removeRange S E FAMILY | removeSubnet NET PREFIX FAMILY
//   addAddressSA A FAMILY | addRangeSA S SF E EF | addSubnetSA NET FAMILY PREFIX | checkSA A FAMILY
//                                       the same with SocketAddress arguments
//   check A FAMILY                      -> true or false
//   addCIDR C | removeCIDR C | clear
//   size                                -> the number of rules
//   rules                               -> R: the rules joined by " | "
// Any operation may answer E:CODE:message (it threw); an operation that returns nothing
// answers ok. The cases come from hand-picked lists plus a fixed-seed PRNG.

const fs = require('fs');
const path = require('path');
const { BlockList, SocketAddress } = require('net');

const out = process.argv[2] ||
  path.join(__dirname, '..', '..', 'resources', 'blocklist', 'vectors.txt');

let seed = 0x626c6b; // "blk"
function random() {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];

const enc = (w) => (w === undefined ? '@none' : encodeURIComponent(String(w)));
const arg = (w) => (w === undefined ? undefined : w);
const sa = (address, family) => new SocketAddress({ address, family });
const show = (s) => (s === undefined ? 'undefined' :
  `S:${s.address},${s.port},${s.family},${s.flowlabel}`);

function run(ops) {
  const list = new BlockList();
  const answers = [];
  for (const [name, ...a] of ops) {
    let answer;
    try {
      switch (name) {
        case 'new': {
          const o = {};
          if (a[0] !== undefined) o.address = a[0];
          if (a[1] !== undefined) o.port = a[1];
          if (a[2] !== undefined) o.family = a[2];
          if (a[3] !== undefined) o.flowlabel = a[3];
          answer = show(new SocketAddress(o));
          break;
        }
        case 'parse': answer = show(SocketAddress.parse(a[0])); break;
        case 'check': answer = String(list.check(a[0], ...(a[1] === undefined ? [] : [a[1]]))); break;
        case 'checkSA': answer = String(list.check(sa(a[0], a[1]))); break;
        case 'rules': answer = 'R:' + list.rules.join(' | '); break;
        case 'size': answer = String(list.size); break;
        case 'clear': list.clear(); answer = 'ok'; break;
        case 'addAddressSA': list.addAddress(sa(a[0], a[1])); answer = 'ok'; break;
        case 'addRangeSA': list.addRange(sa(a[0], a[1]), sa(a[2], a[3])); answer = 'ok'; break;
        case 'addSubnetSA': list.addSubnet(sa(a[0], a[1]), a[2]); answer = 'ok'; break;
        case 'addSubnet':
        case 'removeSubnet': {
          const args = [a[0], a[1]];
          if (a[2] !== undefined) args.push(a[2]);
          list[name](...args);
          answer = 'ok';
          break;
        }
        default: {
          const args = a.slice();
          while (args.length && args[args.length - 1] === undefined) args.pop();
          list[name](...args);
          answer = 'ok';
        }
      }
    } catch (e) {
      answer = `E:${e.code}:${e.message}`;
    }
    answers.push(answer);
  }
  return answers;
}

const lines = [];
function emit(ops) {
  const answers = run(ops);
  const program = ops.map(([name, ...a]) => [name, ...a.map(enc)].join(' ')).join(' ; ');
  lines.push(program + '\t' + answers.map(enc).join(' ; '));
}

// ------------------------------------------------------------------ SocketAddress

const ADDRESSES = [
  undefined, '127.0.0.1', '1.2.3.4', '0.0.0.0', '255.255.255.255', '01.2.3.4', '1.2.3', '1.2.3.4.5',
  '256.1.1.1', ' 1.2.3.4', '1.2.3.4 ', '', 'foo', 'localhost', '::', '::1', '::2', '::ffff:1.2.3.4',
  '::1.2.3.4', '::0.0.0.2', '1:0:0:1:0:0:0:1', '1:0:0:0:1:0:0:0', 'fe80::1%eth0', 'fe80::1%',
  'fe80::1%1', 'FE80::A', '2001:DB8::1', '::ffff:0:1.2.3.4', '0:0:0:0:0:1:1.2.3.4',
  '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1::2::3',
  ':1::', '1::2:', '12345::', '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4', '::ffff:1.2.3',
  '[::1]', '0:0:0:0:0:0:0:0', '0:0:0:0:0:0:0:1', 'a:b:c:d:e:f:a:b', '1:0:0:2:0:0:0:3',
];
const FAMILIES = [undefined, 'ipv4', 'ipv6', 'IPv4', 'IPV6', 'foo', ''];
for (const address of ADDRESSES) {
  for (const family of FAMILIES) emit([['new', address, undefined, family, undefined]]);
}
for (const port of [0, 1, 80, 65535, 65536, -1]) emit([['new', '1.2.3.4', port, 'ipv4', undefined]]);
// A valid uint32 flow label above 0xfffff (IPv6) or 0x7fffffff (any family) aborts Node 24's
// process: those are not asked here.
for (const label of [0, 1, 0xfffff, 0x100000, 0x7fffffff, 4294967295, 4294967296, -1, 1.5]) {
  const valid = label >= 0 && label <= 4294967295 && Number.isInteger(label);
  if (!valid || label <= 0xfffff) emit([['new', '::1', 443, 'ipv6', label]]);
  if (!valid || label <= 0x7fffffff) emit([['new', '1.2.3.4', 443, 'ipv4', label]]);
}

const PARSE = [
  '1.2.3.4', '192.168.257:1', '256', '999999999:12', '0xffffffff', '0x.0x.0', '[1:0::]',
  '[1::8]:123', '127.0.0.1:80', '127.0.0.1:443', '[::1]:80', '[::1]:443', 'user:80@1.2.3.4',
  'user:80@1.2.3.4:80', 'user:80@1.2.3.4:123', 'user:80@[::1]', 'user:80@[::1]:80',
  'user:80@[::1]:123', 'not an ip', 'abc.123', '259.1.1.1', '12:12:12', '1.2.3.4/foo',
  '1.2.3.4:8080/x?y', '1.2.3.4#frag', '1.2.3.4?q', '1.2.3.4\\x', 'example.com:1', ' 1.2.3.4',
  '1.2.3.4 ', '1.2.3.4\t', '1.2.\t3.4', '1.2.3.4:65535', '1.2.3.4:65536', '[::1]:0', '1.2.3.4:',
  '0x7f.1', '1.2.3.4:00080', '1.2.3.4:0443', '[::ffff:1.2.3.4]', '[::ffff:102:304]', '%31.2.3.4',
  '1.2.3.4.', '1.2.3.4..', '0', '4294967295', '4294967296', '0x100000000', '0377.1', '08.1',
  '09', '1.0x', '1.0xg', '0x', '[::1', '::1', '[::1]x', '[fe80::1%25eth0]', '1.2.3.4:-1',
  '1.2.3.4:1e2', 'a@b@1.2.3.4', '@1.2.3.4', ':80', '', '1.2.3.4:+80', '1.2.3.4::80',
  '[1:2:3:4:5:6:7:8:9]', '[1::2::3]', '[::1.2.3.4]', '[::1.2.3]', '[1:2:3:4:5:6:1.2.3.4]',
  '[0:0:0:0:0:0:0:1]', '[A::B]', 'ＡＢ', '１.２.３.４', '0X7F.0.0.1', '1.1.1.1:8O',
];
for (const input of PARSE) emit([['parse', input]]);

// ------------------------------------------------------------------ BlockList

const V4 = ['1.1.1.1', '1.1.1.2', '1.1.1.10', '10.0.0.0', '10.0.0.31', '10.0.0.32', '0.0.0.0',
  '255.255.255.255', '192.168.0.3', '9.9.9.9'];
const V6 = ['::', '::1', '::f', '::10', '::ffff:1.1.1.1', '::ffff:1.1.1.2', '::ffff:10.0.0.5',
  '::ffff:0a00:0002', '8592:757c:efae:4e45::f', '8592:757c:efae:4e45:f::', '8592:757c:efae:4f45::f',
  'fe80::1', 'fe80::1%eth0', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '::1.1.1.1',
  '::ffff:0:1.1.1.1'];
const BAD = ['foo', '', '1.1.1', '1.1.1.1.1', '::g', '01.1.1.1'];
const anyAddress = () => (int(10) < 5 ? [pick(V4), pick(['ipv4', undefined, 'IPv4'])] :
  int(10) < 9 ? [pick(V6), pick(['ipv6', 'IPV6'])] : [pick(BAD), pick(['ipv4', 'ipv6', 'x'])]);

// Validation of every entry point.
for (const family of ['ipv4', 'ipv6', 'foo', 'IPv6', undefined]) {
  for (const a of ['1.1.1.1', '::1', 'foo', '']) {
    emit([['addAddress', a, family], ['rules']]);
    emit([['removeAddress', a, family], ['rules']]);
    emit([['check', a, family]]);
    emit([['addRange', a, a, family], ['rules']]);
    emit([['removeRange', a, a, family], ['rules']]);
    for (const prefix of [0, 1, 8, 31, 32, 33, 64, 127, 128, 129, -1]) {
      emit([['addSubnet', a, prefix, family], ['rules']]);
    }
  }
}
emit([['addRange', '1.1.1.2', '1.1.1.1'], ['rules']]);
emit([['addRange', '1.1.1.1', '1.1.1.1'], ['rules'], ['check', '1.1.1.1']]);
emit([['addRange', '::2', '::1', 'ipv6'], ['rules']]);
emit([['addRange', '1.1.1.1', '::1']]);
emit([['addRangeSA', '::1', 'ipv6', '1.1.1.9', 'ipv4'], ['rules'], ['check', '1.1.1.5'],
  ['check', '::5', 'ipv6'], ['check', '::ffff:1.1.1.5', 'ipv6']]);
emit([['addRangeSA', '::ffff:1.1.1.5', 'ipv6', '1.1.1.9', 'ipv4'], ['rules'], ['check', '1.1.1.5'],
  ['check', '1.1.1.9'], ['check', '1.1.1.10'], ['check', '::ffff:1.1.1.7', 'ipv6']]);
emit([['addRangeSA', '1.1.1.1', 'ipv4', '::ffff:1.1.1.3', 'ipv6'], ['rules'],
  ['check', '1.1.1.2'], ['check', '::ffff:1.1.1.2', 'ipv6']]);
emit([['addRangeSA', '1.1.1.9', 'ipv4', '::ffff:1.1.1.3', 'ipv6'], ['rules']]);
emit([['addRangeSA', '::ffff:1.1.1.9', 'ipv6', '1.1.1.3', 'ipv4'], ['rules']]);
emit([['addSubnetSA', '::ffff:1.1.1.0', 'ipv6', 120], ['rules'], ['check', '1.1.1.200'],
  ['check', '1.1.2.1'], ['check', '::ffff:1.1.1.9', 'ipv6']]);
emit([['addSubnetSA', '1.1.1.0', 'ipv4', 33]]);
emit([['addSubnetSA', '::', 'ipv6', 129]]);
emit([['addSubnetSA', '::', 'ipv6', 100], ['rules']]);
emit([['addAddressSA', '::ffff:1.1.1.2', 'ipv6'], ['check', '1.1.1.2'], ['checkSA', '1.1.1.2', 'ipv4'],
  ['checkSA', '::ffff:1.1.1.2', 'ipv6'], ['rules']]);

// Duplicates, removal and rule order.
emit([['addAddress', '1.1.1.1'], ['addAddress', '1.1.1.1'], ['rules']]);
emit([['addAddress', '1.1.1.1'], ['addAddress', '1.1.1.2'], ['addAddress', '1.1.1.1'], ['rules']]);
emit([['addAddress', '1.1.1.1'], ['addAddress', '::ffff:1.1.1.1', 'ipv6'], ['rules'],
  ['removeAddress', '1.1.1.1'], ['rules'], ['check', '1.1.1.1']]);
emit([['addRange', '1.1.1.1', '1.1.1.5'], ['addRange', '1.1.1.1', '1.1.1.5'], ['rules'],
  ['removeRange', '1.1.1.1', '1.1.1.5'], ['rules'], ['check', '1.1.1.3']]);
emit([['addRange', '1.1.1.1', '1.1.1.5'], ['removeRange', '1.1.1.1', '1.1.1.6'], ['rules']]);
emit([['addSubnet', '1.1.1.0', 24], ['addSubnet', '1.1.1.0', 24], ['addSubnet', '1.1.1.0', 16],
  ['rules'], ['removeSubnet', '1.1.1.0', 24], ['rules'], ['removeSubnet', '1.1.1.1', 16], ['rules']]);
emit([['addSubnet', '1.1.1.7', 24], ['rules'], ['check', '1.1.1.200']]);
emit([['addSubnet', '8592:757c:efae:4e45::', 64, 'ipv6'],
  ['removeSubnet', '8592:757c:efae:4e45::', 32, 'ipv6'], ['rules']]);
emit([['addAddress', '1.1.1.1'], ['addRange', '10.0.0.1', '10.0.0.10'],
  ['addSubnet', '8592:757c:efae:4e45::', 64, 'IpV6'], ['rules']]);
emit([['removeAddress', '1.1.1.1'], ['removeRange', '1.1.1.1', '1.1.1.2'],
  ['removeSubnet', '1.1.1.0', 24], ['rules']]);
emit([['removeSubnet', '1.1.1.0', 33], ['removeSubnet', '1.1.1.0', -1],
  ['removeSubnet', '::', 129, 'ipv6'], ['removeSubnet', 'foo', 1]]);

// CIDR text, clear and size.
for (const cidr of ['10.0.0.0/8', '::1/128', '1.2.3.4', '1.2.3.4/', '1.2.3.4/08', '1.2.3.4/33',
  '/8', 'foo/8', '1.2.3.4/8/9', '::ffff:1.2.3.4/96', '1.2.3.4/ 8', '1.2.3.4/+8', '1.2.3.4/-0',
  '1.2.3.4/-1', '1.2.3.4/0x8', '1.2.3.4/99999999999', 'foo/99999999999', 'fe80::/10', 'fe80::/129',
  '1.2.3.4/32', '1.2.3.4/0', '', '/', '1.2.3.4/1e1', '1.2.3.4/8.0']) {
  emit([['addCIDR', cidr], ['rules'], ['size'], ['removeCIDR', cidr], ['rules'], ['size']]);
}
emit([['addCIDR', '10.0.0.0/8'], ['addAddress', '1.1.1.1'], ['addRange', '2.2.2.2', '2.2.2.9'],
  ['size'], ['clear'], ['size'], ['rules'], ['check', '10.1.1.1'], ['addCIDR', '::/0'], ['size'],
  ['check', '::1', 'ipv6'], ['check', '1.1.1.1'], ['check', '::ffff:1.1.1.1', 'ipv6']]);

// Boundaries of every prefix length, both families, with mapped addresses.
for (let prefix = 0; prefix <= 32; prefix++) {
  const ops = [['addSubnet', '10.20.30.40', prefix]];
  for (const a of ['10.20.30.40', '10.20.30.41', '10.20.31.40', '10.21.30.40', '11.20.30.40',
    '138.20.30.40', '0.0.0.0', '255.255.255.255', '10.20.30.0', '10.20.30.63', '10.20.30.64']) {
    ops.push(['check', a]);
  }
  ops.push(['check', '::ffff:10.20.30.41', 'ipv6'], ['check', '::10.20.30.41', 'ipv6']);
  emit(ops);
}
for (const prefix of [0, 1, 7, 8, 9, 15, 16, 17, 48, 51, 63, 64, 65, 95, 96, 97, 104, 119, 120,
  121, 127, 128]) {
  const ops = [['addSubnet', '8592:757c:efaf:1234:5678:9abc:def0:1234', prefix, 'ipv6']];
  for (const a of ['8592:757c:efaf:1234:5678:9abc:def0:1234', '8592:757c:efaf:1234:5678:9abc:def0:1235',
    '8592:757c:efaf:1234:5678:9abc:def0:ffff', '8592:757c:efaf:1234:5678:9abc:ffff:1234',
    '8592:757c:efaf:1fff:ffff:ffff:ffff:ffff', '8592:757c:efaf:2000::', '8592:757c:efae::',
    '8593::', '0592::', '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']) {
    ops.push(['check', a, 'ipv6']);
  }
  ops.push(['check', '10.20.30.40']);
  emit(ops);
}
for (const prefix of [0, 8, 16, 80, 96, 100, 104, 112, 120, 127, 128]) {
  const ops = [['addSubnet', '::ffff:10.20.30.40', prefix, 'ipv6']];
  for (const a of ['10.20.30.40', '10.20.30.41', '10.20.31.40', '10.21.30.40', '138.20.30.40',
    '0.0.0.0']) {
    ops.push(['check', a]);
  }
  ops.push(['check', '::ffff:10.20.30.41', 'ipv6'], ['check', '::10.20.30.40', 'ipv6'],
    ['check', '::1', 'ipv6']);
  emit(ops);
}
for (const prefix of [0, 1, 8, 24, 31, 32]) {
  const ops = [['addSubnet', '10.20.30.40', prefix]];
  for (const a of ['::ffff:10.20.30.40', '::ffff:10.20.30.41', '::ffff:10.21.30.40', '::10.20.30.40',
    '::ffff:138.20.30.40', '::1', 'ffff::']) {
    ops.push(['check', a, 'ipv6']);
  }
  emit(ops);
}

// Checks with odd input against a populated list.
{
  const setup = [['addAddress', '1.1.1.1'], ['addAddress', 'fe80::1', 'ipv6'],
    ['addRange', '10.0.0.2', '10.0.0.10'], ['addSubnet', '8592:757c:efae:4e45::', 64, 'ipv6']];
  for (const [a, f] of [['1.1.1.1', 'ipv6'], ['::1', 'ipv4'], ['fe80::1%eth0', 'ipv6'],
    ['fe80::1%', 'ipv6'], ['FE80::1', 'ipv6'], ['fe80::01', 'ipv6'], ['1.1.1.1', 'foo'],
    ['1.1.1.1', 'IPV4'], ['1.1.1.1', ''], ['1.1.1.1', 'x'], ['::ffff:1.1.1.1', 'ipv4'],
    ['01.1.1.1', 'ipv4'], [' 1.1.1.1', 'ipv4'], ['1.1.1.1 ', 'ipv4'], ['foo', 'ipv4'],
    ['', 'ipv6'], ['::ffff:0a00:0002', 'ipv6'], ['::ffff:0a00:000a', 'ipv6'],
    ['::ffff:0a00:000b', 'ipv6'], ['::ffff:10.0.0.1', 'ipv6'], ['::10.0.0.5', 'ipv6']]) {
    emit([...setup, ['check', a, f]]);
  }
}

// Random programs.
for (let n = 0; n < 600; n++) {
  const ops = [];
  const steps = 1 + int(5);
  for (let s = 0; s < steps; s++) {
    const kind = int(10);
    if (kind < 3) {
      const [a, f] = anyAddress();
      ops.push(['addAddress', a, f]);
    } else if (kind < 5) {
      const [a, f] = anyAddress();
      const [b] = f && f.toLowerCase() === 'ipv6' ? [pick(V6)] : [pick(V4)];
      ops.push(['addRange', a, b, f]);
    } else if (kind < 7) {
      const [a, f] = anyAddress();
      const six = f && f.toLowerCase() === 'ipv6';
      ops.push(['addSubnet', a, six ? int(130) : int(34), f]);
    } else if (kind < 8) {
      const [a, f] = anyAddress();
      const remove = pick(['removeAddress', 'removeRange', 'removeSubnet']);
      if (remove === 'removeAddress') ops.push([remove, a, f]);
      else if (remove === 'removeRange') ops.push([remove, a, a, f]);
      else ops.push([remove, a, int(33), f]);
    } else {
      ops.push(['rules']);
    }
  }
  for (let c = 0; c < 6; c++) {
    const [a, f] = anyAddress();
    ops.push(['check', a, f]);
  }
  ops.push(['rules']);
  emit(ops);
}

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(`${lines.length} cases written to ${path.relative(process.cwd(), out)}`);
