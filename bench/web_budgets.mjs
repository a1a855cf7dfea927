// The browser budgets of the playground and the embed module (issue 4, §6),
// measured on this machine with headless Debian Chromium and Node:
//
//   sizes        gzip transfer size: playground (wasm + js) <= 1.5 MB,
//                embed module (wasm + js + loader) <= 400 KB
//   first-frame  navigation start -> the playground's first frame <= 1.5 s
//   workloads    W1-W5 (bench/README.md): the engine compiled to Wasm
//                (aio_bench.js) in Node and in Chromium, against Node's own
//                async/await (bench/bench_node.mjs) and the same file run in
//                Chromium (its Node-only parts swapped for browser ones)
//   frame        time our code spends per frame (events, loop work, building
//                the UI: aioTest.frameCostMs) with 10,000 live tasks and the
//                timeline on screen <= 8 ms
//
//   node bench/web_budgets.mjs [--site DIR] [--bench-js FILE] [--only sizes,first-frame,workloads,frame]
//                              [--runs N] [--quick] [--markdown] [--build-bench]
//
// --site: the built site (default build/wasm/site); --bench-js: aio_bench.js
// built with Emscripten (default: the first of build/{web-bench,wasm,embed-wasm}/bench);
// --build-bench configures and builds it in build/web-bench. --quick: small
// workload sizes and one run per cell. Measurements, not tests: nothing fails
// on a missed budget; the table says which are met.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

import { CHROMIUM, CHROMIUM_ARGS, loadPlaywright } from '../tests/browser/lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');

// --- options -------------------------------------------------------------------------

