// C entry points behind index.html's window.aioTest, for browser end-to-end
// tests (and curious people in the devtools console). Each returns plain
// values or a JSON string; strings returned stay valid until the next call.

#include "app.h"
#include "model/trace_export.h"
#include "sample_view.h"

#include <emscripten.h>

#include <string>

namespace {

std::string g_out;

const char* keep(std::string s) {
    g_out = std::move(s);
    return g_out.c_str();
}

aio::web::Playground& pg() { return *aio::web::app().playground; }

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE double aio_test_frames() { return static_cast<double>(aio::web::app().frames); }

EMSCRIPTEN_KEEPALIVE double aio_test_frame_cost_ms() { return aio::web::app().last_cpu_ms; }

EMSCRIPTEN_KEEPALIVE const char* aio_test_state() { return keep(pg().state_json()); }

EMSCRIPTEN_KEEPALIVE const char* aio_test_examples() {
    std::string out = "[";
    for (const auto& ex : pg().catalog().examples) {
        if (out.size() > 1) out += ",";
        out += "{\"name\":";
        aio::web::append_json_string(out, ex.name);
        out += ",\"title\":";
        aio::web::append_json_string(out, ex.title);
        out += ",\"group\":";
        aio::web::append_json_string(out, ex.group);
        out += ",\"hasCpp\":";
        out += ex.cpp.empty() ? "false" : "true";
        out += "}";
    }
    return keep(out + "]");
}

EMSCRIPTEN_KEEPALIVE int aio_test_select_example(const char* name) { return pg().select_example(name) ? 1 : 0; }

// As the toolbar's Share button: the link lands in the address bar (and on
// the clipboard) asynchronously; the console says how it went.
EMSCRIPTEN_KEEPALIVE void aio_test_share() { pg().share(); }

// As the toolbar's Clock combo (and speed slider): "real", "virtual", "scaled".
EMSCRIPTEN_KEEPALIVE int aio_test_set_clock(const char* mode, double speed) {
    std::string m = mode;
    aio::web::ClockMode c;
    if (m == "real")
        c = aio::web::ClockMode::real;
    else if (m == "virtual")
        c = aio::web::ClockMode::virtual_time;
    else if (m == "scaled")
        c = aio::web::ClockMode::scaled;
    else
        return 0;
    pg().set_clock(c, speed);
    return 1;
}

EMSCRIPTEN_KEEPALIVE const char* aio_test_source() { return keep(pg().editor().text()); }

EMSCRIPTEN_KEEPALIVE void aio_test_set_source(const char* text) {
    // As if typed: one undoable replacement of everything.
    aio::web::TextBuffer& b = pg().editor().buffer();
    b.select_all();
    b.insert_text(text);
}

EMSCRIPTEN_KEEPALIVE const char* aio_test_console(int with_info) {
    return keep(pg().state().console.text(true, true, with_info != 0));
}

// The C++ twin's column of the console.
EMSCRIPTEN_KEEPALIVE const char* aio_test_console_cpp(int with_info) {
    return keep(pg().state().cpp_console.text(true, true, with_info != 0));
}

EMSCRIPTEN_KEEPALIVE void aio_test_run() { pg().run(); }
EMSCRIPTEN_KEEPALIVE void aio_test_stop() { pg().stop(); }
EMSCRIPTEN_KEEPALIVE void aio_test_step() { pg().step(); }
EMSCRIPTEN_KEEPALIVE void aio_test_reset() { pg().reset(); }
// Marks an error as a run would (1-based line and column), to check how the
// editor shows it without running anything.
EMSCRIPTEN_KEEPALIVE void aio_test_mark_error(int line, int column, const char* message) {
    pg().state().error = {line, column, message};
}

EMSCRIPTEN_KEEPALIVE void aio_test_load_sample() { aio::web::load_sample_view(pg().state()); }
EMSCRIPTEN_KEEPALIVE void aio_test_load_stress(int tasks, int segments) {
    aio::web::load_stress_view(pg().state(), tasks, segments);
}
EMSCRIPTEN_KEEPALIVE const char* aio_test_trace() { return keep(aio::web::to_chrome_trace(pg().state().loop)); }

}  // extern "C"
