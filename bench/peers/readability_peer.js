// Runs Mozilla Readability (on linkedom's DOM) over a trafilatura-layout
// dataset (evaldata.json + html/NAME.gz) and writes one JSON line per page:
// {"id": URL, "title", "text", "published", "authors", "ms"} where "ms" is
// the CPU time (user + system, process.cpuUsage) of parseHTML +
// new Readability(doc).parse() alone (reading, gunzip and charset decoding
// are not timed), as our `Extract() alone` counts thread CPU time, so both
// are robust to other load on a shared machine. Node's own background
// threads (garbage collection) are included, as they work for this page.
// Usage: node readability_peer.js DATASET OUT.jsonl NODE_MODULES_PARENT
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { createRequire } = require('module');

const [dataset, outFile, scratch] = process.argv.slice(2);
const req = createRequire(path.join(path.resolve(scratch), 'package.json'));
const { Readability } = req('@mozilla/readability');
const { parseHTML } = req('linkedom');

// The page's declared charset (BOM, <meta charset>, http-equiv) in its first
// 4 KB, else UTF-8: what a browser would use without HTTP headers.
function decode(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  const head = bytes.subarray(0, 4096).toString('latin1');
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i);
  let label = m ? m[1].toLowerCase() : 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch (e) {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const gold = JSON.parse(fs.readFileSync(path.join(dataset, 'evaldata.json'), 'utf8'));
const out = fs.createWriteStream(outFile);
let pages = 0, failed = 0, totalMs = 0, slowest = 0, slowestId = '';
for (const [id, g] of Object.entries(gold)) {
  const file = g.file || id;
  let bytes;
  for (const p of [path.join(dataset, 'html', file + '.gz'), path.join(dataset, 'html', file)]) {
    if (fs.existsSync(p)) {
      bytes = fs.readFileSync(p);
      if (p.endsWith('.gz')) bytes = zlib.gunzipSync(bytes);
      break;
    }
  }
  if (!bytes) continue;
  const html = decode(bytes);
  let article = null;
  const t0 = process.cpuUsage();
  try {
    const { document } = parseHTML(html);
    article = new Readability(document).parse();
  } catch (e) {
    article = null;
  }
  const used = process.cpuUsage(t0);
  const ms = (used.user + used.system) / 1000;
  ++pages;
  totalMs += ms;
  if (ms > slowest) { slowest = ms; slowestId = id; }
  if (!article) ++failed;
  out.write(JSON.stringify({
    id,
    title: article ? article.title || '' : '',
    text: article ? article.textContent || '' : '',
    published: article ? article.publishedTime || '' : '',
    authors: article && article.byline ? [article.byline] : [],
    ms,
  }) + '\n');
}
out.end();
console.log(`readability ${pages} pages (${failed} without a result): ` +
            `${(pages / (totalMs / 1000)).toFixed(1)} pages/s on one core ` +
            `(parse + Readability alone, ${(totalMs / 1000).toFixed(1)} CPU s); ` +
            `slowest ${slowest.toFixed(1)} ms (${slowestId})`);
