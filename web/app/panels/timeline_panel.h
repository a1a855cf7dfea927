#pragma once
// The Timeline: one lane per task over loop time, each segment coloured by
// state (ready, running, waiting, sleeping) and ending in a mark for done,
// cancelled or failed. Wheel zooms around the mouse, dragging pans, Shift+wheel
// scrolls lanes, double-click fits. Hovering a segment tells what the task
// waited on. Export writes Chrome trace-event JSON (opens in Perfetto).

#include "model/loop_view.h"

#include <imgui.h>

namespace aio::web {

struct Fonts;

class TimelinePanel {
public:
    // Returns true when Export was pressed.
    bool draw(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, const LoopView& view);
    // A new run starts: fit to it again and follow it.
    void reset_view();

    double view_start() const { return m_t0; }
    double view_span() const { return m_span; }

private:
    void draw_plot(const ImVec2& pos, const ImVec2& size, const Fonts& fonts, const LoopView& view);

    double m_t0 = 0;         // loop time at the plot's left edge, seconds
    double m_span = 1.0;     // seconds across the plot
    float m_scroll = 0;      // lanes scrolled off the top, pixels
    bool m_auto_fit = true;  // keep the whole run in view until the user zooms
    bool m_follow = true;    // keep the loop's current time in view
};

// Tick spacing for an axis showing `span` seconds over `pixels`: 1, 2 or 5
// times a power of ten, at least `min_px` apart.
double nice_tick_step(double span, float pixels, float min_px);
// "250 ms", "1.5 s", "20 µs": a time label suited to the tick step.
void format_time(char* buf, size_t n, double seconds, double step);

}  // namespace aio::web