function parseArgs(argv) {
  const o = { site: null, benchJs: null, only: ['sizes', 'first-frame', 'workloads', 'frame'], runs: 3, quick: false, markdown: false, buildBench: false };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--site') o.site = next();
    else if (a === '--bench-js') o.benchJs = next();
    else if (a === '--only') o.only = next().split(',');
    else if (a === '--runs') o.runs = Number(next());
    else if (a === '--quick') o.quick = true;
    else if (a === '--markdown') o.markdown = true;
    else if (a === '--build-bench') o.buildBench = true;
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown argument ${a}`);
  }
  if (o.quick && !argv.includes('--runs')) o.runs = 1;
  return o;
}

function usage(msg) {
  if (msg) console.error(`web_budgets: ${msg}`);
  console.error(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).slice(0, 25).map((l) => l.slice(3)).join('\n'));
  process.exit(msg ? 2 : 0);
}

const opts = parseArgs(process.argv.slice(2));
const SITE = path.resolve(opts.site || path.join(REPO, 'build/wasm/site'));
const MB = 1e6, KB = 1e3;

const BUDGETS = {
  playgroundBytes: 1.5 * MB,
  embedBytes: 400 * KB,
  firstFrameMs: 1500,
  frameMs: 8,
};

// The issue's sizes (bench/README.md), or small ones for --quick.
const SIZES = opts.quick
  ? ['n1=20000', 'm2=100', 'k2=100', 'n3=10000', 'n4=100000', 'q4=100', 'd5=100', 'r5=1000']
  : [];
const WORKLOADS = ['W1', 'W2', 'W3', 'W4', 'W5'];

// --- small helpers --------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const fmtBytes = (n) => (n >= MB ? `${(n / MB).toFixed(2)} MB` : `${(n / KB).toFixed(0)} KB`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.error(...a);  // progress on stderr; the tables on stdout

function machine() {
  const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/) || [])[1] || os.cpus()[0]?.model || '?';
  const emcc = spawnSync('em++', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] || '?';
  return {
    cpu: cpu.trim(),
    cores: os.cpus().length,
    memGiB: (os.totalmem() / 2 ** 30).toFixed(0),
    os: (fs.readFileSync('/etc/os-release', 'utf8').match(/PRETTY_NAME="(.+)"/) || [])[1] || os.platform(),
    node: process.version,
    emcc: emcc.replace(/^emcc \(Emscripten gcc\/clang-like replacement[^)]*\)\s*/, 'Emscripten ').replace(/\s*\(\)$/, ''),
    load: os.loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

// Parses the bench protocol: "NAME N SECONDS NS_PER_OP PEAK_RSS_KB [...]".
// Each workload runs twice in a row in one process (only=W1,W1,...): the
// first run is "cold" (fresh process: the JIT and the Wasm tiers are still
// warming up, the heap is still growing), the second "warm".
function parseBench(text) {
  const rows = {};
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || !/^[WM]\d_/.test(f[0])) continue;
    const w = f[0].slice(0, 2);
    const mode = rows[`${w} cold`] ? 'warm' : 'cold';
    rows[`${w} ${mode}`] = { n: Number(f[1]), seconds: Number(f[2]), nsPerOp: Number(f[3]) };
  }
  return rows;
}

// Best (lowest ns/op) of several runs, per workload.
function best(runs) {
  const out = {};
  for (const r of runs) for (const [w, v] of Object.entries(r)) if (!out[w] || v.nsPerOp < out[w].nsPerOp) out[w] = v;
  return out;
}

// --- a static server for the site and the benchmark pages --------------------------------

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

function startServer(routes) {
  // routes: { '/prefix/': directory } and generated pages { '/path': () => [type, body] }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    const page = routes.pages[url.pathname];
    if (page) return send(200, ...page());
    for (const [prefix, dir] of Object.entries(routes.dirs)) {
      if (!url.pathname.startsWith(prefix)) continue;
      let file = path.join(dir, decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html');
      if (!file.startsWith(dir)) return send(403, 'text/plain', 'no');
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      if (!fs.existsSync(file)) continue;
      return send(200, TYPES[path.extname(file)] || 'application/octet-stream', fs.readFileSync(file));
    }
    send(404, 'text/plain', 'not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

// --- sizes -------------------------------------------------------------------------------

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function measureSizes() {
  const groups = [
    ['playground (wasm + js)', ['aio-playground.wasm', 'aio-playground.js'], BUDGETS.playgroundBytes, ['index.html']],
    // What the first Run fetches; the loader (aio-embed.js) comes with the page.
    ['embed module (wasm + js)', ['aio-embed-core.wasm', 'aio-embed-core.js'], BUDGETS.embedBytes, ['aio-embed.js']],
  ];
  const rows = [];
  for (const [name, files, budget, extra] of groups) {
    const missing = files.filter((f) => !fs.existsSync(path.join(SITE, f)));
    if (missing.length) {
      rows.push({ name, missing: missing.join(', ') });
      continue;
    }
    const parts = files.map((f) => ({ file: f, raw: fs.statSync(path.join(SITE, f)).size, gz: gzipSize(path.join(SITE, f)) }));
    const extras = extra.filter((f) => fs.existsSync(path.join(SITE, f))).map((f) => ({ file: f, raw: fs.statSync(path.join(SITE, f)).size, gz: gzipSize(path.join(SITE, f)) }));
    const gz = parts.reduce((a, p) => a + p.gz, 0);
    rows.push({ name, parts, extras, gz, raw: parts.reduce((a, p) => a + p.raw, 0), budget, ok: gz <= budget });
  }
  return rows;
}

// --- Chromium ------------------------------------------------------------------------------

let browser = null;
async function chromium() {
  if (browser) return browser;
  const pw = loadPlaywright();
  if (!pw) throw new Error('playwright-core missing: scripts/setup.sh --browser');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no ${CHROMIUM}: scripts/setup.sh --browser`);
  browser = await pw.chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return browser;
}

// A fresh context (empty cache, no storage) with one page at 1280x800.
async function freshPage() {
  const b = await chromium();
  const context = await b.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`  page error: ${e.message}`));
  return { page, close: () => context.close() };
}

