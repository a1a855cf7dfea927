// Test-bridge entry points for the engine runner (Wasm only), next to
// test_bridge.cpp's: index.html maps them to window.aioTest.runCpp() and
// window.aioTest.driver().

#include "app.h"
#include "run/driver.h"

#include <emscripten.h>

#include <cstdio>
#include <string>

extern "C" {

// "Run C++", as the C++ twin panel's button does.
EMSCRIPTEN_KEEPALIVE void aio_test_run_cpp() { aio::web::app().playground->run_cpp(); }

// The last slice of loop work: {"status","units","ms","frameMs"} (JSON):
// `ms` the driver's slice, `frameMs` the runner's whole frame (slice plus
// the snapshot of ready queue and timers for the panels).
EMSCRIPTEN_KEEPALIVE const char* aio_test_driver() {
    static std::string out;
    const aio::web::Driver::Slice& s = aio::web::Driver::last_slice();
    const char* status = s.status == aio::web::DriveTarget::Status::ready     ? "ready"
                         : s.status == aio::web::DriveTarget::Status::waiting ? "waiting"
                                                                              : "finished";
    char buf[200];
    std::snprintf(buf, sizeof buf, "{\"status\":\"%s\",\"units\":%u,\"ms\":%.3f,\"frameMs\":%.3f}", status, s.units,
                  s.ms, aio::web::Driver::last_frame_ms());
    out = buf;
    if (!aio::web::Driver::s_last_state.empty()) {
        out.pop_back();
        out += "," + aio::web::Driver::s_last_state + "}";
    }
    return out.c_str();
}

}  // extern "C"
