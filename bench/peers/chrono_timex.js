#!/usr/bin/env node
// chrono-node as a time-expression peer on TimeML documents.
//
// For every .tml file under GOLD_DIR: takes the plain text of <TEXT> (tags
// removed, the five XML entities decoded, exactly as our TimeML reader does)
// and its DCT, runs chrono.parse(text, dct) and reports chrono's speed over
// the parse calls only (documents/s, MB/s of UTF-8 text). With OUT_DIR it
// also writes each document back as TimeML with chrono's results as TIMEX3
// elements (same relative path, same text), so our scorer can grade it:
//
//   (cd bench/peers && npm install)          # chrono-node, pinned in package.json
//   node bench/peers/chrono_timex.js ../shared/data/timex/tbaq build/chrono-tbaq \
//       --ours build-bench/bench/timex_bench
//   build/wirewatch eval timex --timeml ../shared/data/timex/tbaq --system build/chrono-tbaq
//
// --ours runs our Google Benchmark on the same TBAQ texts (timex_bench reads
// them itself) right after chrono, and prints both speeds and the ratio.
//
// chrono only finds dates and times (no durations or sets). Its result is
// mapped to a TimeML value at the finest component it is certain of:
// hour -> TIME "YYYY-MM-DDTHH:MM", day or weekday -> DATE "YYYY-MM-DD",
// month -> "YYYY-MM", year -> "YYYY". A range ("from May to July") becomes
// two timexes, as TimeML annotates it.
'use strict';

const fs = require('fs');
const path = require('path');
const chrono = require('chrono-node');

function listTml(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, {withFileTypes: true})) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listTml(p));
    else if (e.name.endsWith('.tml')) out.push(p);
  }
  return out.sort();
}

const kEntities = {'&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"',
                   '&apos;': '\''};

// Same rules as ReadTimeml() in src/analyze/timeml.cc.
function plainText(body) {
  let s = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === '&') {
      let done = false;
      for (const [name, ch] of Object.entries(kEntities)) {
        if (body.startsWith(name, i)) {
          s += ch;
          i += name.length;
          done = true;
          break;
        }
      }
      if (!done) { s += '&'; ++i; }
      continue;
    }
    if (c !== '<') { s += c; ++i; continue; }
    const e = body.indexOf('>', i);
    if (e < 0) throw new Error('unterminated tag in <TEXT>');
    i = e + 1;
  }
  return s;
}

function readDoc(xml) {
  const dct = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml);
  if (!dct) throw new Error('no DCT timex');
  const v = /value="(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?/.exec(dct[0]);
  if (!v) throw new Error('unparsable DCT');
  const ref = new Date(+v[1], +v[2] - 1, +v[3], v[4] ? +v[4] : 12,
                       v[5] ? +v[5] : 0);
  const open = xml.indexOf('<TEXT>');
  const close = xml.lastIndexOf('</TEXT>');
  if (open < 0 || close < open) throw new Error('no <TEXT> element');
  return {ref, head: xml.slice(0, open), tail: xml.slice(close + 7),
          text: plainText(xml.slice(open + 6, close))};
}

const pad = (n, w) => String(n).padStart(w, '0');

