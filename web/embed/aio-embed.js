/* aio-embed.js — runnable asyncio blocks for any page.
 *
 *   <script src="https://example.org/aio/aio-embed.js" defer></script>
 *   <pre data-aio>import asyncio
 *   ...</pre>
 *
 * Every <pre data-aio> becomes an editor with Run, Stop and Reset, an output
 * area and a link that opens the code in the playground. The engine (the
 * aio event loop and its Python-subset interpreter, ~0.4 MB gzipped) is
 * fetched on the first Run only, from beside this script.
 *
 * Per block (data attributes on the <pre>):
 *   data-clock="real|virtual|scaled"  loop clock (default real: sleeps take their time)
 *   data-speed="0.5"                  loop seconds per real second for scaled
 *   data-name="gather.py"             file name shown in tracebacks
 *   data-autorun                      run once when the block scrolls into view
 * On the <script> tag:
 *   data-playground="URL"             the playground page (default: index.html beside this script)
 *   data-budget="8"                   milliseconds of work per animation frame
 *
 * The driver: each animation frame runs ready loop work for a time budget
 * (EmbedRun.runFor); when the loop only waits for a timer, one setTimeout
 * wakes it at the deadline; in a hidden tab frames stop, so work continues
 * on timers (which browsers throttle to about once a second in background
 * tabs). A script that never awaits is paused between frames by the engine,
 * so Stop always works.
 *
 * window.aioEmbed: { version, blocks, load(), encodeSource(text), decodeSource(fragment) }.
 */
