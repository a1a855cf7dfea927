// Node.js peer of the aio benchmarks (bench/README.md has the method): the
// same workloads as bench_asyncio.py, written with Node's own async
// functions, Promises and timers. Run it as
//     node --expose-gc bench/bench_node.mjs [key=value ...]
// (--expose-gc lets each workload start from a collected heap, and M1 take
// its baseline after a full collection; without it the numbers are noisier.)
//
// Protocol, shared by every peer:
//   arguments   key=value: only=W1,W3  n1=  m2= k2=  n3=  n4= q4=  d5= r5=  nm=
//   output      one line per workload:  NAME N SECONDS NS_PER_OP PEAK_RSS_KB
//               M1_memory adds a sixth field, bytes per task; lines starting
//               with '#' are comments.
//
// A "task" here is one call of an async function. Unlike asyncio's
// create_task, which schedules the first step for the next iteration, Node
// runs an async function synchronously up to its first await; there is no
// closer native analogue, and each workload below says what that changes.

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const DEFAULTS = {
  n1: 200000,            // W1 tasks
  m2: 1000, k2: 1000,    // W2 tasks, yields per task
  n3: 100000,            // W3 timers
  n4: 1000000, q4: 100,  // W4 items, queue maxsize
  d5: 100, r5: 10000,    // W5 depth, repetitions
  nm: 100000,            // M1 pending tasks
};
const NAMES = {
  W1: 'W1_spawn_gather',
  W2: 'W2_yield_switch',
  W3: 'W3_timers',
  W4: 'W4_queue_pingpong',
  W5: 'W5_await_chain',
  M1: 'M1_memory',
};
const W3_SPAN = 0.1;          // seconds; delays lie in [0, W3_SPAN)
const W3_SEED = 2463534242;   // xorshift32 state before the first step

const collect = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};
const seconds_now = () => performance.now() / 1000;

class WorkloadFailed extends Error {}
function check(ok, what) {
  if (!ok) throw new WorkloadFailed(what);
}

// --- memory ------------------------------------------------------------------