// navigation start -> performance.mark('aio-first-frame') set by index.html.
async function measureFirstFrame(server, runs) {
  const times = [];
  const marks = [];
  for (let i = 0; i < runs; ++i) {
    const { page, close } = await freshPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => window.aioTest && window.aioTest.ready, null, { timeout: 30000 });
    await page.evaluate(() => window.aioTest.ready);
    const m = await page.evaluate(() => {
      const get = (n) => (performance.getEntriesByName(n)[0] || {}).startTime ?? null;
      return { fetched: get('aio-wasm-fetched'), js: get('aio-js-loaded'), first: get('aio-first-frame') };
    });
    times.push(m.first);
    marks.push(m);
    log(`  first frame run ${i + 1}: ${m.first.toFixed(0)} ms (wasm fetched ${m.fetched?.toFixed(0)}, js loaded ${m.js?.toFixed(0)})`);
    await close();
  }
  return { times, marks, median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

// 10,000 live tasks on the real clock, each waking every 0.2 ... 0.69 s.
const STRESS = `import asyncio

async def worker(i):
    while True:
        await asyncio.sleep(0.2 + (i % 50) * 0.01)

async def main():
    for i in range(10000):
        asyncio.create_task(worker(i))
    await asyncio.sleep(3600)

asyncio.run(main())
`;

// Collects aioTest.frameCostMs() once per new frame for `ms` of wall time,
// and with the engine linked the runner's share of it (aioTest.driver():
// `ms` the driver's slice of loop work, `frameMs` the runner's whole frame,
// slice plus the snapshot for the panels, `units` callbacks run).
function sampleFrames(page, ms) {
  return page.evaluate((ms) => new Promise((resolve) => {
    const costs = [];
    const parts = [];
    let last = window.aioTest.frames();
    const t0 = performance.now();
    const poll = () => {
      const f = window.aioTest.frames();
      if (f !== last) {
        last = f;
        costs.push(window.aioTest.frameCostMs());
        if (window.aioTest.driver) {
          const d = window.aioTest.driver();
          parts.push(typeof d === 'string' ? JSON.parse(d) : d);
        }
      }
      if (performance.now() - t0 < ms) requestAnimationFrame(poll);
      else resolve({ costs, parts, seconds: (performance.now() - t0) / 1000 });
    };
    requestAnimationFrame(poll);
  }), ms);
}

const loadAverage = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

// Where a frame's time goes: loop work (the driver's slice), the snapshot
// for the panels, and the rest (events, building the UI); and how fast the
// loop work ran (microseconds per callback: under contention for the CPU a
// slice does less in the same wall time).
function breakdown(s) {
  const n = Math.min(s.costs.length, s.parts.length);
  if (!n) return null;
  const slice = [], snapshot = [], ui = [], perUnit = [];
  for (let i = 0; i < n; ++i) {
    const p = s.parts[i];
    slice.push(p.ms);
    snapshot.push(Math.max(0, p.frameMs - p.ms));
    ui.push(Math.max(0, s.costs[i] - p.frameMs));
    if (p.units > 0) perUnit.push((p.ms * 1000) / p.units);
  }
  const q = (xs) => ({ median: median(xs), p95: quantile(xs, 0.95), max: Math.max(...xs) });
  return { slice: q(slice), snapshot: q(snapshot), ui: q(ui), usPerUnit: q(perUnit) };
}

async function measureFrame(server, seconds) {
  const { page, close } = await freshPage();
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => window.aioTest && window.aioTest.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.aioTest.ready);
  const out = {};
  const st = await page.evaluate(() => window.aioTest.state());
  const summarize = (s) => ({ frames: s.costs.length, fps: s.costs.length / s.seconds, median: median(s.costs), p95: quantile(s.costs, 0.95), max: Math.max(...s.costs), costs: s.costs });

  out.idle = summarize(await sampleFrames(page, 2000));
  if (st.engine) {
    await page.evaluate((src) => window.aioTest.setSource(src), STRESS);
    await page.evaluate(() => window.aioTest.run());
    // Wait until every task exists and has run its first step.
    const t0 = Date.now();
    let s;
    do {
      await sleep(250);
      s = await page.evaluate(() => window.aioTest.state());
    } while ((s.tasks < 10001 || s.time < 1) && Date.now() - t0 < 60000);
    const loadBefore = loadAverage();
    const sampled = await sampleFrames(page, seconds * 1000);
    out.live = { tasks: s.tasks, status: s.status, ...summarize(sampled), parts: breakdown(sampled), load: [loadBefore, loadAverage()] };
    const after = await page.evaluate(() => window.aioTest.state());
    out.live.loopTime = [s.time, after.time];
    out.live.wallSeconds = sampled.seconds;
    await page.screenshot({ path: path.join(REPO, 'tests/artifacts/web_budgets-10k-tasks.png') }).catch(() => {});
    await page.evaluate(() => window.aioTest.stop());
  } else {
    log('  the playground has no engine linked: only the drawing fixture is measured');
  }
  // The drawing alone: the 10,000-task picture from the fixture, no loop work.
  await page.evaluate(() => { window.aioTest.reset(); window.aioTest.loadStress(10000, 4); });
  out.fixture = summarize(await sampleFrames(page, 3000));
  await close();
  return out;
}

