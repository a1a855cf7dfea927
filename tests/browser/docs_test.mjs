// The docs page (web/docs/index.html) and aio-embed.js in headless Chromium:
// the engine loads only on the first Run; every block, run on the instant
// clock through its own buttons, prints what CPython prints for the same
// code; a never-awaiting block keeps the page drawing and Stop ends it; a
// syntax error marks its line; Reset restores the code; the playground link
// carries the code, and the playground opens it (and #example= links).
//
//   node tests/browser/docs_test.mjs [--site build/wasm/site]

import { cpython, eq, expect, suite, until } from './lib.mjs';

const CORE_WASM = /aio-embed-core\.wasm$/;

// The block's state and text as the page shows them.
const blockInfo = (page, i) => page.evaluate((i) => {
  const b = document.querySelectorAll('.aio-block')[i];
  return {
    state: b.dataset.aioState || 'idle',
    status: b.querySelector('.aio-status').textContent,
    code: b.querySelector('.aio-code').value,
    out: b.querySelector('.aio-out').textContent,
    stderr: [...b.querySelectorAll('.aio-out .aio-stderr')].map((n) => n.textContent).join(''),
    errLine: (b.querySelector('.aio-gutter .aio-errline') || {}).textContent || null,
    link: b.querySelector('.aio-open').href,
  };
}, i);

const block = (page, i) => page.locator('.aio-block').nth(i);

async function finished(page, i, timeout = 20000) {
  return until(async () => {
    const info = await blockInfo(page, i);
    return ['finished', 'failed', 'stopped'].includes(info.state) && info;
  }, `block ${i} to finish`, timeout);
}

