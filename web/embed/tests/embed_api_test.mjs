// The embed module's Embind API under Node (the browser side is covered by
// tests/browser): output, task events, the three clocks, a never-awaiting
// script paused between calls and stopped, errors, two runs side by side.
//
//   node --no-experimental-fetch web/embed/tests/embed_api_test.mjs <site>/aio-embed-core.js
//
// Prints one line per check and "N passed, M failed"; exits 1 on a failure.

import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const corePath = path.resolve(process.argv[2] || 'build/wasm/site/aio-embed-core.js');
const createAioEmbed = require(corePath);
const M = await createAioEmbed({ print: () => {}, printErr: (t) => console.error('[module]', t) });

let passed = 0, failed = 0;
async function check(name, fn) {
  try {
    await fn();
    ++passed;
    console.log(`ok   ${name}`);
  } catch (e) {
    ++failed;
    console.log(`FAIL ${name}\n     ${String(e && e.stack || e).split('\n').join('\n     ')}`);
  }
}
function expect(cond, what) {
  if (!cond) throw new Error(what);
}
function eq(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}:\n--- expected\n${expected}\n--- actual\n${actual}`);
}

// A run with its output collected; `finish` drives it like the page does,
// without waiting for timers (virtual clock) unless asked to.
function session(source, options = {}, withEvents = false) {
  const s = { out: '', err: '', events: [] };
  const callbacks = { output: (stream, text) => { if (stream === 2) s.err += text; else s.out += text; } };
  if (withEvents) callbacks.event = (e) => s.events.push(e);
  s.run = new M.EmbedRun({ filename: 'demo.py', ...options }, callbacks);
  s.run.start(source);
  s.finish = async (budget = 5, maxCalls = 100000) => {
    let r, calls = 0;
    for (;;) {
      r = s.run.runFor(budget);
      ++calls;
      if (r.state === 'finished' || calls >= maxCalls) break;
      if (r.state === 'waiting') {
        expect(Number.isFinite(r.wakeInMs), 'waiting with nothing scheduled');
        await new Promise((res) => setTimeout(res, r.wakeInMs));
      }
    }
    s.last = r;
    s.calls = calls;
    return r;
  };
  return s;
}

const GATHER = `import asyncio

async def brew(name, seconds):
    print(f"{name}: start at {asyncio.get_running_loop().time():.2f}")
    await asyncio.sleep(seconds)
    print(f"{name}: done at {asyncio.get_running_loop().time():.2f}")
    return name.upper()

async def main():
    results = await asyncio.gather(brew("tea", 0.3), brew("coffee", 0.1))
    print(results)

