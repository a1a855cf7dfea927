#pragma once
// The toolbar across the top: Run / Step / Stop / Reset, the clock (real,
// virtual = fast-forward, scaled with a speed), Share, loop time and run status.

#include "model/loop_view.h"
#include "run/runner.h"

#include <imgui.h>

namespace aio::web {

struct Fonts;

struct ControlsActions {
    bool run = false;  // Run, or Continue when paused
    bool step = false;
    bool stop = false;
    bool reset = false;
    bool clock_changed = false;
    bool share = false;  // Share: a link to the editor's code
};

class ControlsPanel {
public:
    ClockMode clock = ClockMode::real;
    float speed = 1.0f;  // for ClockMode::scaled, 0.1 .. 10

    ControlsActions draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, const RunState& run);
    // Shows `text` on the Share button for a moment ("Link copied").
    void flash_share(const char* text);

private:
    const char* m_share_flash = nullptr;
    double m_share_flash_until = 0;  // ImGui time
};

// Colour for a run status (pill, status bar).
ImU32 status_colour(RunStatus s);

}  // namespace aio::web
