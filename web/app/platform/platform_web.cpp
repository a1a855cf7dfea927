// Browser side of the platform layer (Emscripten).
//
// Clipboard: SDL 2.26 on the web keeps its clipboard inside the page, and it
// cancels Ctrl+key presses, which stops the browser from firing its own copy,
// cut and paste events. The glue below lets Ctrl/Cmd+C, X and V reach the
// browser untouched, then answers those events from the focused editor (copy,
// cut) or feeds the pasted text into it (paste). That works without any
// clipboard permission prompt. Copy buttons elsewhere in the UI also write
// through navigator.clipboard.
//
// Permalinks: the page's URL fragment is read on load and on every
// hashchange (#src= is inflated with DecompressionStream, capped at 1 MB of
// source), and its code or example name handed to the app; Share compresses
// the editor's text with CompressionStream into #src=, puts the link in the
// address bar (history.replaceState: no hashchange, no history entry) and
// writes it to the clipboard. Module.aioLinkOpened settles once the link the
// page was opened with has been handed over (index.html waits for it before
// the test bridge reports ready).

#include "platform/platform.h"

#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>

#include <cstdlib>
#include <vector>

namespace {

std::function<std::string(bool)> g_copy;
std::function<bool(const std::string&)> g_paste;
std::function<void(const aio::web::platform::Link&)> g_open_link;
std::vector<aio::web::platform::Link> g_pending_links;  // read before a handler was set
std::function<void(const aio::web::platform::ShareResult&)> g_share_done;
std::string g_copy_buffer;  // keeps the text alive while JS reads it

void (*g_sdl_set_clipboard)(void*, const char*) = nullptr;

}  // namespace

// clang-format off
EM_JS(void, aio_js_install_clipboard_glue, (), {
    const isClipboardKey = (e) => (e.ctrlKey || e.metaKey) && !e.altKey &&
        (['KeyC', 'KeyV', 'KeyX'].includes(e.code) || ['c', 'v', 'x', 'C', 'V', 'X'].includes(e.key));
    // Capture phase on window runs before SDL's listener; stopping the event
    // here keeps SDL from calling preventDefault on it.
    window.addEventListener('keydown', (e) => { if (isClipboardKey(e)) e.stopImmediatePropagation(); }, true);
    window.addEventListener('keyup', (e) => { if (isClipboardKey(e)) e.stopImmediatePropagation(); }, true);
    const answer = (e, cut) => {
        const text = UTF8ToString(Module['_aio_web_copy'](cut ? 1 : 0));
        if (text.length > 0) {
            e.clipboardData.setData('text/plain', text);
            e.preventDefault();
        }
    };
    document.addEventListener('copy', (e) => answer(e, false));
    document.addEventListener('cut', (e) => answer(e, true));
    document.addEventListener('paste', (e) => {
        const text = (e.clipboardData || window.clipboardData).getData('text/plain');
        if (!text) return;
        const ptr = allocateUTF8(text);
        Module['_aio_web_paste'](ptr);
        _free(ptr);
        e.preventDefault();
    });
});

EM_JS(void, aio_js_write_clipboard, (const char* text), {
    const s = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).catch(() => {});
});

EM_JS(char*, aio_js_storage_get, (const char* key), {
    try {
        const v = window.localStorage.getItem(UTF8ToString(key));
        return v === null ? 0 : allocateUTF8(v);
    } catch (e) {
        return 0;
    }
});

EM_JS(void, aio_js_storage_set, (const char* key, const char* value), {
    try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});

EM_JS(void, aio_js_storage_remove, (const char* key), {
    try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});

EM_JS(void, aio_js_download, (const char* name, const char* data, int size, const char* mime), {
    const bytes = HEAPU8.slice(data, data + size);
    const blob = new Blob([bytes], { type: UTF8ToString(mime) });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 5000);
});

// requestAnimationFrame stops in a hidden tab; the loop must not. While the
// page is hidden the main loop runs on timers instead (browsers throttle those
// to about once a second in background tabs, and Chrome to once a minute after
// five minutes hidden), and goes back to animation frames when shown.
EM_JS(void, aio_js_watch_visibility, (), {
    document.addEventListener('visibilitychange', () => Module['_aio_web_page_hidden'](document.hidden ? 1 : 0));
});