function proc_status_kb(field) {
  try {
    const m = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

// Peak resident set size of this process so far, in KiB.
function peak_rss_kb() {
  return proc_status_kb('VmHWM') ?? process.resourceUsage().maxRSS;
}

function current_rss_kb() {
  return proc_status_kb('VmRSS') ?? Math.round(process.memoryUsage().rss / 1024);
}

// --- W1 spawn_gather -----------------------------------------------------------

async function index(i) {
  return i;
}

// op = one task: an async function called, completed, its result gathered by
// Promise.all. (The call completes at once here, where create_task would
// defer it to the next iteration; the gather still waits a microtask each.)
async function w1_spawn_gather(n) {
  const t0 = seconds_now();
  const tasks = new Array(n);
  for (let i = 0; i < n; i++) tasks[i] = index(i);
  const results = await Promise.all(tasks);
  const seconds = seconds_now() - t0;
  let sum = 0;
  for (const r of results) sum += r;
  check(sum === (n * (n - 1)) / 2, 'W1 sum of indices');
  return [n, seconds, seconds / n];
}

// --- W2 yield_switch -----------------------------------------------------------

// asyncio's sleep(0) hands control back to the event loop for exactly one
// iteration: everything else that is ready runs, and I/O and due timers get
// their turn, before the task resumes. setImmediate is Node's analogue: the
// continuation runs in the next loop iteration's check phase, after pending
// I/O callbacks. A microtask yield (`await null`) is cheaper but never leaves
// the current macrotask, so a task yielding that way starves timers and I/O,
// which sleep(0) does not; it is reported below as a comment only.
const yield_to_loop = () => new Promise((resolve) => setImmediate(resolve));

async function yielder(k) {
  for (let i = 0; i < k; i++) await yield_to_loop();
  return k;
}

async function microtask_yielder(k) {
  for (let i = 0; i < k; i++) await null;
  return k;
}

// op = one yield: a task suspends and the loop resumes the next one.
async function w2_yield_switch(m, k) {
  const run = async (body) => {
    const t0 = seconds_now();
    const tasks = [];
    for (let i = 0; i < m; i++) tasks.push(body(k));
    const done = await Promise.all(tasks);
    const seconds = seconds_now() - t0;
    check(done.reduce((a, b) => a + b, 0) === m * k, 'W2 yield count');
    return seconds;
  };
  const seconds = await run(yielder);
  collect();
  const micro = await run(microtask_yielder);
  console.log(`# W2 with a microtask yield (await null) instead: ${((micro / (m * k)) * 1e9).toFixed(3)} ns/op`);
  return [m * k, seconds, seconds / (m * k)];
}

// --- W3 timers -----------------------------------------------------------------

// Marsaglia's xorshift32 (13, 17, 5); delay i comes from the state after step
// i+1, scaled to [0, span): x / 2**32 * span. Every peer uses this.
function xorshift32_delays(n, seed = W3_SEED, span = W3_SPAN) {
  let x = seed >>> 0;
  const delays = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    delays[i] = (x / 4294967296) * span;
  }
  return delays;
}

// The delay goes to setTimeout as given, in fractional milliseconds, so the
// deadlines are the same as the other peers'. (Node keeps one timer list per
// distinct duration; rounding to whole milliseconds would let 100 lists hold
// all 100000 timers, a different workload.)
async function sleeper(delay_s) {
  await new Promise((resolve) => setTimeout(resolve, delay_s * 1000));
}

// op = one timer: armed, fired on the real clock, its task resumed and
// gathered. NS_PER_OP = (SECONDS - 0.1 s) / N, as the issue defines it.
// Each task is an async function around the timer's promise, as each asyncio
// task runs a coroutine around sleep()'s future. Gathering the bare timer
// promises, with no task around them, is reported as a comment only.
async function w3_timers(n) {
  const delays = xorshift32_delays(n);
  let max = 0, sum = 0;
  for (const d of delays) { max = Math.max(max, d); sum += d; }
  console.log(`# W3 delays: first=${delays[0].toFixed(9)} max=${max.toFixed(9)} sum=${sum.toFixed(6)}`);
  const run = async (spawn) => {
    const t0 = seconds_now();
    const tasks = new Array(n);
    for (let i = 0; i < n; i++) tasks[i] = spawn(delays[i]);
    await Promise.all(tasks);
    return seconds_now() - t0;
  };
  const seconds = await run(sleeper);
  collect();
  const bare = await run((d) => new Promise((resolve) => setTimeout(resolve, d * 1000)));
  console.log(`# W3 with bare timer promises, no async function per task: ${(((bare - W3_SPAN) / n) * 1e9).toFixed(3)} ns/op`);
  return [n, seconds, (seconds - W3_SPAN) / n];
}

// --- W4 queue_pingpong ---------------------------------------------------------

// A first-in first-out ring buffer: Array.prototype.shift is O(n) once an
// array leaves V8's fast path, and a queue should not depend on that.
class Fifo {
  constructor() {
    this.buf = new Array(16);
    this.head = 0;    // index of the oldest element
    this.length = 0;
  }
  push(x) {
    if (this.length === this.buf.length) {
      const old = this.buf;
      this.buf = new Array(old.length * 2);
      for (let i = 0; i < this.length; i++) this.buf[i] = old[(this.head + i) % old.length];
      this.head = 0;
    }
    this.buf[(this.head + this.length) % this.buf.length] = x;
    this.length++;
  }
  shift() {
    const x = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) % this.buf.length;
    this.length--;
    return x;
  }
}

// A bounded async queue shaped like asyncio.Queue: put waits while full,
// get waits while empty, and each side wakes the oldest waiter of the other.
class Queue {
  constructor(maxsize) {
    this.maxsize = maxsize;
    this.items = new Fifo();
    this.getters = new Fifo();   // resolve functions of blocked get() calls
    this.putters = new Fifo();   // resolve functions of blocked put() calls
  }
  full() {
    return this.maxsize > 0 && this.items.length >= this.maxsize;
  }
  async put(item) {
    while (this.full()) await new Promise((resolve) => this.putters.push(resolve));
    this.put_nowait(item);
  }
  put_nowait(item) {
    if (this.full()) throw new Error('QueueFull');
    this.items.push(item);
    if (this.getters.length) this.getters.shift()();
  }
  async get() {
    while (this.items.length === 0) await new Promise((resolve) => this.getters.push(resolve));
    return this.get_nowait();
  }
  get_nowait() {
    if (this.items.length === 0) throw new Error('QueueEmpty');
    const item = this.items.shift();
    if (this.putters.length) this.putters.shift()();
    return item;
  }
}

async function producer(queue, n) {
  for (let i = 0; i < n; i++) await queue.put(i);
}

async function consumer(queue, n) {
  let total = 0;
  for (let i = 0; i < n; i++) total += await queue.get();
  return total;
}