// --- workloads ---------------------------------------------------------------------------

function findBenchJs() {
  if (opts.benchJs) return path.resolve(opts.benchJs);
  for (const d of ['build/web-bench', 'build/wasm', 'build/embed-wasm']) {
    const f = path.join(REPO, d, 'bench/aio_bench.js');
    if (fs.existsSync(f)) return f;
  }
  return null;
}

// aio_bench for Wasm: its own small build tree (the wasm preset skips bench/).
function buildBench() {
  const dir = path.join(REPO, 'build/web-bench');
  const env = { ...process.env, NODE_PATH: `/usr/share/nodejs${process.env.NODE_PATH ? ':' + process.env.NODE_PATH : ''}` };
  const run = (cmd, args) => {
    log(`+ ${cmd} ${args.join(' ')}`);
    const r = spawnSync(cmd, args, { stdio: 'inherit', env, cwd: REPO });
    if (r.status !== 0) throw new Error(`${cmd} failed`);
  };
  if (!fs.existsSync(path.join(dir, 'build.ninja'))) {
    run('emcmake', ['cmake', '-S', '.', '-B', dir, '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=Release',
      '-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG', '-DCMAKE_C_FLAGS_RELEASE=-O2 -DNDEBUG',
      '-DAIO_BUILD_TESTS=OFF', '-DAIO_BUILD_EXAMPLES=OFF', '-DAIO_BUILD_WEB=OFF', '-DAIO_BUILD_BENCH=ON']);
  }
  run('ninja', ['-C', dir, '-j2', 'aio_bench']);
  return path.join(dir, 'bench/aio_bench.js');
}