asyncio.run(main())
print("after run")
`;
const GATHER_OUT = `tea: start at 0.00
coffee: start at 0.00
coffee: done at 0.10
tea: done at 0.30
['TEA', 'COFFEE']
after run
`;

await check('virtual clock: gather prints what CPython prints, in one call', async () => {
  const s = session(GATHER, { clock: 'virtual' });
  const r = await s.finish(1000);
  eq(s.out, GATHER_OUT, 'stdout');
  eq(s.err, '', 'stderr');
  eq(r.exitStatus, 0, 'exit status');
  expect(Math.abs(r.time - 0.3) < 1e-9, `final loop time ${r.time}`);
  eq(r.start, 0, 'loop time when the loop appeared (virtual clocks start at 0)');
  s.run.delete();
});

await check('task events arrive by callback with names and kinds', async () => {
  const s = session(GATHER, { clock: 'virtual' }, true);
  await s.finish(1000);
  const created = s.events.filter((e) => e.kind === 'task_created').map((e) => e.name);
  const done = s.events.filter((e) => e.kind === 'task_done').map((e) => e.name);
  expect(created.length === 3, `3 tasks created (main + 2), got ${JSON.stringify(created)}`);
  expect(done.length === 3, `3 tasks done, got ${JSON.stringify(done)}`);
  // Names relative to the first task (task names are checked on their own below).
  const first = s.events.find((e) => e.kind === 'task_created').task;
  const nick = (e) => `T${e.task - first + 1}`;
  // asyncio.sleep arms a timer for the sleeping task, then waits on a future.
  const armed = s.events.filter((e) => e.kind === 'timer_armed').map((e) => [nick(e), e.until]);
  eq(JSON.stringify(armed), JSON.stringify([['T2', 0.3], ['T3', 0.1]]), 'timers armed');
  const steps = s.events.filter((e) => e.kind === 'task_step').map((e) => `${nick(e)}@${e.time}`);
  eq(steps.join(' '), 'T1@0 T2@0 T3@0 T3@0.1 T2@0.3 T1@0.3', 'steps');
  s.run.delete();
});

await check('each run is a fresh program: its first task is Task-1, as in a fresh CPython', async () => {
  const src = 'import asyncio\nasync def main():\n    print(asyncio.current_task().get_name())\nasyncio.run(main())\n';
  const s = session(src, { clock: 'virtual' });
  await s.finish();
  eq(s.out, 'Task-1\n', 'stdout of a later run in the same page');
  s.run.delete();
});

await check('real clock: the run waits for its timer, and says how long', async () => {
  const s = session('import asyncio\nasyncio.run(asyncio.sleep(0.05))\nprint("slept")\n', { clock: 'real' });
  let r = s.run.runFor(5);
  for (let i = 0; r.state === 'ready' && i < 100; ++i) r = s.run.runFor(5);
  eq(r.state, 'waiting', 'state after the first slices');
  expect(r.wakeInMs > 0 && r.wakeInMs <= 50, `wakeInMs ${r.wakeInMs}`);
  const end = await s.finish();
  eq(s.out, 'slept\n', 'stdout');
  const spent = end.time - end.start;
  expect(spent >= 0.05 && spent < 1, `loop time from the loop's start to the end: ${spent}`);
  s.run.delete();
});

await check('scaled clock ×10: one loop second is a tenth of a real one', async () => {
  const s = session('import asyncio\nasyncio.run(asyncio.sleep(1))\nprint("slept")\n', { clock: 'scaled', speed: 10 });
  let r = s.run.runFor(5);
  for (let i = 0; r.state === 'ready' && i < 100; ++i) r = s.run.runFor(5);
  eq(r.state, 'waiting', 'state');
  expect(r.wakeInMs > 50 && r.wakeInMs <= 100, `wakeInMs ${r.wakeInMs} (expected ~100)`);
  const t0 = performance.now();
  await s.finish();
  const took = performance.now() - t0;
  expect(took < 600, `took ${took} ms of real time for 1 s of loop time at ×10`);
  eq(s.out, 'slept\n', 'stdout');
  s.run.delete();
});

await check('switching a sleeping run to the virtual clock finishes it at once', async () => {
  const s = session('import asyncio\nasync def main():\n    await asyncio.sleep(1000)\n    print("woke")\nasyncio.run(main())\n', { clock: 'real' });
  let r = s.run.runFor(5);
  for (let i = 0; r.state === 'ready' && i < 100; ++i) r = s.run.runFor(5);
  eq(r.state, 'waiting', 'state before the switch');
  expect(r.wakeInMs > 900000, `wakeInMs ${r.wakeInMs}`);
  s.run.setClock('virtual', 1);
  eq(s.run.clock(), 'virtual', 'clock()');
  r = await s.finish(1000, 10);
  eq(r.state, 'finished', 'state after the switch');
  eq(s.out, 'woke\n', 'stdout');
  s.run.delete();
});

const SPIN = `import asyncio

async def spin():
    n = 0
    while True:
        n += 1

async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)

async def main():
    asyncio.create_task(ticker())
    await spin()

asyncio.run(main())
`;

