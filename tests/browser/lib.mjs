// Shared pieces of the browser tests: serve a built site with web/serve.py on
// 127.0.0.1, drive Debian's Chromium (/usr/bin/chromium) with playwright-core,
// collect console errors, save screenshots, count checks.
//
// A test file calls `suite(name, async (t) => { ... })`; t.check(name, fn)
// runs one check, t.page(url) opens a page with its errors recorded,
// t.shot(page, name) saves tests/artifacts/<suite>/<name>.png. The process
// prints one line per check and "N passed, M failed" and exits 1 on failure,
// or 77 (ctest: skipped) when Chromium or playwright-core is missing, except
// under CI (CI=true), where that is a failure too.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '../..');
export const SKIP = 77;

// The Chromium flags that work headless on these machines (shared/TOOLCHAIN.md):
// software WebGL through SwiftShader, and nothing that phones home.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--mute-audio',
];
export const CHROMIUM = process.env.AIO_CHROMIUM || '/usr/bin/chromium';

// The site to test: argument --site DIR, else $AIO_SITE, else build/wasm/site.
export function siteDir(argv = process.argv) {
  const i = argv.indexOf('--site');
  const dir = i >= 0 ? argv[i + 1] : process.env.AIO_SITE || path.join(REPO, 'build/wasm/site');
  return path.resolve(dir);
}

export function loadPlaywright() {
  const require = createRequire(import.meta.url);
  try {
    return require('playwright-core');
  } catch {
    return null;
  }
}

// Starts web/serve.py on a free port; resolves to { url, stop() }.
export function serve(site) {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [path.join(REPO, 'web/serve.py'), site, '--host', '127.0.0.1', '--port', '0'], {
      env: { ...process.env, AIO_SERVE_QUIET: '1', PYTHONUNBUFFERED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => fail(new Error('serve.py did not print its URL within 10 s:\n' + out)), 10000);
    const fail = (e) => { clearTimeout(timer); child.kill(); reject(e); };
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Open (http:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop: () => child.kill() });
      }
    });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => fail(new Error(`serve.py exited (${code}):\n${out}`)));
  });
}

export async function launch(chromium, extraArgs = []) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aio-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls `fn` (sync or async) until it returns a truthy value; throws with
// `what` and the last value after `timeout` ms.
export async function until(fn, what, timeout = 10000, every = 50) {
  const t0 = Date.now();
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() - t0 > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await sleep(every);
  }
}

export function expect(cond, what) {
  if (!cond) throw new Error(what);
}
export function eq(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`${what}\n--- expected\n${expected}\n--- actual\n${actual}`);
  }
}

// What CPython 3.11 prints for `source` (the reference for every output).
export function cpython(source, timeoutMs = 30000) {
  const r = spawnSync('python3', ['-'], { input: source, encoding: 'utf8', timeout: timeoutMs });
  return { out: r.stdout, err: r.stderr, status: r.status };
}

// Under CI (CI=true, as .ci/run is started) the browser tests must run:
// a missing browser is then a failure, not a skip.
export const UNDER_CI = /^(1|true|yes)$/i.test(process.env.CI || '');

function missing(name, what) {
  if (UNDER_CI) {
    console.log(`FAIL ${name}: ${what} (scripts/setup.sh --browser); CI=true, so this is not skipped`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`SKIP ${name}: ${what} (scripts/setup.sh --browser)`);
  process.exit(SKIP);
}

export async function suite(name, body) {
  const pw = loadPlaywright();
  if (!pw) missing(name, 'playwright-core is not installed');
  if (!fs.existsSync(CHROMIUM)) missing(name, `no ${CHROMIUM}`);
  const site = siteDir();
  if (!fs.existsSync(path.join(site, 'index.html'))) {
    console.log(`FAIL ${name}: no index.html in ${site}; build the Wasm site first`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const artifacts = path.join(REPO, 'tests/artifacts', name);
  fs.mkdirSync(artifacts, { recursive: true });

  let passed = 0, failed = 0;
  const server = await serve(site);
  const browser = await launch(pw.chromium);
  const pages = [];
  const t = {
    url: server.url,
    site,
    artifacts,
    context: browser.context,
    // Opens `rel` (relative to the served site) with console errors,
    // page errors and failed requests recorded in page.aio.
    async page(rel = '', { waitUntil = 'load' } = {}) {
      const page = await browser.context.newPage();
      // errors: what a person would see as an error in the devtools console.
      // Aborted requests are not among them (Chromium reports a streamed
      // fetch whose body the page consumed as ERR_ABORTED): kept apart.
      page.aio = { errors: [], console: [], requests: [], aborted: [] };
      page.on('console', (m) => {
        page.aio.console.push(`${m.type()}: ${m.text()}`);
        if (m.type() === 'error') page.aio.errors.push(`console.error: ${m.text()}`);
      });
      page.on('pageerror', (e) => page.aio.errors.push(`pageerror: ${e.message}`));
      page.on('requestfailed', (r) => {
        const why = (r.failure() && r.failure().errorText) || '';
        (why === 'net::ERR_ABORTED' ? page.aio.aborted : page.aio.errors).push(`request failed: ${r.url()} ${why}`);
      });
      page.on('request', (r) => page.aio.requests.push(r.url()));
      page.on('response', (r) => { if (r.status() >= 400) page.aio.errors.push(`HTTP ${r.status()}: ${r.url()}`); });
      pages.push(page);
      await page.goto(new URL(rel, server.url).href, { waitUntil });
      return page;
    },
    async shot(page, shotName) {
      const file = path.join(artifacts, shotName.replace(/[^A-Za-z0-9_.-]/g, '_') + '.png');
      try {
        await page.screenshot({ path: file, timeout: 15000 });
      } catch (e) {
        console.log(`     (screenshot ${shotName} failed: ${e.message.split('\n')[0]})`);
      }
      return file;
    },
    async check(checkName, fn) {
      const t0 = Date.now();
      try {
        await fn();
        ++passed;
        console.log(`ok   ${checkName} (${Date.now() - t0} ms)`);
      } catch (e) {
        ++failed;
        console.log(`FAIL ${checkName} (${Date.now() - t0} ms)\n     ${String((e && e.message) || e).split('\n').join('\n     ')}`);
        for (const p of pages) if (!p.isClosed()) await t.shot(p, `FAIL ${checkName}`);
      }
    },
  };
  try {
    await body(t);
  } catch (e) {
    ++failed;
    console.log(`FAIL ${name}: ${(e && e.stack) || e}`);
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
  console.log(`${passed} passed, ${failed} failed`);
  console.log(`screenshots: ${path.relative(process.cwd(), artifacts) || artifacts}`);
  process.exit(failed ? 1 : 0);
}