function runNode(args) {
  const r = spawnSync('node', args, { encoding: 'utf8', cwd: REPO, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${(r.stderr.match(/aio_bench: .*|RuntimeError: .*|Error: .*/) || [''])[0]}`);
  return parseBench(r.stdout);
}

// The Node peer's workloads, run as they are in a browser page. Only the
// Node-specific parts change: no /proc or process (RSS reads 0), and
// setImmediate, Node's "continue in the next loop iteration", becomes a
// MessageChannel message, the browser's nearest equivalent (a zero
// setTimeout is clamped to 4 ms once nested).
function browserPeerSource(args) {
  let src = fs.readFileSync(path.join(REPO, 'bench/bench_node.mjs'), 'utf8');
  src = src.replace(/^import .*$/gm, '');
  const prelude = `
const readFileSync = () => { throw new Error('no /proc in a browser'); };
class ExitCalled extends Error {}
const process = {
  argv: ['chromium', 'bench_node.mjs', ...${JSON.stringify(args)}],
  version: 'Chromium ' + ((navigator.userAgent.match(/Chrome\\/([\\d.]+)/) || [])[1] || '?'),
  versions: { v8: '(browser)' },
  resourceUsage: () => ({ maxRSS: 0 }),
  memoryUsage: () => ({ rss: 0 }),
  exit: (code) => { throw new ExitCalled('exit ' + code); },
};
const immediates = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => immediates.shift()();
const setImmediate = (fn) => { immediates.push(fn); channel.port2.postMessage(0); };
`;
  return `${prelude}\ntry {\n${src}\n} finally { console.log('# bench done'); }\n`;
}

const ENGINE_PAGE = (args) => `<!doctype html><meta charset="utf-8"><title>aio_bench</title><link rel="icon" href="data:,">
<script>
var Module = {
  arguments: ${JSON.stringify(args)},
  print: (t) => console.log(t),
  printErr: (t) => console.warn(t),
  onExit: () => console.log('# bench done'),
  postRun: [() => console.log('# bench done')],
};
</script>
<script src="/bench/aio_bench.js"></script>`;

const PEER_PAGE = `<!doctype html><meta charset="utf-8"><title>bench_node in the browser</title><link rel="icon" href="data:,">
<script type="module" src="/bench/peer.mjs"></script>`;

async function runInPage(server, pagePath) {
  const { page, close } = await freshPage();
  let text = '';
  let done;
  const finished = new Promise((r) => { done = r; });
  page.on('console', (m) => {
    const t = m.text();
    if (t === '# bench done') done();
    else text += t + '\n';
    if (m.type() === 'error' || m.type() === 'warning') log(`  [page] ${t}`);
  });
  page.on('pageerror', (e) => { text += `# error ${e.message}\n`; done(); });
  await page.goto(`${server.url}${pagePath}`);
  let timer;
  const timeout = new Promise((r) => { timer = setTimeout(() => { text += '# timed out after 10 minutes\n'; r(); }, 600000); });
  await Promise.race([finished, timeout]);
  clearTimeout(timer);
  await close();
  return { rows: parseBench(text), text };
}

// Each workload at the issue's size, once, in Node: a workload that fails
// there in Wasm runs, for every peer, at a size where it does not (and the
// report says so). Seen before the engine's fixes of 2026-11-21:
//   W1, W4: sums in a 32-bit `long` overflowed at n=200000 / 1000000
//           (aio_bench.cpp counts in 64 bits since f92a20d).
//   W5:     em++ 3.1.6 leaked a shadow-stack frame per return_call, so
//           d5=100 r5=10000 overflowed the stack (the engine hands frames
//           off through the loop in Wasm since e72b226).
const WASM_FALLBACK = { W1: ['n1=46000'], W4: ['n4=46000'], W5: ['r5=2000'] };
function wasmSizes(benchJs) {
  if (opts.quick) return [];
  const sizes = [];
  for (const w of WORKLOADS) {
    const r = spawnSync('node', ['--no-experimental-fetch', benchJs, `only=${w}`], { encoding: 'utf8', cwd: REPO, maxBuffer: 1 << 26 });
    if (r.status === 0) continue;
    const why = (r.stderr.match(/aio_bench: .*|RuntimeError: .*/) || ['exit status ' + r.status])[0];
    if (!WASM_FALLBACK[w]) throw new Error(`aio_bench.js only=${w} failed: ${why}`);
    log(`  aio_bench.js ${w} at the issue's size: ${why}; every peer runs ${WASM_FALLBACK[w].join(' ')}`);
    notes.push(`${w} ran at ${WASM_FALLBACK[w].join(' ')} for every peer: at the issue's size the Wasm engine fails (${why}).`);
    sizes.push(...WASM_FALLBACK[w]);
  }
  return sizes;
}
const notes = [];

async function measureWorkloads(benchJs) {
  const only = `only=${WORKLOADS.flatMap((w) => [w, w]).join(',')}`;
  const args = [only, ...SIZES, ...wasmSizes(benchJs)];
  const cells = { engineNode: [], peerNode: [], engineChromium: [], peerChromium: [] };
  const server = await startServer({
    dirs: { '/bench/': path.dirname(benchJs) },
    pages: {
      '/bench/engine.html': () => ['text/html; charset=utf-8', ENGINE_PAGE(args)],
      '/bench/peer.html': () => ['text/html; charset=utf-8', PEER_PAGE],
      '/bench/peer.mjs': () => ['text/javascript', browserPeerSource(args)],
    },
  });
  try {
    for (let i = 0; i < opts.runs; ++i) {
      log(`  workloads run ${i + 1}/${opts.runs}: aio Wasm in Node`);
      cells.engineNode.push(runNode(['--no-experimental-fetch', benchJs, ...args]));
      log('  ... Node async/await');
      cells.peerNode.push(runNode(['--expose-gc', path.join(REPO, 'bench/bench_node.mjs'), ...args]));
      log('  ... aio Wasm in Chromium');
      cells.engineChromium.push((await runInPage(server, '/bench/engine.html')).rows);
      log('  ... Chromium async/await');
      cells.peerChromium.push((await runInPage(server, '/bench/peer.html')).rows);
    }
  } finally {
    server.close();
  }
  return Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, best(v)]));
}

