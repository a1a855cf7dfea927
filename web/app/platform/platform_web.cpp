// Browser side of the platform layer (Emscripten).
//
// Clipboard: SDL 2.26 on the web keeps its clipboard inside the page, and it
// cancels Ctrl+key presses, which stops the browser from firing its own copy,
// cut and paste events. The glue below lets Ctrl/Cmd+C, X and V reach the
// browser untouched, then answers those events from the focused editor (copy,
// cut) or feeds the pasted text into it (paste). That works without any
// clipboard permission prompt. Copy buttons elsewhere in the UI also write
// through navigator.clipboard.

#include "platform/platform.h"

#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>

#include <cstdlib>

namespace {

std::function<std::string(bool)> g_copy;
std::function<bool(const std::string&)> g_paste;
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
    if (hidden) emscripten_set_main_loop_timing(EM_TIMING_SETTIMEOUT, 16);
    else emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
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

}  // namespace aio::web::platform
