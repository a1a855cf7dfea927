// The playground (index.html + aio-playground.js/.wasm) in headless Chromium,
// driven through its UI (keyboard) and read through window.aioTest
// (web/README.md, "Browser test bridge"):
//   - it loads and draws with no console errors;
//   - an example chosen and run with Ctrl+Enter prints what CPython printed
//     (examples/NAME.out);
//   - a syntax error typed into the script is reported at its line;
//   - a script that never awaits keeps the page drawing, and Stop (Shift+F5)
//     ends it while frames keep coming;
//   - a permalink (#src=...) opens its source in the editor.
//
//   node tests/browser/playground_test.mjs [--site build/wasm/site]

import fs from 'node:fs';
import path from 'node:path';

import { REPO, cpython, eq, expect, sleep, suite, until } from './lib.mjs';

const EXAMPLE = '08_gather';
const FINISHED = ['finished', 'failed', 'stopped'];

// #src=<base64url(deflate-raw(UTF-8 source))>, the format aio-embed.js writes.
async function permalink(page, source) {
  return page.evaluate(async (text) => {
    const bytes = new TextEncoder().encode(text);
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const out = new Uint8Array(await new Response(stream).arrayBuffer());
    let bin = '';
    for (const b of out) bin += String.fromCharCode(b);
    return 'src=' + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }, source);
}

const state = (page) => page.evaluate(() => window.aioTest.state());
const frames = (page) => page.evaluate(() => window.aioTest.frames());

async function ready(page) {
  await page.waitForFunction(() => window.aioTest && window.aioTest.ready, null, { timeout: 10000 });
  await page.evaluate(() => window.aioTest.ready);
}

// Keyboard input goes to the canvas (SDL listens there).
async function focusCanvas(page) {
  await page.evaluate(() => document.getElementById('canvas').focus());
}

// The clock, picked in the toolbar's Clock combo with two clicks. The
// positions are those of the 1280x800 layout at device pixel ratio 1 (the
// combo at x 475..637 on the toolbar row, its items 22 px apart below it).
// A bridge call (aioTest.setClock) is used instead when the page has one.
const CLOCK_ITEMS = { real: 0, virtual: 1, scaled: 2 };
async function chooseClock(page, mode) {
  if (await page.evaluate(() => typeof window.aioTest.setClock === 'function')) {
    await page.evaluate((m) => window.aioTest.setClock(m), mode);
    return;
  }
  await page.mouse.click(555, 21);
  await page.evaluate(() => window.aioTest.waitFrames(2));
  await page.mouse.click(520, 47 + 22 * CLOCK_ITEMS[mode]);
  await page.evaluate(() => window.aioTest.waitFrames(2));
}

// Frames drawn per second over `ms` of wall time.
async function fps(page, ms = 1000) {
  const f0 = await frames(page);
  const t0 = Date.now();
  await sleep(ms);
  return ((await frames(page)) - f0) / ((Date.now() - t0) / 1000);
}

async function waitStatus(page, statuses, what, timeout = 30000) {
  return until(async () => {
    const s = await state(page);
    return statuses.includes(s.status) && s;
  }, what, timeout);
}

