#pragma once
// The one running app: window, GL context, fonts, the playground. Shared by
// the frame loop (main_loop.cpp) and the browser test bridge (test_bridge.cpp).

#include "platform/sdl_events.h"
#include "playground.h"
#include "ui/theme.h"

#include <SDL.h>

#include <cstdint>
#include <memory>

namespace aio::web {

struct App {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    Fonts fonts;
    EventPump events;
    std::unique_ptr<Runner> runner;
    std::unique_ptr<Playground> playground;
    std::uint64_t frames = 0;          // frames drawn so far
    double last_cpu_ms = 0;            // our code's time in the last frame
    int quit_after_frames = -1;        // desktop --frames N
    const char* screenshot = nullptr;  // desktop --screenshot FILE.bmp
};

App& app();

}  // namespace aio::web