// Link kinds passed to _aio_web_open_link: 0 source, 1 example, 2 invalid.
EM_JS(void, aio_js_install_links, (), {
    var MAX_SOURCE = 1 << 20;
    var hand = function (kind, text) {
        var ptr = allocateUTF8(text);
        Module['_aio_web_open_link'](kind, ptr);
        _free(ptr);
    };
    var unb64url = function (text, what) {
        if (!/^[A-Za-z0-9_-]*=*$/.test(text)) throw new Error(what + ' holds characters base64url does not use (was the link cut or changed?)');
        var bin;
        try {
            bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
        } catch (e) {
            throw new Error(what + ' is not whole base64url (was the link cut short?)');
        }
        var out = new Uint8Array(bin.length);
        for (var i = 0; i < bin.length; ++i) out[i] = bin.charCodeAt(i);
        return out;
    };
    var utf8 = function (bytes) {
        try {
            return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch (e) {
            throw new Error('the code in the link is not UTF-8 text');
        }
    };
    var inflate = function (bytes) {
        if (typeof DecompressionStream !== 'function')
            return Promise.reject(new Error('this browser cannot unpack compressed links (no DecompressionStream)'));
        var reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
        var chunks = [];
        var total = 0;
        var pump = function () {
            return reader.read().then(function (r) {
                if (r.done) {
                    var out = new Uint8Array(total);
                    var at = 0;
                    chunks.forEach(function (c) { out.set(c, at); at += c.length; });
                    return out;
                }
                total += r.value.length;
                if (total > MAX_SOURCE) {
                    reader.cancel().catch(function () {});
                    throw new Error('the code in the link unpacks to more than 1 MB');
                }
                chunks.push(r.value);
                return pump();
            });
        };
        return pump().catch(function (e) {
            if (/1 MB/.test(String(e.message))) throw e;
            throw new Error('#src= is not deflate-compressed data, or it was cut short (' + String(e.message || e) + ')');
        });
    };
    var fields = function (hash) {
        var out = {};
        hash.split('&').forEach(function (part) {
            var eq = part.indexOf('=');
            var key = eq < 0 ? part : part.slice(0, eq);
            var value = eq < 0 ? "" : part.slice(eq + 1);
            try { value = decodeURIComponent(value); } catch (e) {}
            if (key && !(key in out)) out[key] = value;
        });
        return out;
    };
    var read = function () {
        var hash = location.hash.replace(/^#/, "");
        if (!hash) return Promise.resolve();
        var f = fields(hash);
        var opened;
        if ('src' in f) {
            opened = Promise.resolve().then(function () {
                if (!f.src) throw new Error('#src= is empty');
                return inflate(unb64url(f.src, '#src='));
            }).then(function (bytes) { hand(0, utf8(bytes)); });
        } else if ('code' in f) {
            opened = Promise.resolve().then(function () {
                if (!f.code) throw new Error('#code= is empty');
                var bytes = unb64url(f.code, '#code=');
                if (bytes.length > MAX_SOURCE) throw new Error('the code in the link is more than 1 MB');
                hand(0, utf8(bytes));
            });
        } else if ('example' in f) {
            opened = Promise.resolve().then(function () { hand(1, f.example); });
        } else {
            return Promise.resolve();  // some other anchor: not ours
        }
        return opened.catch(function (e) {
            console.warn('aio playground: could not open the link: ' + String(e.message || e));
            hand(2, String(e.message || e));
        });
    };
    window.addEventListener('hashchange', function () { read(); });
    Module['aioLinkOpened'] = read();
});

EM_JS(void, aio_js_share, (const char* text), {
    var source = UTF8ToString(text);
    var done = function (ok, copied, link, message) {
        var a = allocateUTF8(link);
        var b = allocateUTF8(message);
        Module['_aio_web_share_done'](ok, copied, a, b);
        _free(a);
        _free(b);
    };
    var b64url = function (bytes) {
        var bin = "";
        for (var i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
        return btoa(bin).replace(/[+]/g, '-').replace(/[/]/g, '_').replace(/=+$/, "");
    };
    var bytes = new TextEncoder().encode(source);
    var fragment;
    if (typeof CompressionStream === 'function') {
        var packed = new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw')));
        fragment = packed.arrayBuffer().then(function (b) { return 'src=' + b64url(new Uint8Array(b)); });
    } else {
        fragment = Promise.resolve('code=' + b64url(bytes));
    }
    fragment.then(function (f) {
        var link = location.href.replace(/#.*$/, "") + '#' + f;
        try {
            history.replaceState(history.state, "", link);
        } catch (e) {
            console.warn('aio playground: could not put the link in the address bar: ' + e);
        }
        if (!navigator.clipboard || !navigator.clipboard.writeText) {
            done(1, 0, link, 'this page has no clipboard access (it needs https or localhost)');
            return;
        }
        return navigator.clipboard.writeText(link).then(
            function () { done(1, 1, link, ""); },
            function (e) { done(1, 0, link, String((e && e.message) || e)); });
    }).catch(function (e) { done(0, 0, "", String((e && e.message) || e)); });
});

EM_JS(void, aio_js_clear_link, (), {
    if (!location.hash) return;
    try { history.replaceState(history.state, "", location.href.replace(/#.*$/, "")); } catch (e) {}
});

EM_JS(void, aio_js_first_frame, (), {
    if (typeof Module['aioFirstFrame'] === 'function') Module['aioFirstFrame']();
});
// clang-format on

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* aio_web_copy(int cut) {
    g_copy_buffer = g_copy ? g_copy(cut != 0) : std::string();
    return g_copy_buffer.c_str();
}

EMSCRIPTEN_KEEPALIVE void aio_web_page_hidden(int hidden) {
    if (hidden)
        emscripten_set_main_loop_timing(EM_TIMING_SETTIMEOUT, 16);
    else
        emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
}

EMSCRIPTEN_KEEPALIVE void aio_web_open_link(int kind, const char* text) {
    using aio::web::platform::Link;
    Link link{kind == 0 ? Link::Kind::source : kind == 1 ? Link::Kind::example : Link::Kind::invalid, text};
    if (g_open_link)
        g_open_link(link);
    else
        g_pending_links.push_back(std::move(link));
}

EMSCRIPTEN_KEEPALIVE void aio_web_share_done(int ok, int copied, const char* link, const char* message) {
    auto done = std::move(g_share_done);
    g_share_done = nullptr;
    if (done) done({ok != 0, copied != 0, link, message});
}

EMSCRIPTEN_KEEPALIVE void aio_web_paste(const char* text) {
    // Keep SDL's (and so ImGui's) clipboard in step with the system one.
    SDL_SetClipboardText(text);
    if (g_paste) g_paste(text);
}

}  // extern "C"

namespace aio::web::platform {

namespace {

void set_clipboard_text(void* user, const char* text) {
    if (g_sdl_set_clipboard) g_sdl_set_clipboard(user, text);
    aio_js_write_clipboard(text);
}

}  // namespace

void init() {
    aio_js_install_clipboard_glue();
    aio_js_install_links();
    aio_js_watch_visibility();
    ImGuiIO& io = ImGui::GetIO();
    g_sdl_set_clipboard = io.SetClipboardTextFn;
    io.SetClipboardTextFn = set_clipboard_text;
}

const char* name() { return "web"; }

std::optional<std::string> storage_get(const std::string& key) {
    char* v = aio_js_storage_get(key.c_str());
    if (!v) return std::nullopt;
    std::string out(v);
    std::free(v);
    return out;
}

void storage_set(const std::string& key, const std::string& value) { aio_js_storage_set(key.c_str(), value.c_str()); }
void storage_remove(const std::string& key) { aio_js_storage_remove(key.c_str()); }

std::string save_file(const std::string& name, const std::string& content, const char* mime) {
    aio_js_download(name.c_str(), content.data(), static_cast<int>(content.size()), mime);
    return "downloaded " + name;
}

void first_frame_drawn() { aio_js_first_frame(); }

void set_clipboard_handlers(std::function<std::string(bool)> copy, std::function<bool(const std::string&)> paste) {
    g_copy = std::move(copy);
    g_paste = std::move(paste);
}

void set_link_handler(std::function<void(const Link&)> open) {
    g_open_link = std::move(open);
    auto pending = std::move(g_pending_links);
    g_pending_links.clear();
    if (g_open_link)
        for (const Link& l : pending) g_open_link(l);
}

void share_source(const std::string& source, std::function<void(const ShareResult&)> done) {
    g_share_done = std::move(done);  // one share at a time: a second press replaces the first's report
    aio_js_share(source.c_str());
}

void clear_link() { aio_js_clear_link(); }

}  // namespace aio::web::platform