// --- report ----------------------------------------------------------------------------------

function table(headers, rows, markdown) {
  if (markdown) {
    return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  }
  const w = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(w[i])).join('  ');
  return [line(headers), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n');
}

const verdict = (ok) => (ok ? 'met' : 'MISSED');

async function main() {
  const m = machine();
  const report = { machine: m, site: SITE };
  const md = opts.markdown;
  const out = [];
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB, ${m.os}; Node ${m.node}; ${m.emcc}; load average at start ${m.load}.`);

  const budgetRows = [];
  if (opts.only.includes('sizes')) {
    log('sizes');
    report.sizes = measureSizes();
    for (const s of report.sizes) {
      if (s.missing) budgetRows.push([`${s.name}, gzip`, '', `not built (${s.missing})`, '-']);
      else budgetRows.push([`${s.name}, gzip -9`, `<= ${fmtBytes(s.budget)}`,
        `${fmtBytes(s.gz)} (${s.parts.map((p) => `${p.file} ${fmtBytes(p.gz)}`).join(', ')}; raw ${fmtBytes(s.raw)})` +
        s.extras.map((p) => `; + ${p.file} ${fmtBytes(p.gz)}`).join(''), verdict(s.ok)]);
    }
  }

  let server = null;
  const needSite = opts.only.includes('first-frame') || opts.only.includes('frame');
  if (needSite) {
    if (!fs.existsSync(path.join(SITE, 'index.html'))) throw new Error(`no index.html in ${SITE}: build the Wasm site first`);
    server = await startServer({ dirs: { '/': SITE }, pages: {} });
  }
  try {
    if (opts.only.includes('first-frame')) {
      log('first frame');
      const runs = Math.max(opts.runs, 3);
      const ff = (report.firstFrame = await measureFirstFrame(server, runs));
      budgetRows.push(['playground first frame after navigation (headless Chromium)', `<= ${BUDGETS.firstFrameMs} ms`,
        `${ff.median.toFixed(0)} ms median of ${runs} (${ff.min.toFixed(0)}-${ff.max.toFixed(0)})`, verdict(ff.median <= BUDGETS.firstFrameMs)]);
    }
    if (opts.only.includes('frame')) {
      log('frame cost');
      const fr = (report.frame = await measureFrame(server, opts.quick ? 3 : 10));
      if (fr.live) {
        budgetRows.push([`our code per frame, ${fr.live.tasks - 1} live tasks + main, timeline open`, `<= ${BUDGETS.frameMs} ms`,
          `median ${fr.live.median.toFixed(2)} ms, p95 ${fr.live.p95.toFixed(2)}, max ${fr.live.max.toFixed(2)} (${fr.live.frames} frames, ${fr.live.fps.toFixed(1)} fps)`,
          verdict(fr.live.median <= BUDGETS.frameMs && fr.live.p95 <= BUDGETS.frameMs)]);
        const b = fr.live.parts;
        const mp = (x) => `median ${x.median.toFixed(2)}, p95 ${x.p95.toFixed(2)}`;
        if (b) {
          budgetRows.push(['  of which loop work (the driver\'s slice, 5 ms budget)', '', `${mp(b.slice)} ms; ${b.usPerUnit.median.toFixed(1)} \u00b5s per callback (median)`, '']);
          budgetRows.push(['  of which the snapshot for the panels', '', `${mp(b.snapshot)} ms`, '']);
          budgetRows.push(['  of which events and building the UI', '', `${mp(b.ui)} ms`, '']);
        }
        budgetRows.push(['  load average (1 min) before / after the 10 s', '', fr.live.load.map((l) => l.split(' ')[0]).join(' / '), '']);
        budgetRows.push(['  loop time over the 10 s of wall time', '',
          `${(fr.live.loopTime[1] - fr.live.loopTime[0]).toFixed(2)} s in ${fr.live.wallSeconds.toFixed(1)} s`, '']);
      } else {
        budgetRows.push(['our code per frame, 10,000 live tasks', `<= ${BUDGETS.frameMs} ms`, 'not measured: no engine in this build', '-']);
      }
      budgetRows.push(['  the same picture from the drawing fixture (UI only, no loop work)', '',
        `median ${fr.fixture.median.toFixed(2)} ms, p95 ${fr.fixture.p95.toFixed(2)}, max ${fr.fixture.max.toFixed(2)}`, '']);
      budgetRows.push(['  idle playground', '', `median ${fr.idle.median.toFixed(2)} ms (${fr.idle.fps.toFixed(1)} fps)`, '']);
    }
  } finally {
    if (server) server.close();
  }
  if (budgetRows.length) out.push('', table(['budget', 'target', 'measured', ''], budgetRows, md));

  if (opts.only.includes('workloads')) {
    log('workloads');
    let benchJs = findBenchJs();
    if (!benchJs && opts.buildBench) benchJs = buildBench();
    if (!benchJs) {
      out.push('', 'Workloads: no aio_bench.js (run with --build-bench, or --bench-js FILE).');
    } else {
      const w = (report.workloads = await measureWorkloads(benchJs));
      const ns = (c, k) => (c[k] ? c[k].nsPerOp.toFixed(1) : 'n/a');
      const ratio = (a, b, k) => (a[k] && b[k] ? `${(b[k].nsPerOp / a[k].nsPerOp).toFixed(2)}x` : 'n/a');
      const KEYS = WORKLOADS.flatMap((k) => [`${k} cold`, `${k} warm`]);
      const rows = KEYS.map((k) => [
        `${k} (n=${w.engineNode[k]?.n ?? '?'})`,
        ns(w.engineNode, k), ns(w.peerNode, k), ratio(w.engineNode, w.peerNode, k),
        ns(w.engineChromium, k), ns(w.peerChromium, k), ratio(w.engineChromium, w.peerChromium, k),
      ]);
      out.push('', `Workloads, ns per op, best of ${opts.runs} fresh processes/pages${opts.quick ? ' (--quick sizes)' : ''}; "cold" is each workload's first run in the process, "warm" the second, right after; "speed-up" = peer time / aio time (> 1: the Wasm engine is faster):`, '',
        table(['workload', 'aio Wasm, Node', 'Node async/await', 'speed-up', 'aio Wasm, Chromium', 'Chromium async/await', 'speed-up'], rows, md));
      const beats = (k) => w.engineNode[k] && w.peerNode[k] && w.engineChromium[k] && w.peerChromium[k] &&
        w.engineNode[k].nsPerOp < w.peerNode[k].nsPerOp && w.engineChromium[k].nsPerOp < w.peerChromium[k].nsPerOp;
      for (const n of notes) out.push('', n);
      for (const mode of ['cold', 'warm']) {
        const keys = KEYS.filter((k) => k.endsWith(mode));
        const lost = keys.filter((k) => !beats(k)).map((k) => k.split(' ')[0]);
        out.push('', `${mode}: the Wasm engine beats Node and Chromium on ${keys.length - lost.length} of ${keys.length} workloads${lost.length ? ` (not on ${lost.join(', ')})` : ''}.`);
      }
    }
  }

  if (browser) {
    report.machine.chromium = browser.version();
    out.push('', `Chromium ${browser.version()} (headless, SwiftShader WebGL).`);
    await browser.close();
  }
  console.log(out.join('\n'));
  fs.mkdirSync(path.join(REPO, 'tests/artifacts'), { recursive: true });
  fs.writeFileSync(path.join(REPO, 'tests/artifacts/web_budgets.json'), JSON.stringify(report, null, 2));
}

main().catch(async (e) => {
  console.error(`web_budgets: ${e.stack || e}`);
  if (browser) await browser.close().catch(() => {});
  process.exit(1);
});