(() => {
  'use strict';
  if (window.aioEmbed) return;  // included twice

  const here = document.currentScript;
  const base = new URL('.', here ? here.src : location.href);
  const settings = {
    playground: (here && here.dataset.playground) || new URL('index.html', base).href,
    budgetMs: Number((here && here.dataset.budget) || 8),
  };
  const CORE = 'aio-embed-core';

  // --- Loading the engine, once, on the first Run --------------------------------
  // Tiny modules that validate only where the feature exists (tail calls:
  // `return_call`; exception handling: `try ... catch_all`); the engine needs both.
  const TAIL_CALL = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 6, 1, 4, 0, 18, 0, 11];
  const EXCEPTIONS = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11];
  function missingFeatures() {
    if (typeof WebAssembly !== 'object') return ['WebAssembly'];
    const missing = [];
    if (!WebAssembly.validate(new Uint8Array(TAIL_CALL))) missing.push('WebAssembly tail calls');
    if (!WebAssembly.validate(new Uint8Array(EXCEPTIONS))) missing.push('WebAssembly exception handling');
    return missing;
  }

  let modulePromise = null;
  function load() {
    if (modulePromise) return modulePromise;
    modulePromise = new Promise((resolve, reject) => {
      const missing = missingFeatures();
      if (missing.length) {
        reject(new Error('this browser lacks ' + missing.join(' and ') +
                         ' (a current Chrome, Edge, Firefox or Safari has them)'));
        return;
      }
      const s = document.createElement('script');
      s.src = new URL(CORE + '.js', base).href;
      s.async = true;
      s.onload = () => {
        if (typeof window.createAioEmbed !== 'function') {
          reject(new Error(CORE + '.js did not define createAioEmbed'));
          return;
        }
        window.createAioEmbed({
          locateFile: (file) => new URL(file, base).href,
          print: (t) => console.log(t),
          printErr: (t) => console.warn(t),
        }).then(resolve, reject);
      };
      s.onerror = () => reject(new Error('could not load ' + s.src));
      document.head.appendChild(s);
    });
    modulePromise.catch(() => { modulePromise = null; });  // a later Run may retry
    return modulePromise;
  }

  // --- Permalinks: #src=<base64url of the deflate-raw compressed UTF-8 source> ------
  const b64url = (bytes) => {
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  const unb64url = (text) => {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; ++i) out[i] = bin.charCodeAt(i);
    return out;
  };
  async function pipe(bytes, stream) {
    const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
    return new Uint8Array(await out.arrayBuffer());
  }
  // 'src=...' (compressed) where CompressionStream exists, else 'code=...' (plain).
  async function encodeSource(text) {
    const utf8 = new TextEncoder().encode(text);
    if (typeof CompressionStream === 'function') {
      return 'src=' + b64url(await pipe(utf8, new CompressionStream('deflate-raw')));
    }
    return 'code=' + b64url(utf8);
  }
  async function decodeSource(fragment) {
    const params = new URLSearchParams(String(fragment).replace(/^#/, ''));
    if (params.has('src')) {
      const bytes = await pipe(unb64url(params.get('src')), new DecompressionStream('deflate-raw'));
      return new TextDecoder().decode(bytes);
    }
    if (params.has('code')) return new TextDecoder().decode(unb64url(params.get('code')));
    return null;
  }

  // --- Styles (scoped to .aio-block; a page can override any of them) -------------
  const CSS = `
.aio-block{--aio-bg:#f7f8fa;--aio-fg:#1f2328;--aio-line:#d0d7de;--aio-muted:#656d76;--aio-accent:#0969da;
  --aio-err:#cf222e;--aio-out-bg:#1e2127;--aio-out-fg:#d7dae0;--aio-out-err:#ff7b72;
  border:1px solid var(--aio-line);border-radius:8px;margin:1em 0;overflow:hidden;background:var(--aio-bg);color:var(--aio-fg)}
.aio-bar{display:flex;flex-wrap:wrap;gap:6px;align-items:center;padding:6px 8px;border-bottom:1px solid var(--aio-line);
  font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.aio-bar button{font:inherit;padding:3px 12px;border:1px solid var(--aio-line);border-radius:6px;background:#fff;color:var(--aio-fg);cursor:pointer}
.aio-bar button:hover:not(:disabled){border-color:var(--aio-accent)}
.aio-bar button:disabled{opacity:.45;cursor:default}
.aio-bar .aio-run{background:var(--aio-accent);border-color:var(--aio-accent);color:#fff}
.aio-bar select{font:inherit;padding:2px 4px;border:1px solid var(--aio-line);border-radius:6px;background:#fff;color:var(--aio-fg)}
.aio-status{color:var(--aio-muted);font-variant-numeric:tabular-nums;flex:1;min-width:8em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.aio-status.aio-bad{color:var(--aio-err)}
.aio-bar a{color:var(--aio-accent);text-decoration:none}.aio-bar a:hover{text-decoration:underline}
.aio-edit{display:flex;font:13px/1.5 ui-monospace,"JetBrains Mono",Menlo,Consolas,monospace}
.aio-gutter{padding:8px 6px 8px 10px;text-align:right;color:var(--aio-muted);user-select:none;white-space:pre;min-width:2ch;overflow:hidden}
.aio-gutter .aio-errline{color:#fff;background:var(--aio-err);border-radius:3px;padding:0 3px}
.aio-code{flex:1;border:0;outline:0;resize:none;padding:8px;margin:0;background:transparent;color:inherit;font:inherit;
  white-space:pre;overflow:auto hidden;tab-size:4;min-height:3em}
.aio-out{margin:0;padding:8px 10px;background:var(--aio-out-bg);color:var(--aio-out-fg);font:13px/1.45 ui-monospace,"JetBrains Mono",Menlo,Consolas,monospace;
  white-space:pre-wrap;word-break:break-word;max-height:22em;overflow:auto}
.aio-out:empty{display:none}
.aio-out .aio-stderr{color:var(--aio-out-err)}
.aio-out .aio-note{color:#8b919c;font-style:italic}
`;
  function addStyles() {
    if (document.getElementById('aio-embed-css')) return;
    const style = document.createElement('style');
    style.id = 'aio-embed-css';
    style.textContent = CSS;
    document.head.insertBefore(style, document.head.firstChild);  // page styles win
  }

  const el = (tag, props = {}, children = []) => {
    const node = Object.assign(document.createElement(tag), props);
    for (const c of children) node.append(c);
    return node;
  };

  // The <pre>'s text without the indentation common to all lines and
  // without leading/trailing blank lines, so HTML can be indented freely.
  function dedent(text) {
    const lines = text.replace(/\t/g, '    ').replace(/\r\n?/g, '\n').split('\n');
    while (lines.length && !lines[0].trim()) lines.shift();
    while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
    const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length);
    const cut = indents.length ? Math.min(...indents) : 0;
    return lines.map((l) => l.slice(cut)).join('\n') + '\n';
  }

  const CLOCKS = [
    ['real', 1, 'real time'],
    ['scaled', 0.25, 'slow motion ×0.25'],
    ['scaled', 4, 'fast ×4'],
    ['virtual', 1, 'instant (virtual)'],
  ];

  // --- One runnable block ----------------------------------------------------------
  class Block {
    constructor(pre, index) {
      this.index = index;
      this.original = dedent(pre.textContent);
      this.name = pre.dataset.name || `block${index + 1}.py`;
      this.run = null;         // EmbedRun while a program is live
      this.timer = 0;          // setTimeout id
      this.frame = 0;          // requestAnimationFrame id
      this.pending = [];       // output chunks not yet in the DOM: [stream, text]
      this.startedAt = 0;
      this.state = 'idle';     // idle | loading | running | waiting | finished | failed | stopped

      const clock = pre.dataset.clock || 'real';
      const speed = Number(pre.dataset.speed || (clock === 'scaled' ? 0.25 : 1));
      this.runButton = el('button', { type: 'button', className: 'aio-run', textContent: 'Run', title: 'Run (Ctrl+Enter)' });
      this.stopButton = el('button', { type: 'button', className: 'aio-stop', textContent: 'Stop', disabled: true });
      this.resetButton = el('button', { type: 'button', className: 'aio-reset', textContent: 'Reset', title: 'Restore the original code and clear the output' });
      this.clockSelect = el('select', { className: 'aio-clock', title: 'Event loop clock' });
      CLOCKS.forEach(([mode, factor, label], i) => {
        this.clockSelect.append(el('option', { value: String(i), textContent: label }));
        if (mode === clock && (mode !== 'scaled' || factor === speed)) this.clockSelect.value = String(i);
      });
      if (clock === 'scaled' && !CLOCKS.some(([m, f]) => m === 'scaled' && f === speed)) {
        this.clockSelect.append(el('option', { value: 'custom', textContent: `×${speed}` }));
        this.clockSelect.value = 'custom';
      }
      this.customSpeed = speed;
      this.status = el('span', { className: 'aio-status', textContent: '' });
      this.link = el('a', { className: 'aio-open', textContent: 'Open in playground ↗', href: settings.playground, target: '_blank', rel: 'noopener' });
      this.gutter = el('div', { className: 'aio-gutter' });
      this.gutter.setAttribute('aria-hidden', 'true');
      this.code = el('textarea', { className: 'aio-code', spellcheck: false, value: this.original });
      this.code.setAttribute('autocapitalize', 'off');
      this.code.setAttribute('autocomplete', 'off');
      this.code.setAttribute('aria-label', `Python code, ${this.name}`);
      this.out = el('pre', { className: 'aio-out' });
      this.out.setAttribute('aria-live', 'polite');
      this.root = el('div', { className: 'aio-block' }, [
        el('div', { className: 'aio-bar' }, [this.runButton, this.stopButton, this.resetButton, this.clockSelect, this.status, this.link]),
        el('div', { className: 'aio-edit' }, [this.gutter, this.code]),
        this.out,
      ]);
      this.root.dataset.aioIndex = String(index);
      this.root.aioBlock = this;
      pre.replaceWith(this.root);

      this.runButton.addEventListener('click', () => this.start());
      this.stopButton.addEventListener('click', () => this.stop());
      this.resetButton.addEventListener('click', () => this.reset());
      this.clockSelect.addEventListener('change', () => {
        const { mode, speed } = this.clock();
        if (this.run) this.run.setClock(mode, speed);
      });
      this.code.addEventListener('input', () => { this.layout(); this.markError(0); this.updateLink(); });
      this.code.addEventListener('keydown', (e) => this.onKey(e));
      this.code.addEventListener('scroll', () => { this.gutter.scrollTop = this.code.scrollTop; });
      this.link.addEventListener('pointerenter', () => this.updateLink());
      this.layout();
      this.updateLink();
      if (pre.hasAttribute('data-autorun')) this.autorun();
    }

    clock() {
      const v = this.clockSelect.value;
      if (v === 'custom') return { mode: 'scaled', speed: this.customSpeed };
      const [mode, speed] = CLOCKS[Number(v)];
      return { mode, speed };
    }

    // The textarea grows with its text; the gutter numbers its lines.
    layout() {
      const lines = this.code.value.split('\n');
      const n = lines.length - (lines[lines.length - 1] === '' ? 1 : 0) || 1;
      // One row per line, the empty one after a final newline included, so
      // the caret never scrolls the text away from its line numbers.
      this.code.rows = Math.max(1, lines.length);
      let gutter = '';
      for (let i = 1; i <= n; ++i) gutter += (i === this.errorLine ? `<span class="aio-errline">${i}</span>` : i) + '\n';
      this.gutter.innerHTML = gutter;
    }

    markError(line) {
      if ((this.errorLine || 0) === line) return;
      this.errorLine = line;
      this.layout();
    }

    onKey(e) {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        this.start();
      } else if (e.key === 'Tab' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        // Indent with spaces, as Python code wants; Shift+Tab leaves the editor.
        if (e.shiftKey) return;
        e.preventDefault();
        document.execCommand('insertText', false, '    ') ||
          this.code.setRangeText('    ', this.code.selectionStart, this.code.selectionEnd, 'end');
      } else if (e.key === 'Escape' && this.run) {
        this.stop();
      }
    }

    async updateLink() {
      const text = this.code.value;
      if (this.linkFor === text) return;
      this.linkFor = text;
      const fragment = await encodeSource(text);
      if (this.linkFor === text) this.link.href = settings.playground.replace(/#.*$/, '') + '#' + fragment;
    }

    setStatus(text, bad = false) {
      this.status.textContent = text;
      this.status.classList.toggle('aio-bad', bad);
    }

    setState(state) {
      this.state = state;
      this.root.dataset.aioState = state;
      const live = state === 'loading' || state === 'running' || state === 'waiting';
      this.stopButton.disabled = !live;
      this.runButton.textContent = live ? 'Restart' : 'Run';
    }

    write(stream, text) {
      this.pending.push([stream, text]);
    }

    // Output reaches the DOM once per tick, in as few nodes as possible.
    flush() {
      if (!this.pending.length) return;
      const stick = this.out.scrollTop + this.out.clientHeight >= this.out.scrollHeight - 4;
      let stream = 0, buf = '';
      const put = () => {
        if (!buf) return;
        if (stream === 2) this.out.append(el('span', { className: 'aio-stderr', textContent: buf }));
        else this.out.append(document.createTextNode(buf));
        buf = '';
      };
      for (const [s, t] of this.pending) {
        if (s !== stream) { put(); stream = s; }
        buf += t;
      }
      put();
      this.pending = [];
      if (stick) this.out.scrollTop = this.out.scrollHeight;
      // A traceback names the line: File "block1.py", line 7
      const err = this.stderrText();
      const m = [...err.matchAll(new RegExp(`File "${this.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}", line (\\d+)`, 'g'))].pop();
      if (m) this.markError(Number(m[1]));
    }

    stderrText() {
      return [...this.out.querySelectorAll('.aio-stderr')].map((n) => n.textContent).join('');
    }

    note(text) {
      this.out.append(el('span', { className: 'aio-note', textContent: text }));
    }

    cancelWake() {
      if (this.timer) clearTimeout(this.timer);
      if (this.frame) cancelAnimationFrame(this.frame);
      this.timer = this.frame = 0;
    }

    async start() {
      this.stop(true);
      this.out.textContent = '';
      this.markError(0);
      this.setState('loading');
      const generation = (this.generation = (this.generation || 0) + 1);
      let M;
      try {
        if (!modulePromise) this.setStatus('loading the engine…');
        M = await load();
      } catch (e) {
        this.setState('failed');
        this.setStatus('could not start', true);
        this.out.append(el('span', { className: 'aio-stderr', textContent: String(e.message || e) + '\n' }));
        return;
      }
      if (generation !== this.generation) return;  // stopped or restarted while loading
      const { mode, speed } = this.clock();
      try {
        this.run = new M.EmbedRun(
          { clock: mode, speed, filename: this.name },
          { output: (stream, text) => this.write(stream, text) });
      } catch (e) {
        // A RangeError naming a bad option (data-speed="fast", data-speed="-1"):
        // the block's markup is wrong, so say which attribute, and run nothing.
        this.run = null;
        this.out.append(el('span', { className: 'aio-stderr', textContent: `${e && e.message || e}\n` }));
        this.finish('failed', 'bad block options', true);
        return;
      }
      this.run.start(this.code.value);
      this.time0 = null;
      this.startedAt = performance.now();
      this.setState('running');
      this.setStatus('running');
      this.tick();
    }

    // One turn of the driver: run for the budget, then decide when to come back.
    tick() {
      this.timer = this.frame = 0;
      if (!this.run) return;
      let s;
      try {
        s = this.run.runFor(settings.budgetMs);
      } catch (e) {
        // An engine trap (out of memory, a bug): say so and drop the run.
        this.flush();
        this.out.append(el('span', { className: 'aio-stderr', textContent: `\n[engine error: ${e && e.message || e}]\n` }));
        this.finish('failed', 'engine error', true);
        return;
      }
      this.flush();
      // Loop time from the loop's start: a real clock reads the machine's
      // monotonic clock (seconds since boot), which says little here.
      if (s.start !== undefined) this.time0 = s.start;
      const t = this.elapsed(s.time);
      if (s.state === 'finished') {
        if (s.exitStatus === 0) {
          this.finish('finished', `done · loop time ${t} s`, false);
        } else {
          // The exception line of the traceback says it best.
          const last = this.stderrText().trim().split('\n').pop() || `exit status ${s.exitStatus}`;
          this.finish('failed', last + (this.errorLine ? ` (line ${this.errorLine})` : ''), true);
        }
        return;
      }
      const tasks = s.tasks ? ` · ${s.tasks} task${s.tasks === 1 ? '' : 's'}` : '';
      if (s.state === 'ready') {
        this.setState('running');
        this.setStatus(`running · loop time ${t} s${tasks}`);
        // Hidden tabs get no animation frames: continue on timers instead.
        if (document.hidden) this.timer = setTimeout(() => this.tick(), 0);
        else this.frame = requestAnimationFrame(() => this.tick());
      } else {
        this.setState('waiting');
        if (Number.isFinite(s.wakeInMs)) {
          this.setStatus(`waiting · loop time ${t} s${tasks}`);
          this.timer = setTimeout(() => this.tick(), Math.max(0, Math.min(s.wakeInMs, 2 ** 31 - 1)));
        } else {
          // Nothing is scheduled: the program waits for something that never
          // comes (CPython would hang here). Stop ends it.
          this.setStatus(`waiting forever (nothing scheduled) · loop time ${t} s${tasks}`, true);
        }
      }
    }

    elapsed(time) {
      return Math.max(0, (time || 0) - (this.time0 || 0)).toFixed(2);
    }

    finish(state, text, bad) {
      this.cancelWake();
      if (this.run) {
        this.run.delete();
        this.run = null;
      }
      this.setState(state);
      this.setStatus(text, bad);
    }

    stop(quiet = false) {
      this.generation = (this.generation || 0) + 1;
      this.cancelWake();
      if (!this.run) {
        if (this.state === 'loading') this.setState('stopped');
        return;
      }
      const t = this.elapsed(this.run.time());
      this.run.stop();
      this.flush();
      this.finish('stopped', quiet ? '' : `stopped · loop time ${t} s`);
      if (!quiet) this.note('[stopped]\n');
    }

    reset() {
      this.stop(true);
      this.code.value = this.original;
      this.out.textContent = '';
      this.markError(0);
      this.setState('idle');
      this.setStatus('');
      this.layout();
      this.updateLink();
    }

    autorun() {
      const io = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          if (this.state === 'idle') this.start();
        }
      });
      io.observe(this.root);
    }
  }

  const blocks = [];
  // A tab going to the background stops animation frames: move a pending
  // frame to a timer so the run goes on (throttled by the browser).
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) return;
    for (const b of blocks) {
      if (b.frame) {
        cancelAnimationFrame(b.frame);
        b.frame = 0;
        b.timer = setTimeout(() => b.tick(), 0);
      }
    }
  });

  function enhanceAll() {
    addStyles();
    for (const pre of document.querySelectorAll('pre[data-aio]')) blocks.push(new Block(pre, blocks.length));
  }

  window.aioEmbed = { version: 1, blocks, load, encodeSource, decodeSource, settings };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhanceAll);
  else enhanceAll();
})();
