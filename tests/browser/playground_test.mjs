// The playground (index.html + aio-playground.js/.wasm) in headless Chromium,
// driven through its UI (keyboard) and read through window.aioTest
// (web/README.md, "Browser test bridge"):
//   - it loads and draws with no console errors;
//   - an example chosen and run with Ctrl+Enter prints what CPython printed
//     (examples/NAME.out);
//   - a syntax error typed into the script is reported at its line;
//   - a script that never awaits keeps the page drawing, and Stop (Shift+F5)
//     ends it while frames keep coming;
//   - a runtime error marks the line CPython's traceback names;
//   - "Run C++" puts the C++ twin's output beside the script's (two columns);
//   - a permalink (#src=...) opens its source in the editor, #example=NAME
//     opens an example, a changed fragment (hashchange) opens the new one, and
//     a malformed link says so in the console without breaking the page;
//   - Share puts the editor's code in the address bar and on the clipboard,
//     and that link opens the same code.
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

// Reads #src= / #code= back in the page (the reverse of permalink()).
async function decodeFragment(page, fragment) {
  return page.evaluate(async (f) => {
    const m = f.match(/^#?(src|code)=([A-Za-z0-9_-]*)/);
    if (!m) return null;
    const bin = atob(m[2].replace(/-/g, '+').replace(/_/g, '/'));
    let bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    if (m[1] === 'src') {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    }
    return new TextDecoder().decode(bytes);
  }, fragment);
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
  await t.check('the playground loads and draws frames with no console errors', async () => {
    await ready(page);
    const f0 = await frames(page);
    await page.evaluate(() => window.aioTest.waitFrames(10));
    const f1 = await frames(page);
    expect(f1 >= f0 + 10, `frames ${f0} -> ${f1}`);
    const s = await state(page);
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

  await t.check(`choose ${EXAMPLE}, run it with Ctrl+Enter, read what CPython printed`, async () => {
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

  await t.check('a runtime error in a task marks the line the traceback names', async () => {
    const src = 'import asyncio\n\nasync def divide(a, b):\n    await asyncio.sleep(0)\n    return a / b\n\nasync def main():\n    print(await divide(1, 0))\n\nasyncio.run(main())\n';
    const want = cpython(src);
    const lines = [...want.err.matchAll(/line (\d+)/g)].map((m) => Number(m[1]));
    const line = lines[lines.length - 1];  // the innermost frame: the division
    eq(line, 5, `CPython's innermost line:\n${want.err}`);
    await page.evaluate((s) => window.aioTest.setSource(s), src);
    await page.evaluate(() => window.aioTest.run());
    const s = await waitStatus(page, FINISHED, 'the run to end');
    eq(s.status, 'failed', 'status');
    eq(s.error.line, line, `error line (message: ${s.error.message})`);
    // The column where CPython 3.11's `~~^~~` under `    return a / b`
    // starts (it shows it for a script file; python3 - has no source lines).
    eq(s.error.column, 12, 'error column: the `a` of `a / b`');
    expect(/ZeroDivisionError/.test(s.error.message), `message names the exception: ${s.error.message}`);
    const err = await page.evaluate(() => window.aioTest.console(false));
    expect(/ZeroDivisionError: division by zero/.test(err), `traceback in the console:\n${err}`);
    await t.shot(page, 'playground-runtime-error');
  });

  await t.check('"Run C++" puts the twin\'s output beside the script\'s', async () => {
    expect(await page.evaluate((n) => window.aioTest.selectExample(n), EXAMPLE), `selectExample(${EXAMPLE})`);
    await page.evaluate(() => window.aioTest.reset());
    const want = fs.readFileSync(path.join(REPO, 'examples', EXAMPLE + '.out'), 'utf8');
    await chooseClock(page, 'virtual');
    eq((await state(page)).clock, 'virtual', 'clock after setClock');
    await page.evaluate((s) => window.aioTest.setSource(s), fs.readFileSync(path.join(REPO, 'examples', EXAMPLE + '.py'), 'utf8'));
    await page.evaluate(() => window.aioTest.run());
    eq((await waitStatus(page, FINISHED, 'the script to finish')).status, 'finished', 'script status');
    await page.evaluate(() => window.aioTest.runCpp());
    const s = await waitStatus(page, FINISHED, 'the C++ twin to finish');
    eq(s.status, 'finished', 'twin status');
    eq(await page.evaluate(() => window.aioTest.console(false)), want, 'the script column keeps the script\'s output');
    eq(await page.evaluate(() => window.aioTest.consoleCpp(false)), want, 'the C++ column');
    const notes = await page.evaluate(() => window.aioTest.consoleCpp(true));
    expect(/Same output as the script's last run/.test(notes), `the twin compares itself with the script:\n${notes}`);
    await page.evaluate(() => window.aioTest.waitFrames(3));
    await t.shot(page, 'playground-cpp-beside-script');
  });

  await t.check('a permalink (#src=...) opens its source in the editor', async () => {
    const src = '# shared by a link\nimport asyncio\n\nasync def main():\n    print("from the link \u2192 caf\u00e9")\n\nasyncio.run(main())\n';
    const fragment = await permalink(page, src);
    const linked = await t.page('index.html#' + fragment);
    await ready(linked);
    await linked.evaluate(() => window.aioTest.waitFrames(2));
    await t.shot(linked, 'playground-permalink');
    eq(await linked.evaluate(() => window.aioTest.source()), src, 'editor text');
    const s = await state(linked);
    eq(s.script, 'shared.py', 'the link opens as shared.py');
    expect(/Opened the code from the link/.test(await linked.evaluate(() => window.aioTest.console(true))), 'a console note');
    await linked.evaluate(() => window.aioTest.setClock('virtual'));
    await linked.evaluate(() => window.aioTest.run());
    eq((await waitStatus(linked, FINISHED, 'the linked code to run')).status, 'finished', 'status');
    eq(await linked.evaluate(() => window.aioTest.console(false)), cpython(src).out, 'output vs CPython');
    // A changed fragment opens the new link without a reload.
    const other = 'print("second link")\n';
    const second = await permalink(linked, other);
    await linked.evaluate((f) => { location.hash = f; }, second);
    await until(async () => (await linked.evaluate(() => window.aioTest.source())) === other, 'the hashchange to open the second link', 5000);
    eq(linked.aio.errors.join('\n'), '', 'console errors');
    await linked.close();
  });

  await t.check('#example=NAME opens that example; an unknown name says so', async () => {
    const name = '12_producer_consumer';
    const linked = await t.page('index.html#example=' + name);
    await ready(linked);
    const s = await state(linked);
    eq(s.example, name, 'selected example');
    eq(await linked.evaluate(() => window.aioTest.source()), fs.readFileSync(path.join(REPO, 'examples', name + '.py'), 'utf8'), 'editor text');
    // hashchange to another example
    await linked.evaluate(() => { location.hash = '#example=01_event_loop'; });
    await until(async () => (await state(linked)).example === '01_event_loop', 'the hashchange to open 01_event_loop', 5000);
    await linked.evaluate(() => { location.hash = '#example=no_such_example'; });
    await until(async () => /no_such_example/.test(await linked.evaluate(() => window.aioTest.console(true))), 'a note about the unknown example', 5000);
    eq((await state(linked)).example, '01_event_loop', 'the editor keeps what it had');
    eq(linked.aio.errors.join('\n'), '', 'console errors');
    await t.shot(linked, 'playground-example-link');
    await linked.close();
  });

  await t.check('a malformed link gives a clear console message, and the page keeps working', async () => {
    const good = await permalink(page, 'print("this link will be cut")\n' + 'x = 1\n'.repeat(50));
    const cases = [
      ['src=this-is-not*base64', /characters base64url does not use/],
      ['src=' + good.slice(4, 4 + Math.floor((good.length - 4) / 2)), /deflate|cut short/],  // cut in half
      ['src=AAAAAAAA', /deflate|cut short/],  // base64url, but not deflate data
      ['src=', /empty/],
    ];
    for (const [fragment, why] of cases) {
      const linked = await t.page('index.html#' + fragment);
      await ready(linked);
      const notes = await until(async () => {
        const c = await linked.evaluate(() => window.aioTest.console(true));
        return /Could not open the code in this link/.test(c) && c;
      }, `a console message for #${fragment}`, 5000);
      expect(why.test(notes), `the message says why (${why}) for #${fragment}:\n${notes}`);
      const s = await state(linked);
      expect(s.example !== '', `the editor keeps an example for #${fragment}`);
      const f0 = await frames(linked);
      await linked.evaluate(() => window.aioTest.waitFrames(3));
      expect((await frames(linked)) >= f0 + 3, 'frames keep coming');
      const pageErrors = linked.aio.errors.filter((e) => e.startsWith('pageerror'));
      eq(pageErrors.join('\n'), '', `page errors for #${fragment}`);
      eq((await linked.evaluate(() => window.aioTest.errors)).join('\n'), '', 'errors seen by index.html');
      if (fragment === cases[1][0]) await t.shot(linked, 'playground-malformed-link');
      await linked.close();
    }
  });

  await t.check('Share puts a link to the editor\'s code in the address bar and on the clipboard', async () => {
    await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(t.url).origin });
    const sharer = await t.page('index.html');
    await ready(sharer);
    const src = 'import asyncio\n\nasync def main():\n    print("shared with the button")\n\nasyncio.run(main())\n';
    await sharer.evaluate((s) => window.aioTest.setSource(s), src);
    await sharer.evaluate(() => window.aioTest.share());
    const hash = await until(() => sharer.evaluate(() => location.hash.startsWith('#src=') && location.hash), 'the link in the address bar', 5000);
    eq(await decodeFragment(sharer, hash), src, 'the address bar\'s link carries the code');
    const notes = await until(async () => {
      const c = await sharer.evaluate(() => window.aioTest.console(true));
      return /Share: /.test(c) && c;
    }, 'the console to report the share', 5000);
    expect(/link copied to the clipboard and put in the address bar/.test(notes), `the console says so:\n${notes}`);
    const clip = await sharer.evaluate(() => navigator.clipboard.readText());
    eq(clip, await sharer.evaluate(() => location.href), 'the clipboard holds the link');
    await sharer.evaluate(() => window.aioTest.waitFrames(2));
    await t.shot(sharer, 'playground-shared');
    // The link opens the same code.
    const opened = await t.page('index.html' + hash);
    await ready(opened);
    eq(await opened.evaluate(() => window.aioTest.source()), src, 'the shared link opens the code');
    eq(sharer.aio.errors.concat(opened.aio.errors).join('\n'), '', 'console errors');
    await opened.close();
    await sharer.close();
  });

  await t.check('no console errors during the whole session', async () => {
    eq(page.aio.errors.join('\n'), '', 'errors');
  });
});