await check('a task that never awaits is paused between calls; Stop ends it', async () => {
  const s = session(SPIN, { clock: 'virtual', sliceInstructions: 10000 });
  for (let i = 0; i < 20; ++i) {
    const t0 = performance.now();
    const r = s.run.runFor(4);
    const took = performance.now() - t0;
    eq(r.state, 'ready', `state of call ${i}`);
    expect(took < 200, `call ${i} took ${took} ms for a 4 ms budget`);
  }
  // ticker was created but spin holds the loop: asyncio would not run it either.
  eq(s.out, '', 'no other task ran meanwhile');
  s.run.stop();
  const r = s.run.runFor(4);
  eq(r.state, 'finished', 'state after stop');
  s.run.delete();
});

await check('top-level code that never ends is paused too', async () => {
  const s = session('n = 0\nwhile True:\n    n += 1\n', { clock: 'virtual', sliceInstructions: 10000 });
  for (let i = 0; i < 5; ++i) eq(s.run.runFor(3).state, 'ready', `call ${i}`);
  expect(s.run.currentLine() >= 2 && s.run.currentLine() <= 3, `paused at line ${s.run.currentLine()}`);
  s.run.stop();
  s.run.delete();
});

await check('a syntax error is reported with its line; exit status 1', async () => {
  const s = session('import asyncio\n\nasync def main():\n    print("hi"\n\nasyncio.run(main())\n', { clock: 'virtual' });
  const r = await s.finish();
  eq(r.exitStatus, 1, 'exit status');
  expect(/File "demo\.py", line 4/.test(s.err), `stderr names line 4:\n${s.err}`);
  expect(/SyntaxError/.test(s.err), 'SyntaxError in stderr');
  eq(s.out, '', 'stdout');
  s.run.delete();
});

await check('an exception in a task gives a traceback and exit status 1', async () => {
  const s = session('import asyncio\nasync def main():\n    raise ValueError("no milk")\nasyncio.run(main())\n', { clock: 'virtual' });
  const r = await s.finish();
  eq(r.exitStatus, 1, 'exit status');
  expect(/line 3, in main/.test(s.err), `stderr:\n${s.err}`);
  expect(/ValueError: no milk\n$/.test(s.err), `last line:\n${s.err}`);
  s.run.delete();
});

await check('the recursion limit applies', async () => {
  const s = session('def f(n):\n    return f(n + 1)\nf(0)\n', { clock: 'virtual', maxDepth: 200 });
  const r = await s.finish();
  eq(r.exitStatus, 1, 'exit status');
  expect(/RecursionError/.test(s.err), `stderr:\n${s.err.slice(-300)}`);
  s.run.delete();
});

await check('two runs side by side keep their own loops and output', async () => {
  const a = session('import asyncio\nasync def main():\n    for i in range(3):\n        print("a", i)\n        await asyncio.sleep(1)\nasyncio.run(main())\n', { clock: 'virtual' });
  const b = session('import asyncio\nasync def main():\n    for i in range(3):\n        print("b", i)\n        await asyncio.sleep(2)\nasyncio.run(main())\n', { clock: 'virtual' });
  let ra, rb;
  do {
    ra = a.run.runFor(0);
    rb = b.run.runFor(0);
  } while (ra.state !== 'finished' || rb.state !== 'finished');
  eq(a.out, 'a 0\na 1\na 2\n', 'a');
  eq(b.out, 'b 0\nb 1\nb 2\n', 'b');
  expect(Math.abs(ra.time - 3) < 1e-9 && Math.abs(rb.time - 6) < 1e-9, `times ${ra.time} ${rb.time}`);
  a.run.delete();
  b.run.delete();
});

await check('runs can be created and dropped many times (no growth per run)', async () => {
  const heap0 = M.HEAP8.length;
  for (let i = 0; i < 200; ++i) {
    const s = session(GATHER, { clock: 'virtual' });
    await s.finish(1000);
    eq(s.out, GATHER_OUT, `run ${i}`);
    s.run.delete();
  }
  expect(M.HEAP8.length === heap0, `heap grew from ${heap0} to ${M.HEAP8.length}`);
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