// op = one item: put by the producer, got by the consumer.
async function w4_queue_pingpong(n, maxsize) {
  const queue = new Queue(maxsize);
  const t0 = seconds_now();
  const [, total] = await Promise.all([producer(queue, n), consumer(queue, n)]);
  const seconds = seconds_now() - t0;
  check(total === (n * (n - 1)) / 2, 'W4 sum of items');
  return [n, seconds, seconds / n];
}

// --- W5 await_chain ------------------------------------------------------------

async function chain(depth) {
  if (depth === 0) return 0;
  return (await chain(depth - 1)) + 1;
}

// op = one await level: an async function awaiting another's promise. N = D*R.
async function w5_await_chain(depth, reps) {
  const t0 = seconds_now();
  for (let r = 0; r < reps; r++) check((await chain(depth)) === depth, 'W5 chain result');
  const seconds = seconds_now() - t0;
  return [depth * reps, seconds, seconds / (depth * reps)];
}

// --- M1 memory -----------------------------------------------------------------

let m1_suspended = 0;

async function waiter(event) {
  m1_suspended++;
  await event;
}

// N tasks, each suspended awaiting one shared "event" (a promise resolved
// once, like Event.set). Bytes per task = (peak RSS with all of them pending
// - RSS before) / N. SECONDS is the time to create them; each one has reached
// its await when the call returns, so no loop iteration is needed.
async function m1_memory(n) {
  m1_suspended = 0;
  let set_event;
  const event = new Promise((resolve) => { set_event = resolve; });
  collect();
  const base_kb = current_rss_kb();
  const t0 = seconds_now();
  const tasks = new Array(n);
  for (let i = 0; i < n; i++) tasks[i] = waiter(event);
  const seconds = seconds_now() - t0;
  const peak_kb = peak_rss_kb();
  check(m1_suspended === n, 'M1 tasks pending on the event');
  set_event();
  await Promise.all(tasks);
  return [n, seconds, seconds / n, ((peak_kb - base_kb) * 1024) / n];
}

// --- protocol ------------------------------------------------------------------

function fail(msg) {
  console.error(`bench_node: ${msg}`);
  process.exit(2);
}

function parse_args(argv) {
  const opts = { ...DEFAULTS };
  let only = Object.keys(NAMES);
  for (const arg of argv) {
    const eq = arg.indexOf('=');
    if (eq < 0) fail(`expected key=value, got '${arg}'`);
    const key = arg.slice(0, eq), value = arg.slice(eq + 1);
    if (key === 'only') {
      only = value.split(',').map((item) => {
        const short = item.trim().split('_')[0].toUpperCase();
        if (!(short in NAMES)) fail(`unknown workload '${item}'`);
        return short;
      });
    } else if (key in DEFAULTS) {
      const v = Number(value);
      if (!Number.isInteger(v) || v <= 0) fail(`${key} must be a positive integer`);
      opts[key] = v;
    } else {
      fail(`unknown key '${key}'`);
    }
  }
  return [opts, only];
}

function run_one(short, o) {
  switch (short) {
    case 'W1': return w1_spawn_gather(o.n1);
    case 'W2': return w2_yield_switch(o.m2, o.k2);
    case 'W3': return w3_timers(o.n3);
    case 'W4': return w4_queue_pingpong(o.n4, o.q4);
    case 'W5': return w5_await_chain(o.d5, o.r5);
    default: return m1_memory(o.nm);
  }
}

const [opts, only] = parse_args(process.argv.slice(2));
console.log(`# peer Node.js ${process.version} (V8 ${process.versions.v8}), gc ${typeof globalThis.gc === 'function' ? 'exposed' : 'not exposed: run with --expose-gc'}`);
console.log('# NAME N SECONDS NS_PER_OP PEAK_RSS_KB [BYTES_PER_TASK]');
if (only.includes('M1') && only.length > 1) {
  console.log('# M1 shares its process with other workloads; run it alone (only=M1) for a clean bytes-per-task figure');
}
try {
  for (const short of only) {
    collect();  // start each workload without the previous one's garbage
    const [n, seconds, per_op, bytes_per_task] = await run_one(short, opts);
    const fields = [NAMES[short], String(n), seconds.toFixed(6), (per_op * 1e9).toFixed(3), String(peak_rss_kb())];
    if (short === 'M1') fields.push(bytes_per_task.toFixed(1));
    console.log(fields.join(' '));
  }
} catch (e) {
  if (!(e instanceof WorkloadFailed)) throw e;
  console.error(`bench_node: wrong result in ${e.message}`);
  process.exit(1);
}