function timexOf(c) {
  const y = pad(c.get('year'), 4);
  const mo = pad(c.get('month'), 2);
  const d = pad(c.get('day'), 2);
  if (c.isCertain('hour')) {
    return {type: 'TIME',
            value: `${y}-${mo}-${d}T${pad(c.get('hour'), 2)}:${pad(c.get('minute'), 2)}`};
  }
  if (c.isCertain('day') || c.isCertain('weekday')) {
    return {type: 'DATE', value: `${y}-${mo}-${d}`};
  }
  if (c.isCertain('month')) return {type: 'DATE', value: `${y}-${mo}`};
  return {type: 'DATE', value: y};
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
                      .replace(/>/g, '&gt;');

// TimeML with chrono's spans. A range result is split at its connective
// when both ends can be found in its text; otherwise only the start is kept.
function writeTimeml(doc, results) {
  const spans = [];
  for (const r of results) {
    if (r.end) {
      const m = /^(.*?)(\s*(?:-|–|to|through|until|and)\s*)(.*)$/i.exec(r.text);
      if (m && m[1] && m[3]) {
        spans.push({b: r.index, e: r.index + m[1].length, ...timexOf(r.start)});
        const b2 = r.index + m[1].length + m[2].length;
        spans.push({b: b2, e: r.index + r.text.length, ...timexOf(r.end)});
        continue;
      }
    }
    spans.push({b: r.index, e: r.index + r.text.length, ...timexOf(r.start)});
  }
  let out = doc.head + '<TEXT>';
  let at = 0;
  let tid = 1;
  for (const s of spans) {
    if (s.b < at) continue;  // chrono results never overlap; be safe
    out += esc(doc.text.slice(at, s.b));
    out += `<TIMEX3 tid="t${tid++}" type="${s.type}" value="${s.value}">` +
           esc(doc.text.slice(s.b, s.e)) + '</TIMEX3>';
    at = s.e;
  }
  out += esc(doc.text.slice(at)) + '</TEXT>' + doc.tail;
  return out;
}

// Runs our timex_bench and returns its bytes per second (CPU time).
function oursBytesPerSecond(benchPath) {
  const {execFileSync} = require('child_process');
  const out = execFileSync(benchPath, ['--benchmark_format=json'],
                           {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']});
  const bm = JSON.parse(out).benchmarks.find((b) => b.name === 'BM_TimexTag');
  if (!bm) throw new Error('BM_TimexTag not found in ' + benchPath);
  return bm.bytes_per_second;
}

function main() {
  const args = process.argv.slice(2);
  let oursPath = null;
  const at = args.indexOf('--ours');
  if (at >= 0) {
    oursPath = args[at + 1];
    args.splice(at, 2);
  }
  const [goldDir, outDir] = args;
  if (!goldDir || (at >= 0 && !oursPath)) {
    console.error('usage: chrono_timex.js GOLD_DIR [OUT_DIR] [--ours TIMEX_BENCH]');
    process.exit(2);
  }
  const files = listTml(goldDir);
  const docs = files.map((f) => readDoc(fs.readFileSync(f, 'utf8')));
  let bytes = 0;
  for (const d of docs) bytes += Buffer.byteLength(d.text, 'utf8');
  // One untimed pass warms the JIT; the timed passes repeat until ~2 s.
  const results = docs.map((d) => chrono.parse(d.text, d.ref));
  // CPU time of this process (as Google Benchmark reports ours), so a
  // busy shared machine does not inflate either side; wall time is shown
  // too.
  let passes = 0;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  let wall = 0;
  while (wall < 3 || passes < 3) {
    for (const d of docs) chrono.parse(d.text, d.ref);
    ++passes;
    wall = Number(process.hrtime.bigint() - t0) / 1e9;
  }
  const cpu = process.cpuUsage(c0);
  const secs = (cpu.user + cpu.system) / 1e6;
  const found = results.reduce((n, r) => n + r.length, 0);
  const version = JSON.parse(fs.readFileSync(
      path.join(__dirname, 'node_modules/chrono-node/package.json'))).version;
  console.log(`chrono-node ${version}: ` +
              `${docs.length} documents, ${bytes} bytes, ${found} results`);
  console.log(`speed ${(docs.length * passes / secs).toFixed(0)} docs/s, ` +
              `${(bytes * passes / secs / 1e6).toFixed(2)} MB/s ` +
              `(${passes} passes, ${secs.toFixed(2)} s CPU, ` +
              `${wall.toFixed(2)} s wall, one thread)`);
  if (oursPath) {
    const chronoBps = bytes * passes / secs;
    const oursBps = oursBytesPerSecond(oursPath);
    console.log(`ours (${oursPath}): ${(oursBps / 1e6).toFixed(2)} MB/s, ` +
                `${(oursBps / bytes * docs.length).toFixed(0)} docs/s ` +
                `-> ${(oursBps / chronoBps).toFixed(1)}x chrono-node`);
  }
  if (outDir) {
    files.forEach((f, i) => {
      const out = path.join(outDir, path.relative(goldDir, f));
      fs.mkdirSync(path.dirname(out), {recursive: true});
      fs.writeFileSync(out, writeTimeml(docs[i], results[i]));
    });
    console.log(`TimeML written under ${outDir}`);
  }
}

main();