await suite('docs', async (t) => {
  const page = await t.page('docs/index.html');
  let count = 0;

  await t.check('the page turns every <pre data-aio> into a block, without loading the engine', async () => {
    count = await until(() => page.locator('.aio-block').count(), 'blocks');
    const pres = await page.locator('pre[data-aio]').count();
    eq(pres, 0, 'plain <pre data-aio> left');
    expect(count >= 13, `${count} blocks`);
    const fetched = page.aio.requests.filter((u) => /aio-embed-core/.test(u));
    eq(fetched.length, 0, 'requests for the engine before any Run');
    await t.shot(page, 'docs-loaded');
  });

  await t.check('Run on the first block loads the engine and prints what CPython prints', async () => {
    await block(page, 0).locator('select.aio-clock').selectOption({ label: 'instant (virtual)' });
    await block(page, 0).locator('button.aio-run').click();
    const info = await finished(page, 0, 30000);
    const want = cpython(info.code);
    eq(info.state, 'finished', `state (status: ${info.status})`);
    eq(info.out, want.out, 'output');
    expect(page.aio.requests.some((u) => CORE_WASM.test(u)), 'the engine was fetched on Run');
    await block(page, 0).scrollIntoViewIfNeeded();
    await t.shot(page, 'docs-first-block-run');
  });

  await t.check('every block except the never-awaiting one matches CPython on the instant clock', async () => {
    const bad = [];
    for (let i = 1; i < count; ++i) {
      const code = (await blockInfo(page, i)).code;
      if (/while True:\s*# never awaits/.test(code)) continue;
      await block(page, i).locator('select.aio-clock').selectOption({ label: 'instant (virtual)' });
      await block(page, i).locator('button.aio-run').click();
      const info = await finished(page, i);
      const want = cpython(code);
      if (info.out !== want.out || info.state !== 'finished') {
        bad.push(`block ${i} (${info.state}, ${info.status})\n--- CPython\n${want.out}${want.err}--- page\n${info.out}`);
      }
    }
    expect(!bad.length, bad.join('\n'));
  });

  await t.check('real clock: sleeps take their time and the output is the same', async () => {
    // Block 2 (await chain) sleeps 0.6 s in all.
    await block(page, 2).locator('select.aio-clock').selectOption({ label: 'real time' });
    const t0 = Date.now();
    await block(page, 2).locator('button.aio-run').click();
    const info = await finished(page, 2);
    const took = Date.now() - t0;
    eq(info.out, cpython(info.code).out, 'output');
    expect(took >= 550, `finished after ${took} ms of real time (sleeps add up to 0.6 s)`);
  });

  await t.check('a never-awaiting block keeps the page drawing frames and Stop ends it', async () => {
    let i = -1;
    for (let k = 0; k < count; ++k) if (/while True:\s*# never awaits/.test((await blockInfo(page, k)).code)) i = k;
    expect(i >= 0, 'the never-awaiting block');
    await block(page, i).locator('select.aio-clock').selectOption({ label: 'real time' });
    await block(page, i).scrollIntoViewIfNeeded();
    await block(page, i).locator('button.aio-run').click();
    await until(async () => /now spinning/.test((await blockInfo(page, i)).out), 'the spin to start', 10000);
    // Count animation frames for a second while the script spins.
    const frames = await page.evaluate(() => new Promise((resolve) => {
      let n = 0;
      const t0 = performance.now();
      const tick = () => { ++n; if (performance.now() - t0 < 1000) requestAnimationFrame(tick); else resolve(n); };
      requestAnimationFrame(tick);
    }));
    expect(frames >= 10, `${frames} animation frames in 1 s while spinning`);
    const before = await blockInfo(page, i);
    eq(before.state, 'running', 'state while spinning');
    eq(before.out, 'tick 0\ntick 1\ntick 2\nnow spinning; press Stop\n', 'no other task ran during the spin');
    await t.shot(page, 'docs-spinning');
    await block(page, i).locator('button.aio-stop').click();
    const after = await finished(page, i, 5000);
    eq(after.state, 'stopped', 'state after Stop');
    expect(/\[stopped\]/.test(after.out), 'a [stopped] note');
    await t.shot(page, 'docs-stopped');
  });

  await t.check('a syntax error is reported at its line and marked in the gutter', async () => {
    const code = block(page, 1).locator('.aio-code');
    const lines = (await blockInfo(page, 1)).code.split('\n');
    lines[3] = lines[3].replace(')', '');  // print("hello,", name  -> unclosed
    await code.fill(lines.join('\n'));
    await code.press('Control+Enter');
    const info = await finished(page, 1);
    eq(info.state, 'failed', 'state');
    const want = cpython(lines.join('\n'));
    const line = (want.err.match(/line (\d+)/) || [])[1];
    expect(line, `CPython names a line:\n${want.err}`);
    expect(new RegExp(`File "[^"]+", line ${line}\\b`).test(info.stderr), `stderr names line ${line}:\n${info.stderr}`);
    expect(/SyntaxError/.test(info.stderr), `SyntaxError in stderr:\n${info.stderr}`);
    eq(info.errLine, line, 'gutter mark');
    await block(page, 1).scrollIntoViewIfNeeded();
    await t.shot(page, 'docs-syntax-error');
    await block(page, 1).locator('button.aio-reset').click();
    const reset = await blockInfo(page, 1);
    eq(reset.out, '', 'output after Reset');
    eq(reset.errLine, null, 'gutter mark after Reset');
    expect(!reset.code.includes('name\n') || reset.code.includes('print("hello,", name)'), 'code restored');
  });

  await t.check('the playground link carries the code (#src=, deflate-raw, base64url)', async () => {
    const info = await blockInfo(page, 4);
    const fragment = new URL(info.link).hash;
    expect(/^#src=[A-Za-z0-9_-]+$/.test(fragment), `fragment ${fragment.slice(0, 40)}`);
    const decoded = await page.evaluate((f) => window.aioEmbed.decodeSource(f), fragment);
    eq(decoded, info.code, 'decoded source');
  });

  await t.check('following a block\'s playground link opens its code in the playground', async () => {
    const info = await blockInfo(page, 4);
    const rel = new URL(info.link).href.slice(new URL(t.url).href.length);
    const pg = await t.page(rel);
    await pg.waitForFunction(() => window.aioTest && window.aioTest.ready, null, { timeout: 10000 });
    await pg.evaluate(() => window.aioTest.ready);
    eq(await pg.evaluate(() => window.aioTest.source()), info.code, 'the playground\'s editor');
    await t.shot(pg, 'docs-link-in-playground');
    eq(pg.aio.errors.join('\n'), '', 'playground console errors');
    await pg.close();
  });

  await t.check('a section\'s example link (#example=NAME) opens that example in the playground', async () => {
    const href = await page.evaluate(() => {
      const a = [...document.querySelectorAll('a[href*="#example="]')][0];
      return a ? a.href : null;
    });
    expect(href, 'the docs page links to an example');
    const name = decodeURIComponent(new URL(href).hash.replace(/^#example=/, ''));
    const pg = await t.page(href.slice(new URL(t.url).href.length));
    await pg.waitForFunction(() => window.aioTest && window.aioTest.ready, null, { timeout: 10000 });
    await pg.evaluate(() => window.aioTest.ready);
    eq((await pg.evaluate(() => window.aioTest.state())).example, name, 'selected example');
    await pg.close();
  });

  await t.check('a block with a nonsense data-speed says so and runs nothing', async () => {
    // A page of its own (served by the test, not the site): the docs page
    // shows authors only working blocks.
    const html = '<!doctype html><meta charset="utf-8"><script src="../aio-embed.js" defer></script>' +
      '<pre data-aio data-clock="scaled" data-speed="fast">print("never")</pre>';
    await t.context.route('**/docs/bad-options.html', (r) => r.fulfill({ contentType: 'text/html', body: html }));
    const bad = await t.page('docs/bad-options.html');
    await until(() => bad.locator('.aio-block').count(), 'the block');
    await bad.locator('button.aio-run').click();
    const info = await finished(bad, 0, 30000);
    eq(info.state, 'failed', `state (status: ${info.status})`);
    expect(/speed/.test(info.stderr), `the error names the option:\n${info.stderr}`);
    expect(!/never/.test(info.out.replace(info.stderr, '')), 'nothing ran');
    eq(bad.aio.errors.join('\n'), '', 'errors (an unhandled rejection would be one)');
    await bad.close();
  });

  await t.check('no console errors on the docs page', async () => {
    eq(page.aio.errors.join('\n'), '', 'errors');
  });
});