await suite('playground', async (t) => {
  const page = await t.page('index.html');
  let engine = false;

  await t.check('the playground loads and draws frames with no console errors', async () => {
    await ready(page);
    const f0 = await frames(page);
    await page.evaluate(() => window.aioTest.waitFrames(10));
    const f1 = await frames(page);
    expect(f1 >= f0 + 10, `frames ${f0} -> ${f1}`);
    const s = await state(page);
    engine = s.engine === true;
    expect(s.examples >= 13, `${s.examples} examples`);
    const firstFrame = await page.evaluate(() => {
      const m = performance.getEntriesByName('aio-first-frame')[0];
      return m ? m.startTime : null;
    });
    expect(firstFrame !== null, 'the aio-first-frame mark');
    eq(page.aio.errors.join('\n'), '', 'console errors');
    eq((await page.evaluate(() => window.aioTest.errors)).join('\n'), '', 'page errors seen by index.html');
    await t.shot(page, 'playground-loaded');
  });

  await t.check('the engine is wired in (state().engine)', async () => {
    expect(engine, 'aioTest.state().engine is false: this build has the shell without a runner (app/no_runner.cpp)');
  });

  await t.check(`choose ${EXAMPLE}, run it with Ctrl+Enter, read what CPython printed`, async () => {
    expect(engine, 'no engine in this build');
    expect(await page.evaluate((n) => window.aioTest.selectExample(n), EXAMPLE), `selectExample(${EXAMPLE})`);
    await page.evaluate(() => window.aioTest.reset());
    const want = fs.readFileSync(path.join(REPO, 'examples', EXAMPLE + '.out'), 'utf8');
    const src = await page.evaluate(() => window.aioTest.source());
    eq(src, fs.readFileSync(path.join(REPO, 'examples', EXAMPLE + '.py'), 'utf8'), 'the editor shows the example');
    // The virtual clock: the printed loop times are then exact, as in CPython's run.
    await chooseClock(page, 'virtual');
    await t.shot(page, 'playground-example-chosen');
    await focusCanvas(page);
    await page.keyboard.press('Control+Enter');
    await waitStatus(page, ['running', ...FINISHED], 'the run to start', 5000);
    const s = await waitStatus(page, FINISHED, 'the run to finish');
    eq(s.status, 'finished', 'status');
    const out = await page.evaluate(() => window.aioTest.console(false));
    eq(out, want, `console vs examples/${EXAMPLE}.out`);
    await t.shot(page, 'playground-example-run');
  });

  await t.check('a syntax error typed into the script is reported at its line', async () => {
    expect(engine, 'no engine in this build');
    const src = 'import asyncio\n\nasync def main():\n    print("ready"\n    await asyncio.sleep(0.1)\n\nasyncio.run(main())\n';
    const want = cpython(src);
    const line = Number((want.err.match(/line (\d+)/) || [])[1]);
    expect(line > 0, `CPython names a line:\n${want.err}`);
    await page.evaluate((s) => window.aioTest.setSource(s), src);
    await focusCanvas(page);
    await page.keyboard.press('Control+Enter');
    const s = await waitStatus(page, FINISHED, 'the run to end');
    eq(s.status, 'failed', 'status');
    eq(s.error.line, line, `error line (message: ${s.error.message})`);
    expect(/SyntaxError/.test(s.error.message) || /SyntaxError/.test(await page.evaluate(() => window.aioTest.console(false))),
      `SyntaxError reported: ${s.error.message}`);
    await t.shot(page, 'playground-syntax-error');
  });

  await t.check('a script that never awaits keeps frames coming; Stop (Shift+F5) ends it', async () => {
    expect(engine, 'no engine in this build');
    const src = 'import asyncio\n\nasync def spin():\n    n = 0\n    while True:\n        n += 1\n\nasync def main():\n    print("spinning")\n    await spin()\n\nasyncio.run(main())\n';
    await page.evaluate((s) => window.aioTest.setSource(s), src);
    // Software WebGL draws only ~10 frames a second here: compare with the
    // rate of the idle page rather than with a fixed number.
    const idle = await fps(page);
    await focusCanvas(page);
    await page.keyboard.press('Control+Enter');
    await until(async () => /spinning/.test(await page.evaluate(() => window.aioTest.console(false))), 'the spin to start', 10000);
    const spinning = await fps(page, 2000);
    expect(spinning >= Math.max(2, 0.5 * idle), `${spinning.toFixed(1)} frames/s while spinning, ${idle.toFixed(1)} idle`);
    eq((await state(page)).status, 'running', 'status while spinning');
    await t.shot(page, 'playground-spinning');
    await focusCanvas(page);
    await page.keyboard.press('Shift+F5');
    const s = await waitStatus(page, FINISHED, 'Stop', 5000);
    eq(s.status, 'stopped', 'status after Stop');
    const after = await fps(page);
    expect(after >= Math.max(2, 0.5 * idle), `${after.toFixed(1)} frames/s after Stop, ${idle.toFixed(1)} idle`);
    await t.shot(page, 'playground-stopped');
  });

  await t.check('a permalink (#src=...) opens its source in the editor', async () => {
    const src = '# shared by a link\nimport asyncio\n\nasync def main():\n    print("from the link")\n\nasyncio.run(main())\n';
    const fragment = await permalink(page, src);
    const linked = await t.page('index.html#' + fragment);
    await ready(linked);
    await linked.evaluate(() => window.aioTest.waitFrames(2));
    await t.shot(linked, 'playground-permalink');
    eq(await linked.evaluate(() => window.aioTest.source()), src, 'editor text');
    await linked.close();
  });

  await t.check('no console errors during the whole session', async () => {
    eq(page.aio.errors.join('\n'), '', 'errors');
  });
});
